#pragma once
// JSON string escaping for hand-written JSON lines (the finding stream is written directly so
// key order matches the documented contract and no DOM is built per finding).

#include <string>
#include <string_view>

namespace ordex::orders {

// Appends `value` as a JSON string literal, quotes included. Bytes that are not valid UTF-8
// (EDI from the field is not always UTF-8) become U+FFFD so every line stays valid JSON.
void append_json_string(std::string& out, std::string_view value);

}  // namespace ordex::orders
