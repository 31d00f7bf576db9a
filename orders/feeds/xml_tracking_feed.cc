#include "orders/feeds/xml_tracking_feed.h"

#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <utility>
#include <vector>

#include "orders/feeds/feed_event.h"
#include "orders/feeds/xml_errors.h"
#include "orders/feeds/xml_prolog.h"

namespace ordex::orders {
namespace {

// No DTD loading, no entity substitution, no network; line numbers past 65535 kept.
constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_BIG_LINES;

struct Compiled {
  xmlSchemaPtr schema = nullptr;
  std::string error;
};

// Compiled once per process and never freed: immutable, shared by every reader.
const Compiled& compiled_schema() {
  static const Compiled compiled = [] {
    xmlInitParser();
    Compiled c;
    XmlErrors errors;
    const QuietLibxml quiet(errors);
    const std::string_view xsd = tracking_feed_xsd();
    xmlSchemaParserCtxtPtr ctxt =
        xmlSchemaNewMemParserCtxt(xsd.data(), static_cast<int>(xsd.size()));
    if (ctxt != nullptr) {
      xmlSchemaSetParserStructuredErrors(ctxt, &XmlErrors::on_error, &errors);
      c.schema = xmlSchemaParse(ctxt);
      xmlSchemaFreeParserCtxt(ctxt);
    }
    if (c.schema == nullptr) c.error = "the embedded tracking-feed.xsd does not compile";
    return c;
  }();
  return compiled;
}

struct Input {
  std::string_view bytes;
  const std::string* path = nullptr;  // set: read the file, streaming
  std::string name;
};

// One xmlTextReader over the input, its errors going to `errors`.
class Reader {
 public:
  Reader(const Input& in, XmlErrors& errors) {
    if (in.path != nullptr) {
      fd_ = ::open(in.path->c_str(), O_RDONLY | O_CLOEXEC);
      if (fd_ < 0) {
        errors.add(0, 0, "cannot open: " + std::string(std::strerror(errno)));
        return;
      }
      reader_ = xmlReaderForFd(fd_, in.name.c_str(), nullptr, kParseOptions);
    } else if (in.bytes.size() <= static_cast<std::size_t>(INT_MAX)) {
      reader_ = xmlReaderForMemory(in.bytes.data(), static_cast<int>(in.bytes.size()),
                                   in.name.c_str(), nullptr, kParseOptions);
    }
    if (reader_ == nullptr) {
      errors.add(0, 0, "cannot read the input as XML");
      return;
    }
    xmlTextReaderSetStructuredErrorHandler(reader_, &XmlErrors::on_error, &errors);
  }
  ~Reader() {
    if (reader_ != nullptr) xmlFreeTextReader(reader_);
    if (fd_ >= 0) ::close(fd_);
  }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  xmlTextReaderPtr get() const { return reader_; }

