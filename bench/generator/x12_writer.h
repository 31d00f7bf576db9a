#pragma once
// X12 004010 / 005010: ISA/GS/ST envelopes and the 850, 855, 856, 810 and 214 sets.
// Separators are the common ones: ~ segment, * element, > component, ^ repetition (00501).

#include <cstdint>
#include <string>
#include <string_view>

#include "document_writer.h"

namespace ordex::bench {

class X12Writer final : public DocumentWriter {
 public:
  // `version` is the GS08 version: "004010" or "005010".
  X12Writer(SegmentWriter& out, const World& world, Manifest& manifest, std::string_view version,
            std::uint64_t first_control_number);

  static Separators separators(bool newline);

  void begin_interchange(const Party& sender, const Party& receiver, std::int64_t minute) override;
  void end_interchange() override;
  void begin_group(DocKind kind) override;
  void end_group() override;

  void order(const Order& order, ErrorKind error) override;
  void order_ack(const Order& order, std::uint64_t number, ErrorKind error) override;
  void ship_notice(const Shipment& shipment, ErrorKind error) override;
  void invoice(const Shipment& shipment, std::uint64_t number, ErrorKind error) override;
  void carrier_status(const Shipment& shipment, int first, int count, std::uint64_t number,
                      ErrorKind error) override;

 private:
  void st(DocKind kind);
  void se(ErrorKind error);
  void ship_to(const Order& order, ErrorKind error);
  SegmentWriter& product_ids(const Item& item);

  std::string version_;
  bool repetition_separator_;  // 00501 and later declare one in ISA11
  std::uint64_t next_interchange_;
  std::uint64_t next_group_;
  std::uint64_t interchange_number_ = 0;
  std::uint64_t group_number_ = 0;
  std::uint32_t groups_in_interchange_ = 0;
  std::uint32_t sets_in_group_ = 0;
  std::string sender_id_;
  std::string receiver_id_;
};

}  // namespace ordex::bench
