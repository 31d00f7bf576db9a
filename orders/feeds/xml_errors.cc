#include "orders/feeds/xml_errors.h"

#include <libxml/globals.h>

namespace ordex::orders {
namespace {

// Generic (printf-style) reports are only what libxml2 could not route through the structured
// channel; they are dropped, the structured ones carry the same problems.
void ignore_generic(void* /*context*/, const char* /*format*/, ...) {}

}  // namespace

void XmlErrors::on_error(void* self, xmlErrorPtr error) {
  if (self == nullptr || error == nullptr) return;
  auto& errors = *static_cast<XmlErrors*>(self);
  std::string message = error->message != nullptr ? error->message : "unknown XML error";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (error->level == XML_ERR_WARNING) return;  // warnings do not make a feed invalid
  errors.add(error->line > 0 ? static_cast<std::uint32_t>(error->line) : 0,
             error->int2 > 0 ? static_cast<std::uint32_t>(error->int2) : 0, std::move(message));
}

void XmlErrors::add(std::uint32_t line, std::uint32_t column, std::string reason) {
  failed_ = true;
  if (issues_.size() >= kMaxIssues) {
    ++suppressed_;
    return;
  }
  MappingIssue& issue = issues_.emplace_back();
  issue.code = IssueCode::kFeedInvalid;
  issue.severity = IssueSeverity::kError;
  issue.line = line;
  issue.column = column;
  issue.reason = std::move(reason);
}

std::vector<MappingIssue> XmlErrors::take() {
  if (suppressed_ > 0) {
    MappingIssue& more = issues_.emplace_back();
    more.code = IssueCode::kFeedInvalid;
    more.severity = IssueSeverity::kError;
    more.reason = "and " + std::to_string(suppressed_) + " more errors";
    suppressed_ = 0;
  }
  return std::move(issues_);
}

QuietLibxml::QuietLibxml(XmlErrors& errors)
    : structured_(xmlStructuredError),
      structured_context_(xmlStructuredErrorContext),
      generic_(xmlGenericError),
      generic_context_(xmlGenericErrorContext) {
  xmlSetStructuredErrorFunc(&errors, &XmlErrors::on_error);
  xmlSetGenericErrorFunc(nullptr, &ignore_generic);
}

QuietLibxml::~QuietLibxml() {
  xmlSetStructuredErrorFunc(structured_context_, structured_);
  xmlSetGenericErrorFunc(generic_context_, generic_);
}

}  // namespace ordex::orders
