#pragma once
// An import job's inbox folder: which files are complete, and claiming one so that exactly one
// daemon imports it.
//
// Complete: a writer may still be writing a file, so a file is taken only when its size and
// modification time have not changed for `stable_seconds`: measured from its mtime, or, when
// that clock cannot be trusted (a future mtime from another machine), from the first time this
// watcher saw that size and mtime. Names starting with '.' and ending in .tmp or .part are never
// taken, so writers that write under such a name and rename when done are picked up at once
// (stable_seconds = 0 then suffices). Only files directly in the inbox are considered.
//
// Claimed: the file is renamed into this daemon's own folder, INBOX/.ordex-processing/<daemon>/
// (<daemon> = "<host>-<pid>"), and imported from there. rename() is atomic, so of several
// daemons racing for a file exactly one gets it; the others see it gone. A daemon that dies
// leaves its claimed file in its folder; requeue_stale() puts it back into the inbox once that
// daemon is known dead, and requeue_own() does so at start for files of an earlier process
// with the same id. A file is never overwritten: a name already taken gets ".1", ".2", ...
//
// Errors are values naming the path and the system's reason.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "orders/status.h"

namespace ordex::app::serve {

inline constexpr const char* kProcessingFolder = ".ordex-processing";

// Whether a file name is one a job may take: not hidden, not *.tmp / *.part, matching the glob.
bool is_candidate_name(const std::string& name, const std::string& pattern);

// "<host>-<pid>" of this process.
std::string daemon_id();

class InboxWatcher {
 public:
  InboxWatcher(std::string inbox, std::string pattern, std::int64_t stable_seconds);

  // The complete files, by name order, as full paths. Files seen but not yet stable are
  // remembered for the next call.
  orders::Result<std::vector<std::string>> complete_files(
      std::chrono::system_clock::time_point now = std::chrono::system_clock::now(),
      std::chrono::steady_clock::time_point steady = std::chrono::steady_clock::now());

 private:
  struct Seen {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::chrono::steady_clock::time_point first;
  };
  std::string inbox_, pattern_;
  std::int64_t stable_seconds_;
  std::map<std::string, Seen> seen_;
};

// Renames INBOX/<name> into INBOX/.ordex-processing/<daemon>/ and returns the new path; nullopt
// when the file is gone (another daemon took it first).
orders::Result<std::optional<std::string>> claim_file(const std::string& inbox,
                                                      const std::string& path,
                                                      const std::string& daemon);

// Moves a claimed file back into the inbox (an import that failed, or content another daemon is
// importing), under a free name; returns it.
orders::Result<std::string> put_back(const std::string& claimed, const std::string& inbox);

// Files of a processing folder of another daemon for which `dead(daemon)` is true go back into
// the inbox, and the folder is removed; returns the files put back (their new paths).
orders::Result<std::vector<std::string>> requeue_stale(
    const std::string& inbox, const std::string& self,
    const std::function<bool(const std::string& daemon)>& dead);

// Files left in this daemon's own processing folder (an earlier process with the same id).
orders::Result<std::vector<std::string>> requeue_own(const std::string& inbox,
                                                     const std::string& self);

// For a daemon id on this host: false when no process has that pid. nullopt when the id names
// another host (only its lease can tell).
std::optional<bool> local_daemon_alive(const std::string& daemon);

}  // namespace ordex::app::serve
