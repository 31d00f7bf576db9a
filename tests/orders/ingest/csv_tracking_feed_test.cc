// The CSV carrier tracking feed: columns, rows, and the whole-file reject.
#include "orders/feeds/csv_tracking_feed.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "ingest_test_util.h"

namespace ordex::orders {
namespace {

struct Recorder final : DocumentSink {
  std::vector<ShipmentEvent> events;
  std::vector<MappingIssue> issues;
  std::vector<std::string> carriers;
  void shipment_event(const DocumentContext& c, ShipmentEvent& e) override {
    events.push_back(e);
    carriers.emplace_back(c.feed_carrier);
  }
  void issue(const DocumentContext&, const MappingIssue& i) override { issues.push_back(i); }
};

FeedResult read(const std::string& text, Recorder& sink) {
  std::istringstream in(text);
  return read_csv_tracking_feed(in, "feed.csv", sink, 7);
}

TEST(CsvTrackingFeed, TheSampleFeedLoadsEveryRow) {
  Recorder sink;
  std::ifstream in(ingest::testing::sample("inbound/feeds/20261120T1800_GLKC_tracking.csv"));
  const FeedResult r = read_csv_tracking_feed(in, "glkc.csv", sink);
  EXPECT_FALSE(r.rejected);
  EXPECT_EQ(r.events, 5u);
  EXPECT_TRUE(sink.issues.empty());
  const ShipmentEvent& delivered = sink.events[1];
  EXPECT_EQ(delivered.status, "D1");
  EXPECT_EQ(delivered.po_number, "4500012612");
  EXPECT_EQ(delivered.bill_of_lading, "GLKC1117A01");
  EXPECT_EQ(delivered.carrier_reference, "GLK7710452");
  EXPECT_EQ(delivered.at, 1795017900);  // 2026-11-18T10:05:00-06:00
  EXPECT_EQ(delivered.source.received_at, delivered.at);
  EXPECT_EQ(sink.carriers[1], "GLKC");
}

TEST(CsvTrackingFeed, ABadRowIsAnIssueAndTheRestLoads) {
  Recorder sink;
  const FeedResult r = read(
      "carrier_scac,po_number,status_code,event_time\n"
      "GLKC,PO1,ZZ,2026-11-18T10:05:00-06:00\n"
      "GLKC,PO1,D1,2026-11-18T10:05:00\n"
      "GLKC,PO1\n"
      "GLKC,PO1,D1,2026-11-18T10:05:00Z\n",
      sink);
  EXPECT_FALSE(r.rejected);
  EXPECT_EQ(r.events, 1u);
  EXPECT_EQ(r.skipped, 3u);
  ASSERT_EQ(sink.issues.size(), 3u);
  EXPECT_EQ(sink.issues[0].line, 2u);
  EXPECT_EQ(sink.issues[0].code, IssueCode::kStructure);
  EXPECT_EQ(sink.events[0].source.file_id, 7);
}

TEST(CsvTrackingFeed, AMissingColumnRejectsTheFile) {
  Recorder sink;
  const FeedResult r =
      read("carrier_scac,po_number,event_time\nGLKC,PO1,2026-11-18T10:05Z\n", sink);
  EXPECT_TRUE(r.rejected);
  EXPECT_TRUE(sink.events.empty());
  ASSERT_EQ(sink.issues.size(), 1u);
  EXPECT_EQ(sink.issues[0].code, IssueCode::kFeedInvalid);
  EXPECT_NE(sink.issues[0].reason.find("status_code"), std::string::npos);
}

}  // namespace
}  // namespace ordex::orders