 private:
  xmlTextReaderPtr reader_ = nullptr;
  int fd_ = -1;
};

// Pass 1: the whole file against the XSD. True when it may be mapped.
bool validate(const Input& in, XmlErrors& errors) {
  const Compiled& compiled = compiled_schema();
  if (compiled.schema == nullptr) {
    errors.add(0, 0, compiled.error);
    return false;
  }
  Reader reader(in, errors);
  xmlTextReaderPtr r = reader.get();
  if (r == nullptr) return false;
  if (xmlTextReaderSetSchema(r, compiled.schema) != 0) {
    errors.add(0, 0, "cannot attach the tracking-feed schema");
    return false;
  }
  int ret = 0;
  while ((ret = xmlTextReaderRead(r)) == 1) {
    if (xmlTextReaderNodeType(r) == XML_READER_TYPE_DOCUMENT_TYPE) {
      errors.add(static_cast<std::uint32_t>(xmlTextReaderGetParserLineNumber(r)), 0,
                 "DOCTYPE is not allowed in a tracking feed: DTDs and entity declarations are "
                 "refused");
      return false;
    }
  }
  return ret == 0 && xmlTextReaderIsValid(r) == 1 && !errors.failed();
}

// xs:token semantics: leading and trailing white space dropped, inner runs made one space.
void assign_token(const xmlChar* text, std::string& out) {
  out.clear();
  if (text == nullptr) return;
  bool space = false;
  for (const xmlChar* p = text; *p != 0; ++p) {
    const char c = static_cast<char>(*p);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
}

std::string* field_of(FeedEventText& t, std::string_view name) {
  if (name == "po") return &t.po;
  if (name == "bol") return &t.bol;
  if (name == "shipmentId") return &t.shipment_id;
  if (name == "trackingNumber") return &t.tracking_number;
  if (name == "status") return &t.status;
  if (name == "reason") return &t.reason;
  if (name == "at") return &t.at;
  if (name == "estimatedDelivery") return &t.estimated_delivery;
  if (name == "city") return &t.city;
  if (name == "state") return &t.state;
  if (name == "country") return &t.country;
  return nullptr;
}

std::string attribute(xmlTextReaderPtr r, const char* name) {
  xmlChar* value = xmlTextReaderGetAttribute(r, reinterpret_cast<const xmlChar*>(name));
  std::string out;
  assign_token(value, out);
  if (value != nullptr) xmlFree(value);
  return out;
}

// Pass 2: the events of a file that passed pass 1.
class EventMapper {
 public:
  EventMapper(DocumentSink& sink, std::string_view name, std::int64_t file_id)
      : sink_(sink), name_(name), file_id_(file_id) {
    context_.format = SourceFormat::kXmlFeed;
    context_.file = name_;
  }

  FeedResult run(const Input& in);

 private:
  void root(xmlTextReaderPtr r);
  void event(xmlTextReaderPtr r);

  DocumentSink& sink_;
  std::string name_;
  std::int64_t file_id_;
  DocumentContext context_;
  std::string carrier_, generated_;
  Instant received_ = 0;
  FeedEventText text_;
  std::size_t ordinal_ = 0;
  FeedResult result_;
};

FeedResult EventMapper::run(const Input& in) {
  XmlErrors errors;
  const QuietLibxml quiet(errors);
  Reader reader(in, errors);
  xmlTextReaderPtr r = reader.get();
  int ret = r == nullptr ? -1 : xmlTextReaderRead(r);
  while (ret == 1) {
    if (xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT) {
      const int depth = xmlTextReaderDepth(r);
      const std::string_view element =
          reinterpret_cast<const char*>(xmlTextReaderConstLocalName(r));
      if (depth == 0 && element == "trackingFeed") root(r);
      if (depth == 1 && element == "event") {
        event(r);
        ret = xmlTextReaderNext(r);  // past the expanded subtree
        continue;
      }
    }
    ret = xmlTextReaderRead(r);
  }
  // The file changed between the passes, or could not be read again.
  for (const MappingIssue& issue : errors.take()) sink_.issue(context_, issue);
  return result_;
}

void EventMapper::root(xmlTextReaderPtr r) {
  carrier_ = attribute(r, "carrier");
  generated_ = attribute(r, "generated");
  context_.feed_carrier = carrier_;
  context_.feed_generated = generated_;
  edi::Result<Instant> at = parse_iso8601_instant(generated_);
  received_ = at.ok() ? at.value() : 0;
}

void EventMapper::event(xmlTextReaderPtr r) {
  xmlNodePtr node = xmlTextReaderExpand(r);
  if (node == nullptr) return;
  ++ordinal_;
  text_.clear();
  for (xmlNodePtr child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    std::string* field = field_of(text_, reinterpret_cast<const char*>(child->name));
    if (field == nullptr) continue;
    xmlChar* content = xmlNodeGetContent(child);
    assign_token(content, *field);
    xmlFree(content);
  }
  edi::Result<ShipmentEvent> built = build_feed_event(text_, carrier_, received_);
  if (!built.ok()) {
    MappingIssue issue;
    issue.code = IssueCode::kStructure;
    issue.severity = IssueSeverity::kError;
    issue.segment = "event";
    issue.line = static_cast<std::uint32_t>(xmlGetLineNo(node));
    issue.reason = built.error() + "; the event is not imported";
    sink_.issue(context_, issue);
    ++result_.skipped;
    return;
  }
  ShipmentEvent& e = built.value();
  e.source.file_id = file_id_;
  e.source.set_id = "tracking-feed";
  const std::string id = attribute(r, "id");
  e.source.transaction = id.empty() ? "event " + std::to_string(ordinal_) : id;
  sink_.shipment_event(context_, e);
  ++result_.events;
}

FeedResult read(const Input& in, DocumentSink& sink, std::int64_t file_id) {
  XmlErrors errors;
  bool valid = false;
  const std::string file_head = in.path != nullptr ? head_of(*in.path) : std::string();
  if (!refuse_doctype(in.path != nullptr ? file_head : in.bytes, errors)) {
    const QuietLibxml quiet(errors);
    valid = validate(in, errors);
  }
  if (!valid) {
    DocumentContext context;
    context.format = SourceFormat::kXmlFeed;
    context.file = in.name;
    if (!errors.failed()) errors.add(0, 0, "the file is not a valid tracking feed");
    for (const MappingIssue& issue : errors.take()) sink.issue(context, issue);
    FeedResult result;
    result.rejected = true;
    return result;
  }
  EventMapper mapper(sink, in.name, file_id);
  return mapper.run(in);
}

}  // namespace

FeedResult read_xml_tracking_feed(std::string_view bytes, std::string_view name, DocumentSink& sink,
                                  std::int64_t file_id) {
  Input in;
  in.bytes = bytes;
  in.name = name;
  return read(in, sink, file_id);
}

FeedResult read_xml_tracking_feed_file(const std::string& path, DocumentSink& sink,
                                       std::int64_t file_id) {
  Input in;
  in.path = &path;
  in.name = path;
  return read(in, sink, file_id);
}

}  // namespace ordex::orders
