#pragma once
// Internal to orders/feeds: what comes before an XML document's root element, read before
// libxml2 sees the bytes.

#include <cstddef>
#include <string>
#include <string_view>

#include "orders/feeds/xml_errors.h"

namespace ordex::orders {

// Offset of the first markup after the byte-order mark, white space, processing instructions
// (the XML declaration) and comments; npos when `head` ends before it.
std::size_t skip_prolog(std::string_view head);

// A DOCTYPE is refused before the parser sees it: whatever its entities would do (expand
// exponentially, read files, reach the network) never starts. `head` is the input's start;
// true (and one error in `errors`) when it declares a DOCTYPE.
bool refuse_doctype(std::string_view head, XmlErrors& errors);

// The first 64 KiB of the file at `path` (less when shorter; empty when unreadable).
std::string head_of(const std::string& path);

}  // namespace ordex::orders
