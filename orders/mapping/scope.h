#pragma once
// Internal to orders/mapping: one transaction being mapped (Scope), the segment being read
// (Fields), and the interface every per-set mapper implements (SetMapper).
//
// A SetMapper sees the transaction's segments one by one through Fields, keeps only the
// object it is building, and hands it over in finish() through Scope::sink(), which first
// passes on the issues collected for the transaction. Fields' typed readers report what they
// cannot read as issues positioned at the segment, element and component, so a mapper's
// code reads like the mapping table in MAPPING.md.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edi/segment.h"
#include "orders/mapping/document_sink.h"
#include "orders/mapping/values.h"

namespace ordex::orders::detail {

class Scope {
 public:
  Scope(DocumentSink& sink, DocumentContext& context) : sink_(sink), context_(context) {}

  // A new transaction: forget the previous one's issues, ask the sink for the zone.
  void begin(const edi::Delimiters& delimiters, std::int64_t file_id);

  const edi::Delimiters& delimiters() const { return *delimiters_; }
  const TimeZone& zone() const { return zone_; }
  // Group date-time in zone(); nullopt when the envelope's date/time is malformed.
  std::optional<Instant> received() const { return received_; }
  const DocumentContext& context() const { return context_; }
  // A SourceRef for the current transaction (file id, controls, set, received_at).
  SourceRef source() const;

  void add_issue(MappingIssue issue) { issues_.push_back(std::move(issue)); }
  // A problem with the document as a whole, pointed at segment `tag` at `position`.
  void document_issue(IssueCode code, IssueSeverity severity, std::string_view tag,
                      std::uint32_t position, std::string reason);

  // Passes on the collected issues, then returns the sink to deliver documents to.
  DocumentSink& sink();
  // Passes on any issues not yet passed on (the end of every transaction).
  void flush();

 private:
  DocumentSink& sink_;
  DocumentContext& context_;
  const edi::Delimiters* delimiters_ = nullptr;
  TimeZone zone_;
  std::optional<Instant> received_;
  std::int64_t file_id_ = 0;
  std::vector<MappingIssue> issues_;
};

// The segment being mapped, with readers that report what they cannot read. Element and
// component numbers count from 1 as the standards do.
class Fields {
 public:
  Fields(const edi::Segment& segment, std::uint32_t position, Scope& scope)
      : segment_(segment), position_(position), scope_(scope) {}

  std::uint32_t tag() const { return segment_.tag_code(); }
  std::uint32_t position() const { return position_; }
  Scope& scope() const { return scope_; }

  // Raw views, valid during the segment's call only.
  std::string_view at(std::size_t e) const { return segment_.element(e); }
  std::string_view at(std::size_t e, std::size_t c) const;

  // The value with release characters removed, assigned to `out` (its capacity is reused).
  void text(std::size_t e, std::string& out) const { assign(at(e), out); }
  void text(std::size_t e, std::size_t c, std::string& out) const { assign(at(e, c), out); }

  // Numbers. An empty value returns false without an issue; a malformed one also reports
  // kBadQuantity / kBadAmount (warning: the field stays unset).
  bool quantity(std::size_t e, std::size_t c, Decimal& out) const;
  bool amount(std::size_t e, std::size_t c, Decimal& out) const;
  bool implied_amount(std::size_t e, int places, Decimal& out) const;  // X12 Nn

  // An X12 date element as "YYYY-MM-DD"; kBadDate when malformed.
  bool day(std::size_t e, std::string& out) const;
  // X12 date, time and time-code elements (time and code may be 0: absent) as an instant,
  // the time code naming the zone (LT or none: the partner's). A date without a time is
  // noon (see values.h). kBadDate / kUnknownTimeZone when it cannot be read.
  bool instant(std::size_t date_e, std::size_t time_e, std::size_t code_e, Instant& out,
               bool* had_time = nullptr) const;
  // EDIFACT DTM: qualifier (2005) and the parsed value; kBadDate when unreadable.
  bool edifact_dtm(std::string_view& qualifier, EdifactDateTime& out) const;

  void issue(IssueCode code, IssueSeverity severity, std::size_t e, std::size_t c,
             std::string reason) const;

 private:
  void assign(std::string_view value, std::string& out) const;

  const edi::Segment& segment_;
  std::uint32_t position_;
  Scope& scope_;
};

// A shipped date without a time is read as noon (values.h); a notice cannot report a shipment
// made after it was sent, so a date-only value later than the receipt becomes the receipt.
void clamp_to_receipt(std::optional<Instant>& shipped, bool has_time, const Scope& scope);

class SetMapper {
 public:
  virtual ~SetMapper() = default;
  // A transaction of this mapper's set begins: drop all state from the previous one.
  virtual void begin(Scope& scope) = 0;
  // Every segment from ST/UNH to SE/UNT.
  virtual void segment(const Fields& f) = 0;
  // The transaction ended: report document-level issues, deliver through scope.sink().
  virtual void finish(Scope& scope) = 0;
};

// One factory per mapped set; each lives in its own map_<set>.cc.
std::unique_ptr<SetMapper> make_x12_850();
std::unique_ptr<SetMapper> make_x12_855();
std::unique_ptr<SetMapper> make_x12_856();
std::unique_ptr<SetMapper> make_x12_810();
std::unique_ptr<SetMapper> make_x12_214();
std::unique_ptr<SetMapper> make_x12_997();  // 997 and 999
std::unique_ptr<SetMapper> make_x12_940();
std::unique_ptr<SetMapper> make_x12_945();
std::unique_ptr<SetMapper> make_edifact_orders();
std::unique_ptr<SetMapper> make_edifact_ordrsp();
std::unique_ptr<SetMapper> make_edifact_desadv();
std::unique_ptr<SetMapper> make_edifact_invoic();
std::unique_ptr<SetMapper> make_edifact_iftsta();
std::unique_ptr<SetMapper> make_edifact_contrl();

}  // namespace ordex::orders::detail
