// Daemon::rerun: the admin API's "re-import a quarantined file". The file is taken out of the
// quarantine folder the way a job takes an inbox file (claimed into this daemon's processing
// folder, under the "file:<sha256>" lease), its record is marked importing again so that the
// Ingestor does not skip it as done, and it goes through ImportBatch with the settings of the job
// whose inbox it came from: imported it moves to the archive, rejected again back to the
// quarantine with a fresh reason. Nothing is lost on failure: the file returns to the quarantine
// and its record to quarantined.
#include <filesystem>

#include "app/import_batch.h"
#include "app/serve/daemon.h"
#include "app/serve/inbox.h"
#include "app/serve/serve_log.h"
#include "app/serve/session.h"
#include "orders/database.h"
#include "orders/ingest/sha256.h"
#include "orders/json_text.h"

namespace ordex::app::serve {

namespace fs = std::filesystem;
namespace ingest = orders::ingest;
using orders::Failure;

namespace {

struct FileRow {
  std::string path, sha256, disposition, reason;
};

orders::Result<std::optional<FileRow>> file_row(orders::Store& store, std::int64_t id) {
  orders::Database db = store.database();
  auto q = db.prepare(
      orders::SqlQuery{"serve_file_by_id", "i", "tttt",
                       "SELECT path, sha256, disposition, reason FROM inbound_files WHERE id = ?"});
  if (!q.ok()) return Failure{q.error()};
  q.value()->set(0, id);
  if (orders::Status s = db.run(*q.value()); !s.ok()) return Failure{s.error()};
  if (q.value()->rows() == 0) return std::optional<FileRow>();
  const orders::Query& r = *q.value();
  return std::optional<FileRow>(FileRow{r.text(0, 0), r.text(0, 1), r.text(0, 2), r.text(0, 3)});
}

// Marks the file importing again, so that the Ingestor reads it instead of skipping it, and
// drops the findings of its rejection (a file quarantined whole has no others), which the new
// import records afresh.
orders::Status reopen_file(orders::Store& store, std::int64_t id) {
  orders::Database db = store.database();
  auto clear = db.prepare(orders::SqlQuery{"serve_file_findings_clear", "i", "",
                                           "DELETE FROM findings WHERE file_id = ?"});
  if (!clear.ok()) return orders::Failure{clear.error()};
  clear.value()->set(0, id);
  if (orders::Status s = store.begin(); !s.ok()) return s;
  orders::Status s = db.run(*clear.value());
  if (s.ok()) s = store.set_file_disposition(id, orders::FileDisposition::kImporting, "");
  if (s.ok()) s = store.commit();
  if (!s.ok()) (void)store.rollback();
  return s;
}

// The job whose inbox the file was read from (a job reads from INBOX/.ordex-processing/...).
const JobConfig* job_of(const ServeConfig& config, const std::string& path) {
  for (const JobConfig& job : config.jobs) {
    const std::string prefix = (fs::path(job.inbox) / "").string();
    if (path.rfind(prefix, 0) == 0) return &job;
  }
  return config.jobs.empty() ? nullptr : &config.jobs.front();
}

std::string sha256_of(const fs::path& path) {
  std::string bytes;
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return "";
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return "";
  bytes.resize(size);
  const std::size_t got = std::fread(bytes.data(), 1, size, f);
  std::fclose(f);
  return got == size ? ingest::sha256_hex(bytes) : "";
}

// Where the move to the quarantine put it: NAME, or NAME.1, NAME.2, ... (file_mover.h).
std::optional<fs::path> quarantined_copy(const std::string& dir, const std::string& name,
                                         const std::string& sha256) {
  for (int n = 0; n < 100; ++n) {
    const fs::path p = fs::path(dir) / (n == 0 ? name : name + "." + std::to_string(n));
    if (!fs::exists(p)) continue;
    if (sha256_of(p) == sha256) return p;
  }
  return std::nullopt;
}

std::string outcome_json(std::int64_t id, const ingest::FileOutcome& out) {
  std::string json = "{\"file_id\":" + std::to_string(id) + ",\"result\":\"" +
                     ingest::to_string(out.result) + "\",\"reason\":";
  orders::append_json_string(json, out.reason);
  json += ",\"moved_to\":";
  orders::append_json_string(json, out.moved_to);
  json += ",\"interchanges\":" + std::to_string(out.counts.interchanges) +
          ",\"orders\":" + std::to_string(out.counts.orders) +
          ",\"findings\":" + std::to_string(out.counts.findings) + "}";
  return json;
}

}  // namespace

orders::Result<std::string> Daemon::rerun(std::int64_t file_id) {
  std::lock_guard serial(rerun_mutex_);
  try {
    return rerun_quarantined(file_id);
  } catch (const std::exception& e) {
    return Failure{std::string("database unavailable: ") + e.what()};  // see import_job.cc
  }
}

orders::Result<std::string> Daemon::rerun_quarantined(std::int64_t file_id) {
  std::shared_ptr<const ServeConfig> config;
  {
    std::lock_guard lock(config_mutex_);
    config = config_;
  }
  const std::string self = state_.daemon();
  auto opened = open_session(config->db, self, config->lease_seconds);
  if (!opened.ok()) return Failure{"database unavailable: " + opened.error()};
  Session& session = *opened.value();
  auto row = file_row(*session.store, file_id);
  if (!row.ok()) return Failure{row.error()};
  if (!row.value()) return Failure{"no file " + std::to_string(file_id)};
  const FileRow file = *row.value();
  if (file.disposition != "quarantined") {
    return Failure{"file " + std::to_string(file_id) + " is " + file.disposition +
                   ", not quarantined"};
  }
  const JobConfig* job = job_of(*config, file.path);
  if (job == nullptr)
    return Failure{"no import job is configured to re-run file " + std::to_string(file_id) +
                   " with"};
  const std::string name = fs::path(file.path).filename().string();
  const auto copy = quarantined_copy(job->run.quarantine_dir, name, file.sha256);
  if (!copy) {
    return Failure{"file " + std::to_string(file_id) + " (" + name + ") is not in " +
                   job->run.quarantine_dir};
  }
  const std::string lease = "file:" + file.sha256;
  const std::int64_t now = unix_now();
  auto got = session.leases->acquire(lease, self, now, now + config->lease_seconds);
  if (!got.ok()) return Failure{got.error()};
  if (!got.value()) return Failure{"another daemon is importing file " + std::to_string(file_id)};
  state_.hold_lease(lease);
  const auto release = [&] {
    state_.drop_lease(lease);
    (void)session.leases->release(lease, self);
  };
  auto claimed = claim_file(job->inbox, copy->string(), self);
  if (!claimed.ok() || !claimed.value()) {
    release();
    return Failure{claimed.ok() ? "the quarantined file vanished" : claimed.error()};
  }
  const std::string taken = *claimed.value();
  const auto restore = [&](const std::string& why) -> orders::Result<std::string> {
    (void)put_back(taken, job->run.quarantine_dir);
    (void)session.store->set_file_disposition(file_id, orders::FileDisposition::kQuarantined,
                                              file.reason);
    release();
    return Failure{why};
  };
  if (orders::Status s = reopen_file(*session.store, file_id); !s.ok()) return restore(s.error());
  ingest::IngestOptions options = ingest_options(job->run, job->acks, now);
  auto outbox = open_ack_outbox(options, job->run.ack_dir);
  if (!outbox.ok()) return restore("ack_dir " + outbox.error());
  ImportBatch batch(*session.store, *session.exceptions, schemas_, config->rules,
                    std::move(options));
  const ImportBatch::FileReport report = batch.import_file(taken);
  const ingest::FileOutcome& out = report.outcome;
  state_.count_file(out);
  if (out.result == ingest::FileResult::kFailed) return restore(out.reason);
  std::error_code ec;
  if (out.result == ingest::FileResult::kImported) {
    fs::remove(fs::path(copy->string() + ".reason"), ec);  // the rejection no longer holds
  }
  if (fs::exists(taken)) (void)put_back(taken, job->run.quarantine_dir);
  release();
  state_.request_sweep(unix_now());
  log_event(serve_logger(), Poco::Message::PRIO_NOTICE, kRerun,
            {{"file_id", file_id},
             {"file", file.path},
             {"result", ingest::to_string(out.result)},
             {"moved_to", out.moved_to}});
  return outcome_json(file_id, out);
}

}  // namespace ordex::app::serve
