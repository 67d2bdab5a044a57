package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/phrase"
	"github.com/bimtek/bimtek/workshop"
)

// slowLive is the session's owner with a slow disk: each answer's commit
// waits before it writes (or fails with fail, writing nothing).
type slowLive struct {
	Live
	wait time.Duration
	fail error
}

func (l *slowLive) commit() error {
	time.Sleep(l.wait)
	return l.fail
}

func (l *slowLive) SetAnswer(ctx context.Context, src workshop.Source, opdID int64, key string, a workshop.Answer) (workshop.Event, error) {
	if err := l.commit(); err != nil {
		return workshop.Event{}, err
	}
	return l.Live.SetAnswer(ctx, src, opdID, key, a)
}

func (l *slowLive) SetAnswerAndState(ctx context.Context, src workshop.Source, opdID int64, key string, a workshop.Answer, st []byte) (workshop.Event, error) {
	if err := l.commit(); err != nil {
		return workshop.Event{}, err
	}
	return l.Live.SetAnswerAndState(ctx, src, opdID, key, a, st)
}

// TestDigitFrameOnlyAfterItsCommit: the digit's frame is drawn while its
// commit runs, but Update (after which the frame can reach the terminal)
// returns only once the answer is in the file, however slow the disk.
func TestDigitFrameOnlyAfterItsCommit(t *testing.T) {
	e := newAppEnv(t)
	m := e.open(120, 40)
	e.keys(m, "g", "4")
	m.ses().sess.Live = &slowLive{Live: m.ses().sess.Live, wait: 30 * time.Millisecond}
	opd := m.ses().sess.Data.OPDs[0].ID
	keys := m.ses().sess.F().Dimensions[0].Indicators()
	for i, d := range []string{"3", "4", "0"} {
		m.Update(phKey(d))
		// Read straight from the file, the moment Update returned.
		sheet := e.savedSheet(opd)
		want := workshop.Answer{Level: 3 + i}
		if d == "0" {
			want = workshop.Answer{NA: true}
		}
		if got := sheet[keys[i].Key]; got != want {
			t.Fatalf("digit %s: the file holds %+v when Update returned, want %+v", d, got, want)
		}
		if m.drawn == "" {
			t.Errorf("digit %s: no frame was drawn while the answer committed", d)
		}
		if drawn, again := m.View().Content, m.View().Content; drawn != again {
			t.Errorf("digit %s: the frame drawn during the commit differs from a fresh one:\n%s\n---\n%s", d, ansi.Strip(drawn), ansi.Strip(again))
		}
	}
	if saved := e.savedState(); saved.Row != 1 || saved.Col != 0 {
		// the dimension has three items: the third digit moved the cursor
		// to the next OPD's first, and that cursor was committed with it
		t.Errorf("saved cursor %d/%d, want 1/0", saved.Row, saved.Col)
	}
}

// TestFailedCommitPutsTheCellBack: when the answer's commit fails after
// its frame was drawn, the cell, the cursor and the file are as before the
// key, and the status says why: the terminal never shows the digit.
func TestFailedCommitPutsTheCellBack(t *testing.T) {
	e := newAppEnv(t)
	m := e.open(120, 40)
	e.keys(m, "g", "4", "right")
	lost := &workshop.LockLostError{SessionID: e.id}
	m.ses().sess.Live = &slowLive{Live: m.ses().sess.Live, wait: 5 * time.Millisecond, fail: lost}
	opd := m.ses().sess.Data.OPDs[0].ID
	key := m.ses().sess.F().Dimensions[0].Indicators()[1].Key
	before := screen(m)
	m.Update(phKey("5"))
	if a := m.ses().sess.Board.Answer(opd, key); a.Answered() {
		t.Errorf("the board keeps %+v after the failed commit", a)
	}
	if st := m.ses().sess.State; st.Row != 0 || st.Col != 1 {
		t.Errorf("cursor %d/%d after the failed commit, want 0/1", st.Row, st.Col)
	}
	if got := e.savedSheet(opd)[key]; got.Answered() {
		t.Errorf("the file holds %+v", got)
	}
	frame := ansi.Strip(m.View().Content)
	want := phrase.Sentence("id", lost)
	if !strings.Contains(strings.Join(strings.Fields(frame), " "), strings.Join(strings.Fields(want), " ")) {
		t.Errorf("the status does not say %q:\n%s", want, frame)
	}
	// Apart from the status, the frame is the one before the key.
	if cut := func(s string) string { return strings.Join(strings.Split(s, "\n")[:30], "\n") }; cut(frame) != cut(before) {
		t.Errorf("the frame changed:\n%s\n--- before\n%s", cut(frame), cut(before))
	}
	if err := m.ses().sess.Settle(); err != nil {
		t.Errorf("the failure is told again: %v", err)
	}
}

// savedSheet is one OPD's answers as the file holds them.
func (e *appEnv) savedSheet(opd int64) map[string]workshop.Answer {
	e.t.Helper()
	d, err := e.st.Load(context.Background(), e.id)
	if err != nil {
		e.t.Fatal(err)
	}
	return d.Sheets()[opd]
}
