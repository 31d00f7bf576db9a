// What an import records: files, interchanges, documents, findings, control numbers, and the
// transaction that makes one interchange all-or-nothing.
#include <gtest/gtest.h>

#include "store_test_base.h"
#include "test_records.h"

namespace ordex::orders::testing {
namespace {

template <typename E>
class StoreIngestTest : public StoreTest<E> {
 protected:
  std::int64_t add_file(const std::string& sha) {
    Result<FileRecord> f = this->store().record_file(file(sha));
    EXPECT_TRUE(f.ok()) << (f.ok() ? "" : f.error());
    return f.ok() ? f.value().id : 0;
  }
};
TYPED_TEST_SUITE(StoreIngestTest, StoreEngines, StoreEngineNames);

TYPED_TEST(StoreIngestTest, KnownFileHashReturnsTheExistingId) {
  Store& s = this->store();
  Result<FileRecord> first = s.record_file(file("aa11", "in/one.edi"));
  ORDEX_ASSERT_OK(first);
  EXPECT_FALSE(first.value().existed);
  Result<FileRecord> again = s.record_file(file("aa11", "in/copy-of-one.edi"));
  ORDEX_ASSERT_OK(again);
  EXPECT_TRUE(again.value().existed);
  EXPECT_EQ(again.value().id, first.value().id);
  Result<FileRecord> other = s.record_file(file("bb22"));
  ORDEX_ASSERT_OK(other);
  EXPECT_NE(other.value().id, first.value().id);
}

TYPED_TEST(StoreIngestTest, FileDispositionIsUpdated) {
  Store& s = this->store();
  const std::int64_t id = this->add_file("cc33");
  ORDEX_ASSERT_OK(s.set_file_disposition(id, FileDisposition::kQuarantined, "not EDI"));
  Result<std::optional<InboundFile>> f = s.file_by_hash("cc33");
  ORDEX_ASSERT_OK(f);
  ASSERT_TRUE(f.value().has_value());
  EXPECT_EQ(f.value()->disposition, FileDisposition::kQuarantined);
  EXPECT_EQ(f.value()->reason, "not EDI");
  EXPECT_EQ(f.value()->path, "in/a.edi");
  EXPECT_EQ(f.value()->bytes, 1234);
  EXPECT_EQ(f.value()->imported_at, 1700000100);
}

TYPED_TEST(StoreIngestTest, InterchangeSeenIsNewThenSameOrDifferent) {
  Store& s = this->store();
  const std::int64_t f = this->add_file("dd44");
  Result<InterchangeState> seen = s.interchange_seen("ZZ", "NORTHWIND", "000000101", "h1");
  ORDEX_ASSERT_OK(seen);
  EXPECT_EQ(seen.value(), InterchangeState::kNew);
  ORDEX_ASSERT_OK(s.record_interchange(interchange(f, "000000101", "h1")));
  EXPECT_EQ(s.interchange_seen("ZZ", "NORTHWIND", "000000101", "h1").value(),
            InterchangeState::kSame);
  EXPECT_EQ(s.interchange_seen("ZZ", "NORTHWIND", "000000101", "h2").value(),
            InterchangeState::kDifferent);
  // The key is the sender and the control number, not the control number alone.
  EXPECT_EQ(s.interchange_seen("ZZ", "CONTOSO", "000000101", "h1").value(), InterchangeState::kNew);
  Result<std::int64_t> twice = s.record_interchange(interchange(f, "000000101", "h2"));
  EXPECT_FALSE(twice.ok());
}

TYPED_TEST(StoreIngestTest, ControlNumbersCountPerNameWrapAndPersist) {
  Store& s = this->store();
  EXPECT_EQ(s.next_control_number("isa13").value(), 1);
  EXPECT_EQ(s.next_control_number("isa13").value(), 2);
  EXPECT_EQ(s.next_control_number("gs06/NORTHWIND").value(), 1);
  EXPECT_EQ(s.next_control_number("isa13").value(), 3);
  EXPECT_EQ(s.next_control_number("tiny", 2).value(), 1);
  EXPECT_EQ(s.next_control_number("tiny", 2).value(), 2);
  EXPECT_EQ(s.next_control_number("tiny", 2).value(), 1);
  auto other = this->open_again();
  ASSERT_TRUE(other);
  EXPECT_EQ(other->next_control_number("isa13").value(), 4);
  // Inside a transaction that rolls back, the number is given back.
  ORDEX_ASSERT_OK(s.begin());
  EXPECT_EQ(s.next_control_number("isa13").value(), 5);
  ORDEX_ASSERT_OK(s.rollback());
  EXPECT_EQ(s.next_control_number("isa13").value(), 5);
}

TYPED_TEST(StoreIngestTest, DocumentsAndFindingsAreKeptPerFile) {
  Store& s = this->store();
  const std::int64_t f = this->add_file("ee55");
  const std::int64_t ic = s.record_interchange(interchange(f, "7", "h")).value();
  ORDEX_ASSERT_OK(s.begin());
  DocumentRecord d;
  d.source = source(f, ic, "0001");
  d.partner_id = "";
  d.po_number = "PO-1";
  d.status = DocumentStatus::kAcceptedWithErrors;
  d.findings = 1;
  ORDEX_ASSERT_OK(s.add_document(d));
  ORDEX_ASSERT_OK(s.add_document(d));  // the same transaction set twice: kept once
  FindingRecord fr{f,
                   "7",
                   "1",
                   "0001",
                   "850",
                   "PO1",
                   4,
                   3,
                   0,
                   345,
                   "AK4:7",
                   "error",
                   "PO103: 'XX' is not a unit of measure"};
  ORDEX_ASSERT_OK(s.add_finding(fr));
  ORDEX_ASSERT_OK(s.commit());
  Result<std::vector<DocumentRecord>> docs = s.documents_in_file(f);
  ORDEX_ASSERT_OK(docs);
  ASSERT_EQ(docs.value().size(), 1u);
  EXPECT_EQ(docs.value()[0].status, DocumentStatus::kAcceptedWithErrors);
  EXPECT_EQ(docs.value()[0].source.interchange_id, ic);
  EXPECT_EQ(docs.value()[0].source.transaction, "0001");
  EXPECT_EQ(docs.value()[0].po_number, "PO-1");
  Result<std::vector<FindingRecord>> findings = s.findings_in_file(f);
  ORDEX_ASSERT_OK(findings);
  ASSERT_EQ(findings.value().size(), 1u);
  const FindingRecord& got = findings.value()[0];
  EXPECT_EQ(got.code, "AK4:7");
  EXPECT_EQ(got.segment_position, 4);
  EXPECT_EQ(got.element, 3);
  EXPECT_EQ(got.offset, 345);
  EXPECT_EQ(got.message, fr.message);
}

TYPED_TEST(StoreIngestTest, RollbackLeavesNothing) {
  Store& s = this->store();
  ORDEX_ASSERT_OK(s.upsert_partner(customer("NORTHWIND")));
  ORDEX_ASSERT_OK(s.begin());
  const std::int64_t f = this->add_file("ff66");
  const std::int64_t ic = s.record_interchange(interchange(f, "9", "h")).value();
  Order o = order("NORTHWIND", "PO-RB");
  o.source = source(f, ic, "0001");
  ORDEX_ASSERT_OK(s.put_order(o));
  ORDEX_ASSERT_OK(s.add_shipment_event(event("NORTHWIND", "PO-RB", "D1", 1710000000)));
  ORDEX_ASSERT_OK(s.flush());  // written to the database, still inside the transaction
  ORDEX_ASSERT_OK(s.rollback());
  EXPECT_FALSE(s.file_by_hash("ff66").value().has_value());
  EXPECT_EQ(s.interchange_seen("ZZ", "NORTHWIND", "9", "h").value(), InterchangeState::kNew);
  EXPECT_FALSE(s.order("NORTHWIND", "PO-RB").value().has_value());
  auto other = this->open_again();
  ASSERT_TRUE(other);
  EXPECT_TRUE(other->list_orders().value().empty());
}

TYPED_TEST(StoreIngestTest, CommitMakesEverythingVisibleToOthers) {
  Store& s = this->store();
  ORDEX_ASSERT_OK(s.upsert_partner(customer("NORTHWIND")));
  ORDEX_ASSERT_OK(s.begin());
  EXPECT_TRUE(s.in_transaction());
  ORDEX_ASSERT_OK(s.put_order(order("NORTHWIND", "PO-C")));
  ORDEX_ASSERT_OK(s.commit());
  EXPECT_FALSE(s.in_transaction());
  auto other = this->open_again();
  ASSERT_TRUE(other);
  EXPECT_TRUE(other->order("NORTHWIND", "PO-C").value().has_value());
}

TYPED_TEST(StoreIngestTest, TransactionMisuseIsAnError) {
  Store& s = this->store();
  EXPECT_FALSE(s.commit().ok());
  ORDEX_ASSERT_OK(s.begin());
  EXPECT_FALSE(s.begin().ok());
  ORDEX_ASSERT_OK(s.rollback());
  ORDEX_ASSERT_OK(s.rollback());  // nothing open: nothing to do
}

TYPED_TEST(StoreIngestTest, FailedCommitRollsBackTheWholeTransaction) {
  Store& s = this->store();
  ORDEX_ASSERT_OK(s.upsert_partner(customer("NORTHWIND")));
  ORDEX_ASSERT_OK(s.begin());
  ORDEX_ASSERT_OK(s.put_order(order("NORTHWIND", "PO-OK")));
  ORDEX_ASSERT_OK(s.put_order(order("NOBODY", "PO-BAD")));  // no such partner: fails at flush
  Status committed = s.commit();
  ASSERT_FALSE(committed.ok());
  EXPECT_NE(committed.error().find("orders"), std::string::npos) << committed.error();
  EXPECT_FALSE(s.in_transaction());
  EXPECT_FALSE(s.order("NORTHWIND", "PO-OK").value().has_value());
  // The session is usable afterwards.
  ORDEX_ASSERT_OK(s.put_order(order("NORTHWIND", "PO-LATER")));
  EXPECT_TRUE(s.order("NORTHWIND", "PO-LATER").value().has_value());
}

TYPED_TEST(StoreIngestTest, OutboundGroupsShowTheirLatestFunctionalAck) {
  Store& s = this->store();
  ORDEX_ASSERT_OK(s.upsert_partner(customer("NORTHWIND")));
  const std::int64_t f = this->add_file("gg77");
  const std::int64_t ic = s.record_interchange(interchange(f, "11", "h")).value();
  OutboundGroup g;
  g.partner_id = "NORTHWIND";
  g.group_control = "501";
  g.functional_id = "PR";
  g.sent_at = 1700000000;
  ORDEX_ASSERT_OK(s.add_outbound_group(g));
  g.group_control = "502";
  ORDEX_ASSERT_OK(s.add_outbound_group(g));
  FunctionalAck fa;
  fa.partner_id = "NORTHWIND";
  fa.group_control = "501";
  fa.functional_id = "PR";
  fa.status = "R";
  fa.sets = {{"0001", "R"}, {"0002", "A"}};
  fa.source = source(f, ic, "0001");
  ORDEX_ASSERT_OK(s.add_functional_ack(fa));
  fa.source.interchange_id = 0;
  EXPECT_FALSE(s.add_functional_ack(fa).ok());
  Result<std::vector<OutboundGroupStatus>> groups = s.outbound_groups();
  ORDEX_ASSERT_OK(groups);
  ASSERT_EQ(groups.value().size(), 2u);
  EXPECT_EQ(groups.value()[0].group.group_control, "501");
  EXPECT_EQ(groups.value()[0].ack_status, "R");
  EXPECT_EQ(groups.value()[1].ack_status, "");
}

TYPED_TEST(StoreIngestTest, TextThatIsNotUtf8IsStoredCleanedOnEveryEngine) {
  Store& s = this->store();
  TradingPartner p = customer("LATIN1");
  p.name = std::string("Caf\xe9 ") + std::string(1, '\0') + "Co";
  ORDEX_ASSERT_OK(s.upsert_partner(p));
  Result<std::optional<TradingPartner>> got = s.partner("LATIN1");
  ORDEX_ASSERT_OK(got);
  ASSERT_TRUE(got.value().has_value());
  EXPECT_EQ(got.value()->name,
            "Caf\xEF\xBF\xBD \xEF\xBF\xBD"
            "Co");
}

}  // namespace
}  // namespace ordex::orders::testing
