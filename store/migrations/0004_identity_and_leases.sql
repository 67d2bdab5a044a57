-- Schema 4: the file's identity, which a -wal file found beside it must
-- share before it is applied; the lease of a session lock (a random token
-- per holding process, and its start on its host); the log of lock
-- take-overs.

-- One row: id is fixed when the file gets this schema (a backup gets its
-- own).
CREATE TABLE identity (
	one INTEGER PRIMARY KEY CHECK (one = 1),
	id  BLOB    NOT NULL
);
INSERT INTO identity (one, id) VALUES (1, randomblob(16));

-- The first write of every read-write open (and the first after bimtek
-- emptied the -wal) adds a random generation, in the same transaction; the
-- last 256 are kept. A -wal written since then carries the generations
-- that followed the one the database file holds, so it belongs to the
-- file when, replayed, its list still holds the file's newest generation.
CREATE TABLE generations (
	seq INTEGER PRIMARY KEY,
	gen BLOB    NOT NULL
);
INSERT INTO generations (gen) VALUES (randomblob(8));

-- token names one holding process's lease; a write of that process goes
-- through only while the row still names it. started is the holder's
-- process start ("boot id/start ticks" on Linux, else empty), so a pid
-- reused by another program does not keep the session locked.
ALTER TABLE locks ADD COLUMN token   TEXT NOT NULL DEFAULT '';
ALTER TABLE locks ADD COLUMN started TEXT NOT NULL DEFAULT '';

-- Every take-over of a session lock (`bimtek open ID --take-over`, or a
-- stale lock taken by a new holder): who took it from whom.
CREATE TABLE lock_log (
	session_id     INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	at             INTEGER NOT NULL,
	pid            INTEGER NOT NULL,
	host           TEXT    NOT NULL,
	from_pid       INTEGER NOT NULL,
	from_host      TEXT    NOT NULL,
	from_since     INTEGER NOT NULL,
	from_heartbeat INTEGER NOT NULL,
	forced         INTEGER NOT NULL -- 1: taken over from a live holder with --take-over
);
