package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/phrase"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// appClock is a clock the test moves by hand.
type appClock struct{ t time.Time }

func (c *appClock) now() time.Time { return c.t }

type appEnv struct {
	t     *testing.T
	path  string
	st    *store.Store
	id    int64
	clock *appClock
}

func newAppEnv(t *testing.T) *appEnv {
	t.Helper()
	st, path := openTestStore(t, "app.db")
	id, _ := createTestSession(t, st, store.NewSession{
		City: "Kota Uji", Stage: 2, Date: "2026-11-28", Framework: elemenFramework(t),
		OPDs: []store.OPDInput{{Code: "BAPPEDA", Name: "Badan Perencanaan Pembangunan Daerah"}, {Code: "DISKOMINFO", Name: "Dinas Komunikasi dan Informatika"}},
	})
	return &appEnv{t: t, path: path, st: st, id: id, clock: &appClock{t: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)}}
}

// open starts the app on the session, as `bimtek open ID` does.
func (e *appEnv) open(w, h int) *Model {
	e.t.Helper()
	m, err := New(withStore(e.st, Options{Lang: "id", Theme: "dark", Session: e.id, Now: e.clock.now}))
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { m.Close() })
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// openProjector starts a read-only view of the session beside the
// facilitator's: the projector's window.
func (e *appEnv) openProjector(w, h int) *Model {
	e.t.Helper()
	ro, err := store.OpenReadOnly(context.Background(), e.path)
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { ro.Close() })
	pv, err := New(withStore(ro, Options{Lang: "id", Session: e.id, ReadOnly: true, Now: e.clock.now}))
	if err != nil {
		e.t.Fatalf("projector view beside the facilitator: %v", err)
	}
	pv.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return pv
}

// keys sends key presses and runs the commands they return (one level,
// enough for status and error messages).
func (e *appEnv) keys(m *Model, keys ...string) {
	e.t.Helper()
	for _, k := range keys {
		_, cmd := m.Update(phKey(k))
		runCmd(m, cmd)
	}
}

func runCmd(m *Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			runCmd(m, c)
		}
	case nil, tickMsg:
	default:
		_, next := m.Update(msg)
		runCmd(m, next)
	}
}

func screen(m *Model) string { return ansi.Strip(m.render()) }

func (e *appEnv) savedState() UIState {
	e.t.Helper()
	d, err := e.st.Load(context.Background(), e.id)
	if err != nil {
		e.t.Fatal(err)
	}
	s := testSess(e.t, e.st, d, "id", NewStyles("dark"), e.clock.now)
	return s.State
}

func TestPhaseNavigation(t *testing.T) {
	e := newAppEnv(t)
	m := e.open(120, 40)
	if got := m.ses().sess.State.Phase; got != 0 {
		t.Fatalf("a new session starts on phase %d, want 0", got)
	}
	steps := []struct {
		key  string
		want int
	}{
		{"]", 1}, {"pgdown", 2}, {"[", 1}, {"pgup", 0}, {"[", 0}, // no phase before the first
		{"g", 0}, {"7", 6}, {"]", 6}, // no phase after the last
		{"g", 6}, {"esc", 6}, {"g", 6}, {"9", 6}, // cancelled and out-of-range jumps change nothing
		{"g", 6}, {"4", 3},
	}
	for i, s := range steps {
		e.keys(m, s.key)
		if got := m.ses().sess.State.Phase; got != s.want {
			t.Fatalf("step %d (%q): phase %d, want %d", i, s.key, got, s.want)
		}
	}
	if !strings.Contains(screen(m), "▶ 4 Penilaian mandiri") {
		t.Errorf("the stepper does not show phase 4:\n%s", screen(m))
	}
	if got := e.savedState().Phase; got != 3 {
		t.Errorf("saved phase %d, want 3", got)
	}
}

