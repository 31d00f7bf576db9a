#pragma once
// A short string with inline storage. Items, locations and identifiers are rebuilt for
// every document that mentions them; keeping them off the heap keeps that rebuild cheap.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ordex::bench {

template <std::size_t N>
class FixedText {
 public:
  FixedText() = default;
  explicit FixedText(std::string_view s) { append(s); }

  // Appends what fits; the generator's vocabulary is sized so that nothing is cut.
  FixedText& append(std::string_view s) {
    for (const char c : s) {
      if (size_ == N) break;
      data_[size_++] = c;
    }
    return *this;
  }

  FixedText& push_back(char c) {
    if (size_ < N) data_[size_++] = c;
    return *this;
  }

  FixedText& append_digits(std::uint64_t value, int width) {
    char tmp[24];
    int n = 0;
    do {
      tmp[n++] = static_cast<char>('0' + value % 10);
      value /= 10;
    } while (value != 0);
    while (n < width) tmp[n++] = '0';
    while (n > 0 && size_ < N) data_[size_++] = tmp[--n];
    return *this;
  }

  // Appends the GS1 mod-10 check digit of the digits so far (UPC, GLN, GTIN, SSCC, BOL).
  FixedText& append_gs1_check_digit() {
    int sum = 0;
    bool triple = true;  // the digit next to the check digit weighs 3
    for (std::size_t i = size_; i-- > 0;) {
      const int d = data_[i] - '0';
      sum += triple ? 3 * d : d;
      triple = !triple;
    }
    const char check = static_cast<char>('0' + (10 - sum % 10) % 10);
    return append(std::string_view(&check, 1));
  }

  std::string_view view() const { return {data_, size_}; }
  operator std::string_view() const { return view(); }  // NOLINT: used like a string_view
  std::size_t size() const { return size_; }

 private:
  char data_[N] = {};
  std::size_t size_ = 0;
};

}  // namespace ordex::bench
