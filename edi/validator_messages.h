#pragma once
// Private to the validator: the human-readable text of its findings.

#include <cstdint>
#include <string>
#include <string_view>

#include "edi/element_checks.h"

namespace ordex::edi::detail {

// "BEG05", "REF04-02": the element (and component) as implementation guides name them.
std::string element_label(std::string_view tag, std::uint32_t element, std::uint32_t component);

// "BEG05 (373 Date) '20261331' is not a valid date".
std::string element_message(const ElementIssue& issue, std::string_view tag);

}  // namespace ordex::edi::detail
