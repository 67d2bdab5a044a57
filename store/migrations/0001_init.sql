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
	framework_json TEXT    NOT NULL, -- the copy taken at creation; never changes
	item_count     INTEGER NOT NULL, -- indicators in framework_json, for completion in the list
	created_at     INTEGER NOT NULL,
	updated_at     INTEGER NOT NULL  -- last write of any kind to the session
);
CREATE INDEX sessions_by_activity ON sessions (updated_at DESC, id DESC);

CREATE TABLE opds (
	id         INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: events keep pointing at removed OPDs
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	code       TEXT    NOT NULL COLLATE NOCASE,
	name       TEXT    NOT NULL,
	present    INTEGER NOT NULL DEFAULT 1,
	position   INTEGER NOT NULL,
	UNIQUE (session_id, code)
);
CREATE INDEX opds_by_position ON opds (session_id, position);

CREATE TABLE scores (
	session_id    INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	opd_id        INTEGER NOT NULL REFERENCES opds (id) ON DELETE CASCADE,
	indicator_key TEXT    NOT NULL,
	level         INTEGER NOT NULL,
	na            INTEGER NOT NULL,
	note          TEXT    NOT NULL,
	updated_at    INTEGER NOT NULL,
	PRIMARY KEY (session_id, opd_id, indicator_key)
) WITHOUT ROWID;
CREATE INDEX scores_by_opd ON scores (opd_id);

-- Append-only. An undo appends an event whose undo_of names the event it
-- reverted; an event is "undone" when such a row exists (UNIQUE: at most once).
CREATE TABLE score_events (
	id            INTEGER PRIMARY KEY,
	session_id    INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	opd_id        INTEGER NOT NULL, -- no foreign key: the audit trail outlives a removed OPD
	indicator_key TEXT    NOT NULL,
	old_level     INTEGER NOT NULL,
	old_na        INTEGER NOT NULL,
	old_note      TEXT    NOT NULL,
	new_level     INTEGER NOT NULL,
	new_na        INTEGER NOT NULL,
	new_note      TEXT    NOT NULL,
	at            INTEGER NOT NULL,
	undo_of       INTEGER UNIQUE
);
CREATE INDEX score_events_by_session ON score_events (session_id, id);

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
