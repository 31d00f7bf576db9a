#include "app/web/web_assets.h"

#include <algorithm>

#include "app/web/embedded_web_assets.h"

namespace ordex::app::web {

const WebAsset* find_web_asset(std::string_view path) {
  // The generator sorts the table by path, so a lookup per request is a binary search.
  const std::span<const WebAsset> assets = embedded_web_assets();
  const auto it = std::lower_bound(
      assets.begin(), assets.end(), path,
      [](const WebAsset& asset, std::string_view wanted) { return asset.path < wanted; });
  if (it == assets.end() || it->path != path) return nullptr;
  return &*it;
}

}  // namespace ordex::app::web
