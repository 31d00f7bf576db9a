// The file-scope case read a page of documents at a time, on each engine: the rules find in it
// what they find in a case holding every document and finding of the file, and the partners
// are every partner a document of the file names.
#include "exceptions/file_case_loader.h"

#include <gtest/gtest.h>

#include "../orders/test_records.h"
#include "exceptions/rules.h"
#include "work_queue_test_base.h"

namespace ordex::exceptions::testing {
namespace {

namespace rec = orders::testing;

template <typename E>
class FileCaseLoaderTest : public WorkQueueTest<E> {
 protected:
  void add_document(std::int64_t file, std::int64_t interchange, const std::string& tx,
                    const std::string& partner, const std::string& po,
                    orders::DocumentStatus status) {
    orders::DocumentRecord d;
    d.source = rec::source(file, interchange, tx);
    d.partner_id = partner;
    d.po_number = po;
    d.status = status;
    d.findings = status == orders::DocumentStatus::kRejected ? 1 : 0;
    ASSERT_TRUE(this->store().add_document(d).ok());
  }

  void add_finding(std::int64_t file, const std::string& interchange, const std::string& tx,
                   const std::string& code, const std::string& severity,
                   const std::string& message) {
    orders::FindingRecord f{file, interchange, "1", tx,   "850",    "BEG",  2,
                            1,    0,           10,  code, severity, message};
    ASSERT_TRUE(this->store().add_finding(f).ok());
  }

  // Two interchanges of a file; their first documents to name a partner name ACME and BETA.
  std::int64_t import_file(const std::string& hash, const std::string& tx_prefix) {
    orders::Store& s = this->store();
    auto file = s.record_file(rec::file(hash));
    EXPECT_TRUE(file.ok());
    const std::int64_t f = file.value().id;
    // Control numbers differ between the two files: an interchange is recorded once.
    auto i1 = s.record_interchange(rec::interchange(f, tx_prefix + "00000001", hash + "1"));
    auto i2 = s.record_interchange(rec::interchange(f, tx_prefix + "00000002", hash + "2"));
    EXPECT_TRUE(i1.ok() && i2.ok());
    if (!i1.ok() || !i2.ok()) return f;
    using orders::DocumentStatus;
    add_document(f, i1.value(), tx_prefix + "1", "", "PO-1", DocumentStatus::kAccepted);
    add_document(f, i1.value(), tx_prefix + "2", "ACME", "", DocumentStatus::kRejected);
    add_document(f, i1.value(), tx_prefix + "3", "BETA", "PO-2", DocumentStatus::kAccepted);
    add_document(f, i2.value(), tx_prefix + "4", "BETA", "", DocumentStatus::kRejected);
    add_document(f, i2.value(), tx_prefix + "5", "", "", DocumentStatus::kRejected);
    add_document(f, i2.value(), tx_prefix + "6", "GAMMA", "PO-3",
                 DocumentStatus::kAcceptedWithErrors);
    add_finding(f, rec::source(f, i1.value(), "").interchange, "", "AK9:2", "error",
                "group rejected");
    add_finding(f, rec::source(f, i2.value(), "").interchange, "", "TA1:022", "error",
                "bad envelope");
    add_finding(f, "000000009", "", "TA1:025", "warning",
                "interchange already received with different content");
    add_finding(f, rec::source(f, i1.value(), "").interchange, "0001", "AK4:7", "error",
                "in a set");
    add_finding(f, rec::source(f, i2.value(), "").interchange, "", "TA1:000", "warning",
                "unknown sender");
    return f;
  }

  // The file's case as check_file built it before the loader: everything, in row order.
  FileCase everything(std::int64_t file_id) {
    FileCase f;
    f.file_id = file_id;
    f.documents = this->store().documents_in_file(file_id).value();
    f.findings = this->store().findings_in_file(file_id).value();
    for (const orders::DocumentRecord& d : f.documents) {
      if (!d.partner_id.empty()) f.interchange_partner.emplace(d.source.interchange, d.partner_id);
    }
    return f;
  }
};

TYPED_TEST_SUITE(FileCaseLoaderTest, orders::testing::StoreEngines,
                 orders::testing::StoreEngineNames);

std::vector<std::string> described(const Evaluation& ev) {
  std::vector<std::string> out;
  for (const Condition& c : ev.found) {
    out.push_back(std::string(to_string(c.type)) + "|" + c.partner_id + "|" + c.subject + "|" +
                  c.summary + "|" + c.evidence + "|" + std::to_string(c.file_id));
  }
  return out;
}

TYPED_TEST(FileCaseLoaderTest, FindsWhatTheWholeFileGivesPageByPage) {
  const std::int64_t other = this->import_file("other", "9");
  const std::int64_t file = this->import_file("mine", "");
  for (std::int64_t page : {1, 2, 4, 5000}) {
    auto loader = FileCaseLoader::prepare(this->store().database(), page);
    ASSERT_TRUE(loader.ok()) << loader.error();
    FileCase loaded;
    std::set<std::string> partners;
    ASSERT_TRUE(loader.value()->load(file, loaded, partners).ok()) << "page " << page;
    const FileCase all = this->everything(file);
    EXPECT_EQ(described(evaluate_file(loaded)), described(evaluate_file(all))) << "page " << page;
    EXPECT_EQ(described(evaluate_file(loaded)).size(), 6u);  // 3 documents, 2 envelopes, 1 resent
    EXPECT_EQ(partners, (std::set<std::string>{"ACME", "BETA", "GAMMA"}));
    EXPECT_EQ(loaded.interchange_partner, all.interchange_partner);
    EXPECT_EQ(loaded.documents.size(), 3u);  // only the rejected ones naming no PO
    EXPECT_EQ(loaded.findings.size(), 3u);   // two envelope errors and the duplicate
  }
  (void)other;
}

TYPED_TEST(FileCaseLoaderTest, AFileWithoutDocumentsIsEmpty) {
  auto loader = FileCaseLoader::prepare(this->store().database());
  ASSERT_TRUE(loader.ok()) << loader.error();
  FileCase loaded;
  std::set<std::string> partners;
  ASSERT_TRUE(loader.value()->load(12345, loaded, partners).ok());
  EXPECT_TRUE(loaded.documents.empty());
  EXPECT_TRUE(loaded.findings.empty());
  EXPECT_TRUE(partners.empty());
  EXPECT_TRUE(evaluate_file(loaded).found.empty());
}

}  // namespace
}  // namespace ordex::exceptions::testing
