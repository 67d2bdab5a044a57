package live

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// takeOverElsewhere takes session id of the database at path over from
// another process (this test binary run again), as `bimtek open ID
// --take-over` on the same laptop does, and lets that process end.
func takeOverElsewhere(t *testing.T, path string, id int64) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestTakeOverProcess$")
	cmd.Env = append(os.Environ(), "BIMTEK_TAKEOVER_DB="+path, fmt.Sprint("BIMTEK_TAKEOVER_ID=", id))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the other process: %v\n%s", err, out)
	}
}

// TestTakeOverProcess is the other process of takeOverElsewhere; run
// alone it does nothing.
func TestTakeOverProcess(t *testing.T) {
	path := os.Getenv("BIMTEK_TAKEOVER_DB")
	if path == "" {
		t.Skip("only the other process of a take-over test")
	}
	id, err := strconv.ParseInt(os.Getenv("BIMTEK_TAKEOVER_ID"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := Open(bg, st, id, Options{TakeOver: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetNote(bg, Keyboard, s.Snapshot().OPDs[0].ID, s.Snapshot().Session.Framework.Dimensions[0].Indicators()[0].Key, "taken over"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// Once another process took the session over, the next write is refused
// with ErrLockLost and changes nothing, the subscribers are told LockLost
// once, and every later write is refused the same way without reaching the
// file.
func TestLockLostRefusesEveryLaterWrite(t *testing.T) {
	fx := newFixture(t)
	s := fx.s
	ch, stop := s.Subscribe()
	defer stop()
	a := fx.opds[0].ID
	if _, err := s.SetAnswer(bg, Keyboard, a, fx.keys[1], workshop.Answer{Level: 2}); err != nil {
		t.Fatal(err)
	}
	if c := next(t, ch); c.Kind != AnswerChanged {
		t.Fatalf("told %+v", c)
	}
	takeOverElsewhere(t, fx.path, fx.id)
	before := memoryCells(t, s)
	_, err := s.SetAnswer(bg, Keyboard, a, fx.keys[1], workshop.Answer{Level: 5})
	if !errors.Is(err, workshop.ErrLockLost) {
		t.Fatalf("write after the take-over: %v, want ErrLockLost", err)
	}
	if c := next(t, ch); c.Kind != LockLost {
		t.Fatalf("told %+v, want LockLost", c)
	}
	if !errors.Is(s.Err(), workshop.ErrLockLost) {
		t.Fatalf("Err() = %v", s.Err())
	}
	evs, err := fx.st.Events(bg, fx.id)
	if err != nil {
		t.Fatal(err)
	}
	later := map[string]func() error{
		"note":   func() error { _, err := s.SetNote(bg, Keyboard, a, fx.keys[1], "x"); return err },
		"undo":   func() error { _, _, err := s.Undo(bg); return err },
		"roster": func() error { _, err := s.AddOPD(bg, workshop.OPDInput{Code: "NEW", Name: "Baru"}); return err },
		"target": func() error { return s.SetTarget(bg, "governance", 4) },
		"state":  func() error { return s.SaveUIState(bg, []byte(`{}`)) },
		"an answer": func() error {
			_, err := s.SetAnswer(bg, Keyboard, a, fx.keys[0], workshop.Answer{Level: 1})
			return err
		},
	}
	for name, w := range later {
		if err := w(); !errors.Is(err, workshop.ErrLockLost) {
			t.Errorf("%s after the lock was lost: %v", name, err)
		}
	}
	after, err := fx.st.Events(bg, fx.id)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(evs) {
		t.Fatalf("%d events after the refusals, %d before", len(after), len(evs))
	}
	if got := memoryCells(t, s); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Fatalf("memory changed by refused writes: %q, was %q", got, before)
	}
	select {
	case c := <-ch:
		t.Fatalf("a refused write was told: %+v", c)
	default:
	}
}
