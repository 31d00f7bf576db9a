#pragma once
// One carrier tracking event as a feed writes it (text fields), checked and turned into a
// ShipmentEvent. Shared by the XML feed (xml_tracking_feed.h) and the CSV feed, which is to be
// built on orders/csv_reader and fills the same fields from its columns (MAPPING.md, "Tracking
// feeds").

#include <string>
#include <string_view>

#include "edi/result.h"
#include "orders/model.h"

namespace ordex::orders {

struct FeedEventText {
  std::string po, bol, shipment_id;
  std::string tracking_number;  // the carrier's number: ShipmentEvent::carrier_reference
  std::string status, reason;
  std::string at, estimated_delivery;  // ISO 8601 with offset
  std::string city, state, country;
  void clear() { *this = FeedEventText{}; }
};

// True for a status of ordex's vocabulary (the X12 AT701 codes it acts on; the XSD lists them
// with their meaning).
bool is_feed_status(std::string_view status);

// The event, or why it cannot be one: no reference, a status outside the vocabulary, a time
// without an offset, an estimate status (AG, X2) without an estimated delivery. `carrier` is
// the feed's SCAC; `received` the feed's generation time.
edi::Result<ShipmentEvent> build_feed_event(const FeedEventText& text, std::string_view carrier,
                                            Instant received);

}  // namespace ordex::orders
