#include "edifact_writer.h"

namespace ordex::bench {
namespace {

constexpr std::string_view kUna = "UNA:+.? '";

std::string_view release_of(std::string_view directory) {
  return directory.substr(1);  // "D96A" -> "96A"
}

}  // namespace

EdifactWriter::EdifactWriter(SegmentWriter& out, const World& world, Manifest& manifest,
                             std::string_view directory, bool una, bool groups,
                             std::uint64_t first_control_number)
    : DocumentWriter(out, world, manifest, Standard::kEdifact),
      directory_(directory),
      una_(una),
      groups_(groups),
      next_interchange_(first_control_number),
      next_group_(first_control_number) {}

Separators EdifactWriter::separators(bool newline) {
  Separators s;
  s.segment = '\'';
  s.element = '+';
  s.component = ':';
  s.release = '?';
  s.newline = newline;
  return s;
}

void EdifactWriter::begin_interchange(const Party& sender, const Party& receiver,
                                      std::int64_t minute) {
  now_ = minute;
  interchange_control_ = std::to_string(next_interchange_++);
  group_control_.clear();
  groups_in_interchange_ = 0;
  messages_in_interchange_ = 0;
  sender_ = &sender;
  receiver_ = &receiver;
  ++manifest_.interchanges;
  if (una_) out_.service_string(kUna);
  const CivilTime t = civil_from_minutes(minute);
  out_.seg("UNB")
      .el("UNOC")
      .comp("3")
      .el(sender.gln)
      .comp("14")
      .el(receiver.gln)
      .comp("14")
      .el()
      .date6(t)
      .comp()
      .time4(t)
      .el(interchange_control_)
      .end();
}

void EdifactWriter::end_interchange() {
  // 0036 counts groups when there are any, messages otherwise.
  out_.seg("UNZ")
      .el(groups_ ? groups_in_interchange_ : messages_in_interchange_)
      .el(interchange_control_)
      .end();
}

void EdifactWriter::begin_group(DocKind kind) {
  group_kind_ = kind;
  messages_in_group_ = 0;
  if (!groups_) return;
  group_control_ = std::to_string(next_group_++);
  ++groups_in_interchange_;
  ++manifest_.groups;
  const CivilTime t = civil_from_minutes(now_);
  out_.seg("UNG")
      .el(edifact_message_type(kind))
      .el(sender_->gln)
      .comp("14")
      .el(receiver_->gln)
      .comp("14")
      .el()
      .date6(t)
      .comp()
      .time4(t)
      .el(group_control_)
      .el("UN")
      .el("D")
      .comp(release_of(directory_))
      .end();
}

void EdifactWriter::end_group() {
  if (!groups_) return;
  out_.seg("UNE").el(messages_in_group_).el(group_control_).end();
}

void EdifactWriter::unh(DocKind kind) {
  ++messages_in_interchange_;
  ++messages_in_group_;
  start_transaction(kind, std::to_string(messages_in_interchange_));
  out_.seg("UNH")
      .el(transaction_control_)
      .el(edifact_message_type(kind))
      .comp("D")
      .comp(release_of(directory_))
      .comp("UN")
      .end();
}

void EdifactWriter::unt(ErrorKind error) {
  std::uint64_t count = next_position();  // UNH and UNT both count
  if (error == ErrorKind::kWrongCount) {
    note_error(error, "UNT", 1);
    ++count;
  }
  out_.seg("UNT").el(count).el(transaction_control_).end();
}

void EdifactWriter::bgm(std::string_view name_code, std::string_view number,
                        std::string_view function, ErrorKind error) {
  if (error == ErrorKind::kMissingSegment) {
    note_error(error, "BGM", 0);
    return;
  }
  out_.seg("BGM").el(name_code).el(number).el(function).end();
}

void EdifactWriter::document_date(ErrorKind error, bool with_time) {
  CivilTime t = civil_from_minutes(now_);
  if (error == ErrorKind::kInvalidDate) {
    note_error(error, "DTM", 1, 2);
    t.month = 13;
  }
  out_.seg("DTM").el("137").comp().date8(t);
  if (with_time) {
    out_.time4(t).comp("203").end();
  } else {
    out_.comp("102").end();
  }
}

void EdifactWriter::party(std::string_view qualifier, std::string_view gln, ErrorKind& error) {
  if (error == ErrorKind::kMissingElement) {
    note_error(error, "NAD", 1);
    error = ErrorKind::kNone;  // once per message
    qualifier = "";
  }
  out_.seg("NAD").el(qualifier).el(gln).comp().comp("9").end();
}

void EdifactWriter::date(std::string_view qualifier, std::int64_t day) {
  out_.seg("DTM").el(qualifier).comp().date8(civil_from_days(day)).comp("102").end();
}

void EdifactWriter::quantity(std::string_view qualifier, std::uint64_t value, std::string_view unit,
                             ErrorKind& error) {
  out_.seg("QTY").el(qualifier).comp().digits(value);
  if (error == ErrorKind::kInvalidCode) {
    // A letter in a numeric element: the value no longer fits n..15.
    note_error(error, "QTY", 1, 2);
    error = ErrorKind::kNone;
    out_.text("X");
  }
  out_.comp(unit).end();
}

void EdifactWriter::line_item(std::uint64_t number, std::string_view action, const Item& item) {
  out_.seg("LIN").el(number).el(action).el(item.ean).comp("EN").end();
  out_.seg("PIA").el("1").el(item.sku).comp("SA").end();
}

void EdifactWriter::order(const Order& o, ErrorKind error) {
  unh(DocKind::kOrder);
  const Location loc = world_.location(o.ref.customer, o.location);
  const Party& customer = world_.customer(o.ref.customer);
  bgm("220", o.po, "9", error);
  document_date(error, false);
  date("2", o.due_day);
  date("10", o.ship_by_day);
  if (o.has_remark) out_.seg("FTX").el("AAI").el().el().el(o.remark).end();
  if (error == ErrorKind::kMissingElement) {
    note_error(error, "NAD", 1);
    error = ErrorKind::kNone;
    out_.seg("NAD").el();
  } else {
    out_.seg("NAD").el("BY");
  }
  out_.el(customer.gln).comp().comp("9").el().el(customer.name).end();
  party("SU", world_.self().gln, error);
  out_.seg("NAD")
      .el("DP")
      .el(loc.gln)
      .comp()
      .comp("9")
      .el()
      .el(loc.name)
      .el(loc.street)
      .el(loc.city)
      .el(loc.state)
      .el(loc.postal_code)
      .el("US")
      .end();
  out_.seg("CUX").el("2").comp("USD").comp("9").end();
  for (int i = 0; i < o.line_count; ++i) {
    const OrderLine& line = o.lines[i];
    const Item item = world_.item(line.item);
    line_item(i + 1, "", item);
    out_.seg("IMD").el("F").el().el().comp().comp().comp(item.description).end();
    quantity("21", line.quantity, item.edifact_uom, error);
    out_.seg("PRI").el("AAA").comp().decimal(line.price).end();
  }
  out_.seg("UNS").el("S").end();
  out_.seg("CNT").el("2").comp().digits(static_cast<std::uint64_t>(o.line_count)).end();
  unt(error);
  ++manifest_.orders;
}

void EdifactWriter::order_ack(const Order& o, std::uint64_t number, ErrorKind error) {
  unh(DocKind::kOrderAck);
  bool changed = false;
  for (int i = 0; i < o.line_count; ++i) changed = changed || o.lines[i].backordered;
  // 1225: 29 accepted without amendment, 4 change.
  bgm("231", world_.response_number(number), changed ? "4" : "29", error);
  document_date(error, false);
  out_.seg("RFF").el("ON").comp(o.po).end();
  out_.seg("DTM").el("171").comp().date8(civil_from_minutes(o.ref.minute)).comp("102").end();
  party("BY", world_.customer(o.ref.customer).gln, error);
  party("SU", world_.self().gln, error);
  for (int i = 0; i < o.line_count; ++i) {
    const OrderLine& line = o.lines[i];
    const Item item = world_.item(line.item);
    // 1229: 5 accepted without amendment, 7 not accepted.
    line_item(i + 1, line.backordered ? "7" : "5", item);
    quantity("21", line.quantity, item.edifact_uom, error);
    out_.seg("PRI").el("AAA").comp().decimal(line.price).end();
  }
  out_.seg("UNS").el("S").end();
  out_.seg("CNT").el("2").comp().digits(static_cast<std::uint64_t>(o.line_count)).end();
  unt(error);
  ++manifest_.acknowledgments;
}

void EdifactWriter::ship_notice(const Shipment& s, ErrorKind error) {
  unh(DocKind::kShipNotice);
  const Order& o = s.order;
  const Location loc = world_.location(o.ref.customer, o.location);
  bgm("351", s.id, "9", error);
  document_date(error, false);
  date("11", s.ref.minute / kMinutesPerDay);
  date("17", s.estimated_delivery_day);
  out_.seg("RFF").el("ON").comp(o.po).end();
  out_.seg("RFF").el("BM").comp(s.bol).end();
  party("SU", world_.self().gln, error);
  out_.seg("NAD")
      .el("DP")
      .el(loc.gln)
      .comp()
      .comp("9")
      .el()
      .el(loc.name)
      .el(loc.street)
      .el(loc.city)
      .el(loc.state)
      .el(loc.postal_code)
      .el("US")
      .end();
  // 8067 30 road; 3055 182 US Standard Carrier Alpha Code (motor).
  out_.seg("TDT")
      .el("20")
      .el()
      .el("30")
      .el()
      .el(world_.carrier(s.ref.carrier).scac)
      .comp()
      .comp("182")
      .end();
  out_.seg("CPS").el("1").end();
  out_.seg("PAC").el(s.cartons).el().el("CT").end();
  std::uint64_t lines = 0;
  for (int i = 0; i < o.line_count; ++i) {
    if (s.shipped[i] == 0) continue;
    const Item item = world_.item(o.lines[i].item);
    line_item(++lines, "", item);
    quantity("12", s.shipped[i], item.edifact_uom, error);
  }
  out_.seg("CNT").el("2").comp().digits(lines).end();
  unt(error);
  ++manifest_.shipments;
}

void EdifactWriter::invoice(const Shipment& s, std::uint64_t number, ErrorKind error) {
  unh(DocKind::kInvoice);
  const Order& o = s.order;
  const Location loc = world_.location(o.ref.customer, o.location);
  bgm("380", world_.invoice_number(number), "9", error);
  document_date(error, false);
  date("11", s.ref.minute / kMinutesPerDay);
  out_.seg("RFF").el("ON").comp(o.po).end();
  out_.seg("DTM").el("171").comp().date8(civil_from_minutes(o.ref.minute)).comp("102").end();
  out_.seg("RFF").el("AAK").comp(s.id).end();
  party("BY", world_.customer(o.ref.customer).gln, error);
  party("SU", world_.self().gln, error);
  out_.seg("NAD")
      .el("DP")
      .el(loc.gln)
      .comp()
      .comp("9")
      .el()
      .el(loc.name)
      .el(loc.street)
      .el(loc.city)
      .el(loc.state)
      .el(loc.postal_code)
      .el("US")
      .end();
  out_.seg("CUX").el("2").comp("USD").comp("4").end();
  std::int64_t total = 0;
  std::uint64_t lines = 0;
  for (int i = 0; i < o.line_count; ++i) {
    if (s.shipped[i] == 0) continue;
    const OrderLine& line = o.lines[i];
    const Item item = world_.item(line.item);
    const std::int64_t amount = static_cast<std::int64_t>(s.shipped[i]) * line.price;
    line_item(++lines, "", item);
    out_.seg("IMD").el("F").el().el().comp().comp().comp(item.description).end();
    quantity("47", s.shipped[i], item.edifact_uom, error);
    out_.seg("MOA").el("203").comp().decimal(amount).end();
    out_.seg("PRI").el("AAA").comp().decimal(line.price).end();
    total += amount;
  }
  out_.seg("UNS").el("S").end();
  out_.seg("CNT").el("2").comp().digits(lines).end();
  out_.seg("MOA").el("79").comp().decimal(total).end();
  out_.seg("MOA").el("86").comp().decimal(total).end();
  unt(error);
  ++manifest_.invoices;
}

void EdifactWriter::carrier_status(const Shipment& s, int first, int count, std::uint64_t number,
                                   ErrorKind error) {
  unh(DocKind::kCarrierStatus);
  const Order& o = s.order;
  const Location loc = world_.location(o.ref.customer, o.location);
  bgm("23", world_.status_number(number), "9", error);
  document_date(error, true);
  party("CZ", world_.self().gln, error);
  out_.seg("NAD")
      .el("CN")
      .el(loc.gln)
      .comp()
      .comp("9")
      .el()
      .el(loc.name)
      .el(loc.street)
      .el(loc.city)
      .el(loc.state)
      .el(loc.postal_code)
      .el("US")
      .end();
  party("CA", world_.carrier(s.ref.carrier).gln, error);
  out_.seg("CNI").el("1");
  if (error == ErrorKind::kInvalidCode) {
    note_error(error, "CNI", 1);
    out_.text("X");
  }
  out_.el(s.bol).end();
  for (int k = 0; k < count; ++k) {
    const CarrierEvent& event = s.events[first + k];
    // 9011: 21 delivered, 31 en route (estimates and delays).
    const bool delivered = event.kind == CarrierEvent::Kind::kDelivered;
    out_.seg("STS").el("1").el(delivered ? "21" : "31").end();
    out_.seg("RFF").el("ON").comp(o.po).end();
    out_.seg("RFF").el("AAK").comp(s.id).end();
    const CivilTime when = civil_from_minutes(event.minute);
    out_.seg("DTM").el("334").comp().date8(when).time4(when).comp("203").end();
    if (event.kind == CarrierEvent::Kind::kEstimate) {
      date("17", event.estimate_day);
    }
    if (k == 0 && o.has_remark) out_.seg("FTX").el("AAI").el().el().el(o.remark).end();
    ++manifest_.carrier_events;
  }
  unt(error);
}

}  // namespace ordex::bench
