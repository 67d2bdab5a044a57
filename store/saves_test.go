package store

import (
	"errors"
	"fmt"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

func phoneOf(o workshop.OPD) workshop.Source {
	return workshop.Source{Kind: workshop.SourcePhone, OPDID: o.ID, Device: "10.0.0.9 Android Chrome"}
}

// One WriteSaves is one transaction over many phones' saves: the written
// ones land in the order given (their events numbered one after another,
// a save's answer and note together), each with its phone as source; a
// save refused for what it says (a level off the scale before the
// transaction, an OPD removed meanwhile inside it) is left out whole with
// its reason, and the saves after it are still written. A fresh open of
// the file finds every written save.
func TestWriteSavesInOneTransactionInOrder(t *testing.T) {
	s, path := openTemp(t)
	id, opds := newSession(t, s, "A", "B", "C")
	release, err := s.Acquire(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	a, b, c := opds[0], opds[1], opds[2]
	if err := s.RemoveOPD(bg, id, c.ID); err != nil {
		t.Fatal(err)
	}
	before := len(mustEvents(t, s, id))
	set := func(key string, level int) workshop.CellEdit {
		return workshop.CellEdit{Key: key, SetAnswer: true, Answer: workshop.Answer{Level: level}}
	}
	saves := []Save{
		{Src: phoneOf(a), OPDID: a.ID, Edits: []workshop.CellEdit{{Key: "governance.e1.i1", SetAnswer: true, Answer: workshop.Answer{Level: 3}, SetNote: true, Note: "dari ponsel"}}},
		{Src: phoneOf(b), OPDID: b.ID, Edits: []workshop.CellEdit{set("governance.e1.i1", 9)}}, // off the scale
		{Src: phoneOf(c), OPDID: c.ID, Edits: []workshop.CellEdit{set("governance.e1.i1", 2)}}, // removed OPD
		{Src: phoneOf(b), OPDID: b.ID, Edits: []workshop.CellEdit{set("economy.e2.i2", 5), {Key: "economy.e1.i1", SetAnswer: true, Answer: workshop.Answer{NA: true}}}},
		{Src: phoneOf(a), OPDID: a.ID, Edits: []workshop.CellEdit{set("governance.e1.i1", 3)}}, // already so: no event
	}
	res, err := s.WriteSaves(bg, id, saves)
	if err != nil {
		t.Fatalf("WriteSaves: %v", err)
	}
	if len(res) != len(saves) {
		t.Fatalf("%d results for %d saves", len(res), len(saves))
	}
	if !errors.Is(res[1].Err, ErrOutOfScale) || res[1].Events != nil {
		t.Errorf("level 9: %+v, want ErrOutOfScale and no events", res[1])
	}
	if !errors.Is(res[2].Err, ErrNoOPD) || res[2].Events != nil {
		t.Errorf("removed OPD: %+v, want ErrNoOPD and no events", res[2])
	}
	var ids []int64
	for _, i := range []int{0, 3, 4} {
		if res[i].Err != nil {
			t.Fatalf("save %d refused: %v", i, res[i].Err)
		}
		for _, ev := range res[i].Events {
			ids = append(ids, ev.ID)
		}
	}
	// Save 0: answer then note; save 3: two answers; save 4 changed
	// nothing (ID 0).
	first := int64(before) + 1
	want := []int64{first, first + 1, first + 2, first + 3, 0}
	if fmt.Sprint(ids) != fmt.Sprint(want) {
		t.Fatalf("event ids %v, want %v", ids, want)
	}

	s2, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	evs := mustEvents(t, s2, id)[before:]
	var got []string
	for _, ev := range evs {
		got = append(got, fmt.Sprintf("%d %s %s %d/%v %q", ev.ID, ev.Source.Kind, ev.IndicatorKey, ev.New.Level, ev.New.NA, ev.NewNote))
		if ev.Source.OPDID != ev.OPDID || ev.Source.Device != "10.0.0.9 Android Chrome" {
			t.Errorf("event %d source %+v, OPD %d", ev.ID, ev.Source, ev.OPDID)
		}
	}
	wantLog := []string{
		fmt.Sprintf("%d phone governance.e1.i1 3/false %q", first, ""),
		fmt.Sprintf("%d phone governance.e1.i1 3/false %q", first+1, "dari ponsel"),
		fmt.Sprintf("%d phone economy.e2.i2 5/false %q", first+2, ""),
		fmt.Sprintf("%d phone economy.e1.i1 0/true %q", first+3, ""),
	}
	if fmt.Sprint(got) != fmt.Sprint(wantLog) {
		t.Fatalf("log after reopening:\n%q\nwant\n%q", got, wantLog)
	}
	d := mustLoad(t, s2, id)
	sheets := d.Sheets()
	if sheets[a.ID]["governance.e1.i1"].Level != 3 || sheets[b.ID]["economy.e2.i2"].Level != 5 || !sheets[b.ID]["economy.e1.i1"].NA {
		t.Fatalf("scores after reopening: %v", sheets)
	}
	if _, ok := sheets[b.ID]["governance.e1.i1"]; ok {
		t.Fatalf("the refused level 9 left a cell: %v", sheets[b.ID])
	}
}

// A group whose transaction fails (here the session was taken over by
// another process, found by the lease check at its start) writes nothing
// of any save in it and says why once, for all of them.
func TestWriteSavesFailedTransactionWritesNothing(t *testing.T) {
	first, path := openTemp(t)
	id, opds := newSession(t, first, "A", "B")
	release, err := first.Acquire(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	second, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	asOtherProcess(second)
	releaseSecond, err := second.TakeOver(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	defer releaseSecond()
	before := mustEvents(t, second, id)
	var saves []Save
	for i, o := range opds {
		saves = append(saves, Save{Src: phoneOf(o), OPDID: o.ID, Edits: []workshop.CellEdit{{Key: "governance.e1.i1", SetAnswer: true, Answer: workshop.Answer{Level: i + 1}}}})
	}
	res, err := first.WriteSaves(bg, id, saves)
	if !errors.Is(err, ErrLockLost) {
		t.Fatalf("WriteSaves after the take-over: %v, want ErrLockLost", err)
	}
	if res != nil {
		t.Fatalf("results of a failed transaction: %+v", res)
	}
	if after := mustEvents(t, second, id); len(after) != len(before) {
		t.Fatalf("%d events after the failed group, %d before", len(after), len(before))
	}
	if d := mustLoad(t, second, id); len(d.Scores) != 0 {
		t.Fatalf("scores written by a failed group: %+v", d.Scores)
	}
}

// WriteSavesUntil commits the saves written before more says no and
// reports how many those are; it always writes the first, and the rest is
// neither written nor looked at (a later transaction writes it).
func TestWriteSavesUntilCommitsThePrefix(t *testing.T) {
	s, path := openTemp(t)
	id, opds := newSession(t, s, "A", "B", "C")
	release, err := s.Acquire(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	save := func(o workshop.OPD, level int) Save {
		return Save{Src: phoneOf(o), OPDID: o.ID, Edits: []workshop.CellEdit{{Key: "governance.e1.i1", SetAnswer: true, Answer: workshop.Answer{Level: level}}}}
	}
	saves := []Save{save(opds[0], 2), save(opds[1], 3), save(opds[2], 4)}
	asked := 0
	res, n, err := s.WriteSavesUntil(bg, id, saves, func() bool { asked++; return asked < 2 })
	if err != nil {
		t.Fatal(err)
	}
	// asked before save 1 (yes) and before save 2 (no): two written
	if n != 2 || len(res) != 2 || asked != 2 {
		t.Fatalf("n = %d, %d results, asked %d times; want 2, 2, 2", n, len(res), asked)
	}
	res, n, err = s.WriteSavesUntil(bg, id, saves[n:], func() bool { return false })
	if err != nil || n != 1 || len(res) != 1 || res[0].Err != nil {
		t.Fatalf("the rest: n = %d, %+v, %v; want the one save written", n, res, err)
	}
	s2, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	d, err := s2.Load(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range opds {
		if got := d.Sheets()[o.ID]["governance.e1.i1"]; got.Level != i+2 {
			t.Errorf("%s = %+v in the file, want level %d", o.Code, got, i+2)
		}
	}
}

// WriteSavesWith writes a keystroke handed over between two saves in the
// same transaction, after the saves written so far, and commits: one
// commit for both, the keystroke's event right after the saves', its
// cursor saved, the rest of the group left for later. A keystroke refused
// for what it says leaves the saves written.
func TestWriteSavesWithTakesAKeystroke(t *testing.T) {
	s, path := openTemp(t)
	id, opds := newSession(t, s, "A", "B", "C")
	release, err := s.Acquire(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	save := func(o workshop.OPD, level int) Save {
		return Save{Src: phoneOf(o), OPDID: o.ID, Edits: []workshop.CellEdit{{Key: "governance.e1.i1", SetAnswer: true, Answer: workshop.Answer{Level: level}}}}
	}
	saves := []Save{save(opds[0], 2), save(opds[1], 3), save(opds[2], 4)}
	key := &KeyWrite{Src: workshop.Keyboard, OPDID: opds[2].ID, Key: "governance.e1.i2", Answer: workshop.Answer{Level: 5}, State: []byte(`{"row":2}`)}
	commits := s.writes.Load()
	asked := 0
	res, n, taken, err := s.WriteSavesWith(bg, id, saves, func() (bool, *KeyWrite) {
		asked++
		return false, key // before save 1
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 || len(res) != 1 || asked != 1 || taken != key {
		t.Fatalf("n = %d, %d results, asked %d, taken %p; want 1, 1, 1, %p", n, len(res), asked, taken, key)
	}
	if got := s.writes.Load() - commits; got != 1 {
		t.Errorf("%d commits for a save and a keystroke, want 1", got)
	}
	if key.Err != nil || key.Event.ID != res[0].Events[0].ID+1 || key.Event.New.Level != 5 || key.Event.Source.Kind != workshop.SourceKeyboard {
		t.Errorf("the keystroke: %+v (err %v); the save's event is %d", key.Event, key.Err, res[0].Events[0].ID)
	}
	// The rest of the group, with no keystroke to take.
	res, n, taken, err = s.WriteSavesWith(bg, id, saves[1:], func() (bool, *KeyWrite) { return false, nil })
	if err != nil || n != 2 || taken != nil || len(res) != 2 || res[0].Err != nil || res[1].Err != nil {
		t.Fatalf("the rest: n = %d, %+v, taken %v, %v", n, res, taken, err)
	}
	// A keystroke off the scale, handed over after the last save.
	bad := &KeyWrite{Src: workshop.Keyboard, OPDID: opds[0].ID, Key: "governance.e1.i2", Answer: workshop.Answer{Level: 9}, State: []byte(`{"row":0}`)}
	_, _, taken, err = s.WriteSavesWith(bg, id, []Save{save(opds[0], 1)}, func() (bool, *KeyWrite) { return false, bad })
	if err != nil || taken != bad || !errors.Is(bad.Err, ErrOutOfScale) {
		t.Fatalf("a keystroke off the scale: taken %v, its error %v, the group's %v", taken, bad.Err, err)
	}
	s2, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	d, err := s2.Load(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]int{opds[0].ID: 1, opds[1].ID: 3, opds[2].ID: 4}
	for _, o := range opds {
		if got := d.Sheets()[o.ID]["governance.e1.i1"]; got.Level != want[o.ID] {
			t.Errorf("%s = %+v in the file, want level %d", o.Code, got, want[o.ID])
		}
	}
	if got := d.Sheets()[opds[2].ID]["governance.e1.i2"]; got.Level != 5 {
		t.Errorf("the keystroke's cell is %+v in the file, want level 5", got)
	}
	if got := d.Sheets()[opds[0].ID]["governance.e1.i2"]; got.Answered() {
		t.Errorf("the refused keystroke wrote %+v", got)
	}
	if string(d.UIState) != `{"row":2}` {
		t.Errorf("the cursor in the file is %s, want the keystroke's", d.UIState)
	}
}
