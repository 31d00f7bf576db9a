#include "orders/feeds/xml_tracking_feed.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "orders/feeds/feed_event.h"

namespace ordex::orders {
namespace {

using Strings = std::vector<std::string>;

struct Sink : DocumentSink {
  std::vector<ShipmentEvent> events;
  std::vector<MappingIssue> issues;
  std::vector<std::string> carriers, files;
  void shipment_event(const DocumentContext& c, ShipmentEvent& e) override {
    events.push_back(e);
    carriers.emplace_back(c.feed_carrier);
    files.emplace_back(c.file);
  }
  void issue(const DocumentContext& c, const MappingIssue& i) override {
    issues.push_back(i);
    files.emplace_back(c.file);
  }
  Strings briefs() const {
    Strings out;
    for (const MappingIssue& i : issues) {
      out.push_back(std::string(to_string(i.code)) + " line " + std::to_string(i.line));
    }
    return out;
  }
};

constexpr std::string_view kValid = R"(<?xml version="1.0" encoding="UTF-8"?>
<trackingFeed carrier="SWFT" generated="2026-11-18T10:00:00-06:00" version="1">
  <event id="E-1">
    <po>4500012345</po>
    <bol>SWFT778812</bol>
    <trackingNumber>SWF4471001</trackingNumber>
    <status>D1</status>
    <reason>NS</reason>
    <at>2026-11-17T16:42:00-06:00</at>
    <city>  Chicago  </city><state>IL</state><country>US</country>
  </event>
  <event>
    <shipmentId>SH-9001</shipmentId>
    <status>AG</status>
    <at>2026-11-17T12:00:00Z</at>
    <estimatedDelivery>2026-11-19T17:00:00-05:00</estimatedDelivery>
  </event>
  <event>
    <bol>SWFT778813</bol>
    <status>A9</status>
    <at>2026-11-17T09:15:00-08:00</at>
  </event>
</trackingFeed>
)";

TEST(XmlTrackingFeed, ValidFeedMapsEveryEvent) {
  Sink sink;
  const FeedResult r = read_xml_tracking_feed(kValid, "swft-1118.xml", sink, 42);
  EXPECT_FALSE(r.rejected);
  EXPECT_EQ(r.events, 3u);
  EXPECT_EQ(sink.briefs(), Strings{});
  ASSERT_EQ(sink.events.size(), 3u);
  const ShipmentEvent& d = sink.events[0];
  EXPECT_EQ(d.po_number, "4500012345");
  EXPECT_EQ(d.bill_of_lading, "SWFT778812");
  EXPECT_EQ(d.carrier_reference, "SWF4471001");
  EXPECT_EQ(d.status, "D1");
  EXPECT_EQ(d.reason, "NS");
  EXPECT_EQ(format_utc(d.at), "2026-11-17T22:42:00Z");
  EXPECT_EQ(d.city, "Chicago");
  EXPECT_EQ(d.state, "IL");
  EXPECT_EQ(d.country, "US");
  EXPECT_EQ(d.carrier_scac, "SWFT");
  EXPECT_FALSE(d.estimate);
  EXPECT_EQ(d.source.file_id, 42);
  EXPECT_EQ(d.source.set_id, "tracking-feed");
  EXPECT_EQ(d.source.transaction, "E-1");
  EXPECT_EQ(format_utc(d.source.received_at), "2026-11-18T16:00:00Z");
  const ShipmentEvent& estimate = sink.events[1];
  EXPECT_EQ(estimate.shipment_id, "SH-9001");
  EXPECT_EQ(estimate.status, "AG");
  EXPECT_EQ(format_utc(*estimate.estimate), "2026-11-19T22:00:00Z");
  EXPECT_EQ(estimate.source.transaction, "event 2");
  EXPECT_EQ(sink.events[2].bill_of_lading, "SWFT778813");
  EXPECT_EQ(sink.carriers[0], "SWFT");
  EXPECT_EQ(sink.files[0], "swft-1118.xml");
}

TEST(XmlTrackingFeed, SchemaViolationRejectsTheWholeFileWithLineNumbers) {
  std::string bad(kValid);
  bad.replace(bad.find("<status>A9</status>"), 19, "<status>ZZ</status>");
  bad.replace(bad.find("<at>2026-11-17T12:00:00Z</at>"), 29, "<at>2026-11-17T12:00:00</at>");
  Sink sink;
  const FeedResult r = read_xml_tracking_feed(bad, "bad.xml", sink);
  EXPECT_TRUE(r.rejected);
  EXPECT_EQ(r.events, 0u);
  EXPECT_TRUE(sink.events.empty());  // the good first event is not taken either
  EXPECT_EQ(sink.briefs(), (Strings{"FEED_INVALID line 15", "FEED_INVALID line 20"}));
  EXPECT_NE(sink.issues[0].reason.find("pattern"), std::string::npos) << sink.issues[0].reason;
  EXPECT_NE(sink.issues[1].reason.find("ZZ"), std::string::npos) << sink.issues[1].reason;
  EXPECT_EQ(sink.issues[0].severity, IssueSeverity::kError);
  EXPECT_EQ(sink.files[0], "bad.xml");
}

TEST(XmlTrackingFeed, MissingReferenceFailsTheSchema) {
  Sink sink;
  const FeedResult r = read_xml_tracking_feed(
      R"(<trackingFeed carrier="SWFT" generated="2026-11-18T10:00:00Z">
  <event><status>D1</status><at>2026-11-17T16:42:00Z</at></event>
</trackingFeed>)",
      "noref.xml", sink);
  EXPECT_TRUE(r.rejected);
  EXPECT_EQ(sink.briefs(), Strings{"FEED_INVALID line 2"});
}

