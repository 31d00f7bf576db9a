#pragma once
// The web work queue's files (HTML, CSS, JavaScript, icons), compiled into the binary from
// app/web/assets/ so the daemon serves them with no build step and no files to deploy.

#include <string_view>

namespace ordex::app::web {

struct WebAsset {
  std::string_view path;          // "index.html", "app.js", ... (relative to app/web/assets/)
  std::string_view content_type;  // "text/html; charset=utf-8", ...
  std::string_view body;
  std::string_view etag;          // a digest of the body, quoted, for If-None-Match
};

// nullptr when there is no such asset.
const WebAsset* find_web_asset(std::string_view path);

}  // namespace ordex::app::web
