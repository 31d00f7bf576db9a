#include "manifest.h"

#include <string_view>

namespace ordex::bench {
namespace {

void write_string(std::ostream& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out << '"';
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out << '\\' << c;
    } else if (u < 0x20) {
      out << "\\u00" << kHex[u >> 4] << kHex[u & 0xf];
    } else {
      out << c;
    }
  }
  out << '"';
}

void write_key(std::ostream& out, std::string_view key) {
  write_string(out, key);
  out << ':';
}

void write_error(std::ostream& out, const InjectedError& e) {
  out << '{';
  write_key(out, "interchange");
  write_string(out, e.interchange);
  out << ',';
  write_key(out, "group");
  write_string(out, e.group);
  out << ',';
  write_key(out, "transaction");
  write_string(out, e.transaction);
  out << ',';
  write_key(out, "set");
  write_string(out, e.set);
  out << ',';
  write_key(out, "segment");
  write_string(out, e.segment);
  out << ',';
  write_key(out, "segment_position");
  out << e.segment_position << ',';
  write_key(out, "element");
  out << e.element_position << ',';
  write_key(out, "component");
  out << e.component_position << ',';
  write_key(out, "code");
  write_string(out, e.code);
  out << '}';
}

}  // namespace

void write_manifest_json(const Manifest& m, std::ostream& out) {
  out << "{\n";
  const auto field = [&out](std::string_view key, std::uint64_t value) {
    out << "  ";
    write_key(out, key);
    out << value << ",\n";
  };
  out << "  ";
  write_key(out, "standard");
  write_string(out, m.standard);
  out << ",\n  ";
  write_key(out, "version");
  write_string(out, m.version);
  out << ",\n";
  field("seed", m.seed);
  field("target_bytes", m.target_bytes);
  field("bytes", m.bytes);
  field("interchanges", m.interchanges);
  field("groups", m.groups);
  field("transactions", m.transactions);
  out << "  ";
  write_key(out, "transactions_by_set");
  out << '{';
  bool first = true;
  for (const auto& [set, count] : m.transactions_by_set) {
    if (!first) out << ',';
    first = false;
    write_key(out, set);
    out << count;
  }
  out << "},\n";
  field("segments", m.segments);
  field("elements", m.elements);
  field("orders", m.orders);
  field("acknowledgments", m.acknowledgments);
  field("shipments", m.shipments);
  field("carrier_events", m.carrier_events);
  field("invoices", m.invoices);
  out << "  ";
  write_key(out, "errors");
  out << '[';
  for (std::size_t i = 0; i < m.errors.size(); ++i) {
    out << (i == 0 ? "\n    " : ",\n    ");
    write_error(out, m.errors[i]);
  }
  out << (m.errors.empty() ? "]\n" : "\n  ]\n");
  out << "}\n";
}

}  // namespace ordex::bench
