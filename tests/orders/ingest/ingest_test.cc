// Ingestor behaviour on crafted inputs, on every store engine: duplicates, rejected groups,
// quarantine, unknown partners.
#include "orders/ingest/ingest.h"

#include <gtest/gtest.h>

#include "../store_test_base.h"
#include "ingest_test_util.h"

namespace ordex::orders::ingest {
namespace {

using orders::testing::StoreEngineNames;
using orders::testing::StoreEngines;
using orders::testing::StoreTest;
using testing::load_sample_master;
using testing::read_file;
using testing::sample;
using testing::schemas;
using testing::ScratchDir;

std::string northwind_850() {
  return read_file(sample("inbound/20261116T0815_NORTHWIND_850_000000101.x12"));
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

bool has_code(const std::vector<FindingRecord>& findings, const std::string& code) {
  for (const FindingRecord& f : findings) {
    if (f.code == code) return true;
  }
  return false;
}

template <typename E>
class IngestTest : public StoreTest<E> {
 protected:
  FileOutcome import(const std::string& path, IngestOptions options = {}) {
    Ingestor ingestor(this->store(), schemas(), std::move(options));
    return ingestor.import_file(path);
  }
  ScratchDir dir_;
};
TYPED_TEST_SUITE(IngestTest, StoreEngines, StoreEngineNames);

TYPED_TEST(IngestTest, OtherContentUnderAKnownControlNumberIsADuplicate) {
  Store& store = this->store();
  load_sample_master(store);
  const FileOutcome first = this->import(this->dir_.write("a.x12", northwind_850()));
  ASSERT_EQ(first.result, FileResult::kImported) << first.reason;
  const std::string changed = replace(northwind_850(), "PO1*1*24*", "PO1*1*36*");
  const FileOutcome second = this->import(this->dir_.write("b.x12", changed));
  EXPECT_EQ(second.result, FileResult::kImported);
  EXPECT_EQ(second.counts.interchanges_duplicate, 1);
  EXPECT_EQ(second.counts.orders, 0);
  EXPECT_TRUE(has_code(store.findings_in_file(second.file_id).value(), "TA1:025"));
  EXPECT_TRUE(store.documents_in_file(second.file_id).value().empty());
}

TYPED_TEST(IngestTest, TheSameInterchangeInAnotherFileIsSkipped) {
  Store& store = this->store();
  load_sample_master(store);
  (void)this->import(this->dir_.write("a.x12", northwind_850()));
  const FileOutcome copy = this->import(this->dir_.write("b.x12", northwind_850() + "\n"));
  EXPECT_EQ(copy.result, FileResult::kImported);
  EXPECT_EQ(copy.counts.interchanges_skipped, 1);
  EXPECT_TRUE(store.findings_in_file(copy.file_id).value().empty());
}

TYPED_TEST(IngestTest, ARejectedGroupKeepsItsRecordsButNoData) {
  Store& store = this->store();
  load_sample_master(store);
  // GE01 says 4 sets, the group has 5: the group is rejected at its trailer.
  const std::string bad = replace(northwind_850(), "GE*5*101", "GE*4*101");
  const FileOutcome out = this->import(this->dir_.write("bad.x12", bad));
  ASSERT_EQ(out.result, FileResult::kImported) << out.reason;
  EXPECT_EQ(out.counts.interchanges_rejected, 1);
  EXPECT_EQ(out.counts.orders, 0);
  EXPECT_EQ(out.counts.transactions_rejected, 5);
  EXPECT_TRUE(store.list_orders().value().empty());
  const auto documents = store.documents_in_file(out.file_id).value();
  ASSERT_EQ(documents.size(), 5u);
  for (const DocumentRecord& d : documents) EXPECT_EQ(d.status, DocumentStatus::kRejected);
  EXPECT_TRUE(has_code(store.findings_in_file(out.file_id).value(), "AK9:5"));
}

TYPED_TEST(IngestTest, ABadXmlFeedIsQuarantinedWithItsReason) {
  load_sample_master(this->store());
  const std::string path =
      this->dir_.write("in/feed.xml", "<trackingFeed carrier=\"HBPL\"><event></trackingFeed>");
  IngestOptions options;
  options.quarantine_dir = (this->dir_.path() / "quarantine").string();
  options.archive_dir = (this->dir_.path() / "archive").string();
  const FileOutcome out = this->import(path, options);
  EXPECT_EQ(out.result, FileResult::kQuarantined);
  EXPECT_EQ(out.moved_to, (this->dir_.path() / "quarantine" / "feed.xml").string());
  EXPECT_FALSE(std::filesystem::exists(path));
  const std::string reason = read_file(out.moved_to + ".reason");
  EXPECT_NE(reason.find("FEED_INVALID"), std::string::npos) << reason;
  auto file = this->store().file_by_hash(testing::file_sha(out.moved_to));
  ASSERT_TRUE(file.ok() && file.value());
  EXPECT_EQ(file.value()->disposition, FileDisposition::kQuarantined);
}

TYPED_TEST(IngestTest, AFileThatIsNotEdiIsQuarantinedAndImportedFilesArchived) {
  load_sample_master(this->store());
  IngestOptions options;
  options.quarantine_dir = (this->dir_.path() / "quarantine").string();
  options.archive_dir = (this->dir_.path() / "archive").string();
  const FileOutcome junk = this->import(this->dir_.write("in/junk.txt", "hello\n"), options);
  EXPECT_EQ(junk.result, FileResult::kQuarantined);
  EXPECT_NE(junk.reason.find("file:2"), std::string::npos) << junk.reason;
  const FileOutcome good = this->import(this->dir_.write("in/a.x12", northwind_850()), options);
  EXPECT_EQ(good.result, FileResult::kImported);
  EXPECT_EQ(good.moved_to, (this->dir_.path() / "archive" / "a.x12").string());
  EXPECT_EQ(read_file(good.moved_to), northwind_850());
}

TYPED_TEST(IngestTest, AnUnknownSenderBecomesAnUnregisteredPartner) {
  Store& store = this->store();  // no master data at all
  const FileOutcome out = this->import(this->dir_.write("a.x12", northwind_850()));
  ASSERT_EQ(out.result, FileResult::kImported) << out.reason;
  EXPECT_EQ(out.counts.orders, 5);
  auto partner = store.partner("NORTHWIND");
  ASSERT_TRUE(partner.ok() && partner.value());
  EXPECT_FALSE(partner.value()->registered);
  EXPECT_TRUE(has_code(store.findings_in_file(out.file_id).value(), "PARTNER_UNREGISTERED"));
}

TYPED_TEST(IngestTest, AnUnknownSenderIsTheDefaultPartnerWhenOneIsSet) {
  Store& store = this->store();
  load_sample_master(store);
  // The same order from an interchange id no partner has (ISA06 is 15 characters wide).
  const std::string text =
      replace(replace(northwind_850(), "*ZZ*NORTHWIND      *", "*ZZ*NWG-EDI-2      *"),
              "GS*PO*NORTHWIND*", "GS*PO*NWG-EDI-2*");
  IngestOptions options;
  options.default_partner = "NORTHWIND";
  const FileOutcome out = this->import(this->dir_.write("a.x12", text), options);
  ASSERT_EQ(out.result, FileResult::kImported) << out.reason;
  EXPECT_EQ(out.counts.orders, 5);
  EXPECT_FALSE(store.partner("NWG-EDI-2").value().has_value());
  EXPECT_FALSE(has_code(store.findings_in_file(out.file_id).value(), "PARTNER_UNREGISTERED"));
  auto orders = store.list_orders();
  ASSERT_TRUE(orders.ok()) << orders.error();
  ASSERT_EQ(orders.value().size(), 5u);
  for (const OrderSummary& o : orders.value()) EXPECT_EQ(o.partner_id, "NORTHWIND");

  // A default partner the master data does not have is an error naming it; nothing is stored.
  options.default_partner = "NOBODY";
  const std::string other =
      replace(replace(text, "*000000101*", "*000000102*"), "IEA*1*000000101", "IEA*1*000000102");
  const FileOutcome refused = this->import(this->dir_.write("b.x12", other), options);
  EXPECT_NE(refused.result, FileResult::kImported);
  EXPECT_NE(refused.reason.find("NOBODY"), std::string::npos) << refused.reason;
}

TYPED_TEST(IngestTest, SelfIdsDecideTheDirection) {
  Store& store = this->store();
  IngestOptions options;
  options.self_ids = {parse_party_id("ZZ:NORTHWIND")};  // we pretend to be the buyer
  const FileOutcome out = this->import(this->dir_.write("a.x12", northwind_850()), options);
  ASSERT_EQ(out.result, FileResult::kImported) << out.reason;
  auto partner = store.partner("ACMESUPPLY");
  ASSERT_TRUE(partner.ok() && partner.value());
  EXPECT_EQ(store.list_orders().value().front().partner_id, "ACMESUPPLY");
}

}  // namespace
}  // namespace ordex::orders::ingest
