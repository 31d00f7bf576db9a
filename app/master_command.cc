#include "app/master_command.h"

#include <Poco/Util/Option.h>

#include <iostream>

#include "orders/master_data.h"
#include "orders/store.h"

namespace ordex::app {

using Poco::Util::Option;

std::string MasterCommand::synopsis() const { return "master load --db PATH DIR"; }

std::string MasterCommand::description() const {
  return "Loads master data from DIR into the database, upserting by key: partners.csv "
         "(partner_id,name,role,qualifier,edi_id,timezone), items.csv "
         "(partner_id,sku,upc,description,uom,unit_price) and locations.csv "
         "(partner_id,location_code,name,address,city,state,postal_code,country). Each file is "
         "optional and needs its header row. A bad row is reported as file:line: reason and "
         "skipped; good rows still load. Exit code 0: everything loaded; 1: rows were "
         "rejected; 2: a usage, I/O or database error (nothing is written).";
}

void MasterCommand::define_options(Poco::Util::OptionSet& options) const {
  options.addOption(Option("db", "d", "the database: a SQLite path or a postgresql:// URL")
                        .required(true)
                        .argument("PATH"));
}

namespace {

void print_summary(const orders::MasterLoadReport& report) {
  for (const orders::MasterFileSummary& f : report.files) {
    if (!f.present) {
      std::cout << f.file << ": not present\n";
      continue;
    }
    std::cout << f.file << ": " << f.loaded << " loaded, " << f.updated << " updated, "
              << f.rejected << " rejected\n";
  }
}

}  // namespace

int MasterCommand::run(const Arguments& args) {
  if (args.positional.size() != 2 || args.positional[0] != "load") {
    throw UsageError{"expected: master load --db PATH DIR"};
  }
  auto store = orders::Store::open(args.get("db"));
  if (!store.ok()) {
    std::cerr << "ordex master: " << store.error() << '\n';
    return kExitUsage;
  }
  orders::MasterDataLoader loader(*store.value(), orders::zoneinfo_time_zones());
  const auto report = loader.load_folder(args.positional[1]);
  if (!report.ok()) {
    std::cerr << "ordex master: " << report.error() << '\n';
    return kExitUsage;
  }
  for (const std::string& e : report.value().errors) std::cerr << e << '\n';
  print_summary(report.value());
  return report.value().rejected() > 0 ? kExitRejected : kExitOk;
}

}  // namespace ordex::app