TEST(XmlTrackingFeed, NotWellFormedXml) {
  Sink sink;
  const FeedResult r = read_xml_tracking_feed(
      "<trackingFeed carrier=\"SWFT\" generated=\"2026-11-18T10:00:00Z\">\n"
      "  <event><po>1</po><status>D1</status>\n"
      "</trackingFeed>\n",
      "broken.xml", sink);
  EXPECT_TRUE(r.rejected);
  EXPECT_TRUE(sink.events.empty());
  ASSERT_FALSE(sink.issues.empty());
  EXPECT_EQ(sink.issues[0].code, IssueCode::kFeedInvalid);
  EXPECT_EQ(sink.issues[0].line, 3u);
  EXPECT_GT(sink.issues[0].column, 0u);
}

TEST(XmlTrackingFeed, EntityExpansionIsRefused) {
  // "Billion laughs": a DOCTYPE declaring entities that expand exponentially.
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE trackingFeed [\n<!ENTITY a \"ha\">\n";
  for (int i = 1; i <= 12; ++i) {
    bomb += "<!ENTITY " + std::string(1, static_cast<char>('a' + i)) + " \"";
    for (int k = 0; k < 10; ++k) bomb += "&" + std::string(1, static_cast<char>('a' + i - 1)) + ";";
    bomb += "\">\n";
  }
  bomb +=
      "]>\n<trackingFeed carrier=\"SWFT\" generated=\"2026-11-18T10:00:00Z\">\n"
      "<event><po>&m;</po><status>D1</status><at>2026-11-17T16:42:00Z</at></event>\n"
      "</trackingFeed>\n";
  Sink sink;
  const auto start = std::chrono::steady_clock::now();
  const FeedResult r = read_xml_tracking_feed(bomb, "bomb.xml", sink);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_TRUE(r.rejected);
  EXPECT_TRUE(sink.events.empty());
  ASSERT_FALSE(sink.issues.empty());
  EXPECT_NE(sink.issues.back().reason.find("DOCTYPE"), std::string::npos);
}

TEST(XmlTrackingFeed, ExternalEntityIsRefused) {
  Sink sink;
  const FeedResult r = read_xml_tracking_feed(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE trackingFeed [<!ENTITY x SYSTEM "
      "\"file:///etc/passwd\">]>\n<trackingFeed carrier=\"SWFT\" "
      "generated=\"2026-11-18T10:00:00Z\"><event><po>&x;</po><status>D1</status>"
      "<at>2026-11-17T16:42:00Z</at></event></trackingFeed>\n",
      "xxe.xml", sink);
  EXPECT_TRUE(r.rejected);
  EXPECT_TRUE(sink.events.empty());
  ASSERT_FALSE(sink.issues.empty());
  EXPECT_NE(sink.issues.back().reason.find("DOCTYPE"), std::string::npos);
}

TEST(XmlTrackingFeed, EstimateWithoutEstimatedDeliveryIsSkipped) {
  Sink sink;
  const FeedResult r = read_xml_tracking_feed(
      R"(<trackingFeed carrier="SWFT" generated="2026-11-18T10:00:00Z">
  <event><po>1</po><status>X2</status><at>2026-11-17T16:42:00Z</at></event>
  <event><po>2</po><status>D1</status><at>2026-11-17T16:42:00Z</at></event>
</trackingFeed>)",
      "partial.xml", sink);
  EXPECT_FALSE(r.rejected);
  EXPECT_EQ(r.events, 1u);
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_EQ(sink.briefs(), Strings{"MAP_STRUCTURE line 2"});
  ASSERT_EQ(sink.events.size(), 1u);
  EXPECT_EQ(sink.events[0].po_number, "2");
}

TEST(XmlTrackingFeed, ReadsFilesStreamingAndReportsMissingOnes) {
  const std::string path = ::testing::TempDir() + "/ordex-feed.xml";
  std::ofstream(path) << kValid;
  Sink sink;
  EXPECT_EQ(read_xml_tracking_feed_file(path, sink).events, 3u);
  Sink missing;
  const FeedResult r = read_xml_tracking_feed_file(path + ".nope", missing);
  EXPECT_TRUE(r.rejected);
  ASSERT_EQ(missing.issues.size(), 1u);
  EXPECT_NE(missing.issues[0].reason.find("cannot open"), std::string::npos);
}

TEST(XmlTrackingFeed, DemoWeekFeed) {
  Sink sink;
  const FeedResult r = read_xml_tracking_feed_file(
      std::string(ORDEX_SOURCE_DIR) + "/tests/orders/feeds/data/20261120T2300_HBPL_tracking.xml",
      sink);
  EXPECT_EQ(sink.briefs(), Strings{});
  EXPECT_EQ(r.events, 4u);
  ASSERT_EQ(sink.events.size(), 4u);
  const ShipmentEvent& delivered = sink.events[3];
  EXPECT_EQ(delivered.status, "D1");
  EXPECT_EQ(delivered.po_number, "BB711201");
  EXPECT_EQ(delivered.carrier_reference, "HBP4471109283");
  EXPECT_EQ(delivered.carrier_scac, "HBPL");
  EXPECT_EQ(format_utc(delivered.at), "2026-11-20T15:05:00Z");
  EXPECT_EQ(local_day(delivered.at, TimeZone::named("America/New_York").value()), "2026-11-20");
}

TEST(XmlTrackingFeed, PredefinedEntitiesAndCharacterReferencesAreText) {
  Sink sink;
  read_xml_tracking_feed(R"(<trackingFeed carrier="SWFT" generated="2026-11-18T10:00:00Z">
  <event><po>A&amp;B&#x2D;1</po><status>D1</status><at>2026-11-17T16:42:00Z</at>
    <city>Coeur d&apos;Alene</city></event>
</trackingFeed>)",
                         "entities.xml", sink);
  EXPECT_EQ(sink.briefs(), Strings{});
  ASSERT_EQ(sink.events.size(), 1u);
  EXPECT_EQ(sink.events[0].po_number, "A&B-1");
  EXPECT_EQ(sink.events[0].city, "Coeur d'Alene");
}

