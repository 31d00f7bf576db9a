#pragma once
// Private to edi/: reading the fixed-width X12 ISA header.

#include <string>
#include <string_view>
#include <vector>

#include "edi/delimiters.h"
#include "edi/finding.h"
#include "edi/segment.h"

namespace ordex::edi::detail {

inline constexpr std::size_t kIsaLength = 106;

struct IsaLayout {
  Delimiters delimiters;
  std::size_t length = 0;           // bytes from 'I' to the terminator, inclusive
  Code problem{CodeList::kTA1, 0};  // value 0: usable
  std::string message;
};

// Finds the delimiters an ISA declares. `head` starts at "ISA" and holds up to 128 bytes.
IsaLayout read_isa_layout(std::string_view head);

struct IsaProblem {
  std::uint16_t ta1 = 0;
  std::uint32_t element = 0;
  std::string message;
  bool warning = false;
};

// The ISA field checks behind TA1 note codes 003-022, in element order.
std::vector<IsaProblem> check_isa_fields(const Segment& isa);

bool is_known_isa_qualifier(std::string_view qualifier);

}  // namespace ordex::edi::detail
