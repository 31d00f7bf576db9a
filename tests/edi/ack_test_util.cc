#include "ack_test_util.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "edi/byte_source.h"
#include "edi/envelope_walker.h"
#include "edi/verdicts.h"
#include "test_handler.h"

namespace ordex::edi::testing {

using namespace std::chrono_literals;

namespace {

std::string pad(std::string s, std::size_t n) {
  s.resize(n, ' ');
  return s;
}

class InjectingValidator final : public EnvelopeHandler {
 public:
  InjectingValidator(EnvelopeHandler& next, std::vector<Injection> rules)
      : next_(next), rules_(std::move(rules)) {}
  void begin_file(std::string_view n) override { next_.begin_file(n); }
  void begin_interchange(const InterchangeHeader& h) override { next_.begin_interchange(h); }
  void begin_group(const GroupHeader& h) override { next_.begin_group(h); }
  void begin_transaction(const TransactionHeader& h) override { next_.begin_transaction(h); }
  void interchange_segment(const Segment& s) override { next_.interchange_segment(s); }
  void end_transaction(const TransactionSummary& s) override { next_.end_transaction(s); }
  void end_group(const GroupSummary& s) override { next_.end_group(s); }
  void end_interchange(const InterchangeSummary& s) override { next_.end_interchange(s); }
  void finding(const Finding& f) override { next_.finding(f); }
  void end_file() override { next_.end_file(); }
  void transaction_segment(const Segment& s, std::uint32_t position) override {
    next_.transaction_segment(s, position);
    for (const Injection& r : rules_) {
      if (s.raw().substr(0, r.prefix.size()) != r.prefix) continue;
      Finding f = r.finding;
      f.segment = std::string(s.tag());
      f.segment_position = position;
      next_.finding(f);
    }
  }

 private:
  EnvelopeHandler& next_;
  std::vector<Injection> rules_;
};

class CollectingSink final : public AckSink {
 public:
  void write(const Ack& ack) override { acks.push_back(ack); }
  std::vector<Ack> acks;
};

}  // namespace

std::string isa(const std::string& control, const std::string& version, char repetition,
                char component, const std::string& date, char usage) {
  return "ISA*00*" + pad("", 10) + "*00*" + pad("", 10) + "*ZZ*" + pad("NORTHWIND", 15) + "*ZZ*" +
         pad("ACMESUPPLY", 15) + "*" + date + "*0815*" + repetition + "*" + version + "*" +
         control + "*1*" + usage + "*" + component + "~";
}

std::string gs(const std::string& id, const std::string& control, const std::string& version) {
  return "GS*" + id + "*NORTHWIND*ACMESUPPLY*20261116*0815*" + control + "*X*" + version + "~";
}

std::string po(const std::string& control, const std::string& beg02) {
  return "ST*850*" + control + "~BEG*00*" + beg02 +
         "*4500001**20261116~PO1*1*12*EA*9.5**VN*SKU1~SE*4*" + control + "~";
}

std::string x12_4010(const std::string& sets, int count, const std::string& id) {
  return isa("000000101") + gs(id, "101", "004010") + sets + "GE*" + std::to_string(count) +
         "*101~IEA*1*000000101~";
}

std::string po_5010() {
  return isa("000000202", "00501", '^', ':', "261116", 'T') + gs("PO", "202", "005010") +
         "ST*850*0001*005010~BEG*00*SA*4500002**20261116~N1*ST*ACME DC*92*DC01~N3~"
         "PO1*1*12*EA*9.5**VN*SKU1~SE*6*0001~GE*1*202~IEA*1*000000202~";
}

const std::string kUnb = "UNA:+.? 'UNB+UNOC:3+SENDER:14+ACMESUPPLY:ZZZ+261116:0815+42'";

std::string orders(const std::string& ref, int count, const std::string& s009) {
  return "UNH+" + ref + "+" + s009 + "'BGM+220+PO" + ref + "+9'DTM+137:20261116:102'UNT+" +
         std::to_string(count) + "+" + ref + "'";
}

Finding note(CodeList list, std::uint16_t code, std::uint32_t element, std::string ref,
             std::string bad, std::uint32_t component) {
  Finding f;
  f.code = {list, code};
  f.element = element;
  f.component = component;
  f.element_ref = std::move(ref);
  f.bad_value = std::move(bad);
  f.message = "injected";
  return f;
}

const Ack& AckRun::only() const {
  EXPECT_EQ(acks.size(), 1u);
  return acks.at(0);
}

AckOptions test_options(AckKind kind, ControlNumbers& numbers) {
  AckOptions o;
  o.kind = kind;
  o.control_numbers = &numbers;
  o.stamp = std::chrono::sys_days{std::chrono::year{2026} / 11 / 17} + 9h + 30min + 12s;
  return o;
}

AckRun acknowledge(const std::string& bytes, AckKind kind, std::vector<Injection> rules,
                   std::optional<Delimiters> x12_delimiters) {
  CountingControlNumbers numbers(5001, 7001);
  AckOptions o = test_options(kind, numbers);
  o.x12_delimiters = x12_delimiters;
  CollectingSink sink;
  AckBuilder builder(o, sink);
  VerdictTracker verdicts(builder);
  InjectingValidator validator(verdicts, std::move(rules));
  MemorySource source(bytes);
  SegmentReader reader(source);
  walk_envelopes(reader, validator, "in/orders.edi");
  return {sink.acks};
}

void expect_walks_clean(const Ack& ack) {
  const RecordingHandler h = walk_bytes(ack.bytes);
  EXPECT_TRUE(h.findings.empty()) << ack.bytes << "\n" << h.findings.front().message;
  EXPECT_EQ(h.interchanges.size(), 1u);
}

void expect_golden(const std::string& name, const Ack& ack) {
  const std::string path = std::string(ORDEX_SOURCE_DIR) + "/tests/golden/acks/" + name;
  const char terminator = ack.standard == Standard::kX12 ? ack.bytes.at(105) : '\'';
  if (std::getenv("ORDEX_UPDATE_GOLDEN") != nullptr) {
    std::string lines;
    for (char c : ack.bytes) {
      lines += c;
      if (c == terminator) lines += '\n';
    }
    std::ofstream(path, std::ios::binary) << lines;
  }
  std::string expected = read_file(path);
  std::erase(expected, '\n');
  EXPECT_EQ(ack.bytes, expected) << "golden " << name;
  expect_walks_clean(ack);
}

}  // namespace ordex::edi::testing