TEST(XmlTrackingFeed, SchemaIsEmbeddedAndDocumented) {
  EXPECT_NE(tracking_feed_xsd().find("<xs:element name=\"trackingFeed\">"), std::string::npos);
  EXPECT_NE(tracking_feed_xsd().find("xs:documentation"), std::string::npos);
}

TEST(XmlTrackingFeed, ContentDetection) {
  EXPECT_TRUE(looks_like_xml_tracking_feed(kValid));
  EXPECT_TRUE(looks_like_xml_tracking_feed("\xEF\xBB\xBF<!-- x --><trackingFeed carrier="));
  EXPECT_FALSE(looks_like_xml_tracking_feed("<orders/>"));
  EXPECT_FALSE(looks_like_xml_tracking_feed("ISA*00*"));
  EXPECT_FALSE(looks_like_xml_tracking_feed("<trackingFeedX>"));
}

TEST(FeedEvent, StatusVocabularyMatchesTheXsd) {
  for (std::string_view s :
       {"AF", "X3", "X4", "P1", "X6", "X1", "AG", "X2", "D1", "A7", "A9", "AH", "AP", "SD", "CA"}) {
    EXPECT_TRUE(is_feed_status(s)) << s;
    EXPECT_NE(tracking_feed_xsd().find("value=\"" + std::string(s) + "\""), std::string::npos) << s;
  }
  EXPECT_FALSE(is_feed_status("ZZ"));
}

}  // namespace
}  // namespace ordex::orders
