#pragma once
// UN/EDIFACT D96A / D01B under syntax UNOC:3: UNA (optional), UNB, UNG (optional), UNH and
// the ORDERS, ORDRSP, DESADV, INVOIC and IFTSTA messages. Separators are the defaults
// (UNA:+.? '), so a file reads the same with or without its UNA.

#include <cstdint>
#include <string>
#include <string_view>

#include "document_writer.h"

namespace ordex::bench {

class EdifactWriter final : public DocumentWriter {
 public:
  // `directory` is "D96A" or "D01B". With `groups`, messages travel in UNG/UNE groups.
  EdifactWriter(SegmentWriter& out, const World& world, Manifest& manifest,
                std::string_view directory, bool una, bool groups,
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
  void unh(DocKind kind);
  void unt(ErrorKind error);
  // BGM is mandatory in every message, so it is the segment a kMissingSegment error drops.
  void bgm(std::string_view name_code, std::string_view number, std::string_view function,
           ErrorKind error);
  // DTM+137, the document date; a kInvalidDate error lands here.
  void document_date(ErrorKind error, bool with_time);
  // NAD with only a GLN; the first one of a message takes a kMissingElement error.
  void party(std::string_view qualifier, std::string_view gln, ErrorKind& error);
  void date(std::string_view qualifier, std::int64_t day);
  void quantity(std::string_view qualifier, std::uint64_t value, std::string_view unit,
                ErrorKind& error);
  void line_item(std::uint64_t number, std::string_view action, const Item& item);

  std::string directory_;
  bool una_;
  bool groups_;
  std::uint64_t next_interchange_;
  std::uint64_t next_group_;
  std::uint32_t groups_in_interchange_ = 0;
  std::uint32_t messages_in_interchange_ = 0;
  std::uint32_t messages_in_group_ = 0;
  DocKind group_kind_ = DocKind::kOrder;
  const Party* sender_ = nullptr;
  const Party* receiver_ = nullptr;
};

}  // namespace ordex::bench
