#include "orders/feeds/xml_prolog.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>

#include "orders/feeds/xml_tracking_feed.h"

namespace ordex::orders {

std::size_t skip_prolog(std::string_view head) {
  std::size_t at = head.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  for (;;) {
    at = head.find_first_not_of(" \t\r\n", at);
    if (at == std::string_view::npos) return at;
    const std::string_view rest = head.substr(at);
    const bool pi = rest.substr(0, 2) == "<?";
    const bool comment = rest.substr(0, 4) == "<!--";
    if (!pi && !comment) return at;
    const std::size_t end = head.find(pi ? "?>" : "-->", at);
    if (end == std::string_view::npos) return end;
    at = end + (pi ? 2 : 3);
  }
}

bool refuse_doctype(std::string_view head, XmlErrors& errors) {
  const std::size_t at = skip_prolog(head);
  if (at == std::string_view::npos || head.substr(at, 9) != "<!DOCTYPE") return false;
  const auto line = static_cast<std::uint32_t>(
      1 + std::count(head.begin(), head.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
  errors.add(line, 0,
             "DOCTYPE is not allowed in a tracking feed: DTDs and entity declarations are "
             "refused");
  return true;
}

std::string head_of(const std::string& path) {
  std::string head(64 * 1024, '\0');
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  const ssize_t n = ::pread(fd, head.data(), head.size(), 0);
  ::close(fd);
  head.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  return head;
}

bool looks_like_xml_tracking_feed(std::string_view head) {
  const std::size_t at = skip_prolog(head);
  if (at == std::string_view::npos) return false;
  head.remove_prefix(at);
  constexpr std::string_view kRoot = "<trackingFeed";
  if (head.substr(0, kRoot.size()) != kRoot || head.size() == kRoot.size()) return false;
  const char next = head[kRoot.size()];
  return next == ' ' || next == '>' || next == '/' || next == '\t' || next == '\n' || next == '\r';
}

}  // namespace ordex::orders
