#pragma once
// UTF-8 checks for text entering the store and the CSV reader. PostgreSQL refuses text that
// is not valid UTF-8 (or holds NUL) where SQLite stores any bytes; the store cleans text the
// same way on both engines so both keep the same values.

#include <string>
#include <string_view>

namespace ordex::orders {

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
bool is_valid_utf8(std::string_view text);

// `text` with each ill-formed sequence and each NUL replaced by U+FFFD. Returns `text`
// unchanged (one copy) when it is already clean, the common case.
std::string to_valid_utf8(std::string_view text);

// The same, appended to `out`: the store's batches keep a column's texts end to end in one
// string, so a row costs no allocation of its own.
void append_valid_utf8(std::string& out, std::string_view text);

}  // namespace ordex::orders
