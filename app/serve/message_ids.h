#pragma once
// Every message `ordex serve` logs, with its stable id. Operators alert and grep on the ids,
// so an id never changes meaning and is never reused; add new ones at the end. The README's
// "ordex serve" section lists them too.

namespace ordex::app::serve {

struct MessageId {
  const char* id;
  const char* text;
};

// Life cycle.
inline constexpr MessageId kStarted{"ORDX-S001", "serve started"};
inline constexpr MessageId kStopping{"ORDX-S002", "stop requested, finishing the current file"};
inline constexpr MessageId kStopped{"ORDX-S003", "serve stopped"};
inline constexpr MessageId kReloaded{"ORDX-S004", "configuration reloaded"};
inline constexpr MessageId kReloadFailed{"ORDX-S005",
                                         "reload failed, keeping the running configuration"};
inline constexpr MessageId kReloadNeedsRestart{"ORDX-S006",
                                               "setting changed; it applies after a restart"};
// ORDX-S007 is retired (it said jobs.N.partner was not applied yet); ids are never reused.
// Database.
inline constexpr MessageId kDbConnected{"ORDX-S010", "database connected"};
inline constexpr MessageId kDbUnavailable{"ORDX-S011", "database unavailable, retrying"};
inline constexpr MessageId kDbLost{"ORDX-S012", "database connection lost"};
// Import jobs.
inline constexpr MessageId kJobStarted{"ORDX-S020", "job started"};
inline constexpr MessageId kJobFinished{"ORDX-S021", "job finished"};
inline constexpr MessageId kFileImported{"ORDX-S022", "file imported"};
inline constexpr MessageId kFileSkipped{"ORDX-S023", "file already imported"};
inline constexpr MessageId kFileQuarantined{"ORDX-S024", "file quarantined"};
inline constexpr MessageId kFileFailed{"ORDX-S025", "file failed, left in the inbox"};
inline constexpr MessageId kFileNotMoved{"ORDX-S026", "file imported but not moved"};
inline constexpr MessageId kAcksPending{"ORDX-S027", "acknowledgments stay pending"};
inline constexpr MessageId kRulesFailed{"ORDX-S028", "exception rules failed"};
inline constexpr MessageId kFileBusy{"ORDX-S029",
                                     "same content is being imported by another daemon"};
inline constexpr MessageId kRequeued{"ORDX-S030", "claimed file put back into the inbox"};
inline constexpr MessageId kInboxError{"ORDX-S031", "inbox cannot be read"};
inline constexpr MessageId kJobError{"ORDX-S032", "job run failed"};
inline constexpr MessageId kRerun{"ORDX-S033", "quarantined file re-imported"};
// Sweep.
inline constexpr MessageId kSweepStarted{"ORDX-S040", "sweep started"};
inline constexpr MessageId kSweepFinished{"ORDX-S041", "sweep finished"};
inline constexpr MessageId kSweepFailed{"ORDX-S042", "sweep failed"};
inline constexpr MessageId kSweepElsewhere{"ORDX-S043", "sweep is another daemon's turn"};
// HTTP.
inline constexpr MessageId kHttpStarted{"ORDX-S050", "http listening"};
inline constexpr MessageId kHttpFailed{"ORDX-S051", "http cannot start"};

}  // namespace ordex::app::serve
