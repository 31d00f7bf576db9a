#pragma once
// Imports a carrier tracking feed (XML, validated against its XSD, or CSV) into the Store,
// inside the transaction the caller opened for the file (ingest.h), so the events, the
// findings and the file's disposition commit together.
//
// The carrier is the partner whose edi_id is the feed's SCAC (partner_resolver.h); an unknown
// SCAC gets an unregistered carrier and a PARTNER_UNREGISTERED warning. Feed issues become
// findings with their line. A feed rejected whole (not well-formed, fails the XSD, a CSV
// without its columns) writes its findings and no event; `reason` then says why, for the
// quarantine's .reason file.

#include <cstdint>
#include <string>

#include "orders/ingest/file_scan.h"
#include "orders/ingest/ingest_counts.h"
#include "orders/ingest/partner_resolver.h"
#include "orders/status.h"
#include "orders/store.h"

namespace ordex::orders::ingest {

struct FeedImportResult {
  IngestCounts counts;
  bool rejected = false;
  std::string reason;  // the issues that rejected it, one per line
  Status error;        // a database error: the caller rolls back
};

// `kind` is kXmlFeed or kCsvFeed.
FeedImportResult import_feed_file(Store& store, PartnerResolver& partners, const std::string& path,
                                  InputKind kind, std::int64_t file_id);

}  // namespace ordex::orders::ingest
