#include "app/http/paging.h"

#include "app/http/exception_query.h"
#include "app/http/exchange.h"
#include "app/http/json_out.h"

namespace ordex::app::http {

Page page_of(const Exchange& ex) {
  // The work queue's parser checks these two the same way; only they are passed on.
  Parameters paging;
  for (const auto& [name, value] : ex.query_params()) {
    if (name == "limit" || name == "offset") paging.emplace_back(name, value);
  }
  const exceptions::ExceptionFilter f = parse_exception_query(paging, "", true);
  return Page{f.limit, f.offset};
}

JsonOut page_object(const std::string& items, const Page& page, bool more) {
  JsonOut o('{');
  o.key("items").raw(items).key("limit").integer(page.limit).key("offset").integer(page.offset);
  o.key("next_offset");
  if (more) {
    o.integer(page.offset + page.limit);
  } else {
    o.null();
  }
  return o;
}

}  // namespace ordex::app::http
