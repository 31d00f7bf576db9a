#pragma once
// The part of writing a file that differs by standard: envelopes and the five documents.
// The base class keeps the bookkeeping both standards share: manifest counts, the position of
// the next segment inside a transaction, and the record of each injected error.

#include <cstdint>
#include <string>
#include <string_view>

#include "documents.h"
#include "error_injection.h"
#include "manifest.h"
#include "segment_writer.h"
#include "world.h"

namespace ordex::bench {

class DocumentWriter {
 public:
  DocumentWriter(SegmentWriter& out, const World& world, Manifest& manifest, Standard standard)
      : out_(out), world_(world), manifest_(manifest), standard_(standard) {}
  virtual ~DocumentWriter() = default;
  DocumentWriter(const DocumentWriter&) = delete;
  DocumentWriter& operator=(const DocumentWriter&) = delete;

  // `minute` is the simulated send time; it dates the envelope and every document in it.
  virtual void begin_interchange(const Party& sender, const Party& receiver,
                                 std::int64_t minute) = 0;
  virtual void end_interchange() = 0;
  virtual void begin_group(DocKind kind) = 0;
  virtual void end_group() = 0;

  virtual void order(const Order& order, ErrorKind error) = 0;
  virtual void order_ack(const Order& order, std::uint64_t number, ErrorKind error) = 0;
  virtual void ship_notice(const Shipment& shipment, ErrorKind error) = 0;
  virtual void invoice(const Shipment& shipment, std::uint64_t number, ErrorKind error) = 0;
  // Reports events [first, first + count) of the shipment's plan.
  virtual void carrier_status(const Shipment& shipment, int first, int count, std::uint64_t number,
                              ErrorKind error) = 0;

 protected:
  // Counts a new transaction set / message whose header is about to be written.
  void start_transaction(DocKind kind, std::string control);
  // Position, counted from the header as 1, of the segment written next.
  std::uint32_t next_position() const {
    return static_cast<std::uint32_t>(out_.segments() - first_segment_ + 1);
  }
  // Records an error in the segment written next (or, for a missing segment, the one that
  // should have been written next).
  void note_error(ErrorKind error, std::string_view segment, std::uint32_t element,
                  std::uint32_t component = 0);

  SegmentWriter& out_;
  const World& world_;
  Manifest& manifest_;
  Standard standard_;
  std::string interchange_control_;
  std::string group_control_;
  std::string transaction_control_;
  std::int64_t now_ = 0;

 private:
  std::string set_;
  std::uint64_t first_segment_ = 0;
};

}  // namespace ordex::bench
