#pragma once
// The table cmake/embed_web_assets.cmake generates from app/web/assets/ at build time, sorted by
// path. Internal to ordex_app_web: everyone else asks find_web_asset().

#include <span>

#include "app/web/web_assets.h"

namespace ordex::app::web {

std::span<const WebAsset> embedded_web_assets();

}  // namespace ordex::app::web
