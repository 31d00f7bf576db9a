// EDI_REJECTED (order and file scope) and EDI_DUPLICATE.
#include <gtest/gtest.h>

#include "exceptions/rules.h"
#include "tests/exceptions/case_builder.h"

namespace ordex::exceptions {
namespace {

using namespace testing;
using enum ExceptionType;
using orders::DocumentStatus;

orders::DocumentRecord document(std::string set_id, DocumentStatus status, std::string_view when,
                                std::string po = std::string(kPo), std::int64_t file_id = 7) {
  orders::DocumentRecord d;
  d.source = source(file_id, when, set_id);
  d.partner_id = "NORTHWIND";
  d.po_number = std::move(po);
  d.status = status;
  d.findings = status == DocumentStatus::kRejected ? 3 : 0;
  return d;
}

orders::FindingRecord finding(std::string interchange, std::string group, std::string code,
                              std::string severity = "error", std::string transaction = "") {
  orders::FindingRecord f;
  f.file_id = 7;
  f.interchange = std::move(interchange);
  f.group = std::move(group);
  f.transaction = std::move(transaction);
  f.code = std::move(code);
  f.severity = std::move(severity);
  f.message = "problem " + f.code;
  return f;
}

Evaluation run(const OrderCase& c) { return evaluate_order(c, {}, at("2026-11-17T12:00:00Z")); }

TEST(EdiRejectedForAPo, RejectedDocumentUntilACorrectedOneArrives) {
  OrderCase c = northwind_case();
  c.documents = {document("850", DocumentStatus::kAccepted, "2026-11-16T15:00:00Z"),
                 document("810", DocumentStatus::kRejected, "2026-11-16T18:00:00Z")};
  std::optional<Condition> k = only(run(c), kEdiRejected);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->subject, "810 interchange 00000107 group 7 set 0001");
  EXPECT_EQ(k->file_id, 7);
  EXPECT_EQ(k->summary,
            "Northwind Foods PO 4500012345: the invoice (810) in interchange 00000107 group 7 set "
            "0001 failed validation with 3 problems and was not imported; the sender must correct "
            "and resend it");

  // A later accepted document of another kind does not clear it; of the same kind it does.
  c.documents.push_back(document("856", DocumentStatus::kAccepted, "2026-11-17T09:00:00Z"));
  EXPECT_EQ(of_type(run(c), kEdiRejected).size(), 1u);
  c.documents.push_back(
      document("810", DocumentStatus::kAcceptedWithErrors, "2026-11-17T10:00:00Z"));
  Evaluation e = run(c);
  EXPECT_TRUE(of_type(e, kEdiRejected).empty());
  EXPECT_EQ(reason(e, kEdiRejected), "a corrected document was accepted, or none is rejected");
  // An accepted copy received before the rejected one corrects nothing.
  c.documents.back().source.received_at = at("2026-11-16T17:00:00Z");
  EXPECT_EQ(of_type(run(c), kEdiRejected).size(), 1u);
}

FileCase file_case() {
  FileCase f;
  f.file_id = 7;
  f.path = "inbound/northwind-1118.edi";
  f.interchange_partner = {{"000000123", "NORTHWIND"}};
  return f;
}

TEST(EdiRejectedForAFile, RejectedDocumentsNamingNoPo) {
  FileCase f = file_case();
  f.documents = {document("810", DocumentStatus::kRejected, "2026-11-18T10:00:00Z", ""),
                 document("850", DocumentStatus::kRejected, "2026-11-18T10:00:00Z"),
                 document("856", DocumentStatus::kAccepted, "2026-11-18T10:00:00Z", "")};
  Evaluation e = evaluate_file(f);
  std::optional<Condition> k = only(e, kEdiRejected);
  ASSERT_TRUE(k) << "the rejected 850 names a PO: its order case raises it";
  EXPECT_EQ(k->partner_id, "NORTHWIND");
  EXPECT_EQ(k->po_number, "");
  EXPECT_EQ(k->subject, "file 7 810 interchange 00000107 group 7 set 0001");
  EXPECT_EQ(k->summary,
            "In file inbound/northwind-1118.edi, the invoice (810) in interchange 00000107 group 7 "
            "set 0001 failed validation with 3 problems and was not imported; the sender must "
            "correct and resend it");
}

TEST(EdiRejectedForAFile, WholeInterchangesAndGroups) {
  FileCase f = file_case();
  f.findings = {finding("000000123", "", "TA1:022"),
                finding("000000123", "", "TA1:024"),
                finding("000000124", "12", "AK9:5"),
                finding("000000125", "", "TA1:022", "warning"),
                finding("000000126", "3", "AK4:7", "error", "0001"),
                finding("", "", "FILE:1")};
  f.documents = {document("850", DocumentStatus::kRejected, "2026-11-18T10:00:00Z")};
  f.documents[0].source.interchange = "000000124";
  f.documents[0].partner_id = "ACME";
  Evaluation e = evaluate_file(f);
  const std::vector<const Condition*> all = of_type(e, kEdiRejected);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0]->subject, "file 7 interchange 000000123");
  EXPECT_EQ(all[0]->partner_id, "NORTHWIND");
  EXPECT_EQ(all[0]->summary,
            "In file inbound/northwind-1118.edi, interchange 000000123 was rejected as a whole "
            "and none of its documents were imported: problem TA1:022 (TA1:022) and 1 more");
  EXPECT_NE(all[0]->evidence.find("\"codes\":\"TA1:022 and TA1:024\""), std::string::npos)
      << all[0]->evidence;
  EXPECT_EQ(all[1]->subject, "file 7 interchange 000000124 group 12");
  EXPECT_EQ(all[1]->partner_id, "ACME") << "from the interchange's documents";
}

