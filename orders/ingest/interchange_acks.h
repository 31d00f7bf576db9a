#pragma once
// The acknowledgments `ordex run` writes for the interchanges it imports: one edi::AckBuilder
// per standard (X12: 997, 999 or TA1; EDIFACT: CONTRL), fed the events of each imported
// interchange by the importer (edi_import.h), with our control numbers from the store.
//
// Control numbers: Store::next_control_number("ack.interchange") for ISA13 / UNB 0020 and
// ("ack.group") for GS06, inside the transaction that imports the interchange. They never
// repeat across runs (until they wrap at 999999999), and a rolled-back import gives its numbers
// back together with its acknowledgment, which was never published (ack_outbox.h).
//
// What gets one is the builder's rule (ack_builder.h: never an acknowledgment of an
// acknowledgment, none for an interchange that cannot be addressed) plus the importer's: only
// interchanges imported now (not one seen before, not a duplicate) and only ones sent to us.
//
// Not thread-safe; one per Store session.

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "edi/ack_builder.h"
#include "edi/result.h"
#include "orders/model.h"
#include "orders/store.h"

namespace ordex::orders::ingest {

struct AckSettings {
  // What X12 and EDIFACT interchanges get, as `ordex validate --ack`: X12 k997, k999 or kTA1
  // (kCONTRL: only a TA1 R for an interchange rejected whole); EDIFACT: a CONTRL for any kind
  // but kNone (kTA1: the UCI alone).
  edi::AckKind x12 = edi::AckKind::kNone;
  edi::AckKind edifact = edi::AckKind::kNone;
  bool any() const { return x12 != edi::AckKind::kNone || edifact != edi::AckKind::kNone; }
};

// An acknowledgment written for one interchange.
struct WrittenAck {
  edi::Ack ack;
  std::vector<std::uint32_t> groups;  // our GS06 of each 997/999 group, in order
};

class InterchangeAcks {
 public:
  // `stamp`: the date and time written into the acknowledgments (the run's "now").
  InterchangeAcks(Store& store, const AckSettings& settings, Instant stamp);
  ~InterchangeAcks();
  InterchangeAcks(const InterchangeAcks&) = delete;
  InterchangeAcks& operator=(const InterchangeAcks&) = delete;

  // The builder to send an interchange's events to (begin_file first), or null when nothing is
  // written for `standard`. An interchange whose end_interchange is not sent writes nothing
  // and takes no control number.
  edi::EnvelopeHandler* builder(edi::Standard standard);
  void begin_file(std::string_view name);

  // After the builder's end_interchange: what it wrote, if anything. A store error while taking
  // control numbers is returned instead (the acknowledgment is then unusable).
  edi::Result<std::optional<WrittenAck>> take();

 private:
  class Numbers;
  class Capture;
  std::unique_ptr<Numbers> numbers_;
  std::unique_ptr<Capture> capture_;
  std::unique_ptr<edi::AckBuilder> x12_, edifact_;
};

// The outbound-group records of a written acknowledgment (model.h: kAckFunctionalId ...; none of
// them awaits an acknowledgment). `source` is the acknowledged interchange; `acked_groups` the
// control numbers of its groups that a 997/999 answers, in order (matched to ack.groups).
std::vector<OutboundGroup> outbound_groups_of(const WrittenAck& written,
                                              const std::string& partner_id, Instant sent_at,
                                              const SourceRef& source,
                                              const std::vector<std::string>& acked_groups);

}  // namespace ordex::orders::ingest
