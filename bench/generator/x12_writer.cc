#include "x12_writer.h"

#include "vocabulary.h"

namespace ordex::bench {
namespace {

FixedText<15> pad15(std::string_view id) {
  FixedText<15> text(id);
  while (text.size() < 15) text.push_back(' ');
  return text;
}

FixedText<9> control9(std::uint64_t n) {
  FixedText<9> text;
  text.append_digits(n % 1000000000, 9);
  return text;
}

}  // namespace

X12Writer::X12Writer(SegmentWriter& out, const World& world, Manifest& manifest,
                     std::string_view version, std::uint64_t first_control_number)
    : DocumentWriter(out, world, manifest, Standard::kX12),
      version_(version),
      repetition_separator_(version >= "005010"),
      next_interchange_(first_control_number),
      next_group_(first_control_number) {}

Separators X12Writer::separators(bool newline) {
  Separators s;
  s.segment = '~';
  s.element = '*';
  s.component = '>';
  s.release = 0;
  s.newline = newline;
  return s;
}

void X12Writer::begin_interchange(const Party& sender, const Party& receiver, std::int64_t minute) {
  now_ = minute;
  interchange_number_ = next_interchange_++;
  interchange_control_ = std::string(control9(interchange_number_).view());
  groups_in_interchange_ = 0;
  sender_id_ = sender.x12_id;
  receiver_id_ = receiver.x12_id;
  ++manifest_.interchanges;
  const CivilTime t = civil_from_minutes(minute);
  // Fixed width by definition: every field padded, so ISA is always 106 bytes.
  out_.seg("ISA")
      .el("00")
      .el("          ")
      .el("00")
      .el("          ")
      .el(sender.x12_qualifier)
      .el(pad15(sender.x12_id))
      .el(receiver.x12_qualifier)
      .el(pad15(receiver.x12_id))
      .el()
      .date6(t)
      .el()
      .time4(t)
      .el(repetition_separator_ ? "^" : "U")
      .el(repetition_separator_ ? "00501" : "00401")
      .el(interchange_control_)
      .el("0")
      .el("P")
      .el(">")
      .end();
}

void X12Writer::end_interchange() {
  out_.seg("IEA").el(groups_in_interchange_).el(interchange_control_).end();
}

void X12Writer::begin_group(DocKind kind) {
  group_number_ = next_group_++;
  group_control_ = std::to_string(group_number_);
  ++groups_in_interchange_;
  sets_in_group_ = 0;
  ++manifest_.groups;
  const CivilTime t = civil_from_minutes(now_);
  out_.seg("GS")
      .el(x12_functional_id(kind))
      .el(sender_id_)
      .el(receiver_id_)
      .el()
      .date8(t)
      .el()
      .time4(t)
      .el(group_control_)
      .el("X")
      .el(version_)
      .end();
}

void X12Writer::end_group() { out_.seg("GE").el(sets_in_group_).el(group_control_).end(); }

void X12Writer::st(DocKind kind) {
  ++sets_in_group_;
  FixedText<9> control;
  control.append_digits(sets_in_group_, 4);
  start_transaction(kind, std::string(control.view()));
  out_.seg("ST").el(x12_set_id(kind)).el(transaction_control_).end();
}

void X12Writer::se(ErrorKind error) {
  std::uint64_t count = next_position();  // the SE itself is counted
  if (error == ErrorKind::kWrongCount) {
    note_error(error, "SE", 1);
    ++count;
  }
  out_.seg("SE").el(count).el(transaction_control_).end();
}

void X12Writer::ship_to(const Order& order, ErrorKind error) {
  const Location loc = world_.location(order.ref.customer, order.location);
  if (error == ErrorKind::kMissingElement) note_error(error, "N1", 1);
  out_.seg("N1")
      .el(error == ErrorKind::kMissingElement ? "" : "ST")
      .el(loc.name)
      .el("92")
      .el(loc.code)
      .end();
  out_.seg("N3").el(loc.street).end();
  out_.seg("N4").el(loc.city).el(loc.state).el(loc.postal_code).el("US").end();
}

SegmentWriter& X12Writer::product_ids(const Item& item) {
  return out_.el("VN").el(item.sku).el("UP").el(item.upc);
}

void X12Writer::order(const Order& o, ErrorKind error) {
  st(DocKind::kOrder);
  const CivilTime ordered = civil_from_minutes(o.ref.minute);
  if (error == ErrorKind::kMissingSegment) {
    note_error(error, "BEG", 0);
  } else {
    if (error == ErrorKind::kInvalidCode) note_error(error, "BEG", 1);
    out_.seg("BEG")
        .el(error == ErrorKind::kInvalidCode ? "99" : "00")
        .el("SA")
        .el(o.po)
        .el()
        .el()
        .date8(ordered)
        .end();
  }
  out_.seg("REF").el("DP").el(o.department).end();
  out_.seg("REF").el("IA").el(100000 + o.ref.customer).end();
  CivilTime due = civil_from_days(o.due_day);
  if (error == ErrorKind::kInvalidDate) {
    note_error(error, "DTM", 2);
    due.month = 13;
  }
  out_.seg("DTM").el("002").el().date8(due).end();
  out_.seg("DTM").el("010").el().date8(civil_from_days(o.ship_by_day)).end();
  ship_to(o, error);
  std::uint64_t hash = 0;
  for (int i = 0; i < o.line_count; ++i) {
    const OrderLine& line = o.lines[i];
    const Item item = world_.item(line.item);
    out_.seg("PO1").el(i + 1).el(line.quantity).el(item.x12_uom).el().decimal(line.price).el();
    product_ids(item).end();
    out_.seg("PID").el("F").el().el().el().el(item.description).end();
    hash += line.quantity;
  }
  out_.seg("CTT").el(o.line_count).el(hash).end();
  se(error);
  ++manifest_.orders;
}

void X12Writer::order_ack(const Order& o, std::uint64_t /*number*/, ErrorKind error) {
  st(DocKind::kOrderAck);
  bool changed = false;
  for (int i = 0; i < o.line_count; ++i) changed = changed || o.lines[i].backordered;
  CivilTime ordered = civil_from_minutes(o.ref.minute);
  if (error == ErrorKind::kMissingSegment) {
    note_error(error, "BAK", 0);
  } else {
    if (error == ErrorKind::kInvalidCode) note_error(error, "BAK", 1);
    if (error == ErrorKind::kInvalidDate) {
      note_error(error, "BAK", 4);
      ordered.month = 13;
    }
    out_.seg("BAK")
        .el(error == ErrorKind::kInvalidCode ? "99" : "00")
        .el(changed ? "AC" : "AD")
        .el(o.po)
        .el()
        .date8(ordered)
        .end();
  }
  ship_to(o, error);
  std::uint64_t hash = 0;
  for (int i = 0; i < o.line_count; ++i) {
    const OrderLine& line = o.lines[i];
    const Item item = world_.item(line.item);
    out_.seg("PO1").el(i + 1).el(line.quantity).el(item.x12_uom).el().decimal(line.price).el();
    product_ids(item).end();
    // A backordered line ships two weeks after the requested date, if ever.
    const std::int64_t ship_day = o.ship_by_day + (line.backordered ? 14 : 0);
    out_.seg("ACK")
        .el(line.backordered ? "IB" : "IA")
        .el(line.quantity)
        .el(item.x12_uom)
        .el("068")
        .el()
        .date8(civil_from_days(ship_day))
        .end();
    hash += line.quantity;
  }
  out_.seg("CTT").el(o.line_count).el(hash).end();
  se(error);
  ++manifest_.acknowledgments;
}

void X12Writer::ship_notice(const Shipment& s, ErrorKind error) {
  st(DocKind::kShipNotice);
  const Order& o = s.order;
  CivilTime shipped = civil_from_minutes(s.ref.minute);
  if (error == ErrorKind::kMissingSegment) {
    note_error(error, "BSN", 0);
  } else {
    if (error == ErrorKind::kInvalidCode) note_error(error, "BSN", 1);
    CivilTime date = shipped;
    if (error == ErrorKind::kInvalidDate) {
      note_error(error, "BSN", 3);
      date.month = 13;
    }
    out_.seg("BSN")
        .el(error == ErrorKind::kInvalidCode ? "99" : "00")
        .el(s.id)
        .el()
        .date8(date)
        .el()
        .time4(shipped)
        .el("0004")  // shipment, order, item
        .end();
  }
  out_.seg("HL").el(1).el().el("S").end();
  out_.seg("TD1")
      .el("CTN25")
      .el(s.cartons)
      .el()
      .el()
      .el()
      .el("G")
      .el()
      .decimal(s.weight)
      .el("LB")
      .end();
  out_.seg("TD5").el("B").el("2").el(world_.carrier(s.ref.carrier).scac).el("M").end();
  out_.seg("REF").el("BM").el(s.bol).end();
  out_.seg("DTM").el("011").el().date8(shipped).el().time4(shipped).end();
  out_.seg("DTM").el("017").el().date8(civil_from_days(s.estimated_delivery_day)).end();
  ship_to(o, error);
  out_.seg("N1").el("SF").el(world_.self().name).end();
  out_.seg("HL").el(2).el(1).el("O").end();
  out_.seg("PRF").el(o.po).el().el().el().date8(civil_from_minutes(o.ref.minute)).end();
  std::uint64_t hl = 2;
  for (int i = 0; i < o.line_count; ++i) {
    if (s.shipped[i] == 0) continue;
    const Item item = world_.item(o.lines[i].item);
    out_.seg("HL").el(++hl).el(2).el("I").end();
    out_.seg("LIN").el().el("UP").el(item.upc).el("VN").el(item.sku).end();
    out_.seg("SN1").el().el(s.shipped[i]).el(item.x12_uom).end();
  }
  out_.seg("CTT").el(hl).end();
  se(error);
  ++manifest_.shipments;
}

void X12Writer::invoice(const Shipment& s, std::uint64_t number, ErrorKind error) {
  st(DocKind::kInvoice);
  const Order& o = s.order;
  if (error == ErrorKind::kMissingSegment) {
    note_error(error, "BIG", 0);
  } else {
    CivilTime invoiced = civil_from_minutes(now_);
    if (error == ErrorKind::kInvalidDate) {
      note_error(error, "BIG", 1);
      invoiced.month = 13;
    }
    if (error == ErrorKind::kInvalidCode) note_error(error, "BIG", 8);
    out_.seg("BIG")
        .el()
        .date8(invoiced)
        .el(world_.invoice_number(number))
        .el()
        .date8(civil_from_minutes(o.ref.minute))
        .el(o.po)
        .el()
        .el()
        .el("DI")
        .el(error == ErrorKind::kInvalidCode ? "99" : "00")
        .end();
  }
  out_.seg("REF").el("BM").el(s.bol).end();
  ship_to(o, error);
  out_.seg("N1").el("BT").el(world_.customer(o.ref.customer).name).end();
  out_.seg("ITD").el("01").el("3").el("2").el().el("10").el().el("30").end();
  out_.seg("DTM").el("011").el().date8(civil_from_minutes(s.ref.minute)).end();
  std::int64_t total = 0;
  std::uint64_t hash = 0;
  std::uint64_t lines = 0;
  for (int i = 0; i < o.line_count; ++i) {
    if (s.shipped[i] == 0) continue;
    const OrderLine& line = o.lines[i];
    const Item item = world_.item(line.item);
    out_.seg("IT1").el(++lines).el(s.shipped[i]).el(item.x12_uom).el().decimal(line.price).el();
    product_ids(item).end();
    out_.seg("PID").el("F").el().el().el().el(item.description).end();
    total += static_cast<std::int64_t>(s.shipped[i]) * line.price;
    hash += s.shipped[i];
  }
  out_.seg("TDS").el().digits(static_cast<std::uint64_t>(total)).end();  // N2: implied cents
  out_.seg("CTT").el(lines).el(hash).end();
  se(error);
  ++manifest_.invoices;
}

void X12Writer::carrier_status(const Shipment& s, int first, int count, std::uint64_t /*number*/,
                               ErrorKind error) {
  st(DocKind::kCarrierStatus);
  const Order& o = s.order;
  const Party& carrier = world_.carrier(s.ref.carrier);
  const Location loc = world_.location(o.ref.customer, o.location);
  if (error == ErrorKind::kMissingSegment) {
    note_error(error, "B10", 0);
  } else {
    out_.seg("B10").el(s.pro).el(s.id).el(carrier.scac).end();
  }
  out_.seg("L11").el(o.po).el("PO").end();
  out_.seg("L11").el(s.bol).el("BM").end();
  out_.seg("N1").el("SH").el(world_.self().name).end();
  if (error == ErrorKind::kMissingElement) note_error(error, "N1", 1);
  out_.seg("N1")
      .el(error == ErrorKind::kMissingElement ? "" : "CN")
      .el(loc.name)
      .el("92")
      .el(loc.code)
      .end();
  out_.seg("N4").el(loc.city).el(loc.state).el(loc.postal_code).el("US").end();
  const auto cities = vocabulary::cities();
  for (int k = 0; k < count; ++k) {
    const CarrierEvent& event = s.events[first + k];
    const bool estimate = event.kind == CarrierEvent::Kind::kEstimate;
    // AT705/AT706: the estimate for AG/X2, when it happened otherwise.
    CivilTime when =
        estimate ? civil_from_days(event.estimate_day) : civil_from_minutes(event.minute);
    if (estimate) {
      when.hour = 17;
      when.minute = 0;
    }
    out_.seg("LX").el(k + 1).end();
    const bool bad_date = error == ErrorKind::kInvalidDate && k == 0;
    const bool bad_code = error == ErrorKind::kInvalidCode && k == 0;
    if (bad_date) {
      note_error(error, "AT7", 5);
      when.month = 13;
    }
    if (bad_code) note_error(error, "AT7", 7);
    out_.seg("AT7")
        .el(event.x12_status)
        .el(event.x12_reason)
        .el()
        .el()
        .el()
        .date8(when)
        .el()
        .time4(when)
        .el(bad_code ? "XX" : loc.time_zone)
        .end();
    // Delivered at the store; otherwise somewhere on the way.
    const bool delivered = event.kind == CarrierEvent::Kind::kDelivered;
    const auto& hub =
        cities[(s.ref.number + static_cast<std::uint64_t>(first + k)) % cities.size()];
    out_.seg("MS1")
        .el(delivered ? loc.city : hub.name)
        .el(delivered ? loc.state : hub.state)
        .el("US")
        .end();
    out_.seg("MS2").el(carrier.scac).el(s.trailer).end();
    ++manifest_.carrier_events;
  }
  se(error);
}

}  // namespace ordex::bench
