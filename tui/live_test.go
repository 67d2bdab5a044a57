package tui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
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

// phoneChange is the first change in msg not made by the keyboard.
func phoneChange(msg tea.Msg) (workshop.Change, bool) {
	if cm, ok := msg.(changesMsg); ok {
		for _, c := range cm.cs {
			if c.Source.Kind != workshop.SourceKeyboard {
				return c, true
			}
		}
	}
	return workshop.Change{}, false
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
		if c, ok := phoneChange(msg); ok {
			if c.Source != phone || c.Kind != workshop.AnswerChanged || c.OPDID != o.ID || c.IndicatorKey != key {
				t.Fatalf("the app got %+v", c)
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
		if cm, ok := msg.(changesMsg); ok {
			for _, c := range cm.cs {
				if c.Source.Kind == workshop.SourcePhone {
					phoneChanges++
				}
			}
		}
		_, cmd := m.Update(msg)
		runCmd(m, cmd)
		_ = m.View()
		// The facilitator types while the phone is still writing (after
		// each batch of its changes: they arrive together when waiting).
		if typed < 3 {
			typed++
			e.keys(m, "3")
			_ = m.View()
		}
	}
	wg.Wait()
	for ; typed < 3; typed++ { // the phone was quicker than the batches
		e.keys(m, "3")
	}
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
		if cm, ok := msg.(changesMsg); ok && slices.ContainsFunc(cm.cs, func(c workshop.Change) bool { return c.Kind == workshop.LockLost }) {
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

// Changes that wait when the program takes the next one come as one
// message, in their order, up to maxChangesPerMsg: 80 phones' answers
// cost one update and one frame, not 80.
func TestWaitingChangesComeTogether(t *testing.T) {
	ch := make(chan workshop.Change, 2*maxChangesPerMsg)
	for i := range 2*maxChangesPerMsg - 1 {
		ch <- workshop.Change{Seq: uint64(i + 2)}
	}
	first := waiting(workshop.Change{Seq: 1}, ch)
	if len(first) != maxChangesPerMsg {
		t.Fatalf("%d changes in the first message, want %d", len(first), maxChangesPerMsg)
	}
	close(ch)
	rest := waiting(<-ch, ch)
	all := append(first, rest...)
	if len(all) != 2*maxChangesPerMsg {
		t.Fatalf("%d changes in all, want %d", len(all), 2*maxChangesPerMsg)
	}
	for i, c := range all {
		if c.Seq != uint64(i+1) {
			t.Fatalf("change %d has Seq %d", i, c.Seq)
		}
	}
	if one := waiting(workshop.Change{Seq: 9}, make(chan workshop.Change)); len(one) != 1 {
		t.Errorf("nothing waiting: %d changes, want 1", len(one))
	}
}

// The screens take a message of many phone answers at once: the grid
// shows every one, and the phases are told once.
func TestManyPhoneAnswersInOneMessage(t *testing.T) {
	_, m, _ := listening(t)
	l := m.ses().sess.Live
	o := m.ses().sess.Data.OPDs[1]
	var cs []workshop.Change
	ch, stop := l.Subscribe()
	defer stop()
	phone := workshop.Source{Kind: workshop.SourcePhone, OPDID: o.ID}
	inds := m.ses().sess.F().Dimensions[0].Indicators()
	for i, ind := range inds {
		if _, err := l.SetAnswer(context.Background(), phone, o.ID, ind.Key, workshop.Answer{Level: i + 2}); err != nil {
			t.Fatal(err)
		}
		cs = append(cs, <-ch)
	}
	m.Update(changesMsg{cs})
	for i, ind := range inds {
		if got := m.ses().sess.Board.Answer(o.ID, ind.Key); got.Level != i+2 {
			t.Errorf("%s = %+v on the screens, want %d", ind.Key, got, i+2)
		}
		if !m.ses().sess.FromPhone(o.ID, ind.Key) {
			t.Errorf("%s is not marked as the phone's", ind.Key)
		}
	}
	if line := gridLine(m, o.Code); !strings.Contains(line, "2") || !strings.Contains(line, "4") {
		t.Errorf("the grid's row: %q", line)
	}
}
