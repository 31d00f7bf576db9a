// ByteScanner: the SIMD scans against the scalar reference, and in particular the scans of
// short segments that load up to the segment's end (scan(bytes, before, map): two loads
// for at most 32 bytes, four for at most 64), which read up to 32 - n or 64 - n bytes in
// front of the segment and must not let them count.
#include "edi/byte_scan.h"

#include <gtest/gtest.h>

#include <ostream>
#include <random>
#include <string>
#include <string_view>

#include "tests/edi/test_delimiters.h"

namespace ordex::edi {
namespace {

using testing::edifact;
using testing::x12;

struct Answer {
  bool dirty = false;
  bool components = false;
  std::size_t bytes = 0;
  std::uint64_t words[ComponentMap::kWords] = {};

  bool operator==(const Answer& o) const {
    if (dirty != o.dirty || components != o.components || bytes != o.bytes) return false;
    for (std::size_t w = 0; w * 64 < bytes && w < ComponentMap::kWords; ++w) {
      if (words[w] != o.words[w]) return false;
    }
    return true;
  }
};

std::ostream& operator<<(std::ostream& os, const Answer& a) {
  return os << "{dirty " << a.dirty << ", components " << a.components << ", bytes " << a.bytes
            << ", word0 " << std::hex << a.words[0] << std::dec << "}";
}

Answer answer(ByteScanner::SegmentBytes s, const ComponentMap& map) {
  Answer a;
  a.dirty = s.dirty;
  a.components = s.components;
  a.bytes = map.bytes;
  for (std::size_t w = 0; w < ComponentMap::kWords; ++w) a.words[w] = map.words[w];
  return a;
}

// The reference answer, from the scalar kernel.
Answer reference(const Delimiters& d, std::string_view segment) {
  ByteScanner scalar;
  scalar.configure(d, ByteScanner::Kernel::kScalar);
  ComponentMap map;
  return answer(scalar.scan(segment, map), map);
}

// The short-segment path: `segment` placed at the end of a buffer whose first `before` bytes
// are `front`, and scanned with the overload that may read them.
Answer with_bytes_before(const Delimiters& d, std::string_view front, std::string_view segment) {
  ByteScanner fast;
  fast.configure(d);
  const std::string buffer = std::string(front) + std::string(segment);
  ComponentMap map;
  // Poison the map, so a word the scan fails to write shows.
  for (std::uint64_t& w : map.words) w = ~std::uint64_t{0};
  const std::string_view seg(buffer.data() + front.size(), segment.size());
  return answer(fast.scan(seg, front.size(), map), map);
}

TEST(ByteScanShortSegments, BytesBeforeTheSegmentNeverCount) {
  const Delimiters d = x12();
  // Everything a scan flags, in front of a clean segment: control bytes, the component and
  // repetition separators, DEL.
  const std::string dirty_front =
      std::string("\x01>^\x7F>>\x1F^>\t") + std::string(27, '>') + std::string("\x02^\x7F", 3);
  ASSERT_EQ(dirty_front.size(), 40u);
  for (std::size_t n = 0; n <= 64; ++n) {
    const std::string segment = std::string("REF*DP*").substr(0, std::min<std::size_t>(n, 7)) +
                                std::string(n > 7 ? n - 7 : 0, 'A');
    ASSERT_EQ(segment.size(), n);
    // Exactly the bytes the two-load (32) or four-load (64) scan reads in front, and a few
    // sizes in between; the last bytes of `dirty_front` are always among them.
    for (const std::size_t want : {std::size_t{32}, std::size_t{40}, std::size_t{64}}) {
      if (n > want) continue;
      const std::size_t before = std::min<std::size_t>(want - n, dirty_front.size());
      const std::string front =
          std::string(want - n - before, '>') + dirty_front.substr(dirty_front.size() - before);
      const Answer got = with_bytes_before(d, front, segment);
      EXPECT_EQ(got, reference(d, segment)) << "n " << n << ", before " << front.size();
      EXPECT_FALSE(got.dirty) << "n " << n << ", before " << front.size();
      EXPECT_FALSE(got.components) << "n " << n << ", before " << front.size();
    }
  }
}

TEST(ByteScanShortSegments, FindsWhatIsInTheSegmentAtEveryPlace) {
  const Delimiters d = x12();
  for (std::size_t n = 1; n <= 64; ++n) {
    for (std::size_t at = 0; at < n; ++at) {
      for (const char special : {'>', '^', '\x02', '\x7F'}) {
        std::string segment(n, 'B');
        segment[at] = special;
        const std::string front((n <= 32 ? 32 : 64) - n, 'x');
        const Answer got = with_bytes_before(d, front, segment);
        const Answer want = reference(d, segment);
        ASSERT_EQ(got, want) << "n " << n << " at " << at << " byte " << int{special};
        EXPECT_EQ(got.components, special == '>');
        EXPECT_EQ(got.dirty, special != '>');
        if (special == '>') {
          EXPECT_EQ(got.words[0], std::uint64_t{1} << at);
        }
      }
    }
  }
}

TEST(ByteScanShortSegments, ReleaseCharacterIsDirty) {
  const Delimiters d = edifact();
  const Answer got = with_bytes_before(d, std::string(20, 'Q'), "FTX+AAI?+x:y");
  EXPECT_EQ(got, reference(d, "FTX+AAI?+x:y"));
  EXPECT_TRUE(got.dirty);
  EXPECT_TRUE(got.components);
}

// Random segments of 0 to 80 bytes with 0 to 80 readable bytes in front: the short paths
// where they apply (n <= 32 and before + n >= 32; n <= 64 and before + n >= 64), the
// general path elsewhere; always the scalar kernel's answer.
TEST(ByteScanShortSegments, AgreesWithTheScalarKernelOnRandomSegments) {
  std::mt19937 random(20261125);
  const std::string alphabet = std::string("ABZ09 .-*~>^:+'?") + '\0' + "\x01\x1F\x7F\x80\xFF";
  for (const Delimiters& d : {x12(), edifact()}) {
    for (int iter = 0; iter < 20000; ++iter) {
      const std::size_t n = random() % 81;
      const std::size_t before = random() % 81;
      std::string front(before, 'A'), segment(n, 'A');
      for (char& c : front) c = alphabet[random() % alphabet.size()];
      for (char& c : segment) {
        // Mostly plain bytes, as in real segments; sometimes a special one.
        c = random() % 4 == 0 ? alphabet[random() % alphabet.size()]
                              : static_cast<char>('A' + random() % 26);
      }
      ASSERT_EQ(with_bytes_before(d, front, segment), reference(d, segment))
          << "iteration " << iter << ", n " << n << ", before " << before;
    }
  }
}

}  // namespace
}  // namespace ordex::edi