func TestTimerStartPauseAdjustAndResume(t *testing.T) {
	e := newAppEnv(t)
	m := e.open(120, 40)
	e.keys(m, "t")
	e.clock.t = e.clock.t.Add(14 * time.Minute)
	if !strings.Contains(screen(m), "14:00 / 15:00") {
		t.Fatalf("timer after 14 minutes:\n%s", strings.SplitN(screen(m), "\n", 2)[0])
	}
	e.keys(m, "+", "+", "-") // 16 minutes planned
	if !strings.Contains(screen(m), "14:00 / 16:00") || !strings.Contains(screen(m), "sisa 02:00") {
		t.Fatalf("timer after +1 +1 -1:\n%s", strings.SplitN(screen(m), "\n", 2)[0])
	}
	e.clock.t = e.clock.t.Add(3 * time.Minute)
	if !strings.Contains(screen(m), "lewat waktu 01:00") {
		t.Errorf("no over-time warning:\n%s", strings.SplitN(screen(m), "\n", 2)[0])
	}
	e.keys(m, "t") // pause at 17:00
	e.clock.t = e.clock.t.Add(time.Hour)
	if !strings.Contains(screen(m), "17:00 / 16:00") {
		t.Errorf("a paused timer moved:\n%s", strings.SplitN(screen(m), "\n", 2)[0])
	}
	// Other phases keep their own clocks.
	e.keys(m, "]")
	if !strings.Contains(screen(m), "00:00 / 15:00") {
		t.Errorf("phase 2's timer is not its own:\n%s", strings.SplitN(screen(m), "\n", 2)[0])
	}
	m.Close()

	// Reopen: the timers are where they were.
	m2 := e.open(120, 40)
	e.keys(m2, "[")
	if !strings.Contains(screen(m2), "17:00 / 16:00") {
		t.Errorf("timer after reopening:\n%s", strings.SplitN(screen(m2), "\n", 2)[0])
	}
}

func TestRunningTimerStopsAtLastSaveOnReopen(t *testing.T) {
	e := newAppEnv(t)
	m := e.open(120, 40)
	e.keys(m, "t")
	// The app ticks for 5 minutes, then dies without a quit (kill -9).
	// It saves its clock every 15 seconds, so at most that much is lost.
	for i := 0; i < 300; i++ {
		e.clock.t = e.clock.t.Add(time.Second)
		m.ses().onTick() // the tick's own next-tick command is not run: it would sleep
	}
	m.ses().release() // the process is gone; its lock with it
	m.ses().release = nil
	e.clock.t = e.clock.t.Add(18 * time.Hour) // the next morning
	m2 := e.open(120, 40)
	head := strings.SplitN(screen(m2), "\n", 2)[0]
	// The clock ran when the app died: it runs on, from 04:45 at the
	// earliest (the last save), never counting the night.
	if !(strings.Contains(head, "04:4") || strings.Contains(head, "04:5") || strings.Contains(head, "05:00")) || strings.Contains(head, "jeda") {
		t.Errorf("the night counted as workshop time, or the clock stopped: %s", head)
	}
	ran := m2.ses().sess.State.Timers[0].Run(e.clock.t)
	e.clock.t = e.clock.t.Add(10 * time.Second)
	if got := m2.ses().sess.State.Timers[0].Run(e.clock.t); got != ran+10*time.Second {
		t.Errorf("after reopening the clock does not run on: %v then %v", ran, got)
	}
}

// TestQuitKeepsTheClockToTheSecond is DESIGN section 4: quitting while a
// clock runs saves its exact time, and reopening shows it to the second,
// still running; a paused clock comes back paused.
func TestQuitKeepsTheClockToTheSecond(t *testing.T) {
	e := newAppEnv(t)
	m := e.open(120, 40)
	e.keys(m, "t")
	e.clock.t = e.clock.t.Add(3*time.Minute + 12*time.Second) // between two 15 s saves
	m.ses().onTick()
	e.clock.t = e.clock.t.Add(7 * time.Second)
	e.keys(m, "q")
	e.clock.t = e.clock.t.Add(2 * time.Hour) // lunch, app closed
	m2 := e.open(120, 40)
	if tm := m2.ses().sess.State.Timers[0]; !tm.Running || tm.Run(e.clock.t) != 3*time.Minute+19*time.Second {
		t.Fatalf("reopened clock = %+v, run %v; want running at 03:19", tm, tm.Run(e.clock.t))
	}
	if head := strings.SplitN(screen(m2), "\n", 2)[0]; !strings.Contains(head, "03:19 / 15:00") {
		t.Errorf("header after reopening: %s", head)
	}
	// Paused, quit, reopened: paused at the same second.
	e.clock.t = e.clock.t.Add(41 * time.Second)
	e.keys(m2, "t", "q")
	e.clock.t = e.clock.t.Add(time.Hour)
	m3 := e.open(120, 40)
	if tm := m3.ses().sess.State.Timers[0]; tm.Running || tm.Run(e.clock.t) != 4*time.Minute {
		t.Errorf("paused clock after reopening = %+v, want paused at 04:00", tm)
	}
}

