#include "edi/ack_ta1.h"

namespace ordex::edi::detail {

namespace {

constexpr std::uint16_t kInvalidInterchangeContent = 24;

const Finding* first_ta1(std::span<const Finding> findings, Severity severity) {
  for (const Finding& f : findings) {
    if (f.code.list == CodeList::kTA1 && f.severity == severity) return &f;
  }
  return nullptr;
}

}  // namespace

Ta1Result ta1_result(const InterchangeSummary& summary, std::span<const Finding> findings) {
  Ta1Result r;
  switch (summary.verdict) {
    case Verdict::kAccepted:
      return r;
    case Verdict::kAcceptedWithErrors:
      r.acknowledgment = 'E';
      break;
    case Verdict::kPartiallyAccepted:
    case Verdict::kRejected:
      r.acknowledgment = 'R';
      break;
  }
  const Finding* f = first_ta1(findings, Severity::kError);
  if (f == nullptr) f = first_ta1(findings, Severity::kWarning);
  r.note = f != nullptr ? f->code.value : kInvalidInterchangeContent;
  return r;
}

std::string write_ta1_interchange(const InterchangeHeader& received, const Ta1Result& result,
                                  const Delimiters& out, std::uint32_t control,
                                  const AckStamp& stamp) {
  SegmentWriter w(Standard::kX12, out);
  write_isa(w, received, control, stamp);
  w.begin("TA1")
      .add(received.control_number)
      .add(received.date)
      .add(received.time)
      .add(std::string(1, result.acknowledgment))
      .add(zero_padded(result.note, 3));
  w.end();
  write_iea(w, 0, control);
  return w.text();
}

}  // namespace ordex::edi::detail
