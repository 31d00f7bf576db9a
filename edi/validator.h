#pragma once
// Schema-driven validation of transaction sets and messages: the heart of `ordex validate`.
//
// A Validator sits in the handler chain right after the envelope walker. It checks every
// transaction body against its schema (segment sequence, loops, element values, syntax
// notes, 856 hierarchy), reports each problem as a Finding with the standard's code
// (X12 AK5/AK3/AK4, EDIFACT CONTRL 0085; see validation_codes.h), and passes every event,
// the walker's findings included, on through a VerdictTracker it owns, so `next` receives
// transaction, group and interchange summaries with their verdicts filled in.
//
//   walker -> Validator -> [VerdictTracker] -> next (printer, ack builder, mapper)
//
// What it reports:
//  - a set not in the registry for its version: one AK5:1 / CONTRL:14 finding, the body is
//    not checked; an X12 ST01 that does not belong to its group's GS01: AK5:18 (005010) or
//    AK5:6 (004010, whose list has no 18), and the body is still checked;
//  - segments: AK3:1 unrecognized, AK3:2 unexpected, AK3:3 mandatory missing (naming the
//    missing tag, at the position of the segment read in its place; EDIFACT, per ISO
//    9735-4, at the last segment before that place), AK3:4 loop over its maximum, AK3:5
//    segment over its maximum use, AK3:7 out of sequence. Never AK3:8: acknowledgment
//    writers derive it from the AK4 findings of a segment;
//  - elements: AK4:1..10, 12, 13 (see validation_codes.h for the EDIFACT equivalents).
// It never stops at the first problem. After `max_findings_per_transaction` findings in a
// set it reports no more, but keeps tracking the structure, and at the end of the set emits
// one finding saying how many were suppressed: a warning, or an error when every error of
// the set was among the suppressed (so the verdict stays right).
//
// PERF NOTES
// What makes it fast (each piece has its own notes in its header):
// - No per-segment hashing of tags: the segment's tag, packed into an integer by the
//   tokenizer's view (Segment::tag_code()), is matched against the structure's own entries;
//   the dictionary's tag table is consulted only for a segment that is not where the
//   structure expects it (segment_sequencer.h).
// - The sequencer remembers, per structure entry and tag, what placing that segment does
//   (loops closed, entry reached, whether a mandatory entry is passed over): the usual
//   segment costs a few integer compares and stores; only a segment that reveals a missing
//   mandatory segment, and each set's first, takes the step-by-step search.
// - Element checks run on compact per-position descriptors compiled once per dictionary
//   (element_checks_plan.h) with a fast "certainly fine" test per value and the original,
//   careful path for everything else; one SIMD pass per segment flags control, repetition
//   and release bytes and maps the component separators, so composites are split with
//   bit operations (element_checks.h, byte_scan.h).
// - Syntax notes are skipped for presence patterns that already passed; the schema of the
//   previous set is reused when the next set has the same type/version; findings are built
//   (and allocate) only when there is a problem; nothing allocates per segment or element.
// Measured on the generated 64 MB benchmark files (bench/edi_bench, RelWithDebInfo, one
// core of a shared AMD EPYC; ratio to the memchr split of the same run; 3 alternating runs
// of the old and new binaries):
//   X12 validate      0.29-0.31x -> 0.33-0.35x   (~577 -> ~665 MB/s)
//   X12 + 997         0.23-0.24x -> 0.25-0.27x   (~453 -> ~511 MB/s)
//   EDIFACT validate  0.16-0.17x -> 0.20-0.22x   (~419 -> ~534 MB/s)
//   EDIFACT + CONTRL  0.13-0.14x -> 0.16-0.17x   (~339 -> ~421 MB/s)
// Instructions per segment (callgrind, 8 MB files), validator only: X12 ~840 -> ~660,
// EDIFACT ~1070 -> ~770. Where the time goes now (perf): element checks ~45% of the whole
// run (the SIMD scan alone ~9%), sequencing ~9%, the walker and tokenizer ~25%. Validation
// with the element checks switched off reached only ~0.6x (X12) and ~0.48x (EDIFACT), so
// the 0.4x targets are not in reach by the element checks alone: see the notes of
// byte_scan.h on folding the scan into the tokenizer's own SIMD pass.
//
// Round 2 (same benchmark; instructions from callgrind on 8 MB inputs, validation walk
// inclusive): transaction segments go only to the handlers that read them
// (EnvelopeHandler::segment_interest(): the acknowledgment builder reads the header, a
// verdict counter none), the element checks are one call per segment instead of two, the
// schema's version comparison is done once per schema, and the 997 builder is reused across
// interchanges. X12 + 997 329.0M -> 310.6M instructions (-5.6 %), EDIFACT + CONTRL
// 433.8M -> 414.1M (-4.5 %), X12 validate 279.3M -> 273.0M (-2.3 %).
//
// Round 3 (callgrind, 8 MB files, validation walk inclusive; findings and acknowledgments
// byte-identical over the samples, goldens, ~12,000 mutated and generated inputs):
//   X12 validate        273.3M -> 246.9M  (-9.7 %)
//   X12 + 997           310.9M -> 275.4M  (-11.4 %)
//   EDIFACT validate    359.1M -> 340.6M  (-5.2 %)
//   EDIFACT + CONTRL    414.3M -> 386.8M  (-6.6 %)
// from: the walker's cheaper ST/SE handling (walk_context.h) and envelope-tag test
// (x12_interchange.cc), place_tag() without its call
// per segment (segment_sequencer.h), element values read straight from the separator
// offsets (element_checks.cc), segments of up to 32 bytes scanned with two loads and no
// branch on their length (byte_scan.h), dates checked eight digits at a time (~145 -> ~45
// instructions, datetime_check.cc), HL01 ids appended without a search when they ascend
// (hl_integrity.cc), acknowledgment segments written with plain stores instead of
// std::string appends (SegmentWriter, ack_common.h), a set without findings acknowledged
// without building its AK3/AK5 lists (ack_x12.cc), the CONTRL builder reused across
// interchanges (ack_builder.cc), and the acknowledgment builder copying only the header
// values it writes. Tried and not kept: skipping the byte scan for segments whose every
// element is a code, number, date or time (their acceptance tests already prove the bytes
// plain): the extra pass and the split of the element loop cost more than the scans saved
// (X12 validate 259.4M -> 273.0M at the time).
//
// Round 4 (callgrind, 8 MB files; valgrind runs the AVX2 stage 1, so the AVX-512 VBMI2
// kernel of structural_index_x86.cc, the largest gain in time, is not in these counts):
//   X12 validate        246.9M -> 242.4M  (-1.8 %)
//   X12 + 997           275.3M -> 267.0M  (-3.0 %)
//   EDIFACT validate    340.6M -> 338.7M  (-0.6 %)
//   EDIFACT + CONTRL    386.7M -> 383.1M  (-0.9 %)
// from: segments of 33 to 64 bytes scanned with four loads (byte_scan.h), the walker's
// cheaper body loop and set headers (walk_context.h round 4), per-set string compares
// without memcmp calls (find_schema, check_group_membership), and the acknowledgment
// writer's values and tags copied without per-value calls (ack_common.cc, ack_builder.cc).
// Tried and not kept: an inline fast path for place_tag() (the quiet
// Moves that open or close no loop are under half the segments: +0.3 %; with the loop
// frames handled inline too, GCC no longer inlined it: +1.4 %); a vector test for short
// acknowledgment values (most are one to three bytes, which the byte loop copies in fewer
// instructions).
//
// Round 5 (EDIFACT; callgrind, 8 MB files; findings and acknowledgments byte-identical over
// the 12,105 inputs of the differential check):
//   EDIFACT walk        71.7M -> 66.4M   (-7.4 %)
//   EDIFACT validate   338.7M -> 322.4M  (-4.8 %)
//   EDIFACT + CONTRL   383.1M -> 356.7M  (-6.9 %)
//   X12 walk / validate / + 997: unchanged (58.4M / 242.4M / 266.8M)
// from: UNH S009 split in one pass by the walker (four part() calls, each from the first
// byte, ~630 instructions a message) and by the CONTRL builder, which also keeps its S009
// strings from one message to the next (~1,360 instructions a message:
// edifact_interchange.cc, ack_builder.cc); composite_ok() with the descriptor and presence
// bit carried along the parts and the date format pair found after the loop
// (element_checks.cc): ~240 -> ~200 instructions a composite. In time (edi_bench,
// alternating runs on the shared 2-core machine, load 2 to 25) the gain is inside the
// noise for validation (EDIFACT validate median 0.251x -> 0.254x over 18 full runs each;
// 0.272x -> 0.263x over 10 EDIFACT-only runs) and ~+3-8 % for tokenize + walk. Why so
// little: cachegrind's branch simulation puts ~2.6 mispredicted branches in each
// composite_ok() call (which of kLength / code list a part needs, empty part or not, how
// many parts) and ~1.9 in the rest of check() per segment, worth more cycles than the
// instructions saved. The next step is fewer data-dependent branches per part, not fewer
// instructions. Tried and not kept: has_component() inline (EDIFACT validate -1 %
// instructions, X12 validate +0.5 %); a popcount of the composite's separators before its
// loop (a libgcc call: the build has no -mpopcnt).
//
// Round 6 (EDIFACT; callgrind, 8 MB files; findings and acknowledgments byte-identical over
// the 9,307 inputs of the differential check, 3,230 of them earlier fuzz corpora):
//   EDIFACT walk        66.4M -> 60.6M   (-8.7 %)
//   EDIFACT validate   322.4M -> 294.3M  (-8.7 %)
//   EDIFACT + CONTRL   356.9M -> 323.8M  (-9.3 %)
//   X12 walk / validate / + 997: 58.4M -> 58.6M, 242.4M -> 236.0M, 266.9M -> 259.8M
// from: place_tag() inline (segment_sequencer.h); stage 1 skipping the release arithmetic
// in blocks with no release character (structural_index_x86.cc); a composite's separators
// taken from the component map's first word when its segment has at most 64 bytes, and
// composite_ok() inline, in an element loop of its own for segments that define composites,
// so X12's segments without any keep the lean loop (inline everywhere cost X12 validate
// +1.7 % instructions and ~5 % in time); C507's date format found by a switch on the packed
// code (value_checks.cc); UNH S009 split from one vector compare by the walker and the
// CONTRL builder (short_value_separators(), segment.h); 0052 + 0054 joined in place;
// service segments dispatched on packed tags. In time (edi_bench, 8 alternating full runs of
// the old and new binaries, load 1.6 to 6.3; median, min): EDIFACT tokenize + walk 1.28x ->
// 1.40x (1.20 -> 1.38), validate 0.266x -> 0.276x (0.260 -> 0.266), + CONTRL 0.223x ->
// 0.232x (0.217 -> 0.228); X12 validate 0.424x -> 0.431x, + 997 0.362x -> 0.366x. Why
// validation gains less than its instructions: on this Zen 5 (~4 GHz) validation retires
// ~5.6 instructions a cycle (~770 a segment in ~36 ns), so cachegrind's branch simulation,
// a predictor without global history, overstated the mispredictions of round 5; calls and
// loads that wait (code-list probes, the segment scan, plan lookups) set the time. perf
// with cpu-clock sampling works without hardware counters: check() ~42 %, place_tag() ~11 %,
// the walker ~8 %, stage 1 ~5 % of EDIFACT validation + CONTRL before this round. With
// check() stubbed out EDIFACT validation ran at ~0.64x, and with the sequencer stubbed too
// ~0.77x: the element checks need to get ~2.4x cheaper for 0.4x.
// Tried and not kept: the four ways of place_tag() compared at once (SSE2) and the repeat
// count without a branch (no gain in time); one unsigned compare for the length bounds
// (GCC 12 made it more instructions); code-list keys from one load ending at the value's
// last byte (the flag it needs cost more in the element loop than the branches it saved);
// stage 1 indexing 8 or 16 KiB at a time instead of 64 (slower).
//
// Round 7 (EDIFACT tokenize + walk; perf cpu-clock and edi_bench; findings and
// acknowledgments byte-identical over the same 9,307 inputs): short_value_separators()
// inline (segment.h; out of line its returned optional went through the stack, a failed
// store forwarding at every UNH) and UNH S009's parts taken at constant indices
// (first_parts(), edifact_interchange.cc). edi_bench, 23 alternating runs each, 1-minute load
// 1.5 to 3.5, ratio to the memchr split min/median: EDIFACT tokenize + walk 1.348/1.391 ->
// 1.384/1.425; X12 and validation level. Tried and not kept: UNB and the implicit group
// built in the scratch headers with copy_text() and split once per composite (the
// announce() samples went from ~3.4 % to ~1 %, but run() stopped being inlined into
// walk_edifact_interchange() and the body loop's share of samples grew by about as much: no
// gain in time), and ControlNumberSet::insert() always inline (no gain in time).
// What is left: the body loop (read_body + next_indexed + the tag code, ~45 %) keeps the
// reader's state spilled to the stack around the handler's call; stage 1 ~30 %.
//
// Lifetime and threads: a Validator is per input (one walk at a time; not thread-safe).
// `schemas` and `next` must outlive it. The SchemaRegistry may be shared by many
// Validators on many threads.