// TestOneClockAtATime is DESIGN section 4: leaving a phase pauses its
// clock, and starting another phase's clock pauses the one that ran.
func TestOneClockAtATime(t *testing.T) {
	e := newAppEnv(t)
	m := e.open(120, 40)
	e.keys(m, "t")
	e.clock.t = e.clock.t.Add(2 * time.Minute)
	e.keys(m, "]") // leave phase 1 with its clock running
	e.clock.t = e.clock.t.Add(5 * time.Minute)
	if tm := m.ses().sess.State.Timers[0]; tm.Running || tm.Run(e.clock.t) != 2*time.Minute {
		t.Errorf("phase 1's clock after leaving it = %+v, want paused at 02:00", tm)
	}
	if st := e.savedState(); st.Timers[0].Running {
		t.Errorf("the saved state still runs phase 1's clock")
	}
	e.keys(m, "t") // phase 2's clock
	e.clock.t = e.clock.t.Add(time.Minute)
	// Even a state where another clock still runs (an older version
	// saved it) is brought to one clock when a clock starts.
	m.ses().sess.State.Timers[0] = Timer{Elapsed: 2 * time.Minute, Running: true, StartedAt: e.clock.t}
	e.keys(m, "t", "t") // pause and start phase 2 again
	e.clock.t = e.clock.t.Add(time.Minute)
	running := 0
	for _, tm := range m.ses().sess.State.Timers {
		if tm.Running {
			running++
		}
	}
	if running != 1 || !m.ses().sess.State.Timers[1].Running {
		t.Errorf("%d clocks run, want only phase 2's: %+v", running, m.ses().sess.State.Timers[:2])
	}
	if got := m.ses().sess.State.Timers[1].Run(e.clock.t); got != 2*time.Minute {
		t.Errorf("phase 2 ran %v, want 02:00", got)
	}
	if !strings.Contains(strings.SplitN(screen(m), "\n", 2)[0], "02:00 /") {
		t.Errorf("header: %s", strings.SplitN(screen(m), "\n", 2)[0])
	}
}

// TestUndoRedoMoveTheCursor is DESIGN section 5: ctrl+z puts the grid's
// cursor on the cell it changed, ctrl+y redoes the change and goes there
// too, also when the cursor had moved to another dimension.
func TestUndoRedoMoveTheCursor(t *testing.T) {
	e := newAppEnv(t)
	m := e.open(120, 40)
	e.keys(m, "g", "4", "down", "right", "4") // DISKOMINFO, governance item 2 = 4
	opd := m.ses().sess.Data.OPDs[1].ID
	key := m.ses().sess.F().Dimensions[0].Indicators()[1].Key
	e.keys(m, "tab", "tab", "down") // elsewhere: economy
	e.keys(m, "ctrl+z")
	if a := m.ses().sess.Board.Answer(opd, key); a.Answered() {
		t.Fatalf("undo left %+v", a)
	}
	if st := m.ses().sess.State; st.Tab != 0 || st.Row != 1 || st.Col != 1 {
		t.Errorf("cursor after undo = %d/%d/%d, want 0/1/1", st.Tab, st.Row, st.Col)
	}
	e.keys(m, "tab", "up")
	e.keys(m, "ctrl+y")
	if a := m.ses().sess.Board.Answer(opd, key); a.Level != 4 {
		t.Errorf("redo gave %+v, want 4", a)
	}
	if st := m.ses().sess.State; st.Tab != 0 || st.Row != 1 || st.Col != 1 {
		t.Errorf("cursor after redo = %d/%d/%d, want 0/1/1", st.Tab, st.Row, st.Col)
	}
	if !strings.Contains(screen(m), "Diulangi: DISKOMINFO") {
		t.Errorf("redo said nothing:\n%s", screen(m))
	}
	if saved := e.savedState(); saved.Tab != 0 || saved.Row != 1 || saved.Col != 1 {
		t.Errorf("saved cursor after redo = %d/%d/%d", saved.Tab, saved.Row, saved.Col)
	}
	e.keys(m, "ctrl+y")
	if !strings.Contains(screen(m), "Tidak ada perubahan yang dibatalkan untuk diulangi.") {
		t.Errorf("nothing to redo, but the screen says:\n%s", screen(m))
	}
}

