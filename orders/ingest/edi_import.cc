#include "orders/ingest/edi_import.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "edi/byte_source.h"
#include "edi/envelope_walker.h"
#include "edi/segment_reader.h"
#include "edi/validator.h"
#include "orders/ingest/store_sink.h"
#include "orders/mapping/edi_mapper.h"
#include "orders/time_zone.h"

namespace ordex::orders::ingest {
namespace {

// An interchange read again from its byte range (see the header: rejected groups).
class RangeSource final : public edi::ByteSource {
 public:
  RangeSource(const std::string& path, std::uint64_t begin, std::uint64_t end)
      : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)), at_(begin), end_(end) {
    if (fd_ < 0) error_ = std::strerror(errno);
  }
  ~RangeSource() override {
    if (fd_ >= 0) ::close(fd_);
  }
  RangeSource(const RangeSource&) = delete;
  RangeSource& operator=(const RangeSource&) = delete;

  std::size_t read(char* dst, std::size_t n) override {
    if (fd_ < 0 || at_ >= end_) return 0;
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(n, end_ - at_));
    const ssize_t got = ::pread(fd_, dst, want, static_cast<off_t>(at_));
    if (got < 0) {
      error_ = std::strerror(errno);
      return 0;
    }
    at_ += static_cast<std::uint64_t>(got);
    return static_cast<std::size_t>(got);
  }

 private:
  int fd_;
  std::uint64_t at_, end_;
};

struct FileContext {
  Store& store;
  PartnerResolver& partners;
  const edi::SchemaRegistry& schemas;
  const std::string& path;
  const FileScan& scan;
  std::int64_t file_id;
  const EdiImportOptions& options;
  EdiImportResult& result;
};

// Set when an interchange is read again for its records: which groups keep no data.
struct Replay {
  bool active = false;
  bool all_rejected = false;
  std::vector<std::uint32_t> rejected_groups;  // 1-based group indexes
  const InterchangeSpan* span = nullptr;
};

enum class Mode : std::uint8_t { kOutside, kImport, kSkip, kDuplicate, kFailed };

Instant interchange_time(const edi::InterchangeHeader& h) {
  edi::Result<Instant> at = local_to_instant(h.date, h.time, TimeZone::utc());
  return at.ok() ? at.value() : 0;
}

FindingRecord duplicate_finding(const edi::InterchangeHeader& h, std::int64_t file_id) {
  FindingRecord f;
  f.file_id = file_id;
  f.interchange = h.control_number;
  f.segment = h.standard == edi::Standard::kX12 ? "ISA" : "UNB";
  f.offset = static_cast<std::int64_t>(h.offset);
  f.code = h.standard == edi::Standard::kX12 ? "TA1:025" : "CONTRL:26";
  f.severity = "error";
  f.message = "interchange " + h.control_number + " from " + h.sender_qualifier + ":" +
              h.sender_id +
              " was already received with different content; this copy is not imported";
  return f;
}

class InterchangeImporter final : public edi::EnvelopeHandler {
 public:
  InterchangeImporter(FileContext& ctx, Replay replay)
      : ctx_(ctx), replay_(std::move(replay)), sink_(ctx.store, ctx.partners), mapper_(sink_) {
    mapper_.set_file_id(ctx.file_id);
    if (replay_.active) sink_.set_offset_base(replay_.span->offset);
  }

  const StoreSink& sink() const { return sink_; }

  void begin_file(std::string_view name) override { mapper_.begin_file(name); }
  void begin_interchange(const edi::InterchangeHeader& h) override;
  void begin_group(const edi::GroupHeader& g) override;
  void begin_transaction(const edi::TransactionHeader& t) override;
  void transaction_segment(const edi::Segment& s, std::uint32_t position) override {
    if (mode_ == Mode::kImport) mapper_.transaction_segment(s, position);
  }
  void end_transaction(const edi::TransactionSummary& s) override;
  void end_group(const edi::GroupSummary& s) override;
  void end_interchange(const edi::InterchangeSummary& s) override;
  void finding(const edi::Finding& f) override;

 private:
  void start_import(const std::string& hash);
  void finish_interchange(const edi::InterchangeSummary& s);
  void replay_interchange(bool all_rejected);
  void fail(const std::string& message);
  void commit_counts(const IngestCounts& counts, bool rejected);
  bool group_rejected(std::uint32_t index) const;
  FindingRecord record_of(const edi::Finding& f) const;

  FileContext& ctx_;
  Replay replay_;
  StoreSink sink_;
  EdiMapper mapper_;
  Mode mode_ = Mode::kOutside;
  edi::InterchangeHeader header_;
  std::int64_t interchange_id_ = 0;
  std::uint32_t group_index_ = 0;
  std::string group_control_, transaction_control_, set_id_;
  std::vector<std::uint32_t> rejected_groups_;
};