#include <cstdint>
#include <string>

#include "edi/element_checks.h"
#include "edi/envelope.h"
#include "edi/hl_integrity.h"
#include "edi/schema.h"
#include "edi/segment_sequencer.h"
#include "edi/validation_codes.h"
#include "edi/verdicts.h"

namespace ordex::edi {

struct ValidatorOptions {
  std::uint32_t max_findings_per_transaction = 100;
};

class Validator final : public EnvelopeHandler, private ElementIssueSink {
 public:
  Validator(const SchemaRegistry& schemas, EnvelopeHandler& next, ValidatorOptions options = {});

  void begin_file(std::string_view name) override { tracker_.begin_file(name); }
  void begin_interchange(const InterchangeHeader& h) override;
  void begin_group(const GroupHeader& h) override;
  void begin_transaction(const TransactionHeader& h) override;
  void transaction_segment(const Segment& s, std::uint32_t position) override;
  void interchange_segment(const Segment& s) override { tracker_.interchange_segment(s); }
  void end_transaction(const TransactionSummary& s) override;
  void end_group(const GroupSummary& s) override { tracker_.end_group(s); }
  void end_interchange(const InterchangeSummary& s) override { tracker_.end_interchange(s); }
  void finding(const Finding& f) override { tracker_.finding(f); }
  void end_file() override { tracker_.end_file(); }