func TestUndoFromTheFrameAlsoAfterRestart(t *testing.T) {
	e := newAppEnv(t)
	m := e.open(120, 40)
	e.keys(m, "g", "4", "3", "5")
	opd := m.ses().sess.Data.OPDs[0].ID
	first := m.ses().sess.F().Dimensions[0].Indicators()[0].Key
	second := m.ses().sess.F().Dimensions[0].Indicators()[1].Key
	if a := m.ses().sess.Board.Answer(opd, second); a.Level != 5 {
		t.Fatalf("typed 3 then 5: second item holds %+v", a)
	}
	m.Close()

	m2 := e.open(120, 40)
	e.keys(m2, "ctrl+z")
	if a := m2.ses().sess.Board.Answer(opd, second); a.Answered() {
		t.Errorf("undo after restart left %+v", a)
	}
	if !strings.Contains(screen(m2), "Dibatalkan: BAPPEDA") {
		t.Errorf("undo said nothing:\n%s", screen(m2))
	}
	e.keys(m2, "ctrl+z")
	if a := m2.ses().sess.Board.Answer(opd, first); a.Answered() {
		t.Errorf("second undo left %+v", a)
	}
	e.keys(m2, "ctrl+z")
	if !strings.Contains(screen(m2), "Tidak ada perubahan skor untuk dibatalkan.") {
		t.Errorf("nothing left to undo, but the screen says:\n%s", screen(m2))
	}
	d, _ := e.st.Load(context.Background(), e.id)
	for _, r := range d.Scores {
		if r.Answer.Answered() {
			t.Errorf("score left in the file after undoing everything: %+v", r)
		}
	}
}

func TestTooSmallWindowAndRecovery(t *testing.T) {
	e := newAppEnv(t)
	m := e.open(120, 40)
	e.keys(m, "g", "4")
	m.Update(tea.WindowSizeMsg{Width: 79, Height: 24})
	if got := screen(m); !strings.Contains(got, "terlalu kecil (79x24)") || strings.Contains(got, "\n") {
		t.Errorf("below 80x24 one line asks for a larger window, got:\n%s", got)
	}
	// Nothing of the session is on screen, so no key may change it.
	e.keys(m, "5", "]", "t")
	d, _ := e.st.Load(context.Background(), e.id)
	if len(d.Scores) != 0 || m.ses().sess.State.Phase != 3 || m.ses().sess.State.Timers[3].Running {
		t.Errorf("a key changed the session behind the size message: scores %v, phase %d, timer %+v", d.Scores, m.ses().sess.State.Phase, m.ses().sess.State.Timers[3])
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	got := screen(m)
	if lines := strings.Split(got, "\n"); len(lines) != 24 {
		t.Errorf("at 80x24 the frame has %d lines, want 24", len(lines))
	}
	if !strings.Contains(got, "▶ 4 Penilaian mandiri") {
		t.Errorf("the enlarged window does not show the grid again:\n%s", got)
	}
	e.keys(m, "q")
	if !m.quitting {
		t.Errorf("q must still quit")
	}
}

func TestFooterAlwaysOffersHelpAndQuit(t *testing.T) {
	e := newAppEnv(t)
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		m := e.open(size[0], size[1])
		for p := range m.ses().sess.Phases() {
			e.keys(m, "g", string(rune('1'+p)))
			lines := strings.Split(screen(m), "\n")
			foot := strings.Join(lines[len(lines)-2:], "\n")
			if !strings.Contains(foot, "? bantuan") || !strings.Contains(foot, "q keluar") {
				t.Errorf("%dx%d phase %d: footer without ? and q:\n%s", size[0], size[1], p+1, foot)
			}
		}
		e.keys(m, "g")
		if foot := screen(m); !strings.Contains(foot, "1-7 lompat ke fase nomor itu") {
			t.Errorf("the jump overlay's footer does not say what the digits do:\n%s", foot)
		}
		e.keys(m, "esc")
		m.Close()
	}
}

