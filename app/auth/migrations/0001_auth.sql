-- ordex auth track, version 1: the daemon's users, their browser sessions and API tokens.
--
-- Same conventions as orders/migrations (portable SQL for SQLite and PostgreSQL, Unix UTC
-- seconds as BIGINT). Versioned in auth_schema_version (orders/database.h, Database::migrate).
-- Statements end with ';' at the end of a line: the runner splits there.
-- Columns are user_name, not "user": USER is a reserved word in PostgreSQL.
-- No secret is stored as given: passwords as PBKDF2 hashes, session ids and tokens as their
-- SHA-256 digest (base64url), so a copy of the database lets nobody in.

CREATE TABLE users (
  name TEXT NOT NULL PRIMARY KEY,
  -- rep | lead | manager | admin
  role TEXT NOT NULL,
  -- pbkdf2-sha256$<iterations>$<salt b64>$<key b64> (app/auth/password_hash.h)
  password_hash TEXT NOT NULL,
  -- 1: cannot log in; their sessions were ended and their tokens stop working
  disabled BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
  -- SHA-256 of the cookie value
  id TEXT NOT NULL PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users (name),
  -- sent back by the browser in X-CSRF-Token; useless without the cookie, so kept as is
  csrf_token TEXT NOT NULL,
  -- idle expiry, moved forward on use (at most once a minute)
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_name);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
  -- SHA-256 of the token text
  digest TEXT NOT NULL PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users (name),
  label TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  -- 1 once revoked; kept for the record
  revoked BIGINT NOT NULL
);
CREATE INDEX api_tokens_user ON api_tokens (user_name, label);