TEST(EdiDuplicate, ResentInterchangeWithDifferentContent) {
  FileCase f = file_case();
  orders::FindingRecord dup = finding("000000123", "", "TA1:025");
  dup.message =
      "interchange 000000123 from ZZ:NORTHWIND was already received with different content; "
      "this copy is not imported";
  f.findings = {dup};
  Evaluation e = evaluate_file(f);
  EXPECT_TRUE(of_type(e, kEdiRejected).empty()) << "a duplicate is not a validation failure";
  std::optional<Condition> k = only(e, kEdiDuplicate);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->subject, "file 7 interchange 000000123");
  EXPECT_EQ(k->partner_id, "NORTHWIND");
  EXPECT_EQ(k->file_id, 7);

  f.findings[0].code = "CONTRL:26";
  EXPECT_EQ(of_type(evaluate_file(f), kEdiDuplicate).size(), 1u);
  // The same code for another reason is an envelope error, not a resend.
  f.findings[0].message = "duplicate interchange control number in this file";
  Evaluation other = evaluate_file(f);
  EXPECT_TRUE(of_type(other, kEdiDuplicate).empty());
  EXPECT_EQ(of_type(other, kEdiRejected).size(), 1u);
}

TEST(EdiFileRules, DisabledPerPartnerOrGlobally) {
  FileCase f = file_case();
  orders::FindingRecord dup = finding("000000123", "", "TA1:025");
  dup.message = "interchange 000000123 was already received with different content";
  f.findings = {dup, finding("000000124", "", "TA1:022")};  // 124: no known partner

  RuleConfig per_partner;
  per_partner.partner("NORTHWIND").disabled.set(static_cast<std::size_t>(kEdiDuplicate));
  Evaluation e = evaluate_file(f, per_partner);
  EXPECT_TRUE(of_type(e, kEdiDuplicate).empty());
  EXPECT_EQ(of_type(e, kEdiRejected).size(), 1u);
  EXPECT_EQ(reason(e, kEdiDuplicate), "no interchange in the file repeats another");

  RuleConfig global;
  global.global().disabled.set(static_cast<std::size_t>(kEdiRejected));
  Evaluation g = evaluate_file(f, global);
  EXPECT_TRUE(of_type(g, kEdiRejected).empty());
  EXPECT_EQ(of_type(g, kEdiDuplicate).size(), 1u);
  EXPECT_EQ(reason(g, kEdiRejected), "rule disabled");
  EXPECT_TRUE(evaluated(g, kEdiRejected));
}

}  // namespace
}  // namespace ordex::exceptions
