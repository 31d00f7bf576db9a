#include "error_injection.h"

namespace ordex::bench {

std::string_view error_code(ErrorKind kind, Standard standard) {
  const bool x12 = standard == Standard::kX12;
  switch (kind) {
    case ErrorKind::kNone:
      return "";
    case ErrorKind::kInvalidCode:
      return x12 ? "AK4:7" : "CONTRL:12";
    case ErrorKind::kInvalidDate:
      return x12 ? "AK4:8" : "CONTRL:12";
    case ErrorKind::kMissingElement:
      return x12 ? "AK4:1" : "CONTRL:13";
    case ErrorKind::kMissingSegment:
      return x12 ? "AK3:3" : "CONTRL:13";
    case ErrorKind::kWrongCount:
      return x12 ? "AK5:4" : "CONTRL:29";
  }
  return "";
}

ErrorKind pick_error(Rng& rng, double rate) {
  // Always two draws, so the error stream stays aligned whatever the outcome.
  const bool hit = rng.chance(rate);
  const std::uint32_t which = rng.below(5);
  if (!hit) return ErrorKind::kNone;
  return static_cast<ErrorKind>(which + 1);
}

}  // namespace ordex::bench
