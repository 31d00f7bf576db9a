#pragma once
// Internal to orders/feeds: libxml2's error reports collected as MappingIssues instead of
// being printed.

#include <libxml/xmlerror.h>

#include <cstdint>
#include <string>
#include <vector>

#include "orders/mapping/document_sink.h"

namespace ordex::orders {

class XmlErrors {
 public:
  // libxml2's structured error callback; `self` is the XmlErrors. (libxml2 2.12 made the
  // error parameter const; this is the 2.9/2.10 signature Debian 12 ships.)
  static void on_error(void* self, xmlErrorPtr error);

  void add(std::uint32_t line, std::uint32_t column, std::string reason);
  bool failed() const { return failed_; }
  // The issues collected, the last one counting those beyond the first kMaxIssues.
  std::vector<MappingIssue> take();

 private:
  static constexpr std::size_t kMaxIssues = 50;  // one broken file need not list every line
  std::vector<MappingIssue> issues_;
  std::size_t suppressed_ = 0;
  bool failed_ = false;
};

// Routes libxml2's thread-local error channels (structured and generic) to `errors` for the
// guard's lifetime, so nothing it reports reaches stderr; restores the previous handlers.
class QuietLibxml {
 public:
  explicit QuietLibxml(XmlErrors& errors);
  ~QuietLibxml();
  QuietLibxml(const QuietLibxml&) = delete;
  QuietLibxml& operator=(const QuietLibxml&) = delete;

 private:
  xmlStructuredErrorFunc structured_;
  void* structured_context_;
  xmlGenericErrorFunc generic_;
  void* generic_context_;
};

}  // namespace ordex::orders
