#include "edi/segment_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "edi/byte_source.h"

namespace ordex::edi {
namespace {

struct Collected {
  std::vector<std::string> tags;
  std::vector<std::vector<std::string>> elements;
  SegmentReader::Next last = SegmentReader::Next::kSegment;
};

Collected collect(std::string_view bytes, const Delimiters& d, std::size_t block = 4096,
                  IndexKernel kernel = best_index_kernel()) {
  MemorySource source(bytes);
  SegmentReaderOptions options;
  options.block_size = block;
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

Delimiters x12() {
  Delimiters d;
  d.segment = '~';
  d.element = '*';
  d.component = '>';
  return d;
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
  const Collected reference = collect(input, x12(), 1 << 20);
  for (std::size_t block : {4096u, 4099u, 5000u}) {
    const Collected c = collect(input, x12(), block);
    EXPECT_EQ(c.tags, reference.tags) << block;
    EXPECT_EQ(c.elements, reference.elements) << block;
  }
  EXPECT_EQ(reference.tags.size(), 300u);
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

TEST(SegmentReader, ReportsTooLongSegmentInsteadOfGrowingWithoutBound) {
  MemorySource source(std::string(100000, 'A'));
  SegmentReaderOptions options;
  options.block_size = 4096;
  options.max_segment = 16384;
  SegmentReader reader(source, options);
  reader.set_delimiters(x12());
  Segment seg;
  EXPECT_EQ(reader.next(seg), SegmentReader::Next::kTooLong);
}

}  // namespace
}  // namespace ordex::edi
