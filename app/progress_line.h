#pragma once
// The progress line of `ordex run` on a terminal: files, MB done of the total, MB/s and ETA,
// redrawn in place on stderr at most five times a second and erased at the end. It draws
// nothing when stderr is not a terminal (a scheduler's log) or when disabled (--quiet).

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

#include "orders/ingest/ingest.h"

namespace ordex::app {

class ProgressLine final : public orders::ingest::IngestObserver {
 public:
  // `total_bytes`: the size of every input file; `files`: how many there are.
  ProgressLine(std::ostream& out, bool enabled, std::uint64_t total_bytes, std::size_t files);
  ~ProgressLine() override;

  void progress(const std::string& path, std::uint64_t done, std::uint64_t size) override;
  void after_import(orders::Store& store, const orders::ingest::FileOutcome& outcome) override;
  void clear();

 private:
  void draw(std::uint64_t done_bytes);

  std::ostream& out_;
  bool enabled_;
  std::uint64_t total_bytes_;
  std::size_t files_;
  std::size_t files_done_ = 0;
  std::uint64_t bytes_before_ = 0;  // of the files already done
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false;
};

// True when file descriptor 2 is a terminal.
bool stderr_is_terminal();

}  // namespace ordex::app
