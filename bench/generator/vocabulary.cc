#include "vocabulary.h"

#include <array>

namespace ordex::bench::vocabulary {
namespace {

constexpr std::array<City, 24> kCities = {{
    {"Chicago", "IL", "606", "CT"},      {"O'Fallon", "MO", "633", "CT"},
    {"Dallas", "TX", "752", "CT"},       {"Memphis", "TN", "381", "CT"},
    {"Atlanta", "GA", "303", "ET"},      {"Columbus", "OH", "432", "ET"},
    {"Charlotte", "NC", "282", "ET"},    {"Newark", "NJ", "071", "ET"},
    {"Allentown", "PA", "181", "ET"},    {"Jacksonville", "FL", "322", "ET"},
    {"Denver", "CO", "802", "MT"},       {"Salt Lake City", "UT", "841", "MT"},
    {"Phoenix", "AZ", "850", "MT"},      {"Coeur d'Alene", "ID", "838", "PT"},
    {"Reno", "NV", "895", "PT"},         {"Ontario", "CA", "917", "PT"},
    {"Fresno", "CA", "937", "PT"},       {"Portland", "OR", "972", "PT"},
    {"Tacoma", "WA", "984", "PT"},       {"Kansas City", "MO", "641", "CT"},
    {"Indianapolis", "IN", "462", "ET"}, {"Louisville", "KY", "402", "ET"},
    {"Minneapolis", "MN", "554", "CT"},  {"Omaha", "NE", "681", "CT"},
}};

constexpr std::array<std::string_view, 16> kStreets = {
    "Maple Ave",    "Industrial Pkwy", "Commerce Dr",      "Logistics Blvd",
    "Main St",      "Harbor Rd",       "Distribution Way", "Oak St",
    "Airport Rd",   "Elm St",          "Riverside Dr",     "Gateway Blvd",
    "Warehouse Ln", "Cedar Ct",        "Enterprise Ave",   "Freight Center Dr"};

constexpr std::array<std::string_view, 24> kCompanyWords = {
    "Northwind", "Bluebird", "Summit",    "Harbor",     "Prairie",   "Keystone",
    "Redwood",   "Lakeside", "Granite",   "Silverline", "Evergreen", "Pioneer",
    "Beacon",    "Meadow",   "Baker's",   "Ironwood",   "Sunrise",   "Cascade",
    "Frontier",  "Heritage", "Riverbend", "Oakmont",    "Crescent",  "Tidewater"};

constexpr std::array<std::string_view, 8> kCompanySuffixes = {
    "Retail", "Stores", "Market", "Outfitters", "Home & Garden", "Grocers", "Supply", "Hardware"};

constexpr std::array<std::string_view, 20> kItemAdjectives = {
    "Classic",  "Deluxe",    "Compact", "Heavy-Duty", "Organic", "Premium", "Everyday",
    "Large",    "Small",     "Family",  "Travel",     "Outdoor", "Kitchen", "Garden",
    "Cordless", "Insulated", "Value",   "Pro",        "Eco",     "Ultra"};

constexpr std::array<std::string_view, 12> kItemMaterials = {
    "Steel", "Cotton", "Bamboo", "Ceramic",  "Glass",    "Oak",
    "Nylon", "Copper", "Wool",   "Silicone", "Aluminum", "Linen"};

constexpr std::array<std::string_view, 24> kItemNouns = {
    "Water Bottle", "Cutting Board",  "Towel Set",  "Lantern",       "Garden Hose", "Mixing Bowl",
    "Backpack",     "Drill Bit Set",  "Coffee Mug", "Throw Blanket", "Storage Bin", "Skillet",
    "Work Gloves",  "Desk Lamp",      "Doormat",    "Tool Box",      "Pillow",      "Rain Jacket",
    "Cooler",       "Extension Cord", "Candle",     "Planter",       "Notebook",    "Umbrella"};

constexpr std::array<std::string_view, 8> kTrickyDescriptions = {
    "Kids' Rain Boots", "Batteries AA 2+1 Pack", "Paint Mix Ratio 3:1", "Why Not? Party Game",
    "Chef's Knife 8in", "Dog + Cat Treats",      "Men's Socks 6-Pack",  "Trivia: What's Next?"};

constexpr std::array<std::string_view, 8> kRemarks = {"Deliver to dock 3: rear entrance",
                                                      "Call ahead? Receiving closes at 4pm",
                                                      "Customer's request: no substitutions",
                                                      "Pallets max 1.5m high + wrapped",
                                                      "Lift gate required",
                                                      "Don't stack: fragile goods",
                                                      "Appointment needed? Call +1 555 0100",
                                                      "Mark cartons with store number"};

constexpr std::array<Carrier, 6> kCarriers = {{
    {"ACMT", "Acme Motor Transport"},
    {"BLRX", "Blue Ridge Express"},
    {"CNVY", "Convoy Line Haul"},
    {"DLTF", "Delta Freightways"},
    {"EXPW", "Expressway Carriers"},
    {"FRTL", "Frontier Truck Lines"},
}};

}  // namespace

std::span<const City> cities() { return kCities; }
std::span<const std::string_view> streets() { return kStreets; }
std::span<const std::string_view> company_words() { return kCompanyWords; }
std::span<const std::string_view> company_suffixes() { return kCompanySuffixes; }
std::span<const std::string_view> item_adjectives() { return kItemAdjectives; }
std::span<const std::string_view> item_materials() { return kItemMaterials; }
std::span<const std::string_view> item_nouns() { return kItemNouns; }
std::span<const std::string_view> tricky_descriptions() { return kTrickyDescriptions; }
std::span<const std::string_view> remarks() { return kRemarks; }
std::span<const Carrier> carriers() { return kCarriers; }

}  // namespace ordex::bench::vocabulary
