#include "orders/ingest/edi_import.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
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

// An interchange read again from its byte range, for its verdicts.
class RangeSource final : public edi::ByteSource {
 public:
  RangeSource(int fd, std::uint64_t begin, std::uint64_t end) : fd_(fd), at_(begin), end_(end) {}

  std::size_t read(char* dst, std::size_t n) override {
    if (at_ >= end_) return 0;
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(n, end_ - at_));
    const ssize_t got = ::pread(fd_, dst, want, static_cast<off_t>(at_));
    if (got <= 0) {
      error_ = got < 0 ? std::strerror(errno) : "the file shrank while it was read";
      return 0;
    }
    at_ += static_cast<std::uint64_t>(got);
    return static_cast<std::size_t>(got);
  }

 private:
  int fd_;
  std::uint64_t at_, end_;
};

// What is only known at the end of an interchange, known before its import writes anything.
struct Verdicts {
  bool interchange_rejected = false;
  std::vector<std::uint32_t> rejected_groups;  // 1-based group indexes
  friend bool operator==(const Verdicts&, const Verdicts&) = default;
};

// Collects the verdicts of the first interchange of a walk (a range that ends where the next
// interchange starts may show that one's header too).
class VerdictProbe final : public edi::EnvelopeHandler {
 public:
  void begin_interchange(const edi::InterchangeHeader&) override { ++interchanges_; }
  void begin_group(const edi::GroupHeader&) override {
    if (interchanges_ == 1) ++group_;
  }
  void end_group(const edi::GroupSummary& s) override {
    if (interchanges_ == 1 && s.verdict == edi::Verdict::kRejected) {
      verdicts_.rejected_groups.push_back(group_);
    }
  }
  void end_interchange(const edi::InterchangeSummary& s) override {
    if (interchanges_ == 1) verdicts_.interchange_rejected = s.verdict == edi::Verdict::kRejected;
  }
  const Verdicts& verdicts() const { return verdicts_; }
  bool saw_interchange() const { return interchanges_ > 0; }
  void reset() { *this = VerdictProbe(); }

 private:
  int interchanges_ = 0;
  std::uint32_t group_ = 0;
  Verdicts verdicts_;
};

