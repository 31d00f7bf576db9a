#include "orders/feeds/csv_tracking_feed.h"

#include <array>
#include <fstream>
#include <map>
#include <optional>

#include "orders/csv_reader.h"
#include "orders/feeds/feed_event.h"
#include "orders/time_zone.h"

namespace ordex::orders {
namespace {

// Where each FeedEventText field comes from.
struct Column {
  const char* name;
  std::string FeedEventText::*field;
};
constexpr std::array<Column, 11> kColumns = {{
    {"po_number", &FeedEventText::po},
    {"bol_number", &FeedEventText::bol},
    {"shipment_id", &FeedEventText::shipment_id},
    {"tracking_number", &FeedEventText::tracking_number},
    {"status_code", &FeedEventText::status},
    {"reason_code", &FeedEventText::reason},
    {"event_time", &FeedEventText::at},
    {"estimated_delivery", &FeedEventText::estimated_delivery},
    {"city", &FeedEventText::city},
    {"state", &FeedEventText::state},
    {"country", &FeedEventText::country},
}};

class CsvFeed {
 public:
  CsvFeed(DocumentSink& sink, std::string_view name, std::int64_t file_id)
      : sink_(sink), file_id_(file_id) {
    context_.format = SourceFormat::kCsvFeed;
    context_.file = name;
  }

  FeedResult run(std::istream& in) {
    CsvReader reader(in);
    CsvRecord record;
    CsvResult r = reader.next(record);
    if (r != CsvResult::kRecord) return reject(record.line, "no header row");
    if (auto missing = read_header(record.fields)) return reject(record.line, *missing);
    while ((r = reader.next(record)) != CsvResult::kEnd) {
      if (r == CsvResult::kError) {
        row_issue(record.line, reader.error());
        continue;
      }
      row(record);
    }
    return result_;
  }

  FeedResult reject(std::uint64_t line, const std::string& why) {
    MappingIssue issue;
    issue.code = IssueCode::kFeedInvalid;
    issue.severity = IssueSeverity::kError;
    issue.line = static_cast<std::uint32_t>(line);
    issue.reason = why + "; the file is not imported";
    sink_.issue(context_, issue);
    result_ = FeedResult{};
    result_.rejected = true;
    return result_;
  }

 private:
  // The reason the header cannot be used, or nullopt.
  std::optional<std::string> read_header(const std::vector<std::string>& names) {
    for (std::size_t i = 0; i < names.size(); ++i) index_[names[i]] = i;
    header_size_ = names.size();
    for (const char* required : {"carrier_scac", "status_code", "event_time"}) {
      if (!index_.count(required)) return std::string("missing column ") + required;
    }
    if (!index_.count("po_number") && !index_.count("bol_number") && !index_.count("shipment_id")) {
      return std::string("missing column po_number, bol_number or shipment_id");
    }
    return std::nullopt;
  }

  void row_issue(std::uint64_t line, const std::string& why) {
    MappingIssue issue;
    issue.code = IssueCode::kStructure;
    issue.severity = IssueSeverity::kError;
    issue.segment = "row";
    issue.line = static_cast<std::uint32_t>(line);
    issue.reason = why + "; the event is not imported";
    sink_.issue(context_, issue);
    ++result_.skipped;
  }

  const std::string& field(const CsvRecord& record, const char* name) const {
    static const std::string kEmpty;
    auto it = index_.find(name);
    return it == index_.end() ? kEmpty : record.fields[it->second];
  }

  void row(const CsvRecord& record) {
    if (record.fields.size() != header_size_) {
      return row_issue(record.line, std::to_string(record.fields.size()) +
                                        " fields, the header has " + std::to_string(header_size_));
    }
    text_.clear();
    for (const Column& c : kColumns) text_.*(c.field) = field(record, c.name);
    const std::string& carrier = field(record, "carrier_scac");
    edi::Result<Instant> at = parse_iso8601_instant(text_.at);
    edi::Result<ShipmentEvent> built = build_feed_event(text_, carrier, at.ok() ? at.value() : 0);
    if (!built.ok()) return row_issue(record.line, built.error());
    ShipmentEvent& e = built.value();
    e.source.file_id = file_id_;
    e.source.set_id = "tracking-feed";
    e.source.transaction = "line " + std::to_string(record.line);
    context_.feed_carrier = carrier;
    sink_.shipment_event(context_, e);
    ++result_.events;
  }

  DocumentSink& sink_;
  std::int64_t file_id_;
  DocumentContext context_;
  std::map<std::string, std::size_t> index_;
  std::size_t header_size_ = 0;
  FeedEventText text_;
  FeedResult result_;
};

}  // namespace

FeedResult read_csv_tracking_feed(std::istream& in, std::string_view name, DocumentSink& sink,
                                  std::int64_t file_id) {
  CsvFeed feed(sink, name, file_id);
  return feed.run(in);
}

FeedResult read_csv_tracking_feed_file(const std::string& path, DocumentSink& sink,
                                       std::int64_t file_id) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    CsvFeed feed(sink, path, file_id);
    return feed.reject(0, "cannot open the file");
  }
  return read_csv_tracking_feed(in, path, sink, file_id);
}

}  // namespace ordex::orders
