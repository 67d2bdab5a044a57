-- Schema 3: the score log records who made each change (the facilitator's
-- keyboard, an OPD's phone, an imported file) and which events re-applied
-- what an undo reverted (redo). Events written before this version were
-- all made at the keyboard or by an import; they read back as keyboard.
ALTER TABLE score_events ADD COLUMN source TEXT NOT NULL DEFAULT 'keyboard';
-- The OPD whose phone made the change (phone only).
ALTER TABLE score_events ADD COLUMN source_opd INTEGER;
-- A short label of that phone, may be empty.
ALTER TABLE score_events ADD COLUMN source_device TEXT NOT NULL DEFAULT '';
-- A redo names the undo event whose change it re-applied.
ALTER TABLE score_events ADD COLUMN redo_of INTEGER;
