package store

import (
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

// Redo re-applies what the newest undo reverted, walks forward through a
// run of undos, survives a reopen of the file, and has nothing to do once
// a new change follows an undo.
func TestRedoAcrossReopen(t *testing.T) {
	s, path := openTemp(t)
	id, opds := newSession(t, s, "A", "B")
	a, b := opds[0].ID, opds[1].ID
	set := func(opd int64, key string, level int) {
		t.Helper()
		if _, err := s.SetAnswer(bg, id, opd, key, workshop.Answer{Level: level}); err != nil {
			t.Fatal(err)
		}
	}
	undo := func() {
		t.Helper()
		if _, ok, err := s.Undo(bg, id); err != nil || !ok {
			t.Fatalf("undo: %v %v", ok, err)
		}
	}
	redo := func() Event {
		t.Helper()
		ev, ok, err := s.Redo(bg, id)
		if err != nil || !ok {
			t.Fatalf("redo: %+v %v %v", ev, ok, err)
		}
		return ev
	}
	noRedo := func(when string) {
		t.Helper()
		if ev, ok, err := s.Redo(bg, id); ok || err != nil {
			t.Fatalf("%s: redo = %+v, %v, %v; want nothing to redo", when, ev, ok, err)
		}
	}
	noRedo("a fresh session")
	set(a, "governance.e1.i1", 2)
	set(a, "governance.e1.i1", 4)
	set(b, "economy.e1.i1", 5)
	noRedo("no undo yet")
	full := cellsOf(t, s, id)
	undo() // B economy back to nothing
	undo() // A governance back to 2
	afterTwo := cellsOf(t, s, id)
	if afterTwo != "1:governance.e1.i1=2" {
		t.Fatalf("after two undos cells = %q", afterTwo)
	}

	s.Close()
	var err error
	if s, err = Open(bg, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	ev := redo() // the newest undo first: A governance to 4 again
	if !ev.Redo || ev.Undo || ev.OPDID != a || ev.IndicatorKey != "governance.e1.i1" ||
		ev.Old != (workshop.Answer{Level: 2}) || ev.New != (workshop.Answer{Level: 4}) {
		t.Fatalf("first redo = %+v, want A governance.e1.i1 2 -> 4", ev)
	}
	if got := cellsOf(t, s, id); got != "1:governance.e1.i1=4" {
		t.Fatalf("after one redo cells = %q", got)
	}
	// An undo of a redo is redone again.
	undo()
	if got := cellsOf(t, s, id); got != afterTwo {
		t.Fatalf("undo of the redo: cells = %q, want %q", got, afterTwo)
	}
	redo()
	ev = redo() // then the older undo: B economy to 5
	if ev.OPDID != b || ev.New != (workshop.Answer{Level: 5}) {
		t.Fatalf("second redo = %+v, want B economy.e1.i1 -> 5", ev)
	}
	if got := cellsOf(t, s, id); got != full {
		t.Fatalf("after redoing everything cells = %q, want %q", got, full)
	}
	noRedo("everything redone")

	// A new change after an undo clears what could be redone.
	undo()
	set(a, "economy.e2.i2", 3)
	noRedo("a change after the undo")
	evs := mustEvents(t, s, id)
	var redos int
	for _, e := range evs {
		if e.Redo {
			redos++
		}
	}
	if redos != 3 {
		t.Fatalf("%d redo events in the log, want 3", redos)
	}
	_, _, err = s.Redo(bg, id+100)
	wantErr(t, err, ErrNoSession)
}

// The event log records who made each change, and reads it back after a
// reopen; a source the log cannot record is refused and writes nothing.
func TestEventSourceRecorded(t *testing.T) {
	s, path := openTemp(t)
	id, opds := newSession(t, s, "A", "B")
	a, b := opds[0].ID, opds[1].ID
	phone := workshop.Source{Kind: workshop.SourcePhone, OPDID: b, Device: "Android 7f3a"}
	if _, err := s.SetAnswer(bg, id, a, "governance.e1.i1", workshop.Answer{Level: 3}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetAnswerBy(bg, phone, id, b, "governance.e1.i1", workshop.Answer{Level: 4}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetNoteBy(bg, phone, id, b, "governance.e1.i1", "from the phone"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetAnswerAndStateBy(bg, phone, id, b, "governance.e1.i2", workshop.Answer{NA: true}, []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportScores(bg, id, []ScoreRow{{OPDID: a, IndicatorKey: "economy.e1.i1", Answer: workshop.Answer{Level: 2}}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Undo(bg, id); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []workshop.Source{{}, {Kind: "tablet"}, {Kind: workshop.SourcePhone}, {Kind: workshop.SourceKeyboard, OPDID: a}} {
		_, err := s.SetAnswerBy(bg, bad, id, a, "economy.e2.i1", workshop.Answer{Level: 1})
		wantErr(t, err, ErrInvalid)
	}
	s.Close()
	s2, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	want := []workshop.Source{workshop.Keyboard, phone, phone, phone, workshop.Import, workshop.Keyboard}
	evs := mustEvents(t, s2, id)
	if len(evs) != len(want) {
		t.Fatalf("%d events, want %d (a refused source wrote one?)", len(evs), len(want))
	}
	for i, e := range evs {
		if e.Source != want[i] {
			t.Errorf("event %d source = %+v, want %+v", e.ID, e.Source, want[i])
		}
	}
}
