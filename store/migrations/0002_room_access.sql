-- Schema 2: room mode. Each OPD of a session gets its own access code for
-- the phone form, and remembers when it sent ("Kirim") its answers.

CREATE TABLE access_codes (
	session_id   INTEGER NOT NULL,
	opd_id       INTEGER NOT NULL,
	code         TEXT    NOT NULL, -- workshop.AccessAlphabet, workshop.AccessCodeLen long, upper case
	issued_at    INTEGER NOT NULL,
	submitted_at INTEGER NOT NULL DEFAULT 0, -- 0: not sent (or reopened by the facilitator)
	PRIMARY KEY (session_id, opd_id),
	UNIQUE (session_id, code), -- a code names one OPD: the lookup of every phone request
	FOREIGN KEY (session_id, opd_id) REFERENCES opds (session_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
