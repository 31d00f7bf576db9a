#include "document_book.h"

#include <algorithm>

namespace ordex::bench {
namespace {

// Entries per kind of queue over all partners: a few MB at most, and far more open work
// than a real supplier lets pile up.
constexpr std::size_t kTrackedPerKind = 16384;
constexpr std::int64_t kAckDelay = 2 * 60;      // minutes after the order arrives
constexpr std::int64_t kInvoiceDelay = 4 * 60;  // minutes after the shipment leaves
// How long each kind of work may wait after it became ready.
constexpr std::int64_t kDay = 24 * 60;
constexpr std::int64_t kAckMaxAge = 2 * kDay;
constexpr std::int64_t kShipMaxAge = 3 * kDay;
constexpr std::int64_t kInvoiceMaxAge = 7 * kDay;
constexpr std::int64_t kEventMaxAge = 5 * kDay;

// std::push_heap builds a max-heap; "greater" puts the earliest entry on top.
struct LaterShip {
  bool operator()(const OrderRef& a, const OrderRef& b) const {
    return a.ship_minute != b.ship_minute ? a.ship_minute > b.ship_minute : a.number > b.number;
  }
};

struct LaterEvent {
  bool operator()(const ShipmentRef& a, const ShipmentRef& b) const {
    return a.next_event_minute != b.next_event_minute ? a.next_event_minute > b.next_event_minute
                                                      : a.number > b.number;
  }
};

template <typename T>
void push_fifo(std::deque<T>& queue, const T& value, std::size_t cap) {
  if (queue.size() == cap) queue.pop_front();
  queue.push_back(value);
}

template <typename T, typename Later>
T pop_heap_top(std::vector<T>& heap, Later later) {
  std::pop_heap(heap.begin(), heap.end(), later);
  T top = heap.back();
  heap.pop_back();
  return top;
}

template <typename T, typename Later>
void push_heap_capped(std::vector<T>& heap, const T& value, std::size_t cap, Later later) {
  if (heap.size() == cap) pop_heap_top(heap, later);
  heap.push_back(value);
  std::push_heap(heap.begin(), heap.end(), later);
}

template <typename T>
T pop_front(std::deque<T>& queue) {
  T value = queue.front();
  queue.pop_front();
  return value;
}

}  // namespace

DocumentBook::DocumentBook(std::uint32_t customers, std::uint32_t carriers)
    : customer_cap_(std::max<std::size_t>(32, kTrackedPerKind / std::max(customers, 1U))),
      carrier_cap_(std::max<std::size_t>(32, kTrackedPerKind / std::max(carriers, 1U))),
      acks_(customers),
      invoices_(customers),
      ships_(customers),
      events_(carriers) {}

void DocumentBook::add_order(const OrderRef& order) {
  push_fifo(acks_[order.customer], order, customer_cap_);
  push_heap_capped(ships_[order.customer], order, customer_cap_, LaterShip());
}

void DocumentBook::add_shipment(const ShipmentRef& shipment) {
  push_fifo(invoices_[shipment.order.customer], shipment, customer_cap_);
  requeue_for_events(shipment);
}

void DocumentBook::requeue_for_events(const ShipmentRef& shipment) {
  push_heap_capped(events_[shipment.carrier], shipment, carrier_cap_, LaterEvent());
}

bool DocumentBook::ack_ready(std::uint32_t customer, std::int64_t now) {
  auto& q = acks_[customer];
  while (!q.empty() && q.front().minute + kAckDelay + kAckMaxAge < now) q.pop_front();
  return !q.empty() && q.front().minute + kAckDelay <= now;
}

bool DocumentBook::shipment_ready(std::uint32_t customer, std::int64_t now) {
  auto& h = ships_[customer];
  while (!h.empty() && h.front().ship_minute + kShipMaxAge < now) pop_heap_top(h, LaterShip());
  return !h.empty() && h.front().ship_minute <= now;
}

bool DocumentBook::invoice_ready(std::uint32_t customer, std::int64_t now) {
  auto& q = invoices_[customer];
  while (!q.empty() && q.front().minute + kInvoiceDelay + kInvoiceMaxAge < now) q.pop_front();
  return !q.empty() && q.front().minute + kInvoiceDelay <= now;
}

bool DocumentBook::events_ready(std::uint32_t carrier, std::int64_t now) {
  auto& h = events_[carrier];
  while (!h.empty() && h.front().next_event_minute + kEventMaxAge < now) {
    pop_heap_top(h, LaterEvent());
  }
  return !h.empty() && h.front().next_event_minute <= now;
}

OrderRef DocumentBook::take_ack(std::uint32_t customer) { return pop_front(acks_[customer]); }

OrderRef DocumentBook::take_shipment(std::uint32_t customer) {
  return pop_heap_top(ships_[customer], LaterShip());
}

ShipmentRef DocumentBook::take_invoice(std::uint32_t customer) {
  return pop_front(invoices_[customer]);
}

ShipmentRef DocumentBook::take_events(std::uint32_t carrier) {
  return pop_heap_top(events_[carrier], LaterEvent());
}

}  // namespace ordex::bench
