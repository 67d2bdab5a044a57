package store

import (
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

// heldSession is a session of smallFramework that this Store holds, as the
// TUI holds the session it shows: its keystrokes take the prepared path.
func heldSession(t *testing.T, codes ...string) (*Store, string, int64, []workshop.OPD) {
	t.Helper()
	s, path := openTemp(t)
	id, opds := newSession(t, s, codes...)
	release, err := s.Acquire(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { release() })
	return s, path, id, opds
}

// The keystroke on a held session returns the event the log keeps, and
// the file holds the answer and the moved cursor.
func TestKeystrokeOnHeldSessionReturnsTheLoggedEvent(t *testing.T) {
	s, _, id, opds := heldSession(t, "BAPPEDA", "DINKES")
	if _, err := s.SetNote(bg, id, opds[1].ID, "governance.e1.i2", "ada SK"); err != nil {
		t.Fatal(err)
	}
	ev, err := s.SetAnswerAndState(bg, id, opds[1].ID, "governance.e1.i2", workshop.Answer{Level: 3}, []byte(`{"row":1,"col":2}`))
	if err != nil {
		t.Fatal(err)
	}
	if s.raw.begin == nil {
		t.Fatal("the keystroke on a held session did not use its prepared statements")
	}
	ev2, err := s.SetAnswerAndState(bg, id, opds[1].ID, "governance.e1.i2", workshop.Answer{NA: true}, []byte(`{"row":1,"col":3}`))
	if err != nil {
		t.Fatal(err)
	}
	log := mustEvents(t, s, id)
	if len(log) != 3 {
		t.Fatalf("log = %+v, want the note and two answers", log)
	}
	for i, got := range []Event{ev, ev2} {
		want := log[i+1]
		if got.ID != want.ID || got.Old != want.Old || got.New != want.New || got.OldNote != want.OldNote || got.NewNote != want.NewNote ||
			!got.At.Equal(want.At) || got.Source != want.Source || got.Undo || got.Redo || got.OPDID != want.OPDID || got.IndicatorKey != want.IndicatorKey {
			t.Errorf("keystroke %d returned %+v, the log has %+v", i+1, got, want)
		}
	}
	if ev.Old != (workshop.Answer{}) || ev.New != (workshop.Answer{Level: 3}) || ev.OldNote != "ada SK" || ev.NewNote != "ada SK" {
		t.Errorf("first keystroke = %+v", ev)
	}
	if ev2.Old != (workshop.Answer{Level: 3}) || ev2.New != (workshop.Answer{NA: true}) || ev2.Source != workshop.Keyboard {
		t.Errorf("second keystroke = %+v", ev2)
	}
	d := mustLoad(t, s, id)
	if string(d.UIState) != `{"row":1,"col":3}` || len(d.Scores) != 1 || d.Scores[0].Answer != (workshop.Answer{NA: true}) || d.Scores[0].Note != "ada SK" {
		t.Errorf("file: state %s, scores %+v", d.UIState, d.Scores)
	}
}

// An answer equal to the stored one logs nothing but still saves the
// cursor; an unknown OPD is refused and saves nothing; the connection is
// left out of any transaction, so the next keystroke commits.
func TestKeystrokeOnHeldSessionUnchangedAndRefused(t *testing.T) {
	s, path, id, opds := heldSession(t, "BAPPEDA")
	if _, err := s.SetAnswerAndState(bg, id, opds[0].ID, "governance.e1.i1", workshop.Answer{Level: 2}, []byte(`{"col":1}`)); err != nil {
		t.Fatal(err)
	}
	ev, err := s.SetAnswerAndState(bg, id, opds[0].ID, "governance.e1.i1", workshop.Answer{Level: 2}, []byte(`{"col":2}`))
	if err != nil {
		t.Fatal(err)
	}
	if ev.ID != 0 || ev.Old != (workshop.Answer{Level: 2}) || ev.New != ev.Old {
		t.Errorf("unchanged answer = %+v, want no event", ev)
	}
	if d := mustLoad(t, s, id); string(d.UIState) != `{"col":2}` {
		t.Errorf("the cursor of an unchanged answer was not saved: %s", d.UIState)
	}
	if _, err := s.SetAnswerAndState(bg, id, 999, "governance.e1.i1", workshop.Answer{Level: 3}, []byte(`{"col":9}`)); !errors.Is(err, ErrNoOPD) {
		t.Fatalf("unknown OPD: %v", err)
	}
	if _, err := s.SetAnswerAndState(bg, id, opds[0].ID, "governance.e1.i2", workshop.Answer{Level: 4}, []byte(`{"col":3}`)); err != nil {
		t.Fatalf("the keystroke after a refusal: %v", err)
	}
	// What was committed is in the file for another handle.
	other, err := OpenReadOnly(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	d := mustLoad(t, other, id)
	if string(d.UIState) != `{"col":3}` || len(d.Scores) != 2 {
		t.Errorf("file: state %s, scores %+v", d.UIState, d.Scores)
	}
	if n := len(mustEvents(t, other, id)); n != 2 {
		t.Errorf("%d events, want 2", n)
	}
}

// Keystrokes alone keep the -wal in bounds: past walCheckpointBytes a
// keystroke's commit is followed by bimtek's checkpoint, which goes
// through the connection the keystroke has given back.
func TestKeystrokesCheckpointTheWAL(t *testing.T) {
	s, path, id, opds := heldSession(t, "BAPPEDA", "DINKES", "DISHUB")
	keys := []string{"governance.e1.i1", "governance.e1.i2", "governance.e2.i1", "governance.e2.i2", "economy.e1.i1", "economy.e1.i2", "economy.e2.i1", "economy.e2.i2"}
	grew := false
	for i := 0; i < 2000; i++ {
		c := i % (len(keys) * len(opds))
		if _, err := s.SetAnswerAndState(bg, id, opds[c/len(keys)].ID, keys[c%len(keys)], workshop.Answer{Level: 1 + (i/24+c)%5}, fmt.Appendf(nil, `{"i":%d}`, i)); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path + "-wal")
		if err != nil {
			t.Fatal(err)
		}
		if fi.Size() >= walCheckpointBytes {
			grew = true
		}
		if grew && s.needMark.Load() {
			return // checkpointed: the next write starts the -wal again
		}
	}
	t.Fatalf("2000 keystrokes and the -wal was never checkpointed (past %d bytes: %v)", walCheckpointBytes, grew)
}

// Keystrokes and phone answers written at once from two goroutines (room
// mode) each commit whole: every one is in the log once, with ids counted
// without a gap, and every cell holds its last answer.
func TestKeystrokesBesidePhoneAnswers(t *testing.T) {
	s, _, id, opds := heldSession(t, "BAPPEDA", "DINKES")
	keys := []string{"governance.e1.i1", "governance.e1.i2", "governance.e2.i1", "governance.e2.i2"}
	const n = 40
	errs := make(chan error, 2)
	write := func(opd int64, phone bool) {
		for i := range n {
			a := workshop.Answer{Level: 1 + i%5}
			var err error
			if phone {
				_, err = s.SetAnswerBy(bg, workshop.Source{Kind: workshop.SourcePhone, OPDID: opd}, id, opd, keys[i%len(keys)], a)
			} else {
				_, err = s.SetAnswerAndState(bg, id, opd, keys[i%len(keys)], a, fmt.Appendf(nil, `{"i":%d}`, i))
			}
			if err != nil {
				errs <- err
				return
			}
		}
		errs <- nil
	}
	go write(opds[0].ID, false)
	go write(opds[1].ID, true)
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	log := mustEvents(t, s, id)
	if len(log) != 2*n {
		t.Fatalf("%d events, want %d", len(log), 2*n)
	}
	for i, e := range log {
		if e.ID != int64(i+1) {
			t.Fatalf("event %d has id %d", i+1, e.ID)
		}
	}
	d := mustLoad(t, s, id)
	if len(d.Scores) != 2*len(keys) || string(d.UIState) != fmt.Sprintf(`{"i":%d}`, n-1) {
		t.Fatalf("scores %+v, state %s", d.Scores, d.UIState)
	}
	for _, sc := range d.Scores {
		last := 0
		for i := range n {
			if keys[i%len(keys)] == sc.IndicatorKey {
				last = 1 + i%5
			}
		}
		if sc.Answer.Level != last {
			t.Errorf("OPD %d %s = %d, want its last answer %d", sc.OPDID, sc.IndicatorKey, sc.Answer.Level, last)
		}
	}
}

// An answer or a note without a cursor (a phone's answer, a note, a digit
// that did not move the cursor) on a held session also takes the
// prepared path: it returns the event the log keeps, and a note equal to
// the stored one writes nothing.
func TestHeldSetAnswerAndNoteReturnTheLoggedEvent(t *testing.T) {
	s, _, id, opds := heldSession(t, "BAPPEDA", "DINKES")
	phone := workshop.Source{Kind: workshop.SourcePhone, OPDID: opds[1].ID, Device: "hp-1"}
	ev1, err := s.SetAnswerBy(bg, phone, id, opds[1].ID, "economy.e1.i1", workshop.Answer{Level: 4})
	if err != nil {
		t.Fatal(err)
	}
	if s.raw.lease == nil || s.raw.begin == nil {
		t.Fatal("a held SetAnswer did not use the prepared statements")
	}
	ev2, err := s.SetNote(bg, id, opds[1].ID, "economy.e1.i1", "ada Perwal")
	if err != nil {
		t.Fatal(err)
	}
	same, err := s.SetNote(bg, id, opds[1].ID, "economy.e1.i1", "ada Perwal")
	if err != nil {
		t.Fatal(err)
	}
	if same.ID != 0 || same.OldNote != "ada Perwal" || same.New != (workshop.Answer{Level: 4}) {
		t.Errorf("unchanged note = %+v, want no event", same)
	}
	log := mustEvents(t, s, id)
	if len(log) != 2 {
		t.Fatalf("log = %+v, want two events", log)
	}
	for i, got := range []Event{ev1, ev2} {
		want := log[i]
		if got.ID != want.ID || got.Old != want.Old || got.New != want.New || got.OldNote != want.OldNote || got.NewNote != want.NewNote ||
			!got.At.Equal(want.At) || got.Source != want.Source || got.OPDID != want.OPDID || got.IndicatorKey != want.IndicatorKey {
			t.Errorf("write %d returned %+v, the log has %+v", i+1, got, want)
		}
	}
	if ev1.Source != phone || ev1.New != (workshop.Answer{Level: 4}) || ev2.NewNote != "ada Perwal" || ev2.OldNote != "" || ev2.Old != ev2.New {
		t.Errorf("events %+v, %+v", ev1, ev2)
	}
	d := mustLoad(t, s, id)
	if len(d.Scores) != 1 || d.Scores[0].Answer != (workshop.Answer{Level: 4}) || d.Scores[0].Note != "ada Perwal" {
		t.Errorf("scores %+v", d.Scores)
	}
}
