// The demo week of samples/ imported end to end, on every store engine: the counts it must
// give (derived from the files, see each comment), and that importing it again changes nothing.
#include <gtest/gtest.h>

#include <tuple>

#include "../store_test_base.h"
#include "ingest_test_util.h"

namespace ordex::orders::ingest {
namespace {

using orders::testing::StoreEngineNames;
using orders::testing::StoreEngines;
using orders::testing::StoreTest;
using testing::files_under;
using testing::import_all;
using testing::load_sample_master;
using testing::sample;

// What a store holds, through the Store API, for comparing two states.
struct Snapshot {
  std::vector<std::tuple<std::string, std::string, std::string, std::int64_t, std::int64_t,
                         std::optional<Instant>, std::int64_t>>
      orders;
  std::vector<std::pair<std::size_t, std::size_t>> per_file;  // documents, findings
  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

Snapshot snapshot(Store& store, std::int64_t files) {
  Snapshot s;
  auto list = store.list_orders();
  EXPECT_TRUE(list.ok());
  for (const OrderSummary& o : list.value()) {
    s.orders.emplace_back(o.partner_id, o.po_number, to_string(o.status), o.ordered_qty.e4,
                          o.shipped_qty.e4, o.delivered_at, o.originals);
  }
  for (std::int64_t id = 1; id <= files; ++id) {
    s.per_file.emplace_back(store.documents_in_file(id).value().size(),
                            store.findings_in_file(id).value().size());
  }
  return s;
}

template <typename E>
class IngestSamplesTest : public StoreTest<E> {};
TYPED_TEST_SUITE(IngestSamplesTest, StoreEngines, StoreEngineNames);

TYPED_TEST(IngestSamplesTest, TheDemoWeekGivesItsCounts) {
  Store& store = this->store();
  load_sample_master(store);
  const IngestCounts t = import_all(store, files_under({sample("inbound"), sample("outbound")}));
  EXPECT_EQ(t.files, 67);  // 40 EDI + 2 feeds inbound, 25 outbound
  EXPECT_EQ(t.files_failed, 0);
  EXPECT_EQ(t.files_quarantined, 0);
  // 66 interchanges (214_000007103 holds two); the resent 000004207 is the duplicate.
  EXPECT_EQ(t.interchanges, 65);
  EXPECT_EQ(t.interchanges_duplicate, 1);
  EXPECT_EQ(t.interchanges_rejected, 0);
  // Set 0002 of 850_000000106 (BEG05 20261131, no PO1) is the one rejected set.
  EXPECT_EQ(t.transactions_rejected, 1);
  EXPECT_EQ(t.transactions_accepted, 117);
  // 28 850/ORDERS sets, less the 3 of the duplicate interchange and the rejected one.
  EXPECT_EQ(t.orders, 24);
  EXPECT_EQ(t.functional_acks, 23);
  // 19 AT7 in the 214s + 4 IFTSTA STS + 5 CSV rows + 4 XML events.
  EXPECT_EQ(t.events, 32);
  EXPECT_EQ(t.acknowledgments, 19);
  EXPECT_EQ(t.shipments, 17);
  EXPECT_EQ(t.invoices, 10);
  auto list = store.list_orders();
  ASSERT_TRUE(list.ok()) << list.error();
  EXPECT_EQ(list.value().size(), 23u);  // 4500012613 arrived twice as an original
}

TYPED_TEST(IngestSamplesTest, ImportingTwiceChangesNothing) {
  Store& store = this->store();
  load_sample_master(store);
  const auto files = files_under({sample("inbound"), sample("outbound")});
  (void)import_all(store, files);
  const Snapshot first = snapshot(store, 67);
  const IngestCounts again = import_all(store, files);
  EXPECT_EQ(again.files_skipped, 67);
  EXPECT_EQ(again.interchanges, 0);
  EXPECT_EQ(again.findings, 0);
  EXPECT_EQ(snapshot(store, 67), first);
}

TYPED_TEST(IngestSamplesTest, AnInterruptedFileIsResumedWithoutDuplicates) {
  Store& store = this->store();
  load_sample_master(store);
  const auto files = files_under({sample("inbound")});
  (void)import_all(store, files);
  const Snapshot first = snapshot(store, 42);
  // As a crash leaves them: recorded, interchanges committed, disposition not yet set. (The
  // file with the duplicate is left complete: its finding commits with its disposition.)
  int reset = 0;
  for (std::int64_t id = 1; id <= 42; ++id) {
    bool has_file_finding = false;
    const auto findings = store.findings_in_file(id);
    for (const FindingRecord& f : findings.value()) {
      has_file_finding = has_file_finding || f.code == "TA1:025";
    }
    if (has_file_finding) continue;
    // kImporting, or how databases written before it existed say the same.
    ASSERT_TRUE((id % 2 == 0 ? store.set_file_disposition(id, FileDisposition::kImporting, "")
                             : store.set_file_disposition(id, FileDisposition::kQuarantined,
                                                          kImportIncomplete))
                    .ok());
    ++reset;
  }
  ASSERT_EQ(reset, 41);
  const IngestCounts again = import_all(store, files);
  EXPECT_EQ(again.files_skipped, 1);
  EXPECT_EQ(again.interchanges, 0);
  EXPECT_EQ(again.interchanges_skipped, 40);  // 41 interchanges in 39 files
  EXPECT_EQ(snapshot(store, 42), first);
}

}  // namespace
}  // namespace ordex::orders::ingest
