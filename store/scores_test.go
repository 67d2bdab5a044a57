package store

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

// cellsOf renders a session's stored cells as "OPD:indicator=value" in a
// stable order, for comparing whole states.
func cellsOf(t *testing.T, s *Store, id int64) string {
	t.Helper()
	d := mustLoad(t, s, id)
	var b []string
	for _, r := range d.Scores {
		v := fmt.Sprint(r.Answer.Level)
		if r.Answer.NA {
			v = "NA"
		}
		if r.Note != "" {
			v += "[" + r.Note + "]"
		}
		b = append(b, fmt.Sprintf("%d:%s=%s", r.OPDID, r.IndicatorKey, v))
	}
	return strings.Join(b, " ")
}

func TestSetAnswerRefusesAndWritesNothing(t *testing.T) {
	s, _ := openTemp(t)
	id, opds := newSession(t, s, "A")
	other, otherOPDs := newSession(t, s, "B")
	if _, err := s.SetAnswer(bg, id, opds[0].ID, "governance.e1.i1", workshop.Answer{Level: 2}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		opd   int64
		key   string
		a     workshop.Answer
		want  error
		words string // the message names the problem
	}{
		{"digit above the scale", opds[0].ID, "governance.e1.i1", workshop.Answer{Level: 6}, ErrOutOfScale, "from 1 to 5"},
		{"digit 9", opds[0].ID, "governance.e1.i2", workshop.Answer{Level: 9}, ErrOutOfScale, "level 9"},
		{"negative level", opds[0].ID, "governance.e1.i1", workshop.Answer{Level: -1}, ErrOutOfScale, "level -1"},
		{"N/A with a level", opds[0].ID, "governance.e1.i1", workshop.Answer{Level: 3, NA: true}, ErrInvalid, "N/A"},
		{"unknown indicator", opds[0].ID, "branding.e1.i1", workshop.Answer{Level: 3}, ErrNoIndicator, "branding.e1.i1"},
		{"unknown OPD", 9999, "governance.e1.i1", workshop.Answer{Level: 3}, ErrNoOPD, "9999"},
		{"OPD of another session", otherOPDs[0].ID, "governance.e1.i1", workshop.Answer{Level: 3}, ErrNoOPD, "OPD"},
	}
	before, events := cellsOf(t, s, id), len(mustEvents(t, s, id))
	updated := mustLoad(t, s, id).Session.UpdatedAt
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.SetAnswer(bg, id, tt.opd, tt.key, tt.a)
			wantErr(t, err, tt.want)
			if !strings.Contains(err.Error(), tt.words) {
				t.Errorf("message %q does not say %q", err, tt.words)
			}
			if got := cellsOf(t, s, id); got != before {
				t.Errorf("cells = %q, want unchanged %q", got, before)
			}
			if n := len(mustEvents(t, s, id)); n != events {
				t.Errorf("%d events, want %d", n, events)
			}
			if u := mustLoad(t, s, id).Session.UpdatedAt; !u.Equal(updated) {
				t.Errorf("session activity moved from %v to %v", updated, u)
			}
		})
	}
	if got := cellsOf(t, s, other); got != "" {
		t.Fatalf("other session got cells %q", got)
	}
	_, err := s.SetAnswer(bg, other+1, opds[0].ID, "governance.e1.i1", workshop.Answer{Level: 1})
	wantErr(t, err, ErrNoSession)
}