 private:
  // The segment being checked, for the findings about it.
  struct Current {
    const Segment* segment = nullptr;
    const SegmentDef* def = nullptr;
    std::uint32_t position = 0;
  };

  void element_issue(const ElementIssue& issue) override;
  Finding element_finding(const ElementIssue& issue, const Segment& segment,
                          std::uint32_t position) const;
  void report_sequence_issues(const Segment* segment, std::uint32_t position);
  void report_placement(Placement placement, const Segment& segment, std::uint32_t position);
  void report_missing(const SequenceIssue& issue, std::uint32_t position, std::uint64_t offset);
  void check_hl(const Segment& segment, std::uint32_t position, const SegmentDef& def);
  const TransactionSchema* find_schema(const TransactionHeader& h);
  void check_group_membership(const TransactionHeader& h);
  void report_suppressed();

  // Counts a finding against the limit; false when it is to be suppressed.
  bool admit(Severity severity);
  Finding make(Problem problem, std::string_view tag, std::uint32_t position,
               std::uint64_t offset) const;
  void set_loop(Finding& f, std::uint32_t loop, std::uint32_t trigger_position,
                std::uint32_t position) const;
  const std::string& tag_of_entry(std::uint32_t entry) const;
  void emit(const Finding& f) { tracker_.finding(f); }

  const SchemaRegistry& schemas_;
  VerdictTracker tracker_;
  ValidatorOptions options_;

  Standard standard_ = Standard::kX12;
  std::string functional_id_;  // GS01 / UNG 0038 of the open group

  struct Lookup {
    bool valid = false;
    Standard standard = Standard::kX12;
    std::string version;
    std::string set_id;
    const TransactionSchema* schema = nullptr;
    bool x12_005010 = false;  // X12 and schema->version >= "005010"
  };
  Lookup last_lookup_;
  const TransactionSchema* schema_ = nullptr;  // null: the open set is not being checked
  CodeContext codes_;
  SegmentSequencer sequencer_;
  ElementChecker elements_;
  HlIntegrity hl_;
  Current current_;
  std::uint32_t last_position_ = 0;
  std::uint64_t last_offset_ = 0;

  std::uint32_t reported_ = 0;
  std::uint32_t reported_errors_ = 0;
  std::uint32_t suppressed_ = 0;
  std::uint32_t suppressed_errors_ = 0;
};

}  // namespace ordex::edi
