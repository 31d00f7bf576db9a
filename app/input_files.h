#pragma once
// Expands the FILE... arguments of a verb: files as given, folders to the regular files
// below them in name order (so a run over a folder is reproducible).

#include <string>
#include <vector>

namespace ordex::app {

struct InputFiles {
  std::vector<std::string> files;
  std::vector<std::string> errors;  // "PATH: reason" for arguments that cannot be read
};

InputFiles expand_inputs(const std::vector<std::string>& arguments);

}  // namespace ordex::app
