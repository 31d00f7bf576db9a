#pragma once
// The CSV carrier tracking feed: RFC 4180 (orders/csv_reader.h), a header row, one event per
// row, columns in any order (example: samples/inbound/feeds/*_GLKC_tracking.csv):
//
//   carrier_scac,tracking_number,po_number,bol_number,status_code,status_text,event_time,city,state,country
//
// Required columns: carrier_scac, status_code, event_time and at least one of po_number,
// bol_number, shipment_id. Optional: tracking_number, reason_code, estimated_delivery,
// shipment_id, city, state, country; status_text and unknown columns are ignored (free text
// for people). Values follow the XML feed (MAPPING.md): status codes of the AT701 vocabulary,
// ISO 8601 times with an offset; build_feed_event() (feed_event.h) checks each row.
//
// - A file without its header row, or missing a required column, is rejected whole: one
//   kFeedInvalid issue and no events (the caller quarantines it).
// - A bad row (CSV syntax, wrong field count, a value build_feed_event refuses) is one
//   kStructure error issue with its line; the other rows still load.
// - There is no "generated" time in the format: each event counts as received at its own
//   event_time, so a re-run gives the same answer.
// - The context handed to the sink has format kCsvFeed and feed_carrier = the row's
//   carrier_scac (a feed may mix carriers).
//
// Streams the file: memory does not grow with its size. Thread-safe (no shared state).

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

#include "orders/feeds/xml_tracking_feed.h"
#include "orders/mapping/document_sink.h"

namespace ordex::orders {

FeedResult read_csv_tracking_feed(std::istream& in, std::string_view name, DocumentSink& sink,
                                  std::int64_t file_id = 0);

// Opens `path`; a file that cannot be opened is rejected with one issue.
FeedResult read_csv_tracking_feed_file(const std::string& path, DocumentSink& sink,
                                       std::int64_t file_id = 0);

}  // namespace ordex::orders
