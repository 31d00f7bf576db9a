#include "orders/ingest/interchange_acks.h"

#include <chrono>
#include <string>
#include <utility>

namespace ordex::orders::ingest {

// Our control numbers, from the store; the first error is kept and reported by take().
class InterchangeAcks::Numbers final : public edi::ControlNumbers {
 public:
  explicit Numbers(Store& store) : store_(store) {}
  std::uint32_t next_interchange() override { return next("ack.interchange"); }
  std::uint32_t next_group() override {
    groups_.push_back(next("ack.group"));
    return groups_.back();
  }
  void reset() {
    groups_.clear();
    error_ = Status();
  }
  std::vector<std::uint32_t>& groups() { return groups_; }
  const Status& error() const { return error_; }

 private:
  std::uint32_t next(const std::string& name) {
    Result<std::int64_t> n = store_.next_control_number(name);
    if (!n.ok()) {
      if (error_.ok()) error_ = Failure{n.error()};
      return 1;  // a placeholder: take() reports the error and the acknowledgment is dropped
    }
    return static_cast<std::uint32_t>(n.value());
  }

  Store& store_;
  std::vector<std::uint32_t> groups_;
  Status error_;
};

class InterchangeAcks::Capture final : public edi::AckSink {
 public:
  void write(const edi::Ack& ack) override { last_ = ack; }
  std::optional<edi::Ack> take() { return std::exchange(last_, std::nullopt); }

 private:
  std::optional<edi::Ack> last_;
};

InterchangeAcks::InterchangeAcks(Store& store, const AckSettings& settings, Instant stamp)
    : numbers_(std::make_unique<Numbers>(store)), capture_(std::make_unique<Capture>()) {
  edi::AckOptions options;
  options.control_numbers = numbers_.get();
  options.stamp = std::chrono::sys_seconds(std::chrono::seconds(stamp));
  if (settings.x12 != edi::AckKind::kNone) {
    options.kind = settings.x12;
    x12_ = std::make_unique<edi::AckBuilder>(options, *capture_);
  }
  if (settings.edifact != edi::AckKind::kNone) {
    options.kind = settings.edifact;
    edifact_ = std::make_unique<edi::AckBuilder>(options, *capture_);
  }
}

InterchangeAcks::~InterchangeAcks() = default;

edi::EnvelopeHandler* InterchangeAcks::builder(edi::Standard standard) {
  numbers_->reset();
  (void)capture_->take();
  return standard == edi::Standard::kX12 ? x12_.get() : edifact_.get();
}

void InterchangeAcks::begin_file(std::string_view name) {
  if (x12_) x12_->begin_file(name);
  if (edifact_) edifact_->begin_file(name);
}

edi::Result<std::optional<WrittenAck>> InterchangeAcks::take() {
  std::optional<edi::Ack> ack = capture_->take();
  if (!numbers_->error().ok()) return Failure{numbers_->error().error()};
  if (!ack) return std::optional<WrittenAck>();
  return std::optional<WrittenAck>(WrittenAck{std::move(*ack), std::move(numbers_->groups())});
}

namespace {

std::string nine_digits(std::uint32_t n) {
  std::string digits = std::to_string(n);
  return std::string(digits.size() < 9 ? 9 - digits.size() : 0, '0') + digits;
}

}  // namespace

std::vector<OutboundGroup> outbound_groups_of(const WrittenAck& written,
                                              const std::string& partner_id, Instant sent_at,
                                              const SourceRef& source,
                                              const std::vector<std::string>& acked_groups) {
  OutboundGroup g;
  g.partner_id = partner_id;
  g.sent_at = sent_at;
  g.source = source;
  g.source.set_id = std::string(edi::to_string(written.ack.kind));
  std::vector<OutboundGroup> groups;
  switch (written.ack.kind) {
    case edi::AckKind::k997:
    case edi::AckKind::k999:
      g.functional_id = kAckFunctionalId;
      for (std::size_t i = 0; i < written.groups.size(); ++i) {
        g.group_control = std::to_string(written.groups[i]);
        g.source.group = written.groups.size() == acked_groups.size() ? acked_groups[i] : "";
        groups.push_back(g);
      }
      break;
    case edi::AckKind::kTA1:
      g.functional_id = kTa1FunctionalId;
      g.group_control = nine_digits(written.ack.control_number);  // our ISA13
      groups.push_back(g);
      break;
    case edi::AckKind::kCONTRL:
      g.functional_id = kContrlFunctionalId;
      g.group_control = std::to_string(written.ack.control_number);  // our UNB 0020
      groups.push_back(g);
      break;
    case edi::AckKind::kNone:
      break;
  }
  return groups;
}

}  // namespace ordex::orders::ingest
