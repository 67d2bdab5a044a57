package store

import (
	"fmt"
	"os"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

// walFrames is the number of page frames in path's -wal.
func walFrames(t *testing.T, s *Store, path string) int64 {
	t.Helper()
	var pageSize int64
	if err := s.db.QueryRow("PRAGMA page_size").Scan(&pageSize); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path + "-wal")
	if err != nil {
		if os.IsNotExist(err) {
			return 0
		}
		t.Fatal(err)
	}
	if fi.Size() <= 32 {
		return 0
	}
	return (fi.Size() - 32) / (pageSize + 24)
}

// The cost of the keystroke's durable write beside a bare INSERT (DESIGN
// section 10) is the pages it writes to the -wal before its one fsync: the
// event, the score, the session row (activity, answered count and the
// moved cursor). Three pages a keystroke, counted on the scale session.
func TestKeystrokeWritesThreePages(t *testing.T) {
	s, path := openTemp(t)
	f := workshop.ScaleFramework()
	opds := workshop.ScaleOPDs(80)
	n := NewSession{City: "Kota Skala", Stage: 2, Date: "2026-11-28", Framework: f}
	for _, o := range opds {
		n.OPDs = append(n.OPDs, OPDInput{Code: o.Code, Name: o.Name})
	}
	id, err := s.CreateSession(bg, n)
	if err != nil {
		t.Fatal(err)
	}
	d := mustLoad(t, s, id)
	release, err := s.Acquire(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	var keys []string
	for _, dm := range f.Dimensions {
		for _, e := range dm.Elements {
			for _, in := range e.Indicators {
				keys = append(keys, in.Key)
			}
		}
	}
	state := func(c int) []byte {
		return fmt.Appendf(nil, `{"phase":3,"tab":0,"row":%d,"col":%d,"timers":[{"phase":3,"elapsed":1234567890,"running":true}]}`, c/15, c%15)
	}
	write := func(c int) {
		if _, err := s.SetAnswerAndState(bg, id, d.OPDs[c/15].ID, keys[c%15], workshop.Answer{Level: 1 + c%5}, state(c+1)); err != nil {
			t.Fatal(err)
		}
	}
	for c := 0; c < 20; c++ { // the pages of the first rows exist
		write(c)
	}
	const keystrokes = 40
	before := walFrames(t, s, path)
	for c := 20; c < 20+keystrokes; c++ {
		write(c)
	}
	frames := walFrames(t, s, path) - before
	t.Logf("%d keystrokes wrote %d pages", keystrokes, frames)
	// A new page of the event log now and then adds the file's first page
	// (its size changed): allow one such pair per 8 keystrokes.
	if max := int64(3*keystrokes + 2*keystrokes/8); frames > max {
		t.Errorf("%d keystrokes wrote %d pages to the -wal, more than %d (3 a keystroke)", keystrokes, frames, max)
	}
}
