#pragma once
// An order's timeline as JSON (GET /api/v1/orders/{partner}/{po}, and the "order" member of an
// exception's detail): the order's summary fields, then every document and carrier event in
// time order, as `ordex orders show` lists them (app/order_timeline.h), each with its source.

#include <string>

#include "orders/store_records.h"

namespace ordex::app::http {

std::string order_timeline_json(const orders::OrderDetail& detail);

}  // namespace ordex::app::http
