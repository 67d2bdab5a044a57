package tui

import (
	"bytes"
	"image/color"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
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
	for m.ses().sess.State.Phase != gridPhase(m) {
		m.Update(phKey("]"))
	}
	if v := m.View().Content; !strings.Contains(v, m.ses().sess.Data.OPDs[0].Code) {
		b.Fatalf("not on the grid:\n%s", v)
	}
	return m
}

// gridPhase is the index of the assessment phase of the session's agenda.
func gridPhase(m *Model) int {
	for i, p := range m.ses().sess.Phases() {
		if p.Key == "assessment" {
			return i
		}
	}
	return 3
}

// walkBack keeps the cursor inside the grid: at the last cell the walk
// starts again at the first. The scale session's OPDs are all present,
// so the grid's rows are the board's present OPDs.
func walkBack(m *Model) {
	st := &m.ses().sess.State
	rows := len(m.ses().sess.Board.Present())
	cols := len(m.ses().sess.F().Dimensions[st.Tab].Indicators())
	if st.Row == rows-1 && st.Col == cols-1 {
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

// BenchmarkStaticFrame is the floor of DESIGN section 10: a static frame
// of the same size and cell count drawn with lipgloss. Its content is the
// app's own 200x60 grid frame after one digit, cut into its styled runs
// (the text between two escape sequences); each iteration draws every run
// with a lipgloss.Style of the same colours and attributes (Style.Render,
// as a lipgloss program draws its cells) and joins the 60 lines. So it
// draws the same characters in the same colours as the keystroke's frame,
// with no model, no layout, no scoring and no commit.
func BenchmarkStaticFrame(b *testing.B) {
	lines := staticRuns(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = drawStatic(lines)
	}
	b.ReportMetric(float64(countRuns(lines)), "runs/frame")
}

// BenchmarkStaticBlock is the smallest lipgloss frame of the same size and
// cell count: the app's frame's characters without their colours (60
// lines of 200 cells) rendered by one lipgloss.Style with the theme's
// colours and Width/Height 200x60. Lipgloss measures, wraps and pads each
// line once and colours it; nothing else.
func BenchmarkStaticBlock(b *testing.B) {
	text := ansi.Strip(staticFrames(b)[1])
	st := lipgloss.NewStyle().Foreground(lipgloss.Color("#E0E0E0")).Background(lipgloss.Color("#101418")).Width(benchW).Height(benchH)
	if got := st.Render(text); lipgloss.Width(got) != benchW || lipgloss.Height(got) != benchH {
		b.Fatalf("the block is %dx%d", lipgloss.Width(got), lipgloss.Height(got))
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = st.Render(text)
	}
}

// BenchmarkStaticBlockFlushed is BenchmarkStaticBlock with the renderer's
// flush.
func BenchmarkStaticBlockFlushed(b *testing.B) {
	text := ansi.Strip(staticFrames(b)[1])
	st := lipgloss.NewStyle().Foreground(lipgloss.Color("#E0E0E0")).Background(lipgloss.Color("#101418")).Width(benchW).Height(benchH)
	r := newBenchRenderer()
	r.flush(st.Render(text))
	b.ReportAllocs()
	for b.Loop() {
		r.flush(st.Render(text))
	}
}

// BenchmarkStaticBytes is the frame's bytes alone: the same runs, each
// styled once before the loop, concatenated into the 60 lines. It is not a
// target's floor; it says how much of a frame is only building its bytes.
func BenchmarkStaticBytes(b *testing.B) {
	lines := staticRuns(b)
	pre := make([][]string, len(lines))
	for i, runs := range lines {
		for _, r := range runs {
			pre[i] = append(pre[i], r.style.Render(r.text))
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		out := make([]string, len(pre))
		for i, runs := range pre {
			out[i] = strings.Join(runs, "")
		}
		_ = strings.Join(out, "\n")
	}
}

func countRuns(lines [][]styledRun) int {
	n := 0
	for _, l := range lines {
		n += len(l)
	}
	return n
}

// BenchmarkStaticFrameFlushed is the floor with the renderer's flush.
func BenchmarkStaticFrameFlushed(b *testing.B) {
	lines := staticRuns(b)
	r := newBenchRenderer()
	r.flush(drawStatic(lines))
	b.ReportAllocs()
	for b.Loop() {
		r.flush(drawStatic(lines))
	}
}

// styledRun is one run of a frame line: its text and the lipgloss style
// of the SGR attributes in force.
type styledRun struct {
	style lipgloss.Style
	text  string
}

func drawStatic(lines [][]styledRun) string {
	out := make([]string, len(lines))
	for i, runs := range lines {
		var b strings.Builder
		for _, r := range runs {
			b.WriteString(r.style.Render(r.text))
		}
		out[i] = b.String()
	}
	return strings.Join(out, "\n")
}

// staticRuns cuts the app's painted grid frame after one digit into
// styled runs, and checks that lipgloss draws them as the same text.
func staticRuns(b *testing.B) [][]styledRun {
	b.Helper()
	f := staticFrames(b)[1]
	var lines [][]styledRun
	runs := 0
	for _, l := range strings.Split(f, "\n") {
		var out []styledRun
		sgr := lipgloss.NewStyle()
		for l != "" {
			if l[0] == 0x1b {
				n := strings.IndexByte(l, 'm')
				if !strings.HasPrefix(l, "\x1b[") || n < 0 {
					b.Fatalf("an escape that is not SGR in %q", l)
				}
				sgr = applySGR(sgr, l[2:n])
				l = l[n+1:]
				continue
			}
			n := strings.IndexByte(l, 0x1b)
			if n < 0 {
				n = len(l)
			}
			out = append(out, styledRun{style: sgr, text: l[:n]})
			l = l[n:]
		}
		runs += len(out)
		lines = append(lines, out)
	}
	if got := ansi.Strip(drawStatic(lines)); got != ansi.Strip(f) {
		b.Fatal("the static frame does not show the app's text")
	}
	if len(lines) != benchH || runs < benchH {
		b.Fatalf("%d lines, %d runs", len(lines), runs)
	}
	return lines
}

// applySGR is the lipgloss style after the SGR parameters p (as the
// app's styles emit them: reset, bold, faint, italic, underline, reverse,
// 24-bit and 256 colours, default colours).
func applySGR(st lipgloss.Style, p string) lipgloss.Style {
	ps := strings.Split(p, ";")
	for i := 0; i < len(ps); i++ {
		switch ps[i] {
		case "", "0":
			st = lipgloss.NewStyle()
		case "1":
			st = st.Bold(true)
		case "2":
			st = st.Faint(true)
		case "3":
			st = st.Italic(true)
		case "4":
			st = st.Underline(true)
		case "7":
			st = st.Reverse(true)
		case "22":
			st = st.Bold(false).Faint(false)
		case "39":
			st = st.UnsetForeground()
		case "49":
			st = st.UnsetBackground()
		case "38", "48":
			fore := ps[i] == "38"
			var c color.Color
			switch {
			case i+4 < len(ps) && ps[i+1] == "2":
				r, _ := strconv.Atoi(ps[i+2])
				g, _ := strconv.Atoi(ps[i+3])
				bl, _ := strconv.Atoi(ps[i+4])
				c = color.RGBA{uint8(r), uint8(g), uint8(bl), 255}
				i += 4
			case i+2 < len(ps) && ps[i+1] == "5":
				c = lipgloss.Color(ps[i+2])
				i += 2
			default:
				continue
			}
			if fore {
				st = st.Foreground(c)
			} else {
				st = st.Background(c)
			}
		}
	}
	return st
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
