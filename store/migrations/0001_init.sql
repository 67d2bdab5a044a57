-- Schema 1: sessions with their own framework copy, the roster, scores with
-- an append-only event log, session settings, global settings and the
-- one-writer locks. Times are Unix nanoseconds (UTC).

-- Marks the file as a bimtek database ("BIMT").
PRAGMA application_id = 1112100180;

CREATE TABLE sessions (
	id             INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: "session 7" stays one session
	city           TEXT    NOT NULL,
	stage          INTEGER NOT NULL,
	date           TEXT    NOT NULL,
	venue          TEXT    NOT NULL,
	facilitator    TEXT    NOT NULL,
	framework_key  TEXT    NOT NULL,
	item_count     INTEGER NOT NULL, -- indicators of the framework copy, for completion in the list
	created_at     INTEGER NOT NULL,
	updated_at     INTEGER NOT NULL  -- last write of any kind to the session
);

-- The framework copy taken when the session was created; it never changes.
-- Kept apart so that touching updated_at on every score never reads or
-- rewrites a row of tens of kilobytes.
CREATE TABLE frameworks (
	session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
	json       TEXT    NOT NULL
);

CREATE TABLE opds (
	id         INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: events keep pointing at removed OPDs
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	code       TEXT    NOT NULL COLLATE NOCASE,
	name       TEXT    NOT NULL,
	present    INTEGER NOT NULL DEFAULT 1,
	position   INTEGER NOT NULL,
	UNIQUE (session_id, code),
	UNIQUE (session_id, id) -- the key scores point at: an OPD of that very session
);
CREATE INDEX opds_by_position ON opds (session_id, position);

-- One b-tree and no other index: a score write touches as few pages as it can.
CREATE TABLE scores (
	session_id    INTEGER NOT NULL,
	opd_id        INTEGER NOT NULL,
	indicator_key TEXT    NOT NULL,
	level         INTEGER NOT NULL,
	na            INTEGER NOT NULL,
	note          TEXT    NOT NULL,
	updated_at    INTEGER NOT NULL,
	PRIMARY KEY (session_id, opd_id, indicator_key),
	FOREIGN KEY (session_id, opd_id) REFERENCES opds (session_id, id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Append-only; id counts the session's events from 1. An undo appends an
-- event whose undo_of names the event it reverted; an event is "undone" when
-- a later event of its session names it.
CREATE TABLE score_events (
	session_id    INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	id            INTEGER NOT NULL,
	opd_id        INTEGER NOT NULL, -- no foreign key: the audit trail outlives a removed OPD
	indicator_key TEXT    NOT NULL,
	old_level     INTEGER NOT NULL,
	old_na        INTEGER NOT NULL,
	old_note      TEXT    NOT NULL,
	new_level     INTEGER NOT NULL,
	new_na        INTEGER NOT NULL,
	new_note      TEXT    NOT NULL,
	at            INTEGER NOT NULL,
	undo_of       INTEGER,
	PRIMARY KEY (session_id, id)
) WITHOUT ROWID;

-- The scores follow the log: every event sets its cell (a cell back to
-- nothing is deleted) and marks the session's activity, in the statement
-- that appends the event. A score cannot change without its event.
CREATE TRIGGER score_events_apply AFTER INSERT ON score_events
BEGIN
	DELETE FROM scores
	WHERE session_id = NEW.session_id AND opd_id = NEW.opd_id AND indicator_key = NEW.indicator_key
	  AND NEW.new_level = 0 AND NOT NEW.new_na AND NEW.new_note = '';
	INSERT INTO scores (session_id, opd_id, indicator_key, level, na, note, updated_at)
	SELECT NEW.session_id, NEW.opd_id, NEW.indicator_key, NEW.new_level, NEW.new_na, NEW.new_note, NEW.at
	WHERE NEW.new_level <> 0 OR NEW.new_na OR NEW.new_note <> ''
	ON CONFLICT (session_id, opd_id, indicator_key) DO UPDATE
	SET level = excluded.level, na = excluded.na, note = excluded.note, updated_at = excluded.updated_at;
	UPDATE sessions SET updated_at = NEW.at WHERE id = NEW.session_id;
END;

-- Only targets changed for the session; the rest come from the framework.
CREATE TABLE targets (
	session_id    INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	dimension_key TEXT    NOT NULL,
	target        REAL    NOT NULL,
	PRIMARY KEY (session_id, dimension_key)
) WITHOUT ROWID;

CREATE TABLE priorities (
	session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	element_key TEXT    NOT NULL,
	seq         INTEGER NOT NULL, -- marking order
	PRIMARY KEY (session_id, element_key)
) WITHOUT ROWID;

CREATE TABLE ui_state (
	session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
	state      BLOB    NOT NULL,
	updated_at INTEGER NOT NULL
);

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

-- The one-writer rule: the process that has a session open for writing.
CREATE TABLE locks (
	session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
	pid        INTEGER NOT NULL,
	host       TEXT    NOT NULL,
	since      INTEGER NOT NULL,
	heartbeat  INTEGER NOT NULL,
	holds      INTEGER NOT NULL -- acquisitions by that process (re-entrant)
);
