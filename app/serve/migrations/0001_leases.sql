-- ordex serve track, version 1: leases that let several daemons on one database share the work.
--
-- Same conventions as orders/migrations (portable SQL, UTC seconds). Versioned in
-- serve_schema_version (orders/database.h, Database::migrate).
-- Statements end with ';' at the end of a line: the runner splits there.

-- A lease is a named lock with an expiry, held by one daemon ("<host>-<pid>"): "file:<sha256>"
-- while a daemon imports that content, "sweep" while it sweeps and until the next sweep is due,
-- "daemon:<host>-<pid>" while that daemon is alive. A daemon renews its leases while it works;
-- one that dies stops renewing, so its leases expire and another daemon takes over. A row, not
-- an advisory lock, because SQLite has none and an expiry survives a lost connection.
CREATE TABLE serve_leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  acquired_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
