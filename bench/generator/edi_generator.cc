#include "edi_generator.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>
#include <utility>

#include "civil_time.h"
#include "document_book.h"
#include "document_writer.h"
#include "edifact_writer.h"
#include "error_injection.h"
#include "prng.h"
#include "segment_writer.h"
#include "world.h"
#include "x12_writer.h"

namespace ordex::bench {
namespace {

enum StreamSeed : std::uint64_t { kFlowSeed = 0x100, kErrorSeed, kControlSeed };

constexpr std::uint32_t kMaxPartners = 5000;      // each has four small queues in the book
constexpr std::uint32_t kMaxItems = 1000000;      // the UPC product part has room for this many
constexpr std::uint32_t kMaxPerEnvelope = 99999;  // IEA01 / GE01 are at most five digits
constexpr std::uint64_t kMaxInvented = 256;       // see Generator::invent_work

Separators separators_for(const GeneratorOptions& o) {
  return o.standard == Standard::kX12 ? X12Writer::separators(o.newline)
                                      : EdifactWriter::separators(o.newline);
}

class Generator {
 public:
  Generator(const GeneratorOptions& options, std::ostream& out)
      : options_(options),
        world_(options.seed, options.partners, options.items),
        book_(options.partners, world_.carrier_count()),
        flow_(derive_seed(options.seed, kFlowSeed, 0)),
        errors_(derive_seed(options.seed, kErrorSeed, 0)),
        out_(out, separators_for(options)) {
    const std::uint64_t first_control = 1 + derive_seed(options.seed, kControlSeed, 0) % 100000000;
    if (options.standard == Standard::kX12) {
      writer_ =
          std::make_unique<X12Writer>(out_, world_, manifest_, options.x12_version, first_control);
    } else {
      writer_ = std::make_unique<EdifactWriter>(out_, world_, manifest_, options.edifact_directory,
                                                options.edifact_una, options.edifact_groups,
                                                first_control);
    }
    // The simulated clock starts on a Tuesday morning.
    clock_ = days_from_civil(2024, 1, 2) * kMinutesPerDay + 8 * 60;
  }

  Manifest run() {
    do {
      // About an interchange an hour: a 20 MB file spans some three months.
      clock_ += flow_.between(10, 110);
      interchange();
    } while (!full());
    out_.flush();
    const bool x12 = options_.standard == Standard::kX12;
    manifest_.standard = x12 ? "X12" : "EDIFACT";
    manifest_.version = x12 ? options_.x12_version : options_.edifact_directory;
    manifest_.seed = options_.seed;
    manifest_.target_bytes = options_.target_bytes;
    manifest_.bytes = out_.bytes();
    manifest_.segments = out_.segments();
    manifest_.elements = out_.elements();
    return std::move(manifest_);
  }

 private:
  bool full() const { return out_.bytes() >= options_.target_bytes; }
  bool wanted(DocKind kind) const { return options_.mix[index_of(kind)] > 0; }

  bool has_work(DocKind kind, std::uint32_t party) {
    switch (kind) {
      case DocKind::kOrder:
        return true;
      case DocKind::kOrderAck:
        return book_.ack_ready(party, clock_);
      case DocKind::kShipNotice:
        return book_.shipment_ready(party, clock_);
      case DocKind::kInvoice:
        return book_.invoice_ready(party, clock_);
      case DocKind::kCarrierStatus:
        return book_.events_ready(party, clock_);
    }
    return false;
  }

  // A customer (or, for 214, a carrier) with work of this kind, starting at a random one.
  std::optional<std::uint32_t> find_party(DocKind kind) {
    const std::uint32_t n =
        kind == DocKind::kCarrierStatus ? world_.carrier_count() : world_.customer_count();
    const std::uint32_t start = flow_.below(n);
    for (std::uint32_t i = 0; i < n; ++i) {
      const std::uint32_t party = (start + i) % n;
      if (has_work(kind, party)) return party;
    }
    return std::nullopt;
  }

  // What to write instead when nothing is waiting: the document that creates the work.
  static std::optional<DocKind> producer_of(DocKind kind) {
    switch (kind) {
      case DocKind::kOrderAck:
      case DocKind::kShipNotice:
        return DocKind::kOrder;
      case DocKind::kInvoice:
      case DocKind::kCarrierStatus:
        return DocKind::kShipNotice;
      case DocKind::kOrder:
        break;
    }
    return std::nullopt;
  }

