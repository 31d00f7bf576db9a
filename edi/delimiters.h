#pragma once
// The separators an interchange declares for itself, and how they are read from the bytes.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ordex::edi {

enum class Standard : std::uint8_t { kX12, kEdifact };

std::string_view to_string(Standard standard);

// The service characters of one interchange. `repetition` and `release` are 0 when the
// interchange has none (X12 before 00402 has no repetition separator; X12 has no release
// character at all).
struct Delimiters {
  char segment = '~';
  char element = '*';
  char component = ':';
  char repetition = 0;
  char release = 0;
  char decimal = '.';

  friend bool operator==(const Delimiters&, const Delimiters&) = default;
};

// EDIFACT's default service string advice (UNA:+.? ') used when an interchange has no UNA.
// Syntax version 4 adds '*' as the repetition separator.
Delimiters edifact_default_delimiters(int syntax_version);

// UNB S001 0001 syntax identifiers of the UN/ECE character repertoires (UNOA ... UNOY).
bool is_known_edifact_syntax(std::string_view id);

// Why a set of delimiters cannot be used; empty when they can.
struct DelimiterProblem {
  enum class Kind : std::uint8_t { kNone, kSegment, kElement, kComponent, kRepetition, kRelease };
  Kind kind = Kind::kNone;
  std::string message;
};

// Delimiters must be distinct from each other and must not be letters or digits
// (those occur in data). Returns the first problem found.
DelimiterProblem check_delimiters(const Delimiters& d);

}  // namespace ordex::edi
