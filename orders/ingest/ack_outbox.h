#pragma once
// The folder `ordex run` writes acknowledgments into, with exactly-once delivery across crashes.
//
// An acknowledgment is part of its interchange's import: its control numbers come from the
// store inside the import's transaction, so it must reach the folder if and only if that
// transaction commits. Files and the database cannot commit together, so each acknowledgment
// goes through a pending folder (DIR/.pending, which a pickup job must ignore):
//
//  1. stage(): before the commit, the bytes are written to DIR/.pending/<key>.<name> and
//     fdatasync'ed, where <key> is the SHA-256 of the acknowledged interchange; sync_staged()
//     then makes their names durable;
//  2. publish(): after the commit, each staged file is renamed to DIR/<name> (never replacing a
//     file already there: "2-<name>", "3-<name>", ... instead), then DIR is fsync'ed;
//  3. discard(): after a rollback, the staged files are removed.
//
// A crash before the commit leaves a pending file for an interchange the store does not have:
// the next run imports it again and its stage() replaces that file (same key). A crash between
// the commit and publish() leaves a pending file for an interchange the store has: the next run
// sees the interchange as already imported and calls recover(key), which publishes it. So each
// acknowledgment is published once, with control numbers that were committed.
//
// One known gap: a run with acknowledgments switched off between a crashed run and its re-run
// imports the interchange without replacing the stale pending file, which a later run with
// acknowledgments on would publish. Keep the setting fixed for a folder.
//
// Names: the acknowledgment's own (edi::Ack::file_name, "<input stem>.<interchange ordinal>.
// <997|999|ta1|contrl>.<x12|edi>", as `ordex validate --ack` names them).
//
// One process at a time per folder. Not thread-safe. Errors are values.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "edi/result.h"
#include "orders/status.h"

namespace ordex::orders::ingest {

class AckOutbox {
 public:
  // Creates DIR and DIR/.pending when missing, and lists what is pending from an earlier run.
  static edi::Result<std::unique_ptr<AckOutbox>> open(const std::string& dir);

  Status stage(const std::string& key, const std::string& name, std::string_view bytes);
  // Before the commit: makes the staged files' names durable (one fsync of DIR/.pending).
  Status sync_staged();
  // Publishes what was staged since the last publish() or discard(). On an error the files not
  // moved stay pending (recover() finds them next run) and the error names them.
  Status publish();
  void discard();
  // Publishes the pending acknowledgment of an interchange that is already in the store, if
  // there is one. True when one was published.
  edi::Result<bool> recover(const std::string& key);

  const std::string& dir() const { return dir_; }
  std::size_t published() const { return published_; }

 private:
  explicit AckOutbox(std::string dir);
  std::string pending_path(const std::string& key, const std::string& name) const;
  Status move_to_folder(const std::string& pending, const std::string& name);

  std::string dir_, pending_dir_;
  std::map<std::string, std::string> pending_;  // key -> name, files in .pending
  std::vector<std::string> staged_;             // keys staged since the last publish/discard
  std::size_t published_ = 0;
};

}  // namespace ordex::orders::ingest