func TestEventsAndUndoAcrossReopen(t *testing.T) {
	s, path := openTemp(t)
	id, opds := newSession(t, s, "A", "B")
	a, b := opds[0].ID, opds[1].ID
	type op struct {
		opd  int64
		key  string
		a    workshop.Answer
		note *string
	}
	note := func(s string) *string { return &s }
	writes := []op{
		{a, "governance.e1.i1", workshop.Answer{Level: 3}, nil},
		{b, "governance.e1.i1", workshop.Answer{Level: 4}, nil},
		{a, "governance.e1.i1", workshop.Answer{Level: 5}, nil},
		{a, "governance.e1.i1", workshop.Answer{}, note("ask again after lunch")},
		{b, "economy.e2.i2", workshop.Answer{NA: true}, nil},
	}
	var states []string // cells after each write
	states = append(states, cellsOf(t, s, id))
	for _, w := range writes {
		var err error
		if w.note != nil {
			_, err = s.SetNote(bg, id, w.opd, w.key, *w.note)
		} else {
			_, err = s.SetAnswer(bg, id, w.opd, w.key, w.a)
		}
		if err != nil {
			t.Fatal(err)
		}
		states = append(states, cellsOf(t, s, id))
	}
	// Writing the stored value again changes nothing and logs nothing.
	if ev, err := s.SetAnswer(bg, id, b, "economy.e2.i2", workshop.Answer{NA: true}); err != nil || ev.ID != 0 {
		t.Fatalf("repeat write = %+v, %v; want no event", ev, err)
	}
	evs := mustEvents(t, s, id)
	if len(evs) != len(writes) {
		t.Fatalf("%d events, want %d", len(evs), len(writes))
	}
	wantEv := Event{ID: evs[2].ID, SessionID: id, OPDID: a, IndicatorKey: "governance.e1.i1",
		Old: workshop.Answer{Level: 3}, New: workshop.Answer{Level: 5}, At: evs[2].At, Source: workshop.Keyboard}
	if !reflect.DeepEqual(evs[2], wantEv) {
		t.Fatalf("event 3 = %+v, want %+v", evs[2], wantEv)
	}
	if e := evs[3]; e.Old != e.New || e.OldNote != "" || e.NewNote != "ask again after lunch" {
		t.Fatalf("note event = %+v", e)
	}

	// Undo walks back one write per call, and goes on after a reopen.
	for i := len(writes) - 1; i >= 0; i-- {
		if i == 2 {
			s.Close()
			var err error
			if s, err = Open(bg, path); err != nil {
				t.Fatal(err)
			}
			defer s.Close()
		}
		ev, ok, err := s.Undo(bg, id)
		if err != nil || !ok {
			t.Fatalf("undo %d: %+v, %v, %v", i, ev, ok, err)
		}
		if !ev.Undo || ev.OPDID != writes[i].opd || ev.IndicatorKey != writes[i].key {
			t.Fatalf("undo %d wrote %+v, want the undo of write %d", i, ev, i)
		}
		if got := cellsOf(t, s, id); got != states[i] {
			t.Fatalf("after undo %d cells = %q, want %q", i, got, states[i])
		}
	}
	if ev, ok, err := s.Undo(bg, id); ok || err != nil {
		t.Fatalf("undo with nothing left = %+v, %v, %v", ev, ok, err)
	}
	evs = mustEvents(t, s, id)
	if len(evs) != 2*len(writes) {
		t.Fatalf("%d events after undoing all, want %d", len(evs), 2*len(writes))
	}
	for i, e := range evs[len(writes):] {
		if !e.Undo {
			t.Errorf("event %d is not marked as an undo", len(writes)+i+1)
		}
	}
	_, _, err := s.Undo(bg, id+100)
	wantErr(t, err, ErrNoSession)
}

// A new change after undos is undone first, then the walk goes on where it
// stopped; changes of a removed OPD are skipped.
func TestUndoAfterNewChangeAndRemovedOPD(t *testing.T) {
	s, _ := openTemp(t)
	id, opds := newSession(t, s, "A", "B")
	a, b := opds[0].ID, opds[1].ID
	set := func(opd int64, key string, level int) {
		t.Helper()
		if _, err := s.SetAnswer(bg, id, opd, key, workshop.Answer{Level: level}); err != nil {
			t.Fatal(err)
		}
	}
	undo := func() Event {
		t.Helper()
		ev, ok, err := s.Undo(bg, id)
		if err != nil || !ok {
			t.Fatalf("undo: %v %v", ok, err)
		}
		return ev
	}
	set(a, "governance.e1.i1", 1) // 1
	set(b, "governance.e1.i1", 2) // 2 (B: removed below)
	set(a, "governance.e1.i2", 3) // 3
	undo()                        // undoes 3
	set(a, "economy.e1.i1", 4)    // 5
	if ev := undo(); ev.IndicatorKey != "economy.e1.i1" {
		t.Fatalf("undo after a new change reverted %+v", ev)
	}
	if err := s.RemoveOPD(bg, id, b); err != nil {
		t.Fatal(err)
	}
	if ev := undo(); ev.OPDID != a || ev.IndicatorKey != "governance.e1.i1" || ev.New != (workshop.Answer{}) {
		t.Fatalf("undo did not skip the removed OPD: %+v", ev)
	}
	if _, ok, err := s.Undo(bg, id); ok || err != nil {
		t.Fatalf("nothing should be left to undo: %v %v", ok, err)
	}
	if got := cellsOf(t, s, id); got != "" {
		t.Fatalf("cells = %q, want none", got)
	}
}

