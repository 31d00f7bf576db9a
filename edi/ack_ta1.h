#pragma once
// Private to edi/: the X12 TA1 interchange acknowledgment.
//
// One TA1 segment per received interchange, alone in an ISA/IEA envelope of our own (IEA01
// is 0: a TA1 is not inside a functional group):
//   ISA TA1*<ISA13>*<ISA09>*<ISA10>*<A|E|R>*<note code> IEA*0

#include <cstdint>
#include <span>
#include <string>

#include "edi/ack_common.h"
#include "edi/envelope.h"

namespace ordex::edi::detail {

struct Ta1Result {
  char acknowledgment = 'A';  // TA104: A accepted, E accepted with errors noted, R rejected
  std::uint16_t note = 0;     // TA105 (code list I18); 0 prints as 000, "no error"
};

// TA104 follows the interchange verdict; TA105 is the first TA1-list finding, errors before
// warnings. A rejection without any TA1 finding (reading stopped on a file-level problem)
// says 024, "invalid interchange content".
Ta1Result ta1_result(const InterchangeSummary& summary, std::span<const Finding> findings);

// The TA1 interchange for `received`, written with `out` delimiters.
std::string write_ta1_interchange(const InterchangeHeader& received, const Ta1Result& result,
                                  const Delimiters& out, std::uint32_t control,
                                  const AckStamp& stamp);

}  // namespace ordex::edi::detail