func TestHelpFitsAt80x24(t *testing.T) {
	e := newAppEnv(t)
	m := e.open(80, 24)
	e.keys(m, "g", "4", "?")
	got := screen(m)
	for _, want := range []string{"ctrl+z", "ctrl+e", "ctrl+t", "keluar", "Esc", "Tab/⇧Tab"} {
		if !strings.Contains(got, want) {
			t.Errorf("help at 80x24 lacks %q:\n%s", want, got)
		}
	}
}

func TestPaintGivesEveryCellTheThemeBackground(t *testing.T) {
	e := newAppEnv(t)
	m, err := New(withStore(e.st, Options{Lang: "id", Theme: "light", Session: e.id, Now: e.clock.now}))
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	for _, keys := range [][]string{nil, {"]"}, {"g", "4"}, {"g", "5", "r"}} {
		e.keys(m, keys...)
		frame := m.View().Content
		for i, l := range strings.Split(frame, "\n") {
			if w := ansi.StringWidth(l); w != 100 {
				t.Fatalf("%v: line %d is %d wide, want the window's 100", keys, i, w)
			}
		}
		// Every cell as a terminal draws it: a background and a text
		// colour of the theme or of its own style, never the terminal's.
		buf := uv.NewScreenBuffer(100, 30)
		uv.NewStyledString(frame).Draw(buf, buf.Bounds())
		for y := range 30 {
			for x := range 100 {
				c := buf.CellAt(x, y)
				if c == nil || c.Content == "" {
					continue // the right half of a wide character
				}
				if c.Style.Bg == nil || c.Style.Fg == nil {
					t.Fatalf("%v: cell %d,%d (%q) has the terminal's own colours: %+v", keys, x, y, c.Content, c.Style)
				}
			}
		}
	}
}

func TestProjectorClockIsTheFacilitators(t *testing.T) {
	e := newAppEnv(t)
	pv := e.openProjector(120, 40)
	e.keys(pv, "t", "+")
	if tm := pv.ses().sess.State.Timers[0]; tm.Running || tm.AdjustMin != 0 {
		t.Errorf("the projector started or moved its own clock: %+v", tm)
	}
	if !strings.Contains(screen(pv), "tampilan proyektor") {
		t.Errorf("the refusal is not said:\n%s", screen(pv))
	}
}

func TestFrameFitsEveryPhaseAtEverySize(t *testing.T) {
	e := newAppEnv(t)
	m := e.open(80, 24)
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for p := range m.ses().sess.Phases() {
			e.keys(m, "g", string(rune('1'+p)))
			lines := strings.Split(m.render(), "\n")
			if len(lines) != size[1] {
				t.Errorf("%dx%d phase %d: %d lines", size[0], size[1], p+1, len(lines))
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w > size[0] {
					t.Errorf("%dx%d phase %d line %d is %d wide", size[0], size[1], p+1, i, w)
				}
			}
		}
	}
}

func TestHelpJumpAndThemeKeys(t *testing.T) {
	e := newAppEnv(t)
	m := e.open(120, 40)
	e.keys(m, "?")
	if got := screen(m); !strings.Contains(got, "Di semua layar") || !strings.Contains(got, "ctrl+z") {
		t.Errorf("help does not list the keys:\n%s", got)
	}
	e.keys(m, "]") // ignored while help is open
	if m.ses().sess.State.Phase != 0 {
		t.Errorf("a key behind the help moved the phase")
	}
	e.keys(m, "?")
	e.keys(m, "ctrl+t")
	if m.styles.Theme != "light" {
		t.Errorf("theme after ctrl+t = %q", m.styles.Theme)
	}
	if v, ok, _ := e.st.Setting(context.Background(), "theme"); !ok || v != "light" {
		t.Errorf("theme not remembered: %q %v", v, ok)
	}
}