void InterchangeImporter::fail(const std::string& message) {
  if (ctx_.result.error.ok()) ctx_.result.error = Failure{message};
  mode_ = Mode::kFailed;
}

void InterchangeImporter::begin_interchange(const edi::InterchangeHeader& h) {
  header_ = h;
  group_index_ = 0;
  rejected_groups_.clear();
  ctx_.result.any_interchange = true;
  if (!ctx_.result.error.ok()) {
    mode_ = Mode::kFailed;
    return;
  }
  if (replay_.active) return start_import(replay_.span->sha256);
  const InterchangeSpan* span = ctx_.scan.span(h.ordinal);
  const std::string hash = span ? span->sha256 : std::string();
  auto seen = ctx_.store.interchange_seen(h.sender_qualifier, h.sender_id, h.control_number, hash);
  if (!seen.ok()) return fail(seen.error());
  switch (seen.value()) {
    case InterchangeState::kSame:
      mode_ = Mode::kSkip;
      ++ctx_.result.counts.interchanges_skipped;
      return;
    case InterchangeState::kDifferent:
      mode_ = Mode::kDuplicate;
      ++ctx_.result.counts.interchanges_duplicate;
      ctx_.result.file_findings.push_back(duplicate_finding(h, ctx_.file_id));
      return;
    case InterchangeState::kNew:
      break;
  }
  if (Status s = ctx_.store.begin(); !s.ok()) return fail(s.error());
  start_import(hash);
}

void InterchangeImporter::start_import(const std::string& hash) {
  InterchangeRecord r;
  r.file_id = ctx_.file_id;
  r.standard = std::string(edi::to_string(header_.standard));
  r.sender_qualifier = header_.sender_qualifier;
  r.sender_id = header_.sender_id;
  r.receiver_qualifier = header_.receiver_qualifier;
  r.receiver_id = header_.receiver_id;
  r.control_number = header_.control_number;
  r.content_hash = hash;
  r.received_at = interchange_time(header_);
  auto id = ctx_.store.record_interchange(r);
  if (!id.ok()) {
    (void)ctx_.store.rollback();
    return fail(id.error());
  }
  interchange_id_ = id.value();
  sink_.begin_interchange(ctx_.file_id, interchange_id_, header_);
  sink_.counts() = IngestCounts{};
  mode_ = Mode::kImport;
  mapper_.begin_interchange(header_);
}

bool InterchangeImporter::group_rejected(std::uint32_t index) const {
  if (!replay_.active) return false;
  if (replay_.all_rejected) return true;
  return std::find(replay_.rejected_groups.begin(), replay_.rejected_groups.end(), index) !=
         replay_.rejected_groups.end();
}

void InterchangeImporter::begin_group(const edi::GroupHeader& g) {
  if (mode_ != Mode::kImport) return;
  ++group_index_;
  group_control_ = g.control_number;
  sink_.set_write_data(!group_rejected(group_index_));
  mapper_.begin_group(g);
}

void InterchangeImporter::begin_transaction(const edi::TransactionHeader& t) {
  if (mode_ != Mode::kImport) return;
  transaction_control_ = t.control_number;
  set_id_ = t.set_id;
  sink_.begin_transaction();
  mapper_.begin_transaction(t);
}

void InterchangeImporter::end_transaction(const edi::TransactionSummary& s) {
  if (mode_ != Mode::kImport) return;
  mapper_.end_transaction(s);
  DocumentRecord d;
  d.source.file_id = ctx_.file_id;
  d.source.interchange_id = interchange_id_;
  d.source.interchange = header_.control_number;
  d.source.group = group_control_;
  d.source.transaction = transaction_control_;
  d.source.set_id = set_id_;
  d.source.received_at = sink_.received_at();
  d.partner_id = sink_.partner_id();
  d.po_number = sink_.last_po();
  const bool rejected = s.verdict == edi::Verdict::kRejected || !sink_.write_data();
  d.status = rejected                                         ? DocumentStatus::kRejected
             : s.verdict == edi::Verdict::kAcceptedWithErrors ? DocumentStatus::kAcceptedWithErrors
                                                              : DocumentStatus::kAccepted;
  d.findings = s.errors + s.warnings;
  sink_.record_error(ctx_.store.add_document(d));
  ++(rejected ? sink_.counts().transactions_rejected : sink_.counts().transactions_accepted);
  transaction_control_.clear();
  set_id_.clear();
}

void InterchangeImporter::end_group(const edi::GroupSummary& s) {
  if (mode_ != Mode::kImport) return;
  mapper_.end_group(s);
  if (!replay_.active && s.verdict == edi::Verdict::kRejected) {
    rejected_groups_.push_back(group_index_);
  }
  group_control_.clear();
}

