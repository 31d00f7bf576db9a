#pragma once
// Writes acknowledgments as files in one folder, each atomically (written under a temporary
// name, then renamed), so a scheduler picking up the folder never sees half a file.

#include <set>
#include <string>

#include "edi/ack_builder.h"

namespace ordex::app {

class AckDirectory final : public edi::AckSink {
 public:
  // Creates `dir` if needed; throws UsageError when it cannot be created.
  explicit AckDirectory(std::string dir);
  void write(const edi::Ack& ack) override;

  std::size_t written() const { return written_; }
  // Files that could not be written ("PATH: reason"); the caller turns them into exit code 2.
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  std::string unique_name(const std::string& name);

  std::string dir_;
  std::set<std::string> used_;
  std::size_t written_ = 0;
  std::vector<std::string> errors_;
};

}  // namespace ordex::app
