package store

import (
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

// listedDone is the answered count the home screen lists for session id.
func listedDone(t *testing.T, s *Store, id int64) int {
	t.Helper()
	list, err := s.ListSessions(bg)
	if err != nil {
		t.Fatal(err)
	}
	for _, ss := range list {
		if ss.ID == id {
			return ss.Completion.Done
		}
	}
	t.Fatalf("session %d not listed", id)
	return 0
}

// countAnswered counts the answered cells of a session the slow way.
func countAnswered(t *testing.T, s *Store, id int64) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM scores WHERE session_id = ? AND (na OR level > 0)`, id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// The session list's answered count is kept on the session row by
// triggers (migration 5); after every kind of write it equals the count
// of the scores themselves, and the other session's count does not move.
func TestAnsweredCountFollowsEveryWrite(t *testing.T) {
	s, _ := openTemp(t)
	id, opds := newSession(t, s, "A", "B", "C")
	other, otherOPDs := newSession(t, s, "X")
	keys := smallKeys()
	if _, err := s.SetAnswer(bg, other, otherOPDs[0].ID, keys[0], workshop.Answer{Level: 2}); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name string
		do   func() error
		want int // worked out by hand from the steps before
	}{
		{"a level", func() error {
			_, err := s.SetAnswer(bg, id, opds[0].ID, keys[0], workshop.Answer{Level: 3})
			return err
		}, 1},
		{"N/A", func() error {
			_, err := s.SetAnswer(bg, id, opds[0].ID, keys[1], workshop.Answer{NA: true})
			return err
		}, 2},
		{"another level on an answered cell", func() error {
			_, err := s.SetAnswer(bg, id, opds[0].ID, keys[0], workshop.Answer{Level: 4})
			return err
		}, 2},
		{"a note alone", func() error { _, err := s.SetNote(bg, id, opds[1].ID, keys[0], "belum tahu"); return err }, 2},
		{"a level beside the note", func() error {
			_, err := s.SetAnswer(bg, id, opds[1].ID, keys[0], workshop.Answer{Level: 1})
			return err
		}, 3},
		{"cleared, the note stays", func() error { _, err := s.SetAnswer(bg, id, opds[1].ID, keys[0], workshop.Answer{}); return err }, 2},
		{"undo of the clear", func() error { _, _, err := s.Undo(bg, id); return err }, 3},
		{"redo of the clear", func() error { _, _, err := s.Redo(bg, id); return err }, 2},
		{"an import of three rows", func() error {
			_, err := s.ImportScores(bg, id, []ScoreRow{
				{OPDID: opds[2].ID, IndicatorKey: keys[0], Answer: workshop.Answer{Level: 5}},
				{OPDID: opds[2].ID, IndicatorKey: keys[1], Answer: workshop.Answer{Level: 2}},
				{OPDID: opds[2].ID, IndicatorKey: keys[2], Answer: workshop.Answer{NA: true}},
			})
			return err
		}, 5},
		{"OPD A removed with its two answers", func() error { return s.RemoveOPD(bg, id, opds[0].ID) }, 3},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got, slow := listedDone(t, s, id), countAnswered(t, s, id); got != st.want || slow != st.want {
			t.Fatalf("after %s: listed %d, scores hold %d, want %d", st.name, got, slow, st.want)
		}
	}
	if got := listedDone(t, s, other); got != 1 {
		t.Fatalf("the other session lists %d answered, want 1", got)
	}
	if problems, err := s.Check(bg); err != nil || len(problems) > 0 {
		t.Fatalf("Check: %v %v", problems, err)
	}
	// A count that went wrong (a file edited by hand) is found by check.
	if _, err := s.db.Exec(`UPDATE sessions SET answered = 7 WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(bg); err != nil || len(problems) != 1 {
		t.Fatalf("Check after the count was changed by hand: %v %v", problems, err)
	}
}

// A file made before migration 5 has scores but no count on its session
// rows: the migration counts them once. Its screen state is in the
// ui_state table of old: migration 6 moves it onto the session row.
func TestAnsweredCountMigratedFromSchema4(t *testing.T) {
	s, path := openTemp(t)
	id, opds := newSession(t, s, "A", "B")
	for i, a := range []workshop.Answer{{Level: 2}, {NA: true}, {}} {
		if _, err := s.SetAnswer(bg, id, opds[i%2].ID, smallKeys()[i], a); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.SetNote(bg, id, opds[1].ID, smallKeys()[2], "catatan"); err != nil {
		t.Fatal(err)
	}
	// back to schema 4, as such a file was written
	if _, err := s.db.Exec(`DROP TRIGGER scores_answered_insert; DROP TRIGGER scores_answered_update; DROP TRIGGER scores_answered_delete;
		ALTER TABLE sessions DROP COLUMN answered; ALTER TABLE sessions DROP COLUMN ui_state;
		CREATE TABLE ui_state (
			session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
			state      BLOB    NOT NULL,
			updated_at INTEGER NOT NULL
		);
		INSERT INTO ui_state VALUES (?, '{"phase":3,"row":1}', 1);
		PRAGMA user_version = 4`, id); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if got := listedDone(t, s2, id); got != 2 { // a level and an N/A; the note alone is not an answer
		t.Fatalf("after the migration the session lists %d answered, want 2", got)
	}
	if d := mustLoad(t, s2, id); string(d.UIState) != `{"phase":3,"row":1}` {
		t.Fatalf("the screen state after the migration is %q", d.UIState)
	}
}

// smallKeys are smallFramework's indicator keys in order.
func smallKeys() []string {
	var keys []string
	for _, d := range smallFramework().Dimensions {
		for _, e := range d.Elements {
			for _, in := range e.Indicators {
				keys = append(keys, in.Key)
			}
		}
	}
	return keys
}
