// The embedded web assets are the files in app/web/assets/, byte for byte, with the content
// type a browser needs under the daemon's nosniff header and an ETag that follows the bytes.
#include "app/web/web_assets.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace ordex::app::web {
namespace {

const std::filesystem::path kAssetDir = std::filesystem::path(ORDEX_SOURCE_DIR) / "app/web/assets";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(WebAssets, IndexIsTheFileOnDiskAsHtml) {
  const WebAsset* index = find_web_asset("index.html");
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->path, "index.html");
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  const std::string on_disk = read_file(kAssetDir / "index.html");
  ASSERT_FALSE(on_disk.empty());
  EXPECT_EQ(index->body, on_disk);
}

TEST(WebAssets, ScriptsAndStylesHaveTheirOwnContentTypes) {
  const WebAsset* script = find_web_asset("app.js");
  ASSERT_NE(script, nullptr);
  // Module scripts are refused by browsers unless served with a JavaScript MIME type.
  EXPECT_EQ(script->content_type, "text/javascript; charset=utf-8");
  const WebAsset* style = find_web_asset("app.css");
  ASSERT_NE(style, nullptr);
  EXPECT_EQ(style->content_type, "text/css; charset=utf-8");
}

TEST(WebAssets, EveryFileInTheFolderIsEmbeddedByteForByte) {
  int count = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kAssetDir)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().lexically_relative(kAssetDir).generic_string();
    const WebAsset* asset = find_web_asset(name);
    ASSERT_NE(asset, nullptr) << name << " is in app/web/assets/ but not in ORDEX_WEB_ASSETS "
                              << "(app/web/CMakeLists.txt)";
    EXPECT_EQ(asset->body, read_file(entry.path())) << name;
    ++count;
  }
  EXPECT_GE(count, 3);
}

TEST(WebAssets, EtagsAreQuotedAndDifferPerFile) {
  std::set<std::string> seen;
  for (const char* name : {"index.html", "app.js", "app.css"}) {
    const WebAsset* asset = find_web_asset(name);
    ASSERT_NE(asset, nullptr) << name;
    ASSERT_GE(asset->etag.size(), 18u) << name;
    EXPECT_EQ(asset->etag.front(), '"') << name;
    EXPECT_EQ(asset->etag.back(), '"') << name;
    seen.insert(std::string(asset->etag));
  }
  EXPECT_EQ(seen.size(), 3u);
}

TEST(WebAssets, UnknownPathsAreNotFound) {
  EXPECT_EQ(find_web_asset("no-such-file.js"), nullptr);
  EXPECT_EQ(find_web_asset(""), nullptr);
  // Paths are relative to the asset folder: the HTTP side strips "/assets/" first.
  EXPECT_EQ(find_web_asset("/index.html"), nullptr);
  EXPECT_EQ(find_web_asset("index.htm"), nullptr);
  EXPECT_EQ(find_web_asset("index.html/"), nullptr);
}

}  // namespace
}  // namespace ordex::app::web
