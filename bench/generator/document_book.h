#pragma once
// What earlier documents in the file left to do: orders waiting for an acknowledgment or a
// ship notice, shipments waiting for an invoice or for carrier status events. Later documents
// take their work from here, which is how an 856 comes to name the PO of an 850 written
// before it. Work becomes ready at a simulated time (an order ships on its planned day, a
// delivery is reported once it has happened), so document dates tell a plausible story.
//
// Work that waits too long expires: an order not shipped within a few days of its planned
// ship time never is, an acknowledgment not sent within two days never will be. Without that,
// a mix with fewer 856s than 850s would ship ever older orders, and the lag would grow with
// the file. Expired work is what leaves an order without a ship notice or a delivery without
// a status report, as in real traffic. Every queue is also bounded, so memory does not grow
// with the file: when one is full, the entry that has waited longest is dropped.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "world.h"

namespace ordex::bench {

class DocumentBook {
 public:
  DocumentBook(std::uint32_t customers, std::uint32_t carriers);

  // An order is due an acknowledgment a little after it arrives and a ship notice at its
  // planned ship time; a shipment is due an invoice a little after it ships and a status
  // report whenever its next carrier event has happened.
  void add_order(const OrderRef& order);
  void add_shipment(const ShipmentRef& shipment);
  void requeue_for_events(const ShipmentRef& shipment);  // after some of its events were sent

  // Whether a party has work ready at `now`. Each first drops that party's work that is too
  // old at `now` (lazily, so the cost does not grow with the number of partners); `now` must
  // not go backwards.
  bool ack_ready(std::uint32_t customer, std::int64_t now);
  bool shipment_ready(std::uint32_t customer, std::int64_t now);
  bool invoice_ready(std::uint32_t customer, std::int64_t now);
  bool events_ready(std::uint32_t carrier, std::int64_t now);

  // Each takes the entry that has been ready longest; the queue must not be empty.
  OrderRef take_ack(std::uint32_t customer);
  OrderRef take_shipment(std::uint32_t customer);
  ShipmentRef take_invoice(std::uint32_t customer);
  ShipmentRef take_events(std::uint32_t carrier);

 private:
  std::size_t customer_cap_;
  std::size_t carrier_cap_;
  // Acknowledgments and invoices become ready in arrival order: plain FIFO queues.
  std::vector<std::deque<OrderRef>> acks_;
  std::vector<std::deque<ShipmentRef>> invoices_;
  // Ship times and event times are not in arrival order: min-heaps on (time, number). The
  // number breaks ties so that heap order never depends on the standard library.
  std::vector<std::vector<OrderRef>> ships_;
  std::vector<std::vector<ShipmentRef>> events_;
};

}  // namespace ordex::bench
