#include "app/serve/daemon_state.h"

#include "orders/json_text.h"

namespace ordex::app::serve {

void StopSignal::raise() {
  {
    std::lock_guard lock(mutex_);
    raised_ = true;
  }
  cv_.notify_all();
}

bool StopSignal::wait_for(std::chrono::milliseconds d) {
  std::unique_lock lock(mutex_);
  return cv_.wait_for(lock, d, [this] { return raised_.load(); });
}

void DaemonState::count_file(const orders::ingest::FileOutcome& outcome) {
  std::lock_guard lock(mutex_);
  ++imports_[orders::ingest::to_string(outcome.result)];
  bytes_ += outcome.counts.bytes;
  findings_ += outcome.counts.findings;
  interchanges_ += outcome.counts.interchanges;
  orders_ += outcome.counts.orders;
}

void DaemonState::count_sweep(bool ok) {
  std::lock_guard lock(mutex_);
  ++(ok ? sweeps_ok_ : sweeps_failed_);
}

void DaemonState::set_job(const JobStatus& status) {
  std::lock_guard lock(mutex_);
  jobs_[status.name] = status;
}

void DaemonState::forget_jobs() {
  std::lock_guard lock(mutex_);
  jobs_.clear();
}

void DaemonState::hold_lease(const std::string& name) {
  std::lock_guard lock(mutex_);
  leases_.insert(name);
}

void DaemonState::drop_lease(const std::string& name) {
  std::lock_guard lock(mutex_);
  leases_.erase(name);
}

std::set<std::string> DaemonState::held_leases() const {
  std::lock_guard lock(mutex_);
  return leases_;
}

void DaemonState::request_sweep(std::int64_t now) {
  std::lock_guard lock(mutex_);
  if (!sweep_requested_) sweep_requested_ = now;
}

std::optional<std::int64_t> DaemonState::sweep_requested() const {
  std::lock_guard lock(mutex_);
  return sweep_requested_;
}

void DaemonState::sweep_done(std::int64_t started) {
  std::lock_guard lock(mutex_);
  last_sweep_ = started;
  if (sweep_requested_ && *sweep_requested_ <= started) sweep_requested_.reset();
}

std::string DaemonState::jobs_json() const {
  std::lock_guard lock(mutex_);
  std::string out = "{\"daemon\":";
  orders::append_json_string(out, daemon_);
  out += std::string(",\"ready\":") + (ready() ? "true" : "false") + ",\"jobs\":[";
  bool first = true;
  for (const auto& [name, j] : jobs_) {
    if (!first) out += ",";
    first = false;
    out += "{\"name\":";
    orders::append_json_string(out, j.name);
    out += ",\"inbox\":";
    orders::append_json_string(out, j.inbox);
    out += ",\"schedule\":";
    orders::append_json_string(out, j.schedule);
    out += std::string(",\"running\":") + (j.running ? "true" : "false");
    const std::pair<const char*, std::int64_t> numbers[] = {{"last_started", j.last_started},
                                                            {"last_finished", j.last_finished},
                                                            {"next_run", j.next_run},
                                                            {"runs", j.runs},
                                                            {"files", j.files},
                                                            {"imported", j.imported},
                                                            {"skipped", j.skipped},
                                                            {"quarantined", j.quarantined},
                                                            {"failed", j.failed}};
    for (const auto& [key, value] : numbers) {
      out += ",\"" + std::string(key) + "\":" + std::to_string(value);
    }
    out += ",\"last_error\":";
    if (j.last_error.empty()) {
      out += "null";
    } else {
      orders::append_json_string(out, j.last_error);
    }
    out += "}";
  }
  out += "],\"sweep\":{\"ok\":" + std::to_string(sweeps_ok_) +
         ",\"failed\":" + std::to_string(sweeps_failed_) +
         ",\"last_started\":" + std::to_string(last_sweep_) + "}}";
  return out;
}

std::string DaemonState::metrics_text() const {
  std::lock_guard lock(mutex_);
  std::string out;
  for (const char* result : {"imported", "skipped", "quarantined", "failed"}) {
    const auto it = imports_.find(result);
    out += "ordex_imports_total{result=\"" + std::string(result) + "\"} " +
           std::to_string(it == imports_.end() ? 0 : it->second) + "\n";
  }
  out += "ordex_import_bytes_total " + std::to_string(bytes_) + "\n";
  out += "ordex_import_interchanges_total " + std::to_string(interchanges_) + "\n";
  out += "ordex_import_orders_total " + std::to_string(orders_) + "\n";
  out += "ordex_findings_total " + std::to_string(findings_) + "\n";
  out += "ordex_sweeps_total{result=\"ok\"} " + std::to_string(sweeps_ok_) + "\n";
  out += "ordex_sweeps_total{result=\"failed\"} " + std::to_string(sweeps_failed_) + "\n";
  out += std::string("ordex_daemon_ready ") + (ready() ? "1" : "0") + "\n";
  return out;
}

}  // namespace ordex::app::serve
