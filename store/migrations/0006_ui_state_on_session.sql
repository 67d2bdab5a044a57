-- The screen state (phase, cursor, timers) is saved with every keystroke.
-- Kept in its own table it cost a fourth page in each keystroke's commit;
-- on the session row, which the keystroke already writes (activity and
-- the answered count), it costs none.
ALTER TABLE sessions ADD COLUMN ui_state BLOB NOT NULL DEFAULT x'';

UPDATE sessions SET ui_state = coalesce((SELECT u.state FROM ui_state u WHERE u.session_id = sessions.id), x'');

DROP TABLE ui_state;
