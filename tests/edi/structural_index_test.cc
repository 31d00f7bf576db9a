#include "edi/structural_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "edi/delimiters.h"
#include "tests/edi/test_delimiters.h"

namespace ordex::edi {
namespace {

using testing::edifact;
using testing::x12;

constexpr IndexKernel kAllKernels[] = {IndexKernel::kScalar, IndexKernel::kSse2, IndexKernel::kAvx2,
                                       IndexKernel::kAvx512, IndexKernel::kAvx512Vbmi2};

// Off x86-64 every kernel is the scalar one, so each is safe to call.
bool cpu_runs(IndexKernel kernel) {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (kernel == IndexKernel::kAvx2) {
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
           __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt");
  }
  if (kernel == IndexKernel::kAvx512) {
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt");
  }
  if (kernel == IndexKernel::kAvx512Vbmi2) {
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vbmi2") && __builtin_cpu_supports("bmi2") &&
           __builtin_cpu_supports("popcnt");
  }
#endif
  (void)kernel;
  return true;
}

// Output buffer sized exactly as the contract allows, so AddressSanitizer flags any store
// past len + kIndexSlack.
std::unique_ptr<std::uint32_t[]> make_out(std::size_t len) {
  return std::make_unique<std::uint32_t[]>(len + kIndexSlack);
}

// Copies `bytes` into a heap block of exactly that size, so AddressSanitizer flags any load
// past the end of the piece.
std::unique_ptr<char[]> exact_copy(std::string_view bytes) {
  auto copy = std::make_unique<char[]>(bytes.size());
  std::copy(bytes.begin(), bytes.end(), copy.get());
  return copy;
}

struct Result {
  std::vector<std::uint32_t> offsets;
  bool escaped = false;

