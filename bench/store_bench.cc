// Throughput of the order store: the writes `ordex run` makes for a stream of EDI documents.
//
//   build/release/bench/store_bench                              (SQLite, a temp file)
//   ORDEX_BENCH_PG_URL=$(scripts/pg-test-cluster start) build/release/bench/store_bench
//
// One iteration is one "round" of the issue-4 document mix (850:855:856:810:214 = 4:1:3:2:3)
// for 8 orders, written the way the importer writes it: a file record, then three
// interchanges of one transaction each (interchange_seen, record_interchange, a document row
// per transaction set, the business rows): 8 orders of 5 lines and 2 acknowledgments; 6 ship
// notices of 5 items and 4 invoices of 5 lines; 6 carrier events: 162 rows, about 20 per
// order. items_per_second is orders/s and rows/s every row written, both in wall-clock time
// (the PostgreSQL server's work happens in another process).
//
// Before reporting, each benchmark reads its orders back and checks the counts, the lines,
// the shipped quantities and the deliveries; a mismatch is reported as an error, not a figure.
//
// BM_Ingest*: the whole import of `ordex run` (orders/ingest: scan, validation, mapping, store;
// not the exception rules that `ordex run` applies afterwards) of a generated X12 file
// (ordex-gen, ORDEX_BENCH_INGEST_MB, default 100; the issue-4 mix 850:856:810:214 = 4:3:2:3,
// seed 42) into a fresh SQLite file, or into ORDEX_BENCH_INGEST_PG_URL, which must name an
// empty database (one iteration each). BM_ValidateReference reads, walks and validates the
// same bytes and stores nothing: the floor the import is measured against, in the same run.
// items_per_second is orders/s; the import's counts must equal the generator's manifest.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include "bench/generator/edi_generator.h"
#include "edi/byte_source.h"
#include "edi/envelope_walker.h"
#include "edi/segment_reader.h"
#include "edi/validator.h"
#include "orders/ingest/ingest.h"
#include "orders/store.h"

