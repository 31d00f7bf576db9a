// Content detection, file and interchange hashes.
#include "orders/ingest/file_scan.h"

#include <gtest/gtest.h>

#include "ingest_test_util.h"
#include "orders/ingest/sha256.h"

namespace ordex::orders::ingest {
namespace {

using testing::read_file;
using testing::sample;
using testing::ScratchDir;

TEST(DetectInput, ByContentNotName) {
  EXPECT_EQ(detect_input("ISA*00*"), InputKind::kEdi);
  EXPECT_EQ(detect_input("\xEF\xBB\xBF\r\nUNA:+.? '"), InputKind::kEdi);
  EXPECT_EQ(detect_input("UNB+UNOC:3+"), InputKind::kEdi);
  EXPECT_EQ(detect_input("<?xml version=\"1.0\"?><trackingFeed"), InputKind::kXmlFeed);
  EXPECT_EQ(detect_input("carrier_scac,tracking_number,status_code\r\nGLKC,1,D1"),
            InputKind::kCsvFeed);
  EXPECT_EQ(detect_input("hello"), InputKind::kUnknown);
  EXPECT_EQ(detect_input(""), InputKind::kUnknown);
}

TEST(Sha256, KnownDigest) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(ScanFile, TwoInterchangesInOneFile) {
  const std::string path = sample("inbound/20261119T1700_SWIFT_214_000007103.x12").string();
  auto scan = scan_file(path);
  ASSERT_TRUE(scan.ok()) << scan.error();
  const std::string bytes = read_file(path);
  EXPECT_EQ(scan.value().kind, InputKind::kEdi);
  EXPECT_EQ(scan.value().bytes, bytes.size());
  EXPECT_EQ(scan.value().sha256, sha256_hex(bytes));
  ASSERT_EQ(scan.value().interchanges.size(), 2u);
  const InterchangeSpan& first = scan.value().interchanges[0];
  const InterchangeSpan& second = scan.value().interchanges[1];
  EXPECT_EQ(first.offset, 0u);
  EXPECT_EQ(bytes.substr(second.offset, 3), "ISA");
  EXPECT_LE(first.end, second.offset);
  EXPECT_EQ(first.sha256, sha256_hex(bytes.substr(0, first.end)));
  EXPECT_EQ(second.sha256, sha256_hex(bytes.substr(second.offset, second.end - second.offset)));
}

TEST(ScanFile, AMissingFileIsAnError) {
  ScratchDir dir;
  EXPECT_FALSE(scan_file((dir.path() / "nope").string()).ok());
}

}  // namespace
}  // namespace ordex::orders::ingest