// A file descriptor closed with its owner.
class Fd {
 public:
  explicit Fd(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// One Validator for every verdict pass of a file: building one compiles the schemas' plans,
// which cost more than validating a small interchange. It is walked once per interchange.
struct VerdictPass {
  VerdictPass(const edi::SchemaRegistry& schemas, edi::ValidatorOptions options)
      : validator(schemas, probe, options) {}
  VerdictProbe probe;
  edi::Validator validator;
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
  const Fd& fd;
  VerdictPass& verdict_pass;
};

edi::Result<Verdicts> verdicts_of(const FileContext& ctx, const InterchangeSpan& span) {
  if (ctx.fd.get() < 0) return edi::Failure{"cannot read " + ctx.path + " again"};
  RangeSource source(ctx.fd.get(), span.read_offset, span.end);
  // Blocks sized to the interchange (most are a few KB): the reader's default 1 MiB block,
  // allocated and cleared for every interchange, cost more than the validation itself.
  edi::SegmentReaderOptions reader_options;
  reader_options.block_size = std::clamp<std::uint64_t>(
      span.end - span.read_offset + 64, std::uint64_t{4} << 10, reader_options.block_size);
  reader_options.index_chunk = std::min(reader_options.index_chunk, reader_options.block_size);
  edi::SegmentReader reader(source, reader_options);
  VerdictProbe& probe = ctx.verdict_pass.probe;
  probe.reset();
  edi::walk_envelopes(reader, ctx.verdict_pass.validator, ctx.path);
  if (!source.error().empty()) return edi::Failure{ctx.path + ": " + source.error()};
  if (!probe.saw_interchange()) {
    return edi::Failure{"interchange at offset " + std::to_string(span.offset) +
                        " cannot be read again on its own"};
  }
  return probe.verdicts();
}

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
  explicit InterchangeImporter(FileContext& ctx)
      : ctx_(ctx), sink_(ctx.store, ctx.partners), mapper_(sink_) {
    mapper_.set_file_id(ctx.file_id);
  }

  void begin_file(std::string_view name) override;
  void begin_interchange(const edi::InterchangeHeader& h) override;
  void begin_group(const edi::GroupHeader& g) override;
  void begin_transaction(const edi::TransactionHeader& t) override;
  void transaction_segment(const edi::Segment& s, std::uint32_t position) override;
  void interchange_segment(const edi::Segment& s) override;
  void end_transaction(const edi::TransactionSummary& s) override;
  void end_group(const edi::GroupSummary& s) override;
  void end_interchange(const edi::InterchangeSummary& s) override;
  void finding(const edi::Finding& f) override;

  // After the walk: commits the open batch, or rolls it back after an error.
  void finish_file();

 private:
  void claim(const edi::InterchangeHeader& h, const InterchangeSpan& span);
  void start_import(std::int64_t id, const InterchangeSpan& span);
  void finish_interchange(const edi::InterchangeSummary& s);
  Status write_ack(const edi::InterchangeSummary& s);
  void recover_ack(const InterchangeSpan& span);
  void commit_batch();
  void fail(const std::string& message);
  bool group_rejected(std::uint32_t index) const;
  FindingRecord record_of(const edi::Finding& f) const;

  FileContext& ctx_;
  StoreSink sink_;
  EdiMapper mapper_;
  Mode mode_ = Mode::kOutside;
  edi::InterchangeHeader header_;
  const InterchangeSpan* span_ = nullptr;
  std::int64_t interchange_id_ = 0;
  std::uint32_t group_index_ = 0;
  std::string group_control_, transaction_control_, set_id_;
  Verdicts expected_, seen_;             // from the verdict pass / from this walk
  std::vector<std::string> groups_;      // this interchange's group control numbers
  edi::EnvelopeHandler* ack_ = nullptr;  // this interchange's acknowledgment builder
  // The open batch: what it will add once committed.
  IngestCounts batch_counts_;
  std::uint64_t batch_bytes_ = 0;
  std::uint32_t batch_interchanges_ = 0;
};

void InterchangeImporter::fail(const std::string& message) {
  if (ctx_.result.error.ok()) ctx_.result.error = Failure{message};
  mode_ = Mode::kFailed;
  if (ctx_.store.in_transaction()) (void)ctx_.store.rollback();
  ctx_.partners.rolled_back();
  if (ctx_.options.outbox) ctx_.options.outbox->discard();
  batch_counts_ = IngestCounts{};
  batch_bytes_ = 0;
  batch_interchanges_ = 0;
}

void InterchangeImporter::commit_batch() {
  if (!ctx_.store.in_transaction()) return;
  AckOutbox* outbox = ctx_.options.outbox;
  if (outbox) {
    if (Status s = outbox->sync_staged(); !s.ok()) return fail(s.error());
  }
  if (Status c = ctx_.store.commit(); !c.ok()) return fail(c.error());
  ctx_.partners.committed();
  if (outbox) {
    const std::size_t before = outbox->published();
    Status published = outbox->publish();
    batch_counts_.acks_written += static_cast<std::int64_t>(outbox->published() - before);
    if (!published.ok() && ctx_.result.ack_error.empty()) ctx_.result.ack_error = published.error();
  }
  ctx_.result.counts.add(batch_counts_);
  batch_counts_ = IngestCounts{};
  batch_bytes_ = 0;
  batch_interchanges_ = 0;
}

void InterchangeImporter::finish_file() {
  if (mode_ == Mode::kFailed || !ctx_.result.error.ok()) {
    if (ctx_.store.in_transaction())
      fail(ctx_.result.error.ok() ? "import stopped" : ctx_.result.error.error());
    return;
  }
  commit_batch();
}

void InterchangeImporter::begin_file(std::string_view name) {
  mapper_.begin_file(name);
  if (ctx_.options.acks) ctx_.options.acks->begin_file(name);
}

void InterchangeImporter::begin_interchange(const edi::InterchangeHeader& h) {
  header_ = h;
  group_index_ = 0;
  groups_.clear();
  seen_ = Verdicts{};
  ack_ = nullptr;
  ctx_.result.any_interchange = true;
  if (!ctx_.result.error.ok()) {
    mode_ = Mode::kFailed;
    return;
  }
  span_ = ctx_.scan.span(h.ordinal);
  if (span_ == nullptr) return fail("interchange " + h.control_number + " has no byte range");
  if (!ctx_.store.in_transaction()) {
    if (Status s = ctx_.store.begin(); !s.ok()) return fail(s.error());
  }
  claim(h, *span_);
}

void InterchangeImporter::claim(const edi::InterchangeHeader& h, const InterchangeSpan& span) {
  InterchangeRecord r;
  r.file_id = ctx_.file_id;
  r.standard = std::string(edi::to_string(h.standard));
  r.sender_qualifier = h.sender_qualifier;
  r.sender_id = h.sender_id;
  r.receiver_qualifier = h.receiver_qualifier;
  r.receiver_id = h.receiver_id;
  r.control_number = h.control_number;
  r.content_hash = span.sha256;
  r.received_at = interchange_time(h);
  auto claimed = ctx_.store.claim_interchange(r);
  if (!claimed.ok()) return fail(claimed.error());
  switch (claimed.value().state) {
    case InterchangeState::kSame:
      mode_ = Mode::kSkip;
      ++ctx_.result.counts.interchanges_skipped;
      return recover_ack(span);
    case InterchangeState::kDifferent:
      mode_ = Mode::kDuplicate;
      ++ctx_.result.counts.interchanges_duplicate;
      ctx_.result.file_findings.push_back(duplicate_finding(h, ctx_.file_id));
      return;
    case InterchangeState::kNew:
      break;
  }
  start_import(claimed.value().id, span);
}

// A crash between a commit and its acknowledgments' publication left them pending.
void InterchangeImporter::recover_ack(const InterchangeSpan& span) {
  if (ctx_.options.outbox == nullptr) return;
  edi::Result<bool> recovered = ctx_.options.outbox->recover(span.sha256);
  if (!recovered.ok()) {
    if (ctx_.result.ack_error.empty()) ctx_.result.ack_error = recovered.error();
  } else if (recovered.value()) {
    ++ctx_.result.counts.acks_written;
  }
}

void InterchangeImporter::start_import(std::int64_t id, const InterchangeSpan& span) {
  edi::Result<Verdicts> verdicts = verdicts_of(ctx_, span);
  if (!verdicts.ok()) return fail(verdicts.error());
  expected_ = verdicts.value();
  interchange_id_ = id;
  sink_.begin_interchange(ctx_.file_id, interchange_id_, header_);
  sink_.counts() = IngestCounts{};
  mode_ = Mode::kImport;
  mapper_.begin_interchange(header_);
  if (ctx_.options.acks && ctx_.options.outbox) {
    ack_ = ctx_.options.acks->builder(header_.standard);
    if (ack_) ack_->begin_interchange(header_);
  }
}

bool InterchangeImporter::group_rejected(std::uint32_t index) const {
  if (expected_.interchange_rejected) return true;
  return std::find(expected_.rejected_groups.begin(), expected_.rejected_groups.end(), index) !=
         expected_.rejected_groups.end();
}

void InterchangeImporter::begin_group(const edi::GroupHeader& g) {
  if (mode_ != Mode::kImport) return;
  ++group_index_;
  group_control_ = g.control_number;
  groups_.push_back(g.control_number);
  sink_.set_write_data(!group_rejected(group_index_));
  mapper_.begin_group(g);
  if (ack_) ack_->begin_group(g);
}

void InterchangeImporter::begin_transaction(const edi::TransactionHeader& t) {
  if (mode_ != Mode::kImport) return;
  transaction_control_ = t.control_number;
  set_id_ = t.set_id;
  sink_.begin_transaction();
  mapper_.begin_transaction(t);
  if (ack_) ack_->begin_transaction(t);
}

void InterchangeImporter::transaction_segment(const edi::Segment& s, std::uint32_t position) {
  if (mode_ != Mode::kImport) return;
  mapper_.transaction_segment(s, position);
  if (ack_) ack_->transaction_segment(s, position);
}

void InterchangeImporter::interchange_segment(const edi::Segment& s) {
  if (mode_ == Mode::kImport && ack_) ack_->interchange_segment(s);
}

void InterchangeImporter::end_transaction(const edi::TransactionSummary& s) {
  if (mode_ != Mode::kImport) return;
  mapper_.end_transaction(s);
  if (ack_) ack_->end_transaction(s);
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
  if (ack_) ack_->end_group(s);
  if (s.verdict == edi::Verdict::kRejected) seen_.rejected_groups.push_back(group_index_);
  group_control_.clear();
}

void InterchangeImporter::end_interchange(const edi::InterchangeSummary& s) {
  if (mode_ == Mode::kImport) finish_interchange(s);
  if (mode_ != Mode::kFailed) mode_ = Mode::kOutside;
  if (ctx_.options.progress && span_ && mode_ != Mode::kFailed) ctx_.options.progress(span_->end);
}

void InterchangeImporter::finish_interchange(const edi::InterchangeSummary& s) {
  seen_.interchange_rejected = s.verdict == edi::Verdict::kRejected;
  if (!sink_.error().ok()) return fail(sink_.error().error());
  // The data written followed the verdict pass; the walk must have come to the same verdicts.
  if (!(seen_ == expected_)) {
    return fail("interchange " + header_.control_number +
                ": its verdicts differ when read on its own; not imported");
  }
  if (Status a = write_ack(s); !a.ok()) return fail(a.error());
  batch_counts_.add(sink_.counts());
  ++batch_counts_.interchanges;
  if (seen_.interchange_rejected || !seen_.rejected_groups.empty()) {
    ++batch_counts_.interchanges_rejected;
  }
  batch_bytes_ += span_->end - span_->offset;
  ++batch_interchanges_;
  if (batch_bytes_ >= ctx_.options.batch_bytes ||
      batch_interchanges_ >= ctx_.options.batch_interchanges) {
    commit_batch();
  }
}

// Only for interchanges sent to us: the side resolved for its documents, else the one self.ids
// or the partners table names; an interchange nobody is known in (and that has no documents)
// is taken as inbound, as everything given to `ordex run` mostly is.
Status InterchangeImporter::write_ack(const edi::InterchangeSummary& s) {
  if (ack_ == nullptr) return Status();
  edi::EnvelopeHandler* builder = std::exchange(ack_, nullptr);
  const PartyId sender{header_.sender_qualifier, header_.sender_id};
  const PartyId receiver{header_.receiver_qualifier, header_.receiver_id};
  std::string partner_id;
  if (sink_.resolved()) {
    if (sink_.outbound()) return Status();
    partner_id = sink_.partner_id();
  } else {
    auto known = ctx_.partners.known(sender, receiver);
    if (!known.ok()) return Failure{known.error()};
    if (known.value() && known.value()->outbound) return Status();
    if (known.value() && known.value()->partner) partner_id = known.value()->partner->partner_id;
  }
  builder->end_interchange(s);
  auto written = ctx_.options.acks->take();
  if (!written.ok()) return Failure{written.error()};
  if (!written.value()) return Status();
  const WrittenAck& ack = *written.value();
  if (Status st = ctx_.options.outbox->stage(span_->sha256, ack.ack.file_name, ack.ack.bytes);
      !st.ok()) {
    return st;
  }
  // An interchange from a party in no record (one rejected whole, with no documents) has no
  // partner row to hang its acknowledgment's record on; the file is still written.
  if (partner_id.empty()) return Status();
  SourceRef source;
  source.file_id = ctx_.file_id;
  source.interchange_id = interchange_id_;
  source.interchange = header_.control_number;
  source.received_at = interchange_time(header_);
  for (const OutboundGroup& g :
       outbound_groups_of(ack, partner_id, ctx_.options.now, source, groups_)) {
    if (Status st = ctx_.store.add_outbound_group(g); !st.ok()) return st;
  }
  return Status();
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
  r.offset = static_cast<std::int64_t>(f.offset);
  r.code = f.code.str();
  r.severity = std::string(edi::to_string(f.severity));
  r.message = f.message;
  return r;
}

void InterchangeImporter::finding(const edi::Finding& f) {
  if (mode_ == Mode::kImport) {
    sink_.record_error(ctx_.store.add_finding(record_of(f)));
    ++sink_.counts().findings;
    if (ack_) ack_->finding(f);
  } else if (mode_ == Mode::kOutside) {
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
  const Fd fd(path);
  edi::ValidatorOptions validator_options;
  validator_options.max_findings_per_transaction = options.max_findings_per_transaction;
  VerdictPass verdict_pass(schemas, validator_options);
  FileContext ctx{store, partners, schemas, path, scan, file_id, options, result, fd, verdict_pass};
  InterchangeImporter importer(ctx);
  edi::FileSource source(path);
  edi::SegmentReader reader(source);
  edi::Validator validator(schemas, importer, validator_options);
  edi::walk_envelopes(reader, validator, path);
  if (result.error.ok() && reader.read_failed()) result.error = Failure{source.error()};
  importer.finish_file();
  if (store.in_transaction()) (void)store.rollback();
  return result;
}

}  // namespace ordex::orders::ingest