  friend bool operator==(const Result&, const Result&) = default;
};

void PrintTo(const Result& r, std::ostream* os) {
  *os << "{escaped=" << r.escaped << " offsets=[";
  for (std::size_t i = 0; i < r.offsets.size(); ++i) *os << (i ? "," : "") << r.offsets[i];
  *os << "]}";
}

// Indexes `bytes` as the pieces [cuts[k], cuts[k+1]) in turn, carrying IndexState.
Result index_pieces(IndexKernel kernel, std::string_view bytes, const Delimiters& d,
                    std::uint32_t base, const std::vector<std::size_t>& cuts,
                    IndexState state = {}) {
  Result result;
  std::size_t from = 0;
  auto run_piece = [&](std::size_t to) {
    const std::size_t len = to - from;
    const auto piece = exact_copy(bytes.substr(from, len));
    auto out = make_out(len);
    const std::size_t n = index_structurals(
        kernel, piece.get(), len, base + static_cast<std::uint32_t>(from), d, state, out.get());
    EXPECT_LE(n, len);
    result.offsets.insert(result.offsets.end(), out.get(), out.get() + n);
    from = to;
  };
  for (std::size_t cut : cuts) run_piece(cut);
  run_piece(bytes.size());
  result.escaped = state.escaped;
  return result;
}

Result index_whole(IndexKernel kernel, std::string_view bytes, const Delimiters& d,
                   std::uint32_t base = 0, IndexState state = {}) {
  return index_pieces(kernel, bytes, d, base, {}, state);
}

Result expect(std::vector<std::uint32_t> offsets, bool escaped = false) {
  return Result{std::move(offsets), escaped};
}

class StructuralIndexTest : public ::testing::TestWithParam<IndexKernel> {
 protected:
  void SetUp() override {
    if (!cpu_runs(GetParam())) GTEST_SKIP() << "this CPU cannot run " << to_string(GetParam());
  }
  IndexKernel kernel() const { return GetParam(); }
};

TEST_P(StructuralIndexTest, EmptyInput) {
  IndexState state;
  std::uint32_t out[kIndexSlack];
  EXPECT_EQ(index_structurals(kernel(), "", 0, 0, edifact(), state, out), 0u);
  EXPECT_FALSE(state.escaped);
}

TEST_P(StructuralIndexTest, EmptyPieceKeepsPendingEscape) {
  IndexState state{.escaped = true};
  std::uint32_t out[kIndexSlack];
  EXPECT_EQ(index_structurals(kernel(), "", 0, 7, edifact(), state, out), 0u);
  EXPECT_TRUE(state.escaped);
}

TEST_P(StructuralIndexTest, X12WithLineBreaks) {
  const std::string text = "ST*850*0001~\r\nBEG*00*SA*PO1**20240101~\nSE*3*0001~";
  EXPECT_EQ(index_whole(kernel(), text, x12()),
            expect({2, 6, 11, 17, 20, 23, 27, 28, 37, 41, 43, 48}));
}

TEST_P(StructuralIndexTest, X12AddsBase) {
  EXPECT_EQ(index_whole(kernel(), "N1*ST~", x12(), 1000), expect({1002, 1005}));
}

TEST_P(StructuralIndexTest, X12IgnoresQuestionMark) {
  // X12 has no release character, so '?' is plain data.
  EXPECT_EQ(index_whole(kernel(), "A?*B~", x12()), expect({2, 4}));
}

TEST_P(StructuralIndexTest, ReleasedDelimiterIsData) {
  EXPECT_EQ(index_whole(kernel(), "FTX+A?+B'", edifact()), expect({3, 8}));
}

TEST_P(StructuralIndexTest, ReleasedReleaseIsData) {
  // "??" is one literal '?', so the '+' after it is a separator.
  EXPECT_EQ(index_whole(kernel(), "A??+B'", edifact()), expect({3, 5}));
}

TEST_P(StructuralIndexTest, ThreeReleasesThenDelimiter) {
  // "??" is a literal '?', then "?+" is a literal '+'.
  EXPECT_EQ(index_whole(kernel(), "A???+B'", edifact()), expect({6}));
}

TEST_P(StructuralIndexTest, ReleaseAtEndOfPieceEscapesNextPiece) {
  const std::string text = "AB+C?+D'";
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    EXPECT_EQ(index_pieces(kernel(), text, edifact(), 0, {cut}), expect({2, 7})) << cut;
  }
  IndexState state;
  std::uint32_t out[8 + kIndexSlack];
  EXPECT_EQ(index_structurals(kernel(), "AB+C?", 5, 0, edifact(), state, out), 1u);
  EXPECT_TRUE(state.escaped);
  EXPECT_EQ(index_structurals(kernel(), "+D'", 3, 5, edifact(), state, out), 1u);
  EXPECT_EQ(out[0], 7u);
  EXPECT_FALSE(state.escaped);
}

TEST_P(StructuralIndexTest, ReleaseEndingAWholeBlock) {
  // The piece ends exactly where a block ends, on a release, so no scalar tail sees it.
  for (std::size_t len : {16u, 32u, 64u, 128u, 192u}) {
    std::string text(len, 'x');
    text[len / 2] = '+';
    text.back() = '?';
    text += "+'";
    for (std::size_t cut : {len - 1, len}) {
      EXPECT_EQ(index_pieces(kernel(), text, edifact(), 0, {cut}),
                expect({static_cast<std::uint32_t>(len / 2), static_cast<std::uint32_t>(len + 1)}))
          << len << " cut " << cut;
    }
    EXPECT_EQ(index_pieces(kernel(), text.substr(0, len), edifact(), 0, {}),
              expect({static_cast<std::uint32_t>(len / 2)}, true))
        << len;
  }
}

TEST_P(StructuralIndexTest, PendingEscapeSkipsOnlyTheFirstByte) {
  IndexState state{.escaped = true};
  EXPECT_EQ(index_whole(kernel(), "??+'", edifact(), 0, state), expect({3}));
  EXPECT_EQ(index_whole(kernel(), "++'", edifact(), 0, state), expect({1, 2}));
}

TEST_P(StructuralIndexTest, ReleaseZeroMeansNone) {
  Delimiters d = edifact();
  d.release = 0;
  std::string text = "A?+B";
  text += '\0';
  text += "+C'";
  EXPECT_EQ(index_whole(kernel(), text, d), expect({2, 5, 7}));
}

TEST_P(StructuralIndexTest, HighAndControlDelimiters) {
  Delimiters d;
  d.segment = '\x85';
  d.element = '\x1F';
  d.release = '\xFF';
  std::string text;
  for (int rep = 0; rep < 20; ++rep)
    text +=
        "AB\x1F"
        "C\xFF\x1F"
        "D\xFF\xFF\x1F"
        "E\x85";
  std::vector<std::uint32_t> want;
  for (std::uint32_t rep = 0; rep < 20; ++rep) {
    for (std::uint32_t at : {2u, 9u, 11u}) want.push_back(rep * 12 + at);
  }
  EXPECT_EQ(index_whole(kernel(), text, d), expect(want));
}

TEST_P(StructuralIndexTest, ReleaseOnEveryBlockBoundary) {
  // A release as the last byte of each 16/32/64-byte block escapes the first byte of the
  // next block.
  std::string text(256, 'x');
  std::vector<std::uint32_t> want;
  for (std::size_t at = 15; at + 1 < text.size(); at += 16) {
    text[at] = '?';
    text[at + 1] = '+';
    text[at + 2] = '+';
    want.push_back(static_cast<std::uint32_t>(at + 2));
  }
  EXPECT_EQ(index_whole(kernel(), text, edifact()), expect(want));
}

TEST_P(StructuralIndexTest, EveryLengthHitsEveryTail) {
  // Delimiters and releases at positions that drift against block boundaries.
  const std::string pattern = "UNH+1+ORDERS:D:96A?'X?\?'Y???+Z'";
  std::string text;
  while (text.size() < 200) text += pattern;
  for (std::size_t len = 0; len <= 200; ++len) {
    const std::string_view prefix(text.data(), len);
    EXPECT_EQ(index_whole(kernel(), prefix, edifact(), 3),
              index_whole(IndexKernel::kScalar, prefix, edifact(), 3))
        << "len " << len;
    EXPECT_EQ(index_whole(kernel(), prefix, x12()),
              index_whole(IndexKernel::kScalar, prefix, x12()))
        << "len " << len;
  }
}

TEST_P(StructuralIndexTest, DenseDelimitersFillWholeBlocks) {
  // Every byte a delimiter: the largest number of offsets a block can produce.
  for (std::size_t len : {63u, 64u, 65u, 128u, 200u}) {
    const std::string text(len, '*');
    std::vector<std::uint32_t> want(len);
    for (std::size_t i = 0; i < len; ++i) want[i] = static_cast<std::uint32_t>(i + 9);
    EXPECT_EQ(index_whole(kernel(), text, x12(), 9), expect(want)) << len;
  }
}

// Random bytes drawn mostly from the delimiters and the release character, so runs of
// releases, escaped releases and releases on block boundaries all occur often.
std::string random_text(std::mt19937& rng, const Delimiters& d, std::size_t len) {
  const char specials[] = {d.segment, d.element, d.release, d.component, '\r', '\n'};
  const char filler[] = "ABCXYZ0123456789 .-";
  std::uniform_int_distribution<int> coin(0, 99);
  const int special_pct = std::uniform_int_distribution<int>(5, 70)(rng);
  std::string text(len, '\0');
  for (char& c : text) {
    const int roll = coin(rng);
    if (roll < special_pct) {
      c = specials[std::uniform_int_distribution<std::size_t>(0, std::size(specials) - 1)(rng)];
    } else if (roll < special_pct + 3) {
      c = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
    } else {
      c = filler[std::uniform_int_distribution<std::size_t>(0, sizeof(filler) - 2)(rng)];
    }
  }
  return text;
}

Delimiters random_delimiters(std::mt19937& rng) {
  switch (std::uniform_int_distribution<int>(0, 4)(rng)) {
    case 0:
      return x12();
    case 1:
      return edifact();
    case 2: {
      Delimiters d;  // high and control bytes, release included
      d.segment = '\x1F';
      d.element = '\x80';
      d.release = '\xFE';
      return d;
    }
    case 3: {
      Delimiters d = edifact();
      d.release = 0;
      return d;
    }
    default: {
      // Any bytes, possibly equal to each other: check_delimiters() rejects such sets, but
      // index_structurals() does not check, and every kernel must still agree with scalar.
      std::uniform_int_distribution<int> byte(0, 255);
      Delimiters d;
      d.segment = static_cast<char>(byte(rng));
      d.element = rng() % 4 == 0 ? d.segment : static_cast<char>(byte(rng));
      d.release = rng() % 3 == 0 ? d.element : static_cast<char>(byte(rng));
      return d;
    }
  }
}

// Split points, often on multiples of 16 so that pieces end exactly on a block boundary.
std::vector<std::size_t> random_cuts(std::mt19937& rng, std::size_t len) {
  std::vector<std::size_t> cuts(std::uniform_int_distribution<std::size_t>(0, 4)(rng));
  for (std::size_t& cut : cuts) {
    cut = std::uniform_int_distribution<std::size_t>(0, len)(rng);
    if (rng() % 2 == 0) cut -= cut % 16;
  }
  std::sort(cuts.begin(), cuts.end());
  return cuts;
}

// Often puts a release as the last byte of a piece (and of the whole input), so the escape
// has to travel through IndexState.
void release_before_cuts(std::mt19937& rng, const Delimiters& d,
                         const std::vector<std::size_t>& cuts, std::string& text) {
  if (d.release == 0) return;
  for (std::size_t cut : cuts) {
    if (cut > 0 && rng() % 2 == 0) text[cut - 1] = d.release;
  }
  if (!text.empty() && rng() % 4 == 0) text.back() = d.release;
}

TEST_P(StructuralIndexTest, MatchesScalarOnRandomInput) {
  std::mt19937 rng(20240611);
  for (int iter = 0; iter < 4000; ++iter) {
    const Delimiters d = random_delimiters(rng);
    const std::size_t len =
        std::uniform_int_distribution<std::size_t>(0, iter % 10 ? 300 : 3000)(rng);
    std::string text = random_text(rng, d, len);
    const auto cuts = random_cuts(rng, len);
    release_before_cuts(rng, d, cuts, text);
    const auto base = std::uniform_int_distribution<std::uint32_t>(0, 1u << 30)(rng);
    const IndexState state{.escaped = rng() % 4 == 0};
    ASSERT_EQ(index_pieces(kernel(), text, d, base, cuts, state),
              index_pieces(IndexKernel::kScalar, text, d, base, {}, state))
        << "iteration " << iter << ", len " << len;
  }
}

// The offsets and, through the terminator ranks (IndexOutput), the offsets of the segment
// terminators, of `bytes` indexed as the pieces [cuts[k], cuts[k+1]) in turn.
struct RankedResult {
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint32_t> terminators;  // offsets of the entries the ranks point at
  bool escaped = false;