void InterchangeImporter::end_interchange(const edi::InterchangeSummary& s) {
  if (mode_ == Mode::kImport && !replay_.active) finish_interchange(s);
  if (mode_ != Mode::kFailed) mode_ = Mode::kOutside;
  const InterchangeSpan* span = ctx_.scan.span(header_.ordinal);
  if (ctx_.options.progress && span && !replay_.active) ctx_.options.progress(span->end);
}

void InterchangeImporter::commit_counts(const IngestCounts& counts, bool rejected) {
  ctx_.result.counts.add(counts);
  ++ctx_.result.counts.interchanges;
  if (rejected) ++ctx_.result.counts.interchanges_rejected;
}

void InterchangeImporter::finish_interchange(const edi::InterchangeSummary& s) {
  const bool rejected = s.verdict == edi::Verdict::kRejected;
  if (!sink_.error().ok()) {
    (void)ctx_.store.rollback();
    ctx_.partners.rolled_back();
    return fail(sink_.error().error());
  }
  if (rejected || !rejected_groups_.empty()) {
    (void)ctx_.store.rollback();
    ctx_.partners.rolled_back();
    return replay_interchange(rejected);
  }
  if (Status c = ctx_.store.commit(); !c.ok()) {
    ctx_.partners.rolled_back();
    return fail(c.error());
  }
  ctx_.partners.committed();
  commit_counts(sink_.counts(), false);
}

void InterchangeImporter::replay_interchange(bool all_rejected) {
  const InterchangeSpan* span = ctx_.scan.span(header_.ordinal);
  if (span == nullptr) return fail("interchange " + header_.control_number + " has no byte range");
  if (Status s = ctx_.store.begin(); !s.ok()) return fail(s.error());
  InterchangeImporter again(ctx_, Replay{true, all_rejected, rejected_groups_, span});
  RangeSource source(ctx_.path, span->offset, span->end);
  edi::SegmentReader reader(source);
  edi::ValidatorOptions options;
  options.max_findings_per_transaction = ctx_.options.max_findings_per_transaction;
  edi::Validator validator(ctx_.schemas, again, options);
  edi::walk_envelopes(reader, validator, ctx_.path);
  Status error = again.sink().error();
  if (error.ok() && !source.error().empty()) error = Failure{source.error()};
  if (error.ok()) error = ctx_.store.commit();
  if (!error.ok()) {
    (void)ctx_.store.rollback();
    ctx_.partners.rolled_back();
    return fail(error.error());
  }
  ctx_.partners.committed();
  commit_counts(again.sink().counts(), true);
}

FindingRecord InterchangeImporter::record_of(const edi::Finding& f) const {
  FindingRecord r;
  r.file_id = ctx_.file_id;
  if (mode_ == Mode::kImport) r.interchange = header_.control_number;
  r.group = group_control_;
  r.transaction = transaction_control_;
  r.set_id = set_id_;
  r.segment = f.segment;
  r.segment_position = f.segment_position;
  r.element = f.element;
  r.component = f.component;
  r.offset = static_cast<std::int64_t>(f.offset + (replay_.active ? replay_.span->offset : 0));
  r.code = f.code.str();
  r.severity = std::string(edi::to_string(f.severity));
  r.message = f.message;
  return r;
}

void InterchangeImporter::finding(const edi::Finding& f) {
  if (mode_ == Mode::kImport) {
    sink_.record_error(ctx_.store.add_finding(record_of(f)));
    ++sink_.counts().findings;
  } else if (mode_ == Mode::kOutside && !replay_.active) {
    ctx_.result.file_findings.push_back(record_of(f));
    if (f.severity == edi::Severity::kError) ctx_.result.file_errors = true;
  }
}

}  // namespace

EdiImportResult import_edi_file(Store& store, PartnerResolver& partners,
                                const edi::SchemaRegistry& schemas, const std::string& path,
                                const FileScan& scan, std::int64_t file_id,
                                const EdiImportOptions& options) {
  EdiImportResult result;
  FileContext ctx{store, partners, schemas, path, scan, file_id, options, result};
  InterchangeImporter importer(ctx, Replay{});
  edi::FileSource source(path);
  edi::SegmentReader reader(source);
  edi::ValidatorOptions validator_options;
  validator_options.max_findings_per_transaction = options.max_findings_per_transaction;
  edi::Validator validator(schemas, importer, validator_options);
  edi::walk_envelopes(reader, validator, path);
  if (result.error.ok() && reader.read_failed()) result.error = Failure{source.error()};
  if (store.in_transaction()) (void)store.rollback();
  return result;
}

}  // namespace ordex::orders::ingest