namespace ordex::bench {
namespace {

using orders::Decimal;
using orders::Store;

constexpr int kOrdersPerRound = 8;
constexpr int kLinesPerDocument = 5;
// Rows one round writes: file 1, interchanges 3, documents 26, orders 8 + lines 40, acks 2 +
// lines 10, shipments 6 + items 30 + order links 6, invoices 4 + lines 20, events 6.
constexpr double kRowsPerRound = 162;

// A write that fails ends the benchmark: the figures would be meaningless.
template <typename T>
T must(orders::Result<T> result) {
  if (!result.ok()) {
    std::fprintf(stderr, "store_bench: %s\n", result.error().c_str());
    std::abort();
  }
  return std::move(result).value();
}

void must(const orders::Status& status) {
  if (!status.ok()) {
    std::fprintf(stderr, "store_bench: %s\n", status.error().c_str());
    std::abort();
  }
}

struct World {
  std::string run;  // makes keys unique per run, so a shared database can be reused
  std::string customer, carrier;
  std::int64_t round = 0;
};

// PO numbers carry the run, as carrier events find their orders by PO alone.
std::string po(const World& w, std::int64_t round, int i) {
  return "PO" + w.run + "-" + std::to_string(round * kOrdersPerRound + i);
}

orders::SourceRef begin_interchange(Store& s, World& w, std::int64_t file_id, const char* set,
                                    int which) {
  const std::string control = std::to_string(w.round * 3 + which);
  const std::string hash = w.run + "/" + control;
  if (must(s.interchange_seen("ZZ", w.run, control, hash)) != orders::InterchangeState::kNew) {
    std::abort();
  }
  orders::InterchangeRecord r;
  r.file_id = file_id;
  r.standard = "X12";
  r.sender_qualifier = "ZZ";
  r.sender_id = w.run;
  r.receiver_qualifier = "ZZ";
  r.receiver_id = "ORDEX";
  r.control_number = control;
  r.content_hash = hash;
  r.received_at = 1700000000 + w.round;
  orders::SourceRef src;
  src.file_id = file_id;
  src.interchange_id = must(s.record_interchange(r));
  src.interchange = control;
  src.group = "1";
  src.set_id = set;
  src.received_at = r.received_at;
  must(s.begin());
  return src;
}

void document(Store& s, orders::SourceRef& src, int transaction, const std::string& po_number,
              const std::string& partner) {
  src.transaction = std::to_string(transaction);
  orders::DocumentRecord d;
  d.source = src;
  d.partner_id = partner;
  d.po_number = po_number;
  must(s.add_document(d));
}

void write_orders(Store& s, World& w, std::int64_t file_id) {
  orders::SourceRef src = begin_interchange(s, w, file_id, "850", 0);
  for (int i = 0; i < kOrdersPerRound; ++i) {
    orders::Order o;
    o.partner_id = w.customer;
    o.po_number = po(w, w.round, i);
    o.order_date = "2024-03-01";
    o.ship_by = "2024-03-05";
    o.due = "2024-03-08";
    o.ship_to = "ST0042";
    for (int l = 1; l <= kLinesPerDocument; ++l) {
      orders::OrderLine line;
      line.line_number = std::to_string(l);
      line.quantity = Decimal{l * 10000};
      line.uom = "EA";
      line.unit_price = Decimal{199900};
      line.sku = "SKU-" + std::to_string(l);
      line.upc = "01234567890" + std::to_string(l);
      o.lines.push_back(line);
    }
    document(s, src, i + 1, o.po_number, w.customer);
    o.source = src;
    must(s.put_order(o));
  }
  for (int i = 0; i < 2; ++i) {
    orders::OrderAcknowledgment a;
    a.partner_id = w.customer;
    a.po_number = po(w, w.round, i);
    a.ack_type = "AC";
    document(s, src, 100 + i, a.po_number, w.customer);
    a.source = src;
    for (int l = 1; l <= kLinesPerDocument; ++l) {
      orders::AckLine line;
      line.line_number = std::to_string(l);
      line.status = "IA";
      line.quantity = Decimal{l * 10000};
      a.lines.push_back(line);
    }
    must(s.add_order_ack(a));
  }
  must(s.commit());
}

void write_shipments_and_invoices(Store& s, World& w, std::int64_t file_id) {
  orders::SourceRef src = begin_interchange(s, w, file_id, "856", 1);
  for (int i = 0; i < 6; ++i) {
    orders::Shipment sh;
    sh.partner_id = w.customer;
    sh.shipment_id = "SH" + po(w, w.round, i);
    sh.po_numbers = {po(w, w.round, i)};
    sh.shipped_at = 1709700000;
    sh.bill_of_lading = "BOL" + po(w, w.round, i);
    for (int l = 1; l <= kLinesPerDocument; ++l) {
      orders::ShipmentItem item;
      item.po_number = sh.po_numbers[0];
      item.sku = "SKU-" + std::to_string(l);
      item.quantity = Decimal{l * 10000};
      item.uom = "EA";
      sh.items.push_back(item);
    }
    document(s, src, i + 1, sh.po_numbers[0], w.customer);
    sh.source = src;
    must(s.put_shipment(sh));
  }
  for (int i = 0; i < 4; ++i) {
    orders::Invoice inv;
    inv.partner_id = w.customer;
    inv.invoice_number = "IN" + po(w, w.round, i);
    inv.po_number = po(w, w.round, i);
    inv.total = Decimal{1500 * 10000};
    for (int l = 1; l <= kLinesPerDocument; ++l) {
      orders::InvoiceLine line;
      line.line_number = std::to_string(l);
      line.quantity = Decimal{l * 10000};
      line.unit_price = Decimal{199900};
      line.sku = "SKU-" + std::to_string(l);
      inv.lines.push_back(line);
    }
    document(s, src, 100 + i, inv.po_number, w.customer);
    inv.source = src;
    must(s.put_invoice(inv));
  }
  must(s.commit());
}

void write_events(Store& s, World& w, std::int64_t file_id) {
  orders::SourceRef src = begin_interchange(s, w, file_id, "214", 2);
  for (int i = 0; i < 6; ++i) {
    orders::ShipmentEvent e;
    e.carrier_id = w.carrier;
    e.po_number = po(w, w.round, i % 3);
    e.bill_of_lading = "BOL" + e.po_number;
    e.status = i < 3 ? "X3" : "D1";
    e.at = 1709800000 + i;
    e.city = "Dallas";
    document(s, src, i + 1, e.po_number, w.carrier);
    e.source = src;
    must(s.add_shipment_event(e));
  }
  must(s.commit());
}

void write_round(Store& s, World& w) {
  orders::InboundFile f;
  f.path = "in/" + w.run + "-" + std::to_string(w.round) + ".edi";
  f.sha256 = w.run + "-" + std::to_string(w.round);
  f.bytes = 40000;
  const std::int64_t file_id = must(s.record_file(f)).id;
  write_orders(s, w, file_id);
  write_shipments_and_invoices(s, w, file_id);
  write_events(s, w, file_id);
  ++w.round;
}

// Empty when the store holds exactly what `rounds` rounds wrote.
std::string check(Store& s, const World& w, std::int64_t rounds) {
  orders::OrderQuery q;
  q.partner_id = w.customer;
  auto list = s.list_orders(q);
  if (!list.ok()) return list.error();
  if (static_cast<std::int64_t>(list.value().size()) != rounds * kOrdersPerRound) {
    return "stored " + std::to_string(list.value().size()) + " orders, wrote " +
           std::to_string(rounds * kOrdersPerRound);
  }
  std::int64_t shipped = 0, delivered = 0;
  for (const orders::OrderSummary& o : list.value()) {
    if (o.ordered_qty != Decimal{150000}) return o.po_number + ": wrong ordered quantity";
    if (o.shipped_qty.e4 != 0) ++shipped;
    if (o.delivered_at) ++delivered;
  }
  if (shipped != rounds * 6 || delivered != rounds * 3) return "wrong shipments or deliveries";
  auto detail = s.order(w.customer, po(w, 0, 0));
  if (!detail.ok() || !detail.value()) return "order PO0 missing";
  const orders::OrderDetail& d = *detail.value();
  if (d.order.order.lines.size() != 5 || d.acks.size() != 1 || d.shipments.size() != 1 ||
      d.invoices.size() != 1 || d.events.size() != 2 || d.documents.size() != 4) {
    return "order PO0 does not have its documents: lines " +
           std::to_string(d.order.order.lines.size()) + " acks " + std::to_string(d.acks.size()) +
           " shipments " + std::to_string(d.shipments.size()) + " invoices " +
           std::to_string(d.invoices.size()) + " events " + std::to_string(d.events.size()) +
           " documents " + std::to_string(d.documents.size());
  }
  return "";
}

void run_store(benchmark::State& state, const std::string& url) {
  auto store = Store::open(url);
  if (!store.ok()) {
    state.SkipWithError(store.error().c_str());
    return;
  }
  Store& s = *store.value();
  World w;
  w.run = "B" + std::to_string(getpid()) + "T" +
          std::to_string(std::chrono::steady_clock::now().time_since_epoch().count() % 1000000);
  w.customer = "CUST" + w.run;
  w.carrier = "CARR" + w.run;
  orders::TradingPartner p;
  p.partner_id = w.customer;
  p.name = "Bench customer";
  must(s.upsert_partner(p));
  p.partner_id = w.carrier;
  p.role = orders::PartnerRole::kCarrier;
  must(s.upsert_partner(p));
  for (auto _ : state) write_round(s, w);
  if (const std::string problem = check(s, w, w.round); !problem.empty()) {
    state.SkipWithError(problem.c_str());
  }
  state.SetItemsProcessed(state.iterations() * kOrdersPerRound);
  state.counters["rows/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * kRowsPerRound, benchmark::Counter::kIsRate);
}

void BM_StoreSqlite(benchmark::State& state) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("ordex-store-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  run_store(state, (dir / "orders.db").string());
  std::filesystem::remove_all(dir);
}

void BM_StorePostgres(benchmark::State& state) {
  const char* url = std::getenv("ORDEX_BENCH_PG_URL");
  if (url == nullptr || *url == '\0') {
    state.SkipWithError("ORDEX_BENCH_PG_URL is not set (scripts/pg-test-cluster start)");
    return;
  }
  run_store(state, url);
}

BENCHMARK(BM_StoreSqlite)->Unit(benchmark::kMicrosecond)->MinTime(3.0)->UseRealTime();
BENCHMARK(BM_StorePostgres)->Unit(benchmark::kMicrosecond)->MinTime(3.0)->UseRealTime();

// --- The import, end to end.

struct IngestInput {
  std::filesystem::path dir, file;
  Manifest manifest;
};

const IngestInput& ingest_input() {
  static const IngestInput input = [] {
    IngestInput in;
    in.dir =
        std::filesystem::temp_directory_path() / ("ordex-ingest-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(in.dir);
    in.file = in.dir / "mix.x12";
    GeneratorOptions options;
    const char* mb = std::getenv("ORDEX_BENCH_INGEST_MB");
    options.target_bytes = std::uint64_t(mb ? std::atoi(mb) : 100) << 20;
    options.seed = 42;
    options.mix = {4, 0, 3, 2, 3};
    std::ofstream out(in.file, std::ios::binary);
    in.manifest = generate(options, out);
    return in;
  }();
  // The generated file goes when the program ends.
  static const struct Cleanup {
    std::filesystem::path dir;
    ~Cleanup() {
      std::error_code ignored;
      std::filesystem::remove_all(dir, ignored);
    }
  } cleanup{input.dir};
  return input;
}

class NoWrites final : public edi::EnvelopeHandler {};

void BM_ValidateReference(benchmark::State& state) {
  const IngestInput& in = ingest_input();
  auto schemas = edi::SchemaRegistry::embedded();
  for (auto _ : state) {
    edi::FileSource source(in.file.string());
    edi::SegmentReader reader(source);
    NoWrites none;
    edi::Validator validator(schemas.value(), none);
    edi::walk_envelopes(reader, validator, in.file.string());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(in.manifest.orders));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(in.manifest.bytes));
}

void run_ingest(benchmark::State& state, const std::string& url) {
  const IngestInput& in = ingest_input();
  auto schemas = edi::SchemaRegistry::embedded();
  auto store = Store::open(url, orders::ingest::store_options());
  if (!store.ok()) return state.SkipWithError(store.error().c_str());
  orders::ingest::IngestOptions options;
  options.now = 1700000000;
  orders::ingest::IngestCounts counts;
  for (auto _ : state) {
    orders::ingest::Ingestor ingest(*store.value(), schemas.value(), options);
    const orders::ingest::FileOutcome out = ingest.import_file(in.file.string());
    if (out.result != orders::ingest::FileResult::kImported) {
      return state.SkipWithError(("import failed: " + out.reason).c_str());
    }
    counts = ingest.totals();
  }
  const Manifest& m = in.manifest;
  if (static_cast<std::uint64_t>(counts.orders) != m.orders ||
      static_cast<std::uint64_t>(counts.interchanges) != m.interchanges ||
      static_cast<std::uint64_t>(counts.shipments) != m.shipments ||
      static_cast<std::uint64_t>(counts.invoices) != m.invoices ||
      counts.transactions_rejected != 0) {
    return state.SkipWithError("the import's counts differ from the manifest");
  }
  // Read back (the list holds every order in memory: up to ~200 MB of input, so that a 1 GB
  // run measures the import's memory, not the check's).
  if (m.bytes <= (std::uint64_t{200} << 20)) {
    auto listed = store.value()->list_orders();
    if (!listed.ok() || listed.value().size() != m.orders) {
      return state.SkipWithError("the store does not list the orders imported");
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(m.orders));
  state.SetBytesProcessed(static_cast<std::int64_t>(m.bytes));
}

void BM_IngestSqlite(benchmark::State& state) {
  const std::filesystem::path db = ingest_input().dir / "ingest.db";
  run_ingest(state, db.string());
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
}

void BM_IngestPostgres(benchmark::State& state) {
  const char* url = std::getenv("ORDEX_BENCH_INGEST_PG_URL");
  if (url == nullptr || *url == '\0') {
    return state.SkipWithError("ORDEX_BENCH_INGEST_PG_URL (an empty database) is not set");
  }
  run_ingest(state, url);
}

BENCHMARK(BM_ValidateReference)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_IngestSqlite)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_IngestPostgres)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

}  // namespace
}  // namespace ordex::bench

BENCHMARK_MAIN();
