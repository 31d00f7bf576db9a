// Reads of master data and of what an import recorded. Each flushes buffered writes first.
#include "orders/store.h"
#include "orders/store_impl.h"

namespace ordex::orders {

namespace {

TradingPartner partner_at(const Query& q, std::size_t row) {
  TradingPartner p;
  p.partner_id = q.text(row, 0);
  p.name = q.text(row, 1);
  p.role = role_from(q.text(row, 2)).value_or(PartnerRole::kCustomer);
  p.qualifier = q.text(row, 3);
  p.edi_id = q.text(row, 4);
  p.timezone = q.text(row, 5);
  p.registered = q.integer(row, 6) != 0;
  return p;
}

Item item_at(const Query& q, std::size_t row) {
  Item item;
  item.partner_id = q.text(row, 0);
  item.sku = q.text(row, 1);
  item.upc = q.text(row, 2);
  item.description = q.text(row, 3);
  item.uom = q.text(row, 4);
  item.unit_price = Decimal{q.integer(row, 5)};
  return item;
}

Result<std::optional<TradingPartner>> one_partner(Store::Impl& impl, Query& q) {
  if (Status s = impl.read(q); !s.ok()) return Failure{s.error()};
  if (q.rows() == 0) return std::optional<TradingPartner>();
  return std::optional<TradingPartner>(partner_at(q, 0));
}

Result<std::optional<Item>> one_item(Store::Impl& impl, Query& q) {
  if (Status s = impl.read(q); !s.ok()) return Failure{s.error()};
  if (q.rows() == 0) return std::optional<Item>();
  return std::optional<Item>(item_at(q, 0));
}

}  // namespace

DocumentRecord document_at(const Query& q, std::size_t row) {
  DocumentRecord d;
  d.source = read_source(q, row, 0);
  d.partner_id = q.text(row, 7);
  d.po_number = q.text(row, 8);
  d.status = document_status_from(q.text(row, 9)).value_or(DocumentStatus::kRejected);
  d.findings = q.integer(row, 10);
  return d;
}

Result<std::optional<TradingPartner>> Store::partner(const std::string& partner_id) {
  Query& q = impl_->query(Q::kPartnerById);
  q.set(0, partner_id);
  return one_partner(*impl_, q);
}

Result<std::optional<TradingPartner>> Store::partner_by_edi_id(const std::string& qualifier,
                                                               const std::string& edi_id) {
  Query& q = impl_->query(Q::kPartnerByEdiId);
  q.set(0, qualifier);
  q.set(1, edi_id);
  return one_partner(*impl_, q);
}

Result<std::optional<Item>> Store::item_by_sku(const std::string& partner_id,
                                               const std::string& sku) {
  Query& q = impl_->query(Q::kItemBySku);
  q.set(0, partner_id);
  q.set(1, sku);
  return one_item(*impl_, q);
}

Result<std::optional<Item>> Store::item_by_upc(const std::string& partner_id,
                                               const std::string& upc) {
  Query& q = impl_->query(Q::kItemByUpc);
  q.set(0, partner_id);
  q.set(1, upc);
  return one_item(*impl_, q);
}

Result<std::optional<Location>> Store::location(const std::string& partner_id,
                                                const std::string& location_code) {
  Query& q = impl_->query(Q::kLocation);
  q.set(0, partner_id);
  q.set(1, location_code);
  if (Status s = impl_->read(q); !s.ok()) return Failure{s.error()};
  if (q.rows() == 0) return std::optional<Location>();
  Location l;
  l.partner_id = q.text(0, 0);
  l.location_code = q.text(0, 1);
  l.name = q.text(0, 2);
  l.address = q.text(0, 3);
  l.city = q.text(0, 4);
  l.state = q.text(0, 5);
  l.postal_code = q.text(0, 6);
  l.country = q.text(0, 7);
  return std::optional<Location>(std::move(l));
}

Result<std::optional<InboundFile>> Store::file_by_hash(const std::string& sha256) {
  Query& q = impl_->query(Q::kFileByHash);
  q.set(0, sha256);
  if (Status s = impl_->read(q); !s.ok()) return Failure{s.error()};
  if (q.rows() == 0) return std::optional<InboundFile>();
  InboundFile f;
  f.id = q.integer(0, 0);
  f.path = q.text(0, 1);
  f.sha256 = q.text(0, 2);
  f.bytes = q.integer(0, 3);
  f.disposition = disposition_from(q.text(0, 4)).value_or(FileDisposition::kArchived);
  f.reason = q.text(0, 5);
  f.imported_at = q.integer(0, 6);
  return std::optional<InboundFile>(std::move(f));
}

Result<std::vector<DocumentRecord>> Store::documents_in_file(std::int64_t file_id) {
  Query& q = impl_->query(Q::kDocumentsInFile);
  q.set(0, file_id);
  if (Status s = impl_->read(q); !s.ok()) return Failure{s.error()};
  std::vector<DocumentRecord> out;
  for (std::size_t r = 0; r < q.rows(); ++r) out.push_back(document_at(q, r));
  return out;
}

Result<std::vector<FindingRecord>> Store::findings_in_file(std::int64_t file_id) {
  Query& q = impl_->query(Q::kFindingsInFile);
  q.set(0, file_id);
  if (Status s = impl_->read(q); !s.ok()) return Failure{s.error()};
  std::vector<FindingRecord> out;
  for (std::size_t r = 0; r < q.rows(); ++r) {
    out.push_back(FindingRecord{q.integer(r, 0), q.text(r, 1), q.text(r, 2), q.text(r, 3),
                                q.text(r, 4), q.text(r, 5), q.integer(r, 6), q.integer(r, 7),
                                q.integer(r, 8), q.integer(r, 9), q.text(r, 10), q.text(r, 11),
                                q.text(r, 12)});
  }
  return out;
}

Result<std::vector<OutboundGroupStatus>> Store::outbound_groups() {
  Query& q = impl_->query(Q::kOutboundGroups);
  if (Status s = impl_->read(q); !s.ok()) return Failure{s.error()};
  std::vector<OutboundGroupStatus> out;
  for (std::size_t r = 0; r < q.rows(); ++r) {
    OutboundGroupStatus g;
    g.group.partner_id = q.text(r, 0);
    g.group.functional_id = q.text(r, 1);
    g.group.group_control = q.text(r, 2);
    g.group.sent_at = q.integer(r, 3);
    g.group.source = read_source(q, r, 4);
    g.ack_status = q.text(r, 11);
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace ordex::orders
