package tui

import (
	"bytes"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	uv "github.com/charmbracelet/ultraviolet"
)

// The frame budget of DESIGN section 10, measured on the whole app: the
// root model on the scale session (80 OPDs x 90 indicators, a real
// database in b.TempDir()), its grid phase at 200x60, header and footer
// included. Each benchmark names what it includes; the floors are measured
// in the same run so the ratios hold on any machine.

const benchW, benchH = 200, 60

// openScaleApp opens the root model on the scale session in the grid
// phase at 200x60, as `bimtek open` would, and draws its first frame.
func openScaleApp(b *testing.B) *Model {
	b.Helper()
	e := newGridScaleEnv(b)
	m, err := New(withStore(e.st, Options{Lang: "id", Theme: "dark", Session: e.id, Now: gridClock}))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { m.Close() })
	m.Update(tea.WindowSizeMsg{Width: benchW, Height: benchH})
	for m.sess.State.Phase != gridPhase(m) {
		m.Update(phKey("]"))
	}
	if v := m.View().Content; !strings.Contains(v, m.sess.Data.OPDs[0].Code) {
		b.Fatalf("not on the grid:\n%s", v)
	}
	return m
}

// gridPhase is the index of the assessment phase of the session's agenda.
func gridPhase(m *Model) int {
	for i, p := range m.sess.Phases() {
		if p.Key == "assessment" {
			return i
		}
	}
	return 3
}

// walkBack keeps the cursor inside the grid: at the last cell the walk
// starts again at the first.
func walkBack(m *Model) {
	var g *Grid
	for _, sc := range m.screens {
		if x, ok := sc.(*Grid); ok {
			g = x
		}
	}
	if g == nil {
		return
	}
	if st := &m.sess.State; st.Row == len(g.present)-1 && st.Col == len(g.tab().cols)-1 {
		st.Row, st.Col = 0, 0
	}
}

var benchDigits = []tea.KeyPressMsg{phKey("1"), phKey("2"), phKey("3"), phKey("4"), phKey("5")}

// BenchmarkAppKeystroke is one digit typed in the grid, the whole app:
// the root Update (the durable commit of the answer, its event and the
// moved cursor in one transaction, the live rescoring) and the full
// 200x60 frame (root View, header, tabs, grid, footer, painted).
func BenchmarkAppKeystroke(b *testing.B) {
	m := openScaleApp(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m.Update(benchDigits[i%len(benchDigits)])
		_ = m.View().Content
		walkBack(m)
	}
}

// BenchmarkAppKeystrokeFlushed is BenchmarkAppKeystroke plus what the
// renderer does with the frame: draw it into a cell buffer, diff it
// against the last one and write the changes (to memory).
func BenchmarkAppKeystrokeFlushed(b *testing.B) {
	m := openScaleApp(b)
	r := newBenchRenderer()
	r.flush(m.View().Content)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m.Update(benchDigits[i%len(benchDigits)])
		r.flush(m.View().Content)
		walkBack(m)
	}
}

// BenchmarkAppFrame is the full 200x60 frame alone, nothing changed: the
// share of drawing in a keystroke.
func BenchmarkAppFrame(b *testing.B) {
	m := openScaleApp(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View().Content
	}
}

// BenchmarkStaticFrame is the floor: a static frame of the same size and
// cell count laid out by lipgloss as a 200x60 block. Its content is the
// app's own grid frame, drawn once before and once after one digit (so one
// cell differs, as after a keystroke); each iteration hands one of the two
// to lipgloss, which measures, pads and places every line. Nothing else:
// no model, no scoring, no commit.
func BenchmarkStaticFrame(b *testing.B) {
	frames := staticFrames(b)
	block := lipgloss.NewStyle().Width(benchW).Height(benchH).MaxWidth(benchW).MaxHeight(benchH)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = block.Render(frames[i%2])
	}
}

// BenchmarkStaticFrameFlushed is the floor with the renderer's flush.
func BenchmarkStaticFrameFlushed(b *testing.B) {
	frames := staticFrames(b)
	block := lipgloss.NewStyle().Width(benchW).Height(benchH).MaxWidth(benchW).MaxHeight(benchH)
	r := newBenchRenderer()
	r.flush(block.Render(frames[1]))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		r.flush(block.Render(frames[i%2]))
	}
}

// staticFrames are the app's grid frame before and after one digit.
func staticFrames(b *testing.B) [2]string {
	b.Helper()
	m := openScaleApp(b)
	var f [2]string
	f[0] = m.View().Content
	m.Update(benchDigits[2])
	f[1] = m.View().Content
	if f[0] == f[1] {
		b.Fatal("the digit changed nothing on screen")
	}
	return f
}

// benchRenderer is Bubble Tea's flush of an alt-screen frame: the frame
// drawn into a screen buffer, diffed by the terminal renderer, written.
type benchRenderer struct {
	out bytes.Buffer
	scr *uv.TerminalRenderer
	buf uv.ScreenBuffer
}

func newBenchRenderer() *benchRenderer {
	r := &benchRenderer{buf: uv.NewScreenBuffer(benchW, benchH)}
	r.scr = uv.NewTerminalRenderer(&r.out, []string{"TERM=xterm-256color"})
	r.scr.SetFullscreen(true)
	return r
}

func (r *benchRenderer) flush(frame string) {
	r.out.Reset()
	r.buf.Clear()
	uv.NewStyledString(frame).Draw(r.buf, r.buf.Bounds())
	r.scr.Render(r.buf.RenderBuffer)
	_ = r.scr.Flush()
}
