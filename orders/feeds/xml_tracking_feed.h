#pragma once
// The XML carrier tracking feed (format: orders/schemas/tracking-feed.xsd; example and field
// table in orders/mapping/MAPPING.md): validated whole against its XSD with libxml2, then
// each <event> mapped to a ShipmentEvent and handed to a DocumentSink.
//
// - Whole-file reject: a file that is not well-formed, has a DOCTYPE, or fails the XSD yields
//   issues (kFeedInvalid, error, with line and column) and no event at all; the caller
//   quarantines it with those issues as the reason. An event that is valid XML but unusable
//   (an estimate status without an estimated delivery) is one issue; the others still load.
// - Two streaming passes with xmlTextReader, validate then map, so memory stays flat in the
//   file's size and no event is delivered before the whole file has passed.
// - Security: parsed with XML_PARSE_NONET, without DTD loading or entity substitution, and a
//   document with a DOCTYPE is refused before anything in it is used: no entity expansion,
//   no external entity, no network access.
// - libxml2's messages are collected through its structured error handlers; nothing is
//   printed to stderr.
// - The XSD is compiled into the library (embed_xsd.cmake); tracking_feed_xsd() returns it.
//
// Thread-safe: the compiled schema is shared read-only; every call has its own readers.
//
// The CSV tracking feed is still to be built, on the store helper's orders/csv_reader (RFC 4180,
// header row): one row per event into a FeedEventText, build_feed_event() from feed_event.h,
// and a DocumentContext with format kCsvFeed, as this file does for XML.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "orders/mapping/document_sink.h"

namespace ordex::orders {

struct FeedResult {
  std::size_t events = 0;   // delivered to the sink
  std::size_t skipped = 0;  // events reported as issues and not delivered
  bool rejected = false;    // the file as a whole: nothing delivered
};

// Reads a feed held in memory; `name` names it in issues and contexts.
FeedResult read_xml_tracking_feed(std::string_view bytes, std::string_view name, DocumentSink& sink,
                                  std::int64_t file_id = 0);

// Reads a feed file, streaming. A file that cannot be opened is rejected with one issue.
FeedResult read_xml_tracking_feed_file(const std::string& path, DocumentSink& sink,
                                       std::int64_t file_id = 0);

// The schema, as compiled in.
std::string_view tracking_feed_xsd();

// True when `head` (the first bytes of a file) starts an XML document whose root is
// trackingFeed, for content detection in `ordex run`.
bool looks_like_xml_tracking_feed(std::string_view head);

}  // namespace ordex::orders
