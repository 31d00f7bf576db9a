#include "app/progress_line.h"

#include <unistd.h>

#include <cstdio>
#include <ostream>

namespace ordex::app {

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

ProgressLine::ProgressLine(std::ostream& out, bool enabled, std::uint64_t total_bytes,
                           std::size_t files)
    : out_(out),
      enabled_(enabled),
      total_bytes_(total_bytes),
      files_(files),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

ProgressLine::~ProgressLine() { clear(); }

void ProgressLine::progress(const std::string& /*path*/, std::uint64_t done,
                            std::uint64_t /*size*/) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  draw(bytes_before_ + done);
}

void ProgressLine::after_import(orders::Store& /*store*/,
                                const orders::ingest::FileOutcome& outcome) {
  ++files_done_;
  bytes_before_ += static_cast<std::uint64_t>(outcome.counts.bytes);
}

void ProgressLine::draw(std::uint64_t done_bytes) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double mb = static_cast<double>(done_bytes) / 1e6;
  const double total_mb = static_cast<double>(total_bytes_) / 1e6;
  const double rate = seconds > 0 ? mb / seconds : 0;
  const long eta = rate > 0 ? static_cast<long>((total_mb - mb) / rate) : 0;
  char line[160];
  std::snprintf(line, sizeof line, "\r%zu/%zu files  %.1f/%.1f MB  %.1f MB/s  ETA %ld:%02ld ",
                files_done_, files_, mb, total_mb, rate, eta / 60, eta % 60);
  out_ << line << std::flush;
  drawn_ = true;
}

void ProgressLine::clear() {
  if (!drawn_) return;
  out_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace ordex::app
