#include "orders/ingest/feed_import.h"

#include <set>

#include "orders/feeds/csv_tracking_feed.h"
#include "orders/feeds/xml_tracking_feed.h"
#include "orders/ingest/store_sink.h"

namespace ordex::orders::ingest {
namespace {

class FeedSink final : public DocumentSink {
 public:
  FeedSink(Store& store, PartnerResolver& partners, std::int64_t file_id, FeedImportResult& result)
      : store_(store), partners_(partners), file_id_(file_id), result_(result) {}

  void shipment_event(const DocumentContext& c, ShipmentEvent& e) override {
    if (!result_.error.ok()) return;
    edi::Result<Resolution> carrier = partners_.carrier_by_scac(std::string(c.feed_carrier));
    if (!carrier.ok()) return fail(Failure{carrier.error()});
    if (!carrier.value().partner.registered) warn_unregistered(carrier.value().partner);
    e.carrier_id = carrier.value().partner.partner_id;
    fail(store_.add_shipment_event(e));
    ++result_.counts.events;
  }

  void issue(const DocumentContext& c, const MappingIssue& issue) override {
    FindingRecord f = finding_of(c, issue, file_id_);
    fail(store_.add_finding(f));
    ++result_.counts.findings;
    if (issue.code == IssueCode::kFeedInvalid) {
      if (!result_.reason.empty()) result_.reason += '\n';
      result_.reason += f.code + ": " + f.message;
    }
  }

 private:
  void fail(const Status& s) {
    if (result_.error.ok() && !s.ok()) result_.error = s;
  }

  void warn_unregistered(const TradingPartner& p) {
    if (!warned_.insert(p.partner_id).second) return;
    FindingRecord f;
    f.file_id = file_id_;
    f.code = "PARTNER_UNREGISTERED";
    f.severity = "warning";
    f.message = "carrier '" + p.edi_id +
                "' is not in partners.csv; its events are imported under an unregistered partner";
    fail(store_.add_finding(f));
    ++result_.counts.findings;
  }

  Store& store_;
  PartnerResolver& partners_;
  std::int64_t file_id_;
  FeedImportResult& result_;
  std::set<std::string> warned_;
};

}  // namespace

FeedImportResult import_feed_file(Store& store, PartnerResolver& partners, const std::string& path,
                                  InputKind kind, std::int64_t file_id) {
  FeedImportResult result;
  FeedSink sink(store, partners, file_id, result);
  const FeedResult read = kind == InputKind::kXmlFeed
                              ? read_xml_tracking_feed_file(path, sink, file_id)
                              : read_csv_tracking_feed_file(path, sink, file_id);
  result.rejected = read.rejected;
  if (read.rejected && result.reason.empty()) result.reason = "the feed was rejected";
  return result;
}

}  // namespace ordex::orders::ingest
