#pragma once
// limit / offset query parameters of the listings that are not the work queue (orders,
// imports): limit 1..500 (default 50), offset >= 0; a bad value is 400 bad_request.

#include <cstdint>
#include <string>

#include "app/http/json_out.h"

namespace ordex::app::http {

class Exchange;

struct Page {
  std::int64_t limit = 50;
  std::int64_t offset = 0;
};

Page page_of(const Exchange& exchange);

// {"items":[...],"limit","offset","next_offset"} for a page read with one extra row: `items`
// holds the page's JSON objects, `more` says whether the extra row was there. Left open, for
// members of the listing's own.
JsonOut page_object(const std::string& items, const Page& page, bool more);
inline std::string page_json(const std::string& items, const Page& page, bool more) {
  return page_object(items, page, more).close();
}

}  // namespace ordex::app::http