func TestImportScores(t *testing.T) {
	s, _ := openTemp(t)
	id, opds := newSession(t, s, "A", "B")
	a, b := opds[0].ID, opds[1].ID
	first := []ScoreRow{
		{OPDID: a, IndicatorKey: "governance.e1.i1", Answer: workshop.Answer{Level: 3}},
		{OPDID: a, IndicatorKey: "governance.e1.i2", Answer: workshop.Answer{NA: true}, Note: "no such service"},
		{OPDID: b, IndicatorKey: "economy.e2.i1", Answer: workshop.Answer{Level: 5}},
	}
	tests := []struct {
		name    string
		rows    []ScoreRow
		want    error
		changed int
		cells   string
	}{
		{"first import", first, nil, 3, "%[1]d:governance.e1.i1=3 %[1]d:governance.e1.i2=NA[no such service] %[2]d:economy.e2.i1=5"},
		{"same rows again change nothing", first, nil, 0, "%[1]d:governance.e1.i1=3 %[1]d:governance.e1.i2=NA[no such service] %[2]d:economy.e2.i1=5"},
		{"one changed row", []ScoreRow{first[0], {OPDID: b, IndicatorKey: "economy.e2.i1", Answer: workshop.Answer{Level: 4}}}, nil, 1,
			"%[1]d:governance.e1.i1=3 %[1]d:governance.e1.i2=NA[no such service] %[2]d:economy.e2.i1=4"},
		{"bad level in the last row writes none", []ScoreRow{{OPDID: a, IndicatorKey: "economy.e1.i1", Answer: workshop.Answer{Level: 2}},
			{OPDID: b, IndicatorKey: "economy.e1.i1", Answer: workshop.Answer{Level: 7}}}, ErrOutOfScale, 0,
			"%[1]d:governance.e1.i1=3 %[1]d:governance.e1.i2=NA[no such service] %[2]d:economy.e2.i1=4"},
		{"unknown OPD in the last row writes none", []ScoreRow{{OPDID: a, IndicatorKey: "economy.e1.i1", Answer: workshop.Answer{Level: 2}},
			{OPDID: 999, IndicatorKey: "economy.e1.i1", Answer: workshop.Answer{Level: 2}}}, ErrNoOPD, 0,
			"%[1]d:governance.e1.i1=3 %[1]d:governance.e1.i2=NA[no such service] %[2]d:economy.e2.i1=4"},
		{"unknown indicator writes none", []ScoreRow{{OPDID: a, IndicatorKey: "economy.e1.i1", Answer: workshop.Answer{Level: 2}},
			{OPDID: a, IndicatorKey: "x", Answer: workshop.Answer{Level: 2}}}, ErrNoIndicator, 0,
			"%[1]d:governance.e1.i1=3 %[1]d:governance.e1.i2=NA[no such service] %[2]d:economy.e2.i1=4"},
		{"clearing rows", []ScoreRow{{OPDID: a, IndicatorKey: "governance.e1.i1"}, {OPDID: a, IndicatorKey: "governance.e1.i2"}}, nil, 2,
			"%[2]d:economy.e2.i1=4"},
	}
	events := 0
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			changed, err := s.ImportScores(bg, id, tt.rows)
			wantErr(t, err, tt.want)
			if changed != tt.changed {
				t.Errorf("changed = %d, want %d", changed, tt.changed)
			}
			if got, want := cellsOf(t, s, id), fmt.Sprintf(tt.cells, a, b); got != want {
				t.Errorf("cells = %q, want %q", got, want)
			}
			events += tt.changed
			if n := len(mustEvents(t, s, id)); n != events {
				t.Errorf("%d events, want %d (one per changed row)", n, events)
			}
		})
	}
}

// Whatever mix of writes, notes, undos, imports and removals happens, the
// stored cells are exactly the replay of the event log, and the list's
// completion counts them.
func TestScoresFollowTheLog(t *testing.T) {
	s, _ := openTemp(t)
	id, opds := newSession(t, s, "A", "B", "C")
	keys := []string{"governance.e1.i1", "governance.e2.i2", "economy.e1.i1"}
	rng := rand.New(rand.NewPCG(7, 11))
	removed := map[int64]bool{}
	for step := range 400 {
		o := opds[rng.IntN(len(opds))].ID
		key := keys[rng.IntN(len(keys))]
		var err error
		switch op := rng.IntN(10); {
		case op < 5:
			a := workshop.Answer{Level: rng.IntN(6)}
			if a.Level == 0 && rng.IntN(2) == 0 {
				a.NA = true
			}
			_, err = s.SetAnswer(bg, id, o, key, a)
		case op < 6:
			_, err = s.SetNote(bg, id, o, key, []string{"", "cek ulang", "tanya kepala dinas"}[rng.IntN(3)])
		case op < 9:
			_, _, err = s.Undo(bg, id)
		default:
			_, err = s.ImportScores(bg, id, []ScoreRow{{OPDID: o, IndicatorKey: key, Answer: workshop.Answer{Level: 1 + rng.IntN(5)}, Note: "impor"}})
		}
		if removed[o] {
			if err != nil && !errors.Is(err, ErrNoOPD) {
				t.Fatalf("step %d: %v", step, err)
			}
		} else if err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		if step == 300 {
			if err := s.RemoveOPD(bg, id, opds[2].ID); err != nil {
				t.Fatal(err)
			}
			removed[opds[2].ID] = true
		}
	}
	replay := map[string]string{}
	for _, e := range mustEvents(t, s, id) {
		k := fmt.Sprintf("%d:%s", e.OPDID, e.IndicatorKey)
		if removed[e.OPDID] {
			continue
		}
		v := fmt.Sprint(e.New.Level)
		if e.New.NA {
			v = "NA"
		}
		if e.NewNote != "" {
			v += "[" + e.NewNote + "]"
		}
		if !e.New.Answered() && e.NewNote == "" {
			delete(replay, k)
		} else {
			replay[k] = k + "=" + v
		}
	}
	var want []string
	for _, v := range replay {
		want = append(want, v)
	}
	sort.Strings(want)
	if got := cellsOf(t, s, id); got != strings.Join(want, " ") {
		t.Fatalf("stored cells\n%s\nare not the replay of the log\n%s", got, strings.Join(want, " "))
	}
}