  friend bool operator==(const RankedResult&, const RankedResult&) = default;
};

void PrintTo(const RankedResult& r, std::ostream* os) {
  *os << "{escaped=" << r.escaped << " offsets=[";
  for (std::size_t i = 0; i < r.offsets.size(); ++i) *os << (i ? "," : "") << r.offsets[i];
  *os << "] terminators=[";
  for (std::size_t i = 0; i < r.terminators.size(); ++i) {
    *os << (i ? "," : "") << r.terminators[i];
  }
  *os << "]}";
}

RankedResult index_ranked(IndexKernel kernel, std::string_view bytes, const Delimiters& d,
                          std::uint32_t base, std::uint32_t first_rank,
                          const std::vector<std::size_t>& cuts, IndexState state = {}) {
  RankedResult result;
  std::size_t from = 0;
  auto run_piece = [&](std::size_t to) {
    const std::size_t len = to - from;
    const auto piece = exact_copy(bytes.substr(from, len));
    auto offsets = make_out(len);
    auto ranks = make_out(len);
    IndexOutput out;
    out.offsets = offsets.get();
    out.terminators = ranks.get();
    out.first_rank = first_rank;
    const IndexCounts n = index_structurals(kernel, piece.get(), len,
                                            base + static_cast<std::uint32_t>(from), d, state, out);
    EXPECT_LE(n.offsets, len);
    EXPECT_LE(n.terminators, n.offsets);
    result.offsets.insert(result.offsets.end(), offsets.get(), offsets.get() + n.offsets);
    for (std::size_t t = 0; t < n.terminators; ++t) {
      const std::uint32_t rank = ranks[t] - first_rank;
      EXPECT_LT(rank, n.offsets);
      if (t > 0) {
        EXPECT_LT(ranks[t - 1], ranks[t]);
      }
      if (rank >= n.offsets) break;
      result.terminators.push_back(offsets[rank]);
    }
    first_rank += static_cast<std::uint32_t>(n.offsets);
    from = to;
  };
  for (std::size_t cut : cuts) run_piece(cut);
  run_piece(bytes.size());
  result.escaped = state.escaped;
  return result;
}

// Every kernel's terminator ranks name the same terminators as the scalar kernel's, on
// random input with releases (escaping terminators, each other, and across pieces) and
// pieces split anywhere, including exactly on block boundaries.
TEST_P(StructuralIndexTest, TerminatorsMatchScalarOnRandomInput) {
  std::mt19937 rng(20261125);
  for (int iter = 0; iter < 4000; ++iter) {
    const Delimiters d = random_delimiters(rng);
    const std::size_t len =
        std::uniform_int_distribution<std::size_t>(0, iter % 10 ? 300 : 3000)(rng);
    std::string text = random_text(rng, d, len);
    const auto cuts = random_cuts(rng, len);
    release_before_cuts(rng, d, cuts, text);
    const auto base = std::uniform_int_distribution<std::uint32_t>(0, 1u << 30)(rng);
    const auto first_rank = std::uniform_int_distribution<std::uint32_t>(0, 1u << 20)(rng);
    const IndexState state{.escaped = rng() % 4 == 0};
    const RankedResult want = index_ranked(IndexKernel::kScalar, text, d, base, 0, {}, state);
    ASSERT_EQ(index_ranked(kernel(), text, d, base, first_rank, cuts, state), want)
        << "iteration " << iter << ", len " << len;
    // The scalar reference itself: a terminator is an offset whose byte is the terminator
    // (unless the terminator equals the element separator, when every offset is one).
    for (std::uint32_t at : want.terminators) {
      ASSERT_EQ(text[at - base], d.segment) << "iteration " << iter;
    }
    if (d.segment != d.element) {
      std::size_t count = 0;
      for (std::uint32_t at : want.offsets) count += text[at - base] == d.segment;
      ASSERT_EQ(count, want.terminators.size()) << "iteration " << iter;
    }
  }
}

TEST(StructuralIndexDispatch, BestKernelRunsHere) {
  const IndexKernel best = best_index_kernel();
  EXPECT_TRUE(cpu_runs(best)) << to_string(best);
  IndexState state;
  std::uint32_t out[8 + kIndexSlack];
  EXPECT_EQ(index_structurals("N1*ST~", 6, 0, x12(), state, out), 2u);
  EXPECT_EQ(out[0], 2u);
  EXPECT_EQ(out[1], 5u);
}

INSTANTIATE_TEST_SUITE_P(AllKernels, StructuralIndexTest, ::testing::ValuesIn(kAllKernels),
                         [](const ::testing::TestParamInfo<IndexKernel>& param) {
                           return std::string(to_string(param.param));
                         });

}  // namespace
}  // namespace ordex::edi
