#include "app/serve/serve_config.h"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <algorithm>
#include <filesystem>

#include "app/command.h"
#include "app/import_batch.h"

namespace ordex::app::serve {

namespace {

using orders::Failure;
using Properties = Poco::Util::AbstractConfiguration;

std::string absolute(const std::string& path, const std::string& base) {
  if (path.empty()) return path;
  std::filesystem::path p(path);
  if (p.is_relative()) p = std::filesystem::path(base) / p;
  return p.lexically_normal().string();
}

// A SQLite path is taken from `base` like every other path; URLs and libpq strings are as given.
std::string absolute_db(const std::string& db, const std::string& base) {
  if (db.empty() || db.find("://") != std::string::npos || db.find('=') != std::string::npos) {
    return db;
  }
  if (db.rfind("sqlite:", 0) == 0) return "sqlite:" + absolute(db.substr(7), base);
  return absolute(db, base);
}

// A whole number in [low, high], naming the key when it is not.
orders::Result<std::int64_t> integer(const Properties& file, const std::string& key,
                                     std::int64_t fallback, std::int64_t low, std::int64_t high) {
  if (!file.hasProperty(key)) return fallback;
  const std::string text = file.getString(key);
  Poco::Int64 value = 0;
  if (!Poco::NumberParser::tryParse64(text, value) || value < low || value > high) {
    return Failure{key + " must be a whole number from " + std::to_string(low) + " to " +
                   std::to_string(high) + ", not '" + text + "'"};
  }
  return value;
}

orders::Result<std::int64_t> interval(const Properties& file, const std::string& key,
                                      std::int64_t fallback) {
  if (!file.hasProperty(key)) return fallback;
  auto seconds = parse_interval(file.getString(key));
  if (!seconds.ok()) return Failure{key + ": " + seconds.error()};
  return seconds;
}

orders::Result<HttpConfig> http_config(const Properties& file) {
  HttpConfig http;
  http.host = file.getString("serve.http.host", http.host);
  auto port = integer(file, "serve.http.port", http.port, 0, 65535);
  if (!port.ok()) return Failure{port.error()};
  http.port = static_cast<std::uint16_t>(port.value());
  auto threads = integer(file, "serve.http.threads", http.threads, 1, 1024);
  if (!threads.ok()) return Failure{threads.error()};
  http.threads = static_cast<int>(threads.value());
  http.tls_cert = file.getString("serve.http.tls.cert", "");
  http.tls_key = file.getString("serve.http.tls.key", "");
  if (http.tls_cert.empty() != http.tls_key.empty()) {
    return Failure{"serve.http.tls.cert and serve.http.tls.key go together"};
  }
  auto minutes = integer(file, "serve.session_minutes", http.session_minutes, 1, 525600);
  if (!minutes.ok()) return Failure{minutes.error()};
  http.session_minutes = minutes.value();
  return http;
}

orders::Result<JobConfig> job_config(const Properties& file, int number, const RunConfig& run,
                                     const std::string& base) {
  const std::string prefix = "jobs." + std::to_string(number) + ".";
  JobConfig job;
  job.number = number;
  job.name = file.getString(prefix + "name", "job-" + std::to_string(number));
  job.inbox = absolute(file.getString(prefix + "inbox", ""), base);
  if (job.inbox.empty()) return Failure{prefix + "inbox: a job needs an inbox folder"};
  if (!file.hasProperty(prefix + "schedule")) {
    return Failure{prefix + "schedule: a job needs a schedule (cron, or e.g. 'every 1m')"};
  }
  auto schedule = Schedule::parse(file.getString(prefix + "schedule"));
  if (!schedule.ok()) return Failure{prefix + "schedule: " + schedule.error()};
  job.schedule = std::move(schedule).value();
  auto stable = integer(file, prefix + "stable_seconds", job.stable_seconds, 0, 86400);
  if (!stable.ok()) return Failure{stable.error()};
  job.stable_seconds = stable.value();
  job.pattern = file.getString(prefix + "pattern", job.pattern);
  job.run = run;
  job.run.archive_dir = absolute(file.getString(prefix + "archive", run.archive_dir), base);
  job.run.quarantine_dir =
      absolute(file.getString(prefix + "quarantine", run.quarantine_dir), base);
  job.run.ack_dir = absolute(file.getString(prefix + "ack_dir", run.ack_dir), base);
  if (job.run.ack_dir.empty()) job.run.ack_dir = base;  // `ordex run`'s "current folder"
  // A watched inbox must be emptied, or every run would read its files again.
  if (job.run.archive_dir.empty() || job.run.quarantine_dir.empty()) {
    return Failure{prefix + "archive and " + prefix +
                   "quarantine (or archive.dir and quarantine.dir) are required: a job moves "
                   "every file out of its inbox"};
  }
  const std::optional<std::string> ack = file.hasProperty(prefix + "ack")
                                             ? std::optional(file.getString(prefix + "ack"))
                                             : std::nullopt;
  try {
    job.acks = ack_settings(job.run, ack, prefix + "ack");
  } catch (const UsageError& e) {
    return Failure{e.message};
  }
  job.partner = file.getString(prefix + "partner", "");
  return job;
}

orders::Result<std::vector<JobConfig>> jobs_config(const Properties& file, const RunConfig& run,
                                                   const std::string& base) {
  Properties::Keys numbers;
  file.keys("jobs", numbers);
  std::vector<JobConfig> jobs;
  for (const std::string& n : numbers) {
    int number = 0;
    if (!Poco::NumberParser::tryParse(n, number) || number < 1) {
      return Failure{"jobs." + n + ": jobs are numbered jobs.1, jobs.2, ..."};
    }
    auto job = job_config(file, number, run, base);
    if (!job.ok()) return Failure{job.error()};
    jobs.push_back(std::move(job).value());
  }
  std::sort(jobs.begin(), jobs.end(),
            [](const JobConfig& a, const JobConfig& b) { return a.number < b.number; });
  for (std::size_t i = 1; i < jobs.size(); ++i) {
    if (jobs[i].name == jobs[i - 1].name) return Failure{"two jobs are named " + jobs[i].name};
  }
  return jobs;
}

orders::Result<ServeConfig> read(const Properties& file, ServeConfig config,
                                 const std::optional<std::string>& db, const std::string& base) {
  config.db = absolute_db(db ? *db : file.getString("serve.db", ""), base);
  if (config.db.empty()) return Failure{"no database: give --db or set serve.db"};
  auto http = http_config(file);
  if (!http.ok()) return Failure{http.error()};
  config.http = http.value();
  config.log_format = file.getString("serve.log.format", config.log_format);
  if (config.log_format != "text" && config.log_format != "json") {
    return Failure{"serve.log.format must be text or json, not '" + config.log_format + "'"};
  }
  config.log_file = absolute(file.getString("serve.log.file", ""), base);
  config.pid_file = absolute(file.getString("serve.pid_file", ""), base);
  auto sweep = interval(file, "serve.sweep.every", config.sweep_every);
  if (!sweep.ok()) return Failure{sweep.error()};
  config.sweep_every = sweep.value();
  auto zone = schedule_zone(file.getString("serve.timezone", ""));
  if (!zone.ok()) return Failure{zone.error()};
  config.zone = zone.value();
  auto lease = integer(file, "serve.lease_seconds", config.lease_seconds, 5, 86400);
  if (!lease.ok()) return Failure{lease.error()};
  config.lease_seconds = lease.value();
  auto retry = interval(file, "serve.db.retry_max", config.retry_max);
  if (!retry.ok()) return Failure{retry.error()};
  config.retry_max = retry.value();
  auto jobs = jobs_config(file, config.run, base);
  if (!jobs.ok()) return Failure{jobs.error()};
  config.jobs = std::move(jobs).value();
  return config;
}

}  // namespace

orders::Result<ServeConfig> load_serve_config(const std::string& path,
                                              const std::optional<std::string>& db,
                                              const std::string& base_dir) {
  ServeConfig config;
  config.path = absolute(path, base_dir);
  try {
    config.run = load_run_config(config.path);
  } catch (const UsageError& e) {
    return Failure{e.message};
  }
  config.run.archive_dir = absolute(config.run.archive_dir, base_dir);
  config.run.quarantine_dir = absolute(config.run.quarantine_dir, base_dir);
  config.run.ack_dir = absolute(config.run.ack_dir, base_dir);
  auto rules = exceptions::ExceptionsConfig::load_file(config.path);
  if (!rules.ok()) return Failure{config.path + ": " + rules.error()};
  config.rules = std::move(rules).value();
  try {
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> file(
        new Poco::Util::PropertyFileConfiguration(config.path));
    auto read_config = read(*file, std::move(config), db, base_dir);
    if (!read_config.ok()) return Failure{path + ": " + read_config.error()};
    return read_config;
  } catch (const Poco::Exception& e) {
    return Failure{path + ": " + e.displayText()};
  }
}

}  // namespace ordex::app::serve
