#include "app/orders_command.h"

#include <Poco/Util/Option.h>

#include <iostream>

#include "app/order_list.h"
#include "app/order_timeline.h"
#include "orders/store.h"

namespace ordex::app {

using Poco::Util::Option;

std::string OrdersCommand::synopsis() const {
  return "orders list|show --db PATH [--format table|json|csv] [PO]";
}

std::string OrdersCommand::description() const {
  return "list: one line per order (partner, po, order_date, ship_by, due, status, "
         "ordered_qty, shipped_qty, delivered_at, open_exceptions). show PO: the order's "
         "timeline, every document and carrier event in time order with the file it came from.";
}

void OrdersCommand::define_options(Poco::Util::OptionSet& options) const {
  options.addOption(
      Option("db", "d", "the database: a SQLite path or a postgresql:// URL").argument("PATH"));
  options.addOption(
      Option("format", "f", "list output: table (default), json (one object per line) or csv")
          .argument("FORMAT"));
}

namespace {

int show(orders::Store& store, const std::string& po) {
  auto partners = store.partners_with_po(po);
  if (!partners.ok()) {
    std::cerr << "ordex orders: " << partners.error() << '\n';
    return kExitUsage;
  }
  if (partners.value().empty()) {
    std::cerr << "ordex orders: no order " << po << '\n';
    return kExitRejected;
  }
  for (const std::string& partner : partners.value()) {
    auto detail = store.order(partner, po);
    if (!detail.ok()) {
      std::cerr << "ordex orders: " << detail.error() << '\n';
      return kExitUsage;
    }
    if (detail.value()) print_order_detail(std::cout, *detail.value());
  }
  return kExitOk;
}

}  // namespace

int OrdersCommand::run(const Arguments& args) {
  const std::string verb = args.positional.empty() ? "" : args.positional[0];
  if (verb != "list" && verb != "show") throw UsageError{"expected: orders list|show --db PATH"};
  if (verb == "show" && args.positional.size() != 2)
    throw UsageError{"expected: orders show --db PATH PO"};
  if (verb == "list" && args.positional.size() != 1)
    throw UsageError{"orders list takes no arguments"};
  if (!args.has("db")) throw UsageError{"--db PATH is required"};
  const ListFormat format = parse_list_format(args.get("format", "table"));
  orders::StoreOptions options;
  options.read_only = true;
  auto store = orders::Store::open(args.get("db"), options);
  if (!store.ok()) {
    std::cerr << "ordex orders: cannot open the database " << args.get("db") << ": "
              << store.error() << '\n';
    return kExitUsage;
  }
  if (verb == "show") return show(*store.value(), args.positional[1]);
  auto list = store.value()->list_orders();
  if (!list.ok()) {
    std::cerr << "ordex orders: " << list.error() << '\n';
    return kExitUsage;
  }
  print_order_list(std::cout, list.value(), format);
  return kExitOk;
}

}  // namespace ordex::app