func TestAssessmentHidesScoreboard(t *testing.T) {
	e := newAppEnv(t)
	m := e.open(120, 40)
	m.ses().sess.State.Revealed = true
	e.keys(m, "g", "4")
	if m.ses().sess.State.Revealed {
		t.Errorf("entering the assessment must hide the results")
	}
	e.keys(m, "]", "r")
	if !m.ses().sess.State.Revealed {
		t.Errorf("r on the scoreboard did not reveal")
	}
	if !e.savedState().Revealed {
		t.Errorf("reveal not saved")
	}
}

func TestReadOnlyProjectorFollows(t *testing.T) {
	e := newAppEnv(t)
	fac := e.open(120, 40)
	pv := e.openProjector(120, 40)
	e.keys(fac, "g", "4", "4")
	e.clock.t = e.clock.t.Add(time.Second)
	runCmd(pv, pv.ses().followCmd())
	if pv.ses().sess.State.Phase != 3 {
		t.Errorf("projector shows phase %d, facilitator is on 4", pv.ses().sess.State.Phase+1)
	}
	opd := pv.ses().sess.Data.OPDs[0].ID
	key := pv.ses().sess.F().Dimensions[0].Indicators()[0].Key
	if a := pv.ses().sess.Board.Answer(opd, key); a != (workshop.Answer{Level: 4}) {
		t.Errorf("projector has %+v, facilitator typed 4", a)
	}
	e.keys(pv, "5")
	if !strings.Contains(screen(pv), "baca") && !strings.Contains(screen(pv), "read-only") {
		t.Errorf("typing in the projector view should say it is read-only:\n%s", screen(pv))
	}
}

func TestScoreboardPanelComesBackAfterReopen(t *testing.T) {
	e := newAppEnv(t)
	m := e.open(80, 24)
	e.keys(m, "g", "5", "r", "v", "v")
	m.Close()
	if got := e.savedState().BoardView; got != 2 {
		t.Fatalf("saved scoreboard panel %d, want 2 (radar)", got)
	}
	m2 := e.open(80, 24)
	if !strings.Contains(screen(m2), "▶ Radar") {
		t.Errorf("the radar panel did not come back:\n%s", screen(m2))
	}
}

// TestPhaseChooserIsAList: g shows every phase of the agenda by number and
// name; arrows move its cursor and Enter opens the phase under it (the
// cursor starts on the phase on show and wraps round), a digit still opens
// a phase at once, and Esc closes it with nothing changed. The footer says
// which keys work in it.
func TestPhaseChooserIsAList(t *testing.T) {
	e := newAppEnv(t)
	m := e.open(80, 24)
	e.keys(m, "g")
	scr := screen(m)
	for i, p := range m.ses().sess.Phases() {
		if want := fmt.Sprintf("%d  %s", i+1, m.ses().sess.Name(p.Name)); !strings.Contains(scr, want) {
			t.Errorf("the chooser does not list %q:\n%s", want, scr)
		}
	}
	if !strings.Contains(scr, "▶ 1  Pembukaan") {
		t.Errorf("the chooser's cursor is not on the phase on show:\n%s", scr)
	}
	lines := strings.Split(scr, "\n")
	foot := strings.Join(lines[len(lines)-2:], "\n")
	for _, want := range []string{"↑/↓ pilih fase", "Enter buka fase terpilih", "1-7 lompat", "Esc batal"} {
		if !strings.Contains(foot, want) {
			t.Errorf("the chooser's footer lacks %q:\n%s", want, foot)
		}
	}
	// Every other key closes the chooser: the footer offers none of them.
	for _, not := range []string{"]/PgDn", "[/PgUp", "? bantuan", "q keluar"} {
		if strings.Contains(foot, not) {
			t.Errorf("the chooser's footer offers %q, which only closes it:\n%s", not, foot)
		}
	}
	steps := []struct {
		keys []string
		want int
	}{
		{[]string{"down", "down", "enter"}, 2},
		{[]string{"g", "up", "up", "up", "up", "enter"}, 5}, // from 3 up four: 2, 1, 7, 6
		{[]string{"g", "down", "down", "esc"}, 5},
		{[]string{"g", "j", "j", "k", "enter"}, 6},
		{[]string{"g", "home", "enter"}, 0},
		{[]string{"g", "end", "enter"}, 6},
		{[]string{"g", "4"}, 3},
	}
	for i, s := range steps {
		e.keys(m, s.keys...)
		if got := m.ses().sess.State.Phase; got != s.want {
			t.Fatalf("step %d %v: phase %d, want %d", i, s.keys, got+1, s.want+1)
		}
		if m.ses().jumping {
			t.Fatalf("step %d %v: the chooser is still open", i, s.keys)
		}
	}
}

