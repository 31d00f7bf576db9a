#pragma once
// Shared by the acknowledgment tests: input builders, a stand-in for the schema validator,
// and the walker -> validator -> VerdictTracker -> AckBuilder chain.

#include <optional>
#include <string>
#include <vector>

#include "edi/ack_builder.h"
#include "edi/envelope.h"

namespace ordex::edi::testing {

// --- inputs (NORTHWIND sends to ACMESUPPLY) ---------------------------------------------------
std::string isa(const std::string& control, const std::string& version = "00401",
                char repetition = 'U', char component = '>', const std::string& date = "261116",
                char usage = 'P');
std::string gs(const std::string& id, const std::string& control, const std::string& version);
// An 850 of four segments: ST BEG PO1 SE.
std::string po(const std::string& control, const std::string& beg02 = "SA");
// One 004010 interchange (ISA13 000000101) with one group (GS06 101) holding `sets`.
std::string x12_4010(const std::string& sets, int count = 1, const std::string& id = "PO");
// A 005010 test interchange (ISA13 000000202, ISA15 T) with one 850 of six segments:
// ST BEG N1 N3 PO1 SE.
std::string po_5010();

// UNA and UNB of an EDIFACT interchange from SENDER:14 to ACMESUPPLY:ZZZ, reference 42.
extern const std::string kUnb;
// An ORDERS message of four segments: UNH BGM DTM UNT.
std::string orders(const std::string& ref, int count = 4,
                   const std::string& s009 = "ORDERS:D:96A:UN");

// --- findings a validator would report --------------------------------------------------------
Finding note(CodeList list, std::uint16_t code, std::uint32_t element = 0, std::string ref = "",
             std::string bad = "", std::uint32_t component = 0);

// Reports `finding` right after every transaction segment whose text starts with `prefix`,
// with the segment's tag and position filled in, as the validator would.
struct Injection {
  std::string prefix;
  Finding finding;
};

struct AckRun {
  std::vector<Ack> acks;
  const Ack& only() const;  // expects exactly one
};

AckOptions test_options(AckKind kind, ControlNumbers& numbers);  // stamp 2026-11-17 09:30:12

// walker -> InjectingValidator(rules) -> VerdictTracker -> AckBuilder, file "in/orders.edi",
// our control numbers from 5001 (interchange) and 7001 (group).
AckRun acknowledge(const std::string& bytes, AckKind kind, std::vector<Injection> rules = {},
                   std::optional<Delimiters> x12_delimiters = {});

// The acknowledgment is itself a clean interchange: counts, control numbers, trailers.
void expect_walks_clean(const Ack& ack);

// Compares with tests/golden/acks/<name> (one segment per line there); ORDEX_UPDATE_GOLDEN=1
// rewrites the file instead. Also checks that the ack walks clean.
void expect_golden(const std::string& name, const Ack& ack);

}  // namespace ordex::edi::testing
