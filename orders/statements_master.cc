// Statements for master data: trading partners, their price lists and their locations.
#include "orders/statements.h"

namespace ordex::orders {

const QuerySpec kMasterQueries[] = {
    {Q::kPartnerById, "partner_by_id", "t", "tttttti",
     "SELECT partner_id, name, role, qualifier, edi_id, timezone, registered FROM partners "
     "WHERE partner_id = ?"},
    {Q::kPartnerByEdiId, "partner_by_edi_id", "tt", "tttttti",
     "SELECT partner_id, name, role, qualifier, edi_id, timezone, registered FROM partners "
     "WHERE qualifier = ? AND edi_id = ? AND edi_id <> ''"},
    {Q::kItemBySku, "item_by_sku", "tt",
     "ttttt"
     "i",
     "SELECT partner_id, sku, upc, description, uom, unit_price_e4 FROM items "
     "WHERE partner_id = ? AND sku = ?"},
    {Q::kItemByUpc, "item_by_upc", "tt",
     "ttttt"
     "i",
     "SELECT partner_id, sku, upc, description, uom, unit_price_e4 FROM items "
     "WHERE partner_id = ? AND upc = ? AND upc <> '' ORDER BY sku LIMIT 1"},
    {Q::kLocation, "location", "tt", "tttttttt",
     "SELECT partner_id, location_code, name, address, city, state, postal_code, country "
     "FROM locations WHERE partner_id = ? AND location_code = ?"},
};
const std::size_t kMasterQueryCount = std::size(kMasterQueries);

#define ORDEX_PARTNER_COLUMNS \
  "partner_id:t name:t role:t qualifier:t edi_id:t timezone:t registered:i"
#define ORDEX_PARTNER_INSERT                                                                \
  "INSERT INTO partners (partner_id, name, role, qualifier, edi_id, timezone, registered) " \
  "SELECT :partner_id, :name, :role, :qualifier, :edi_id, :timezone, :registered {rows} "   \
  "WHERE true "

const BatchSpec kMasterBatches[] = {
    {B::kPartners,
     "partners",
     ORDEX_PARTNER_COLUMNS,
     {ORDEX_PARTNER_INSERT
      "ON CONFLICT (partner_id) DO UPDATE SET name = excluded.name, role = excluded.role, "
      "qualifier = excluded.qualifier, edi_id = excluded.edi_id, "
      "timezone = excluded.timezone, registered = excluded.registered",
      nullptr, nullptr}},
    // Unregistered partners made from an interchange id: never overwrite anything.
    {B::kPartnersEnsure,
     "partners_ensure",
     ORDEX_PARTNER_COLUMNS,
     {ORDEX_PARTNER_INSERT "ON CONFLICT DO NOTHING", nullptr, nullptr}},
    {B::kItems,
     "items",
     "partner_id:t sku:t upc:t description:t uom:t unit_price_e4:i",
     {"INSERT INTO items (partner_id, sku, upc, description, uom, unit_price_e4) "
      "SELECT :partner_id, :sku, :upc, :description, :uom, :unit_price_e4 {rows} WHERE true "
      "ON CONFLICT (partner_id, sku) DO UPDATE SET upc = excluded.upc, "
      "description = excluded.description, uom = excluded.uom, "
      "unit_price_e4 = excluded.unit_price_e4",
      nullptr, nullptr}},
    {B::kLocations,
     "locations",
     "partner_id:t location_code:t name:t address:t city:t state:t postal_code:t country:t",
     {"INSERT INTO locations (partner_id, location_code, name, address, city, state, "
      "postal_code, country) SELECT :partner_id, :location_code, :name, :address, :city, "
      ":state, :postal_code, :country {rows} WHERE true "
      "ON CONFLICT (partner_id, location_code) DO UPDATE SET name = excluded.name, "
      "address = excluded.address, city = excluded.city, state = excluded.state, "
      "postal_code = excluded.postal_code, country = excluded.country",
      nullptr, nullptr}},
};
const std::size_t kMasterBatchCount = std::size(kMasterBatches);

#undef ORDEX_PARTNER_COLUMNS
#undef ORDEX_PARTNER_INSERT

}  // namespace ordex::orders