// TestLockLostSentenceShowsWhole: the sentence that says why typing
// stopped (another bimtek took the session over) is never cut on the
// status line: at 80 and 120 columns, in both languages, the footer grows
// to hold it (the page gives up the rows), the frame keeps the window's
// size, and the next key gives the rows back.
func TestLockLostSentenceShowsWhole(t *testing.T) {
	e := newAppEnv(t)
	lost := &workshop.LockLostError{SessionID: e.id, HolderKnown: true,
		Holder: workshop.Holder{PID: 482913, Host: "laptop-fasilitator-bappeda", Since: time.Date(2026, 12, 2, 9, 41, 0, 0, time.Local)}}
	for _, lang := range []string{"id", "en"} {
		for _, w := range []int{80, 120} {
			m, err := New(withStore(e.st, Options{Lang: lang, Theme: "dark", Session: e.id, Now: e.clock.now}))
			if err != nil {
				t.Fatal(err)
			}
			m.Update(tea.WindowSizeMsg{Width: w, Height: 24})
			e.keys(m, "g", "4") // the grid, where typing stops
			m.Update(ErrMsg{Err: lost})
			frame := screen(m)
			lines := strings.Split(frame, "\n")
			if len(lines) != 24 {
				t.Errorf("%s %d: %d lines", lang, w, len(lines))
			}
			for i, l := range lines {
				if lw := ansi.StringWidth(l); lw > w {
					t.Errorf("%s %d: line %d is %d wide", lang, w, i, lw)
				}
			}
			want := phrase.Sentence(lang, lost)
			// Read as a person does: line after line (a long host name
			// may break at its hyphen).
			flat := strings.Join(strings.Fields(frame), "")
			if !strings.Contains(flat, strings.Join(strings.Fields(want), "")) {
				t.Errorf("%s %d: the sentence %q is not whole on screen:\n%s", lang, w, want, frame)
			}
			if strings.Contains(strings.Join(lines[len(lines)-5:], "\n"), "…") {
				t.Errorf("%s %d: the footer cuts:\n%s", lang, w, frame)
			}
			if !strings.Contains(strings.Join(lines[len(lines)-2:], "\n"), "q ") {
				t.Errorf("%s %d: the keys left the footer:\n%s", lang, w, frame)
			}
			e.keys(m, "down") // a move clears the status
			if got := m.footerH(); got != footerLines {
				t.Errorf("%s %d: the footer stays %d lines after the status went", lang, w, got)
			}
			m.Close()
		}
	}
}

// TestHelpFooterOffersOnlyClosing: while the ? help is open every key but
// ?, Esc and q waits (q closes the help, it does not quit), so its footer
// offers closing it and no phase key or "q quit".
func TestHelpFooterOffersOnlyClosing(t *testing.T) {
	e := newAppEnv(t)
	m := e.open(80, 24)
	e.keys(m, "g", "4", "?")
	lines := strings.Split(screen(m), "\n")
	foot := strings.Join(lines[len(lines)-2:], "\n")
	if !strings.Contains(foot, "?/Esc/q tutup bantuan") {
		t.Errorf("the help's footer does not say how to close it:\n%s", foot)
	}
	for _, not := range []string{"]/PgDn", "[/PgUp", "q keluar"} {
		if strings.Contains(foot, not) {
			t.Errorf("the help's footer offers %q, which does not work there:\n%s", not, foot)
		}
	}
	e.keys(m, "]")
	if m.ses().sess.State.Phase != 3 || !m.showHelp {
		t.Errorf("] moved the phase under the help")
	}
	e.keys(m, "q")
	if m.showHelp || m.quitting {
		t.Errorf("q in the help: help %v, quitting %v; want it closed and the app running", m.showHelp, m.quitting)
	}
}
