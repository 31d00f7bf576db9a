#include "edi/segment_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "edi/byte_source.h"
#include "test_handler.h"
#include "tests/edi/test_delimiters.h"

namespace ordex::edi {
namespace {

using testing::edifact;
using testing::x12;

struct Collected {
  std::vector<std::string> tags;
  std::vector<std::vector<std::string>> elements;
  SegmentReader::Next last = SegmentReader::Next::kSegment;
};

// `block` 0 reads the bytes in place (MemorySource); otherwise they trickle in through a
// buffer of that many bytes.
Collected collect(std::string_view bytes, const Delimiters& d, std::size_t block = 4096,
                  IndexKernel kernel = best_index_kernel()) {
  MemorySource memory(bytes);
  testing::TrickleSource trickle(bytes, 1000);
  ByteSource& source = block == 0 ? static_cast<ByteSource&>(memory) : trickle;
  SegmentReaderOptions options;
  options.block_size = block == 0 ? 4096 : block;
  options.index_chunk = 64;
  options.kernel = kernel;
  SegmentReader reader(source, options);
  reader.set_delimiters(d);
  Collected c;
  Segment seg;
  while ((c.last = reader.next(seg)) == SegmentReader::Next::kSegment) {
    c.tags.emplace_back(seg.tag());
    std::vector<std::string> els;
    for (std::size_t i = 1; i <= seg.size(); ++i) els.emplace_back(seg.element(i));
    c.elements.push_back(els);
  }
  return c;
}

TEST(SegmentReader, SplitsSegmentsAndElementsSkippingLineBreaks) {
  const Collected c = collect("BEG*00*SA*PO1**20261116~\r\nREF*DP*042~\nCTT*1~", x12());
  ASSERT_EQ(c.tags, (std::vector<std::string>{"BEG", "REF", "CTT"}));
  EXPECT_EQ(c.elements[0], (std::vector<std::string>{"00", "SA", "PO1", "", "20261116"}));
  EXPECT_EQ(c.elements[2], (std::vector<std::string>{"1"}));
  EXPECT_EQ(c.last, SegmentReader::Next::kEnd);
}

TEST(SegmentReader, SegmentWithoutElementsHasOnlyATag) {
  const Collected c = collect("UNS~", x12());
  ASSERT_EQ(c.tags.size(), 1u);
  EXPECT_EQ(c.elements[0].size(), 0u);
}

TEST(SegmentReader, ReportsTruncationWhenTheLastSegmentHasNoTerminator) {
  const Collected c = collect("BEG*00~REF*DP", x12());
  EXPECT_EQ(c.tags.size(), 1u);
  EXPECT_EQ(c.last, SegmentReader::Next::kTruncated);
}

TEST(SegmentReader, SegmentsCrossBlockEdgesAtEverySize) {
  std::string input;
  for (int i = 0; i < 300; ++i)
    input += "PO1*" + std::to_string(i) + "*12*EA*9.95**VN*SKU" + std::to_string(i) + "~\n";
  const Collected reference = collect(input, x12(), 0);
  for (std::size_t block : {4096u, 4099u, 5000u, 1u << 20}) {
    const Collected c = collect(input, x12(), block);
    EXPECT_EQ(c.tags, reference.tags) << block;
    EXPECT_EQ(c.elements, reference.elements) << block;
  }
  EXPECT_EQ(reference.tags.size(), 300u);
  EXPECT_EQ(reference.last, SegmentReader::Next::kEnd);
}

TEST(SegmentReader, ReleaseCharacterKeepsDelimitersInData) {
  Delimiters d = edifact_default_delimiters(3);
  const Collected c = collect("FTX+AAI+++It?'s 5?+3?? ok'UNS+S'", d);
  ASSERT_EQ(c.tags, (std::vector<std::string>{"FTX", "UNS"}));
  EXPECT_EQ(c.elements[0][3], "It?'s 5?+3?? ok");
  EXPECT_EQ(unescape(c.elements[0][3], '?'), "It's 5+3? ok");
}

TEST(SegmentReader, ComponentsSplitOnlyOnUnreleasedSeparators) {
  EXPECT_EQ(part("137:20261116:102", 2, ':', '?'), "20261116");
  EXPECT_EQ(part("A?:B:C", 1, ':', '?'), "A?:B");
  EXPECT_EQ(part("A:B", 3, ':', '?'), "");
  EXPECT_EQ(part_count("A::C", ':', '?'), 3u);
  EXPECT_EQ(part_count("", ':', '?'), 0u);
}

TEST(SegmentReader, ShortValueSeparatorsAgreeWithPartOrDecline) {
  // The values sit at the end of a buffer with 16 bytes before them, as in a segment.
  const auto separators = [](std::string_view value, std::size_t before = 16) {
    const std::string buffer = std::string(16, 'X') + std::string(value);
    return short_value_separators(std::string_view(buffer).substr(16), before, ':', '?');
  };
  EXPECT_EQ(separators("ORDERS:D:96A:UN"), 0b0001'0001'0100'0000u);
  EXPECT_EQ(separators("ORDERS"), 0u);
  EXPECT_EQ(separators(":"), 1u);
  EXPECT_EQ(separators("AB:CD:EF:GH:IJ:K"), 0b0100'1001'0010'0100u);
  // Releases, values over 16 bytes, and too few readable bytes ahead: byte by byte instead.
  EXPECT_FALSE(separators("A?:B:C"));
  EXPECT_FALSE(separators("ORDERS:D:01B:UN:EAN010"));
  EXPECT_FALSE(separators("ORDERS:D", 7));
  EXPECT_TRUE(separators("ORDERS:D", 8));
  EXPECT_FALSE(separators(""));
}

TEST(SegmentReader, ReportsTooLongSegmentInsteadOfGrowingWithoutBound) {
  const std::string endless(100000, 'A');
  testing::TrickleSource source(endless, 4096);
  SegmentReaderOptions options;
  options.block_size = 4096;
  options.max_segment = 16384;
  SegmentReader reader(source, options);
  reader.set_delimiters(x12());
  Segment seg;
  EXPECT_EQ(reader.next(seg), SegmentReader::Next::kTooLong);
}

TEST(SegmentReader, InPlaceReadingAlsoStopsAtTheSegmentLimit) {
  const std::string endless(100000, 'A');
  MemorySource source(endless);
  SegmentReaderOptions options;
  options.max_segment = 16384;
  SegmentReader reader(source, options);
  reader.set_delimiters(x12());
  Segment seg;
  EXPECT_EQ(reader.next(seg), SegmentReader::Next::kTooLong);
}

TEST(SegmentReader, InPlaceAndBufferedReadingAgreeAcrossLineBreaksAndChunkEdges) {
  std::string input;
  for (int i = 0; i < 500; ++i)
    input += "N1*ST*Store " + std::to_string(i) + "*92*" + std::to_string(i * 7) + "~\r\n";
  const Collected in_place = collect(input, x12(), 0);
  const Collected buffered = collect(input, x12(), 4096);
  EXPECT_EQ(in_place.tags.size(), 500u);
  EXPECT_EQ(in_place.elements, buffered.elements);
  EXPECT_EQ(in_place.last, SegmentReader::Next::kEnd);
  EXPECT_EQ(buffered.last, SegmentReader::Next::kEnd);
}

}  // namespace
}  // namespace ordex::edi