  DocKind pick(const std::array<std::uint32_t, kDocKindCount>& weights) {
    std::uint32_t total = 0;
    for (const std::uint32_t w : weights) total += w;
    std::uint32_t r = flow_.below(total);
    for (const DocKind kind : kAllDocKinds) {
      if (r < weights[index_of(kind)]) return kind;
      r -= weights[index_of(kind)];
    }
    return DocKind::kOrder;
  }

  // With a mix that never writes the producing document (say, only 214s), the work is
  // created without writing it, an interchange's worth at a time: those documents then name
  // orders the file does not contain. It is dated so that it is ready now.
  std::uint32_t invent_work(DocKind kind) {
    const std::uint32_t customer = flow_.below(world_.customer_count());
    const std::uint64_t batch =
        std::min<std::uint64_t>(kMaxInvented, std::uint64_t{options_.transactions_per_group} *
                                                  options_.groups_per_interchange);
    for (std::uint64_t i = 0; i < batch; ++i) {
      OrderRef order = new_order(customer, clock_ - 2 * kMinutesPerDay).ref;
      if (kind == DocKind::kOrderAck || kind == DocKind::kShipNotice) {
        order.ship_minute = clock_;
        book_.add_order(order);
      } else {
        ShipmentRef shipment = new_shipment(order, clock_ - kMinutesPerDay).ref;
        shipment.next_event_minute = std::min(shipment.next_event_minute, clock_);
        book_.add_shipment(shipment);
      }
    }
    if (kind != DocKind::kCarrierStatus) return customer;
    return *find_party(kind);  // the batch gave some carrier work
  }

  // A new order; its ref learns the planned ship time from the content.
  Order new_order(std::uint32_t customer, std::int64_t minute) {
    Order order = world_.order(OrderRef{next_order_++, customer, minute, 0});
    order.ref.ship_minute = order.planned_ship_minute;
    return order;
  }

  // A new shipment; its ref learns when the first carrier event happens.
  Shipment new_shipment(const OrderRef& order, std::int64_t minute) {
    Shipment shipment = world_.shipment(
        ShipmentRef{next_shipment_++, order, minute, world_.carrier_for(order), 0, 0});
    shipment.ref.next_event_minute = shipment.events[0].minute;
    return shipment;
  }

  void interchange() {
    DocKind kind = pick(options_.mix);
    std::optional<std::uint32_t> party = find_party(kind);
    for (std::optional<DocKind> k = producer_of(kind); !party && k; k = producer_of(*k)) {
      if (!wanted(*k)) continue;
      party = find_party(*k);
      if (party) kind = *k;
    }
    if (!party) party = invent_work(kind);

    const Party& self = world_.self();
    switch (kind) {
      case DocKind::kOrder:
        writer_->begin_interchange(world_.customer(*party), self, clock_);
        break;
      case DocKind::kCarrierStatus:
        writer_->begin_interchange(world_.carrier(*party), self, clock_);
        break;
      default:
        writer_->begin_interchange(self, world_.customer(*party), clock_);
        break;
    }
    for (std::uint32_t g = 0; g < options_.groups_per_interchange; ++g) {
      if (g > 0) {
        if (full()) break;
        const std::optional<DocKind> next = next_group_kind(kind, *party);
        if (!next) break;
        kind = *next;
      }
      writer_->begin_group(kind);
      for (std::uint32_t t = 0; t < options_.transactions_per_group; ++t) {
        if (t > 0 && (full() || !has_work(kind, *party))) break;
        transaction(kind, *party);
      }
      writer_->end_group();
    }
    writer_->end_interchange();
  }

  // Customers and carriers only ever send one kind; we send the customer whatever is due.
  std::optional<DocKind> next_group_kind(DocKind previous, std::uint32_t party) {
    if (previous == DocKind::kOrder) return previous;
    if (previous == DocKind::kCarrierStatus) {
      return has_work(previous, party) ? std::optional(previous) : std::nullopt;
    }
    std::array<std::uint32_t, kDocKindCount> weights{};
    bool any = false;
    for (const DocKind k : {DocKind::kOrderAck, DocKind::kShipNotice, DocKind::kInvoice}) {
      if (wanted(k) && has_work(k, party)) {
        weights[index_of(k)] = options_.mix[index_of(k)];
        any = true;
      }
    }
    if (!any) return std::nullopt;
    return pick(weights);
  }

