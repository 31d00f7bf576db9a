// The web work queue's files, from the assets compiled into the binary (app/web): GET / and
// /ui/... give index.html (the page routes itself from the path), /assets/<name> the named
// file. Public: the page holds no data; it asks the API, which checks the session.
#include "app/http/api_error.h"
#include "app/http/exchange.h"
#include "app/http/routes.h"
#include "app/web/web_assets.h"

namespace ordex::app::http {

namespace {

void send_asset(Exchange& ex, const web::WebAsset& asset) {
  auto& response = ex.response();
  response.set("ETag", std::string(asset.etag));
  // Names are not content-hashed: a browser must ask again each time, and gets a 304 while the
  // ETag (the body's digest) still matches.
  response.set("Cache-Control", "no-cache");
  const auto& request = ex.request();
  if (request.has("If-None-Match") && request.get("If-None-Match") == asset.etag) {
    return ex.no_content(304);
  }
  ex.send(200, asset.content_type, asset.body);
}

void index_page(Exchange& ex) {
  const web::WebAsset* page = web::find_web_asset("index.html");
  if (page == nullptr) throw not_found("this build has no web assets");
  send_asset(ex, *page);
}

void asset(Exchange& ex) {
  const std::string& name = ex.param("*");
  const web::WebAsset* found = web::find_web_asset(name);
  if (found == nullptr) throw not_found("no asset " + name);
  send_asset(ex, *found);
}

}  // namespace

void add_web_routes(Router& router) {
  router.add({"GET", "/", std::nullopt, index_page});
  router.add({"GET", "/ui", std::nullopt, index_page});
  router.add({"GET", "/ui/*", std::nullopt, index_page});
  router.add({"GET", "/assets/*", std::nullopt, asset});
}

}  // namespace ordex::app::http
