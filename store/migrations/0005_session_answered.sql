-- The home screen lists every session with its completion. Counting the
-- answered scores of every session on each start read the whole scores
-- table, so start-up grew with the file. The count is kept on the session
-- row instead, by triggers on scores (the row the score trigger already
-- touches for updated_at, so a keystroke writes no extra page).
ALTER TABLE sessions ADD COLUMN answered INTEGER NOT NULL DEFAULT 0;

UPDATE sessions SET answered =
	(SELECT count(*) FROM scores sc WHERE sc.session_id = sessions.id AND (sc.na OR sc.level > 0));

CREATE TRIGGER scores_answered_insert AFTER INSERT ON scores
WHEN NEW.na OR NEW.level > 0
BEGIN
	UPDATE sessions SET answered = answered + 1 WHERE id = NEW.session_id;
END;

CREATE TRIGGER scores_answered_update AFTER UPDATE OF level, na ON scores
WHEN (NEW.na OR NEW.level > 0) <> (OLD.na OR OLD.level > 0)
BEGIN
	UPDATE sessions SET answered = answered + (CASE WHEN NEW.na OR NEW.level > 0 THEN 1 ELSE -1 END)
	WHERE id = NEW.session_id;
END;

CREATE TRIGGER scores_answered_delete AFTER DELETE ON scores
WHEN OLD.na OR OLD.level > 0
BEGIN
	UPDATE sessions SET answered = answered - 1 WHERE id = OLD.session_id;
END;
