package tui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/live"
	"github.com/bimtek/bimtek/phrase"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// listening opens the app on the grid with its changes forwarded into
// msgs, as the running program's Send would.
func listening(t *testing.T) (*appEnv, *Model, chan tea.Msg) {
	t.Helper()
	e := newAppEnv(t)
	m := e.open(120, 40)
	msgs := make(chan tea.Msg, 256)
	m.Listen(func(msg tea.Msg) { msgs <- msg })
	e.keys(m, "g", "4")
	return e, m, msgs
}

// gridLine is the first line of the screen that names code.
func gridLine(m *Model, code string) string {
	for _, l := range strings.Split(screen(m), "\n") {
		if strings.Contains(l, code) {
			return l
		}
	}
	return ""
}

// A phone's answer reaches the app as a message and shows in the grid.
func TestPhoneAnswerShowsInGrid(t *testing.T) {
	_, m, msgs := listening(t)
	l := m.ses().sess.Live
	o := m.ses().sess.Data.OPDs[0] // BAPPEDA, the row under the cursor
	key := m.ses().sess.F().Dimensions[0].Indicators()[0].Key
	if line := gridLine(m, "BAPPEDA"); strings.Contains(line, "4") || !strings.Contains(screen(m), "Smart Governance 0%") {
		t.Fatalf("before the phone wrote:\n%s", screen(m))
	}
	phone := workshop.Source{Kind: workshop.SourcePhone, OPDID: o.ID, Device: "HP Bappeda"}
	if _, err := l.SetAnswer(context.Background(), phone, o.ID, key, workshop.Answer{Level: 4}); err != nil {
		t.Fatal(err)
	}
	for {
		msg := <-msgs
		_, cmd := m.Update(msg)
		runCmd(m, cmd)
		if c, ok := msg.(changeMsg); ok && c.c.Source.Kind != workshop.SourceKeyboard {
			if c.c.Source != phone || c.c.Kind != workshop.AnswerChanged || c.c.OPDID != o.ID || c.c.IndicatorKey != key {
				t.Fatalf("the app got %+v", c.c)
			}
			break
		}
	}
	if line := gridLine(m, "BAPPEDA"); !strings.Contains(line, "4") {
		t.Errorf("the phone's 4 is not in BAPPEDA's row: %q", line)
	}
	if v := screen(m); !strings.Contains(v, "Smart Governance 17%") {
		t.Errorf("the tab's completion did not follow the phone (1 of 6 cells):\n%s", v)
	}
	if got := m.ses().sess.Board.Answer(o.ID, key); got.Level != 4 {
		t.Errorf("the screens' board holds %+v", got)
	}
}

// Phones write from their own goroutines while the program's goroutine
// runs Update and View with the facilitator typing: no data race (run with
// -race), and once every change has arrived the screens' copy equals the
// owner's and the file.
func TestPhonesWhileTheAppRuns(t *testing.T) {
	e, m, msgs := listening(t)
	l := m.ses().sess.Live
	f := m.ses().sess.F()
	phoneOPD := m.ses().sess.Data.OPDs[1] // DISKOMINFO; the keyboard types on BAPPEDA's row
	var keys []string
	for _, d := range f.Dimensions {
		for _, ind := range d.Indicators() {
			keys = append(keys, ind.Key)
		}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		src := workshop.Source{Kind: workshop.SourcePhone, OPDID: phoneOPD.ID}
		for i, k := range keys {
			if _, err := l.SetAnswer(context.Background(), src, phoneOPD.ID, k, workshop.Answer{Level: 1 + i%5}); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	phoneChanges, typed := 0, 0
	for phoneChanges < len(keys) {
		msg := <-msgs
		if c, ok := msg.(changeMsg); ok && c.c.Source.Kind == workshop.SourcePhone {
			phoneChanges++
		}
		_, cmd := m.Update(msg)
		runCmd(m, cmd)
		_ = m.View()
		// The facilitator types while the phone is still writing.
		if phoneChanges%4 == 1 && typed < 3 && phoneChanges/4 == typed {
			typed++
			e.keys(m, "3")
			_ = m.View()
		}
	}
	wg.Wait()
	for _, o := range m.ses().sess.Data.OPDs {
		for _, k := range keys {
			var want workshop.Answer
			l.Read(func(_ *workshop.Data, b *workshop.Board) { want = b.Answer(o.ID, k) })
			if got := m.ses().sess.Board.Answer(o.ID, k); got != want {
				t.Errorf("%s %s: screens %+v, owner %+v", o.Code, k, got, want)
			}
		}
	}
	file := reopenData(t, e.path, e.id)
	if got := len(file.Scores); got != len(keys)+3 {
		t.Errorf("%d cells in the file, want %d phone answers and 3 typed: %+v", got, len(keys), file.Scores)
	}
}

// TestTakeOverProcessTUI is the other process of TestLockLostShownOnScreen:
// it takes the session over, as `bimtek open ID --take-over` does; run
// alone it does nothing.
func TestTakeOverProcessTUI(t *testing.T) {
	path := os.Getenv("BIMTEK_TAKEOVER_DB")
	if path == "" {
		t.Skip("only the other process of a take-over test")
	}
	id, err := strconv.ParseInt(os.Getenv("BIMTEK_TAKEOVER_ID"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := live.Open(context.Background(), st, id, live.Options{TakeOver: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// When another process takes the session over, the facilitator's next
// digit is refused: the screen says so in one sentence and does not show
// the refused level.
func TestLockLostShownOnScreen(t *testing.T) {
	e, m, msgs := listening(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestTakeOverProcessTUI$")
	cmd.Env = append(os.Environ(), "BIMTEK_TAKEOVER_DB="+e.path, fmt.Sprint("BIMTEK_TAKEOVER_ID=", e.id))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the other process: %v\n%s", err, out)
	}
	e.keys(m, "3")
	for {
		msg := <-msgs
		_, cmd := m.Update(msg)
		runCmd(m, cmd)
		if c, ok := msg.(changeMsg); ok && c.c.Kind == workshop.LockLost {
			break
		}
	}
	err := m.ses().sess.Live.Err()
	if !errors.Is(err, workshop.ErrLockLost) {
		t.Fatalf("the owner's error is %v", err)
	}
	// The status line shows the sentence's opening (it is cut at the
	// window's edge).
	first := string([]rune(phrase.Sentence("id", err))[:60])
	v := screen(m)
	if !strings.Contains(strings.Join(strings.Fields(v), " "), strings.Join(strings.Fields(first), " ")) {
		t.Errorf("the screen does not say %q:\n%s", first, v)
	}
	if line := gridLine(m, "BAPPEDA"); strings.Contains(line, "3") {
		t.Errorf("the refused 3 is on screen: %q", line)
	}
	if n := len(reopenData(t, e.path, e.id).Scores); n != 0 {
		t.Errorf("%d cells in the file, want none", n)
	}
}
