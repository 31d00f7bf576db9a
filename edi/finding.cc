#include "edi/finding.h"

#include <cstdio>

namespace ordex::edi {

std::string Code::str() const {
  char buf[24];
  switch (list) {
    case CodeList::kTA1:
      std::snprintf(buf, sizeof buf, "TA1:%03u", value);
      return buf;
    case CodeList::kAK9:
      return "AK9:" + std::to_string(value);
    case CodeList::kAK5:
      return "AK5:" + std::to_string(value);
    case CodeList::kAK3:
      return "AK3:" + std::to_string(value);
    case CodeList::kAK4:
      return "AK4:" + std::to_string(value);
    case CodeList::kCONTRL:
      return "CONTRL:" + std::to_string(value);
    case CodeList::kFile:
      return "file:" + std::to_string(value);
  }
  return "?";
}

std::string_view to_string(Severity severity) {
  return severity == Severity::kError ? "error" : "warning";
}

}  // namespace ordex::edi
