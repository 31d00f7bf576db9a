#pragma once
// Walks the envelopes of every interchange in one input, X12 and EDIFACT alike, and tells a
// handler what it finds: structure events, every transaction segment, and the envelope
// findings (control numbers, counts, missing trailers, ISA/UNB field errors).

#include <cstdint>
#include <string>

#include "edi/envelope.h"
#include "edi/segment_reader.h"

namespace ordex::edi {

struct WalkStats {
  std::uint64_t interchanges = 0;
  std::uint64_t groups = 0;
  std::uint64_t transactions = 0;
  std::uint64_t segments = 0;  // every segment, envelope segments included (not UNA)
  std::uint64_t elements = 0;  // element positions, empty ones included
  std::uint64_t bytes = 0;
};

// Reads `reader` to its end. Never throws for anything in the bytes: every problem becomes a
// finding. The handler's begin_file/end_file bracket the walk.
WalkStats walk_envelopes(SegmentReader& reader, EnvelopeHandler& handler,
                         std::string_view file_name);

}  // namespace ordex::edi