  void transaction(DocKind kind, std::uint32_t party) {
    const ErrorKind error = pick_error(errors_, options_.error_rate);
    switch (kind) {
      case DocKind::kOrder: {
        const Order order = new_order(party, clock_);
        writer_->order(order, error);
        // A validator rejects a broken order, so nobody would ship it: later documents only
        // name orders that arrived intact.
        if (error == ErrorKind::kNone) book_.add_order(order.ref);
        break;
      }
      case DocKind::kOrderAck:
        writer_->order_ack(world_.order(book_.take_ack(party)), next_response_++, error);
        break;
      case DocKind::kShipNotice: {
        const Shipment shipment = new_shipment(book_.take_shipment(party), clock_);
        writer_->ship_notice(shipment, error);
        book_.add_shipment(shipment.ref);
        break;
      }
      case DocKind::kInvoice:
        writer_->invoice(world_.shipment(book_.take_invoice(party)), next_invoice_++, error);
        break;
      case DocKind::kCarrierStatus: {
        // One report carries every event that has happened since the last one.
        ShipmentRef ref = book_.take_events(party);
        const Shipment shipment = world_.shipment(ref);
        int count = 1;
        while (ref.events_sent + count < shipment.event_count &&
               shipment.events[ref.events_sent + count].minute <= clock_) {
          ++count;
        }
        writer_->carrier_status(shipment, ref.events_sent, count, next_status_++, error);
        ref.events_sent = static_cast<std::uint8_t>(ref.events_sent + count);
        if (ref.events_sent < shipment.event_count) {
          ref.next_event_minute = shipment.events[ref.events_sent].minute;
          book_.requeue_for_events(ref);
        }
        break;
      }
    }
  }

  const GeneratorOptions& options_;
  World world_;
  DocumentBook book_;
  Rng flow_;    // what happens: partners, document kinds, clock
  Rng errors_;  // a stream of its own, so the error rate does not shift the other draws
  SegmentWriter out_;
  Manifest manifest_;
  std::unique_ptr<DocumentWriter> writer_;
  std::int64_t clock_ = 0;
  std::uint64_t next_order_ = 1;
  std::uint64_t next_shipment_ = 1;
  std::uint64_t next_invoice_ = 1;
  std::uint64_t next_response_ = 1;
  std::uint64_t next_status_ = 1;
};

}  // namespace

std::string check_options(const GeneratorOptions& o) {
  if (o.standard == Standard::kX12 && o.x12_version != "004010" && o.x12_version != "005010") {
    return "X12 version must be 004010 or 005010, not '" + o.x12_version + "'";
  }
  if (o.standard == Standard::kEdifact && o.edifact_directory != "D96A" &&
      o.edifact_directory != "D01B") {
    return "EDIFACT directory must be D96A or D01B, not '" + o.edifact_directory + "'";
  }
  std::uint64_t total = 0;
  for (const std::uint32_t w : o.mix) total += w;
  if (total == 0) return "the mix must give at least one document a weight above 0";
  if (total > 1000000) return "mix weights must add up to at most 1000000";
  if (o.transactions_per_group < 1 || o.transactions_per_group > kMaxPerEnvelope) {
    return "transactions per group must be between 1 and 99999";
  }
  if (o.groups_per_interchange < 1 || o.groups_per_interchange > kMaxPerEnvelope) {
    return "groups per interchange must be between 1 and 99999";
  }
  if (!(o.error_rate >= 0.0 && o.error_rate <= 1.0)) {
    return "error rate must be between 0 and 1";
  }
  if (o.partners < 1 || o.partners > kMaxPartners) return "partners must be between 1 and 5000";
  if (o.items < 1 || o.items > kMaxItems) return "items must be between 1 and 1000000";
  return "";
}

Manifest generate(const GeneratorOptions& options, std::ostream& out) {
  if (const std::string problem = check_options(options); !problem.empty()) {
    throw std::invalid_argument(problem);
  }
  return Generator(options, out).run();
}

}  // namespace ordex::bench
