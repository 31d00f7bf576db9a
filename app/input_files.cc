#include "app/input_files.h"

#include <algorithm>
#include <filesystem>

namespace ordex::app {

namespace fs = std::filesystem;

InputFiles expand_inputs(const std::vector<std::string>& arguments) {
  InputFiles out;
  for (const std::string& arg : arguments) {
    std::error_code ec;
    const fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      out.errors.push_back(arg + ": no such file or folder");
      continue;
    }
    if (!fs::is_directory(st)) {
      out.files.push_back(arg);
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator
             it(arg, fs::directory_options::skip_permission_denied, ec),
         end;
         !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (it->is_regular_file(ec) && !name.empty() && name[0] != '.')
        found.push_back(it->path().string());
    }
    if (ec) out.errors.push_back(arg + ": " + ec.message());
    std::sort(found.begin(), found.end());
    out.files.insert(out.files.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace ordex::app
