package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// paintByReplacer is how paint worked at first: split the frame into
// lines and replace every reset with the reset plus the theme's colours.
// paintFrame must give the same cells (it writes fewer bytes: a reset,
// the theme and the next style go out as one sequence).
func paintByReplacer(frame, bg, fg string) string {
	base := bg + fg
	r := strings.NewReplacer("\x1b[m", "\x1b[m"+base, "\x1b[0m", "\x1b[0m"+base, "\x1b[49m", bg, "\x1b[39m", fg)
	lines := strings.Split(frame, "\n")
	for i, l := range lines {
		lines[i] = base + r.Replace(l) + "\x1b[m"
	}
	return strings.Join(lines, "\n")
}

func TestPaintFrameKeepsTheThemeUnderEveryReset(t *testing.T) {
	bg, fg := "\x1b[48;2;1;2;3m", "\x1b[38;2;4;5;6m"
	cases := []string{
		"",
		"\n",
		"plain",
		"a\nb\n",
		"\x1b[1mbold\x1b[m after",
		"\x1b[31mred\x1b[0m\x1b[42mgreen\x1b[49m back\x1b[39m fore",
		"\x1b[38;2;9;9;9mx\x1b[m\x1b[m\n\x1b[m",
		"escape at the end \x1b",
		"half \x1b[",
		"\x1b[4", "\x1b[49", "\x1b[0", "tail \x1b[39",
		"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
		"Dinas Komunikasi — 📡🏙️ ✔ ░░░ ▶3◀\n│ ⠿⠇ │",
	}
	cases = append(cases,
		"\x1b[1;38;2;0;0;0;48;2;79;163;255m▶ OPD\x1b[m\x1b[38;2;138;148;158;48;2;36;48;60m│\x1b[m\x1b[1;38;2;242;242;242mx\x1b[m",
		"\x1b[m\x1b[31;42mboth\x1b[m\x1b[91mbright\x1b[m\x1b[102mbg\x1b[m\x1b[38;5;9mindexed\x1b[m\x1b[0;1mzero\x1b[m",
		"\x1b[m\x1b[1;39mdefault fg\x1b[m\x1b[49;1mdefault bg\x1b[m\x1b[4mline\x1b[m\x1b[38;2;1mbad\x1b[m\x1b[58;2;1;2;3mul",
		"\x1b[m\x1b]8;;http://x\x1b\\l\x1b]8;;\x1b\\\x1b[m",
	)
	for _, c := range cases {
		sameCells(t, c, paintFrame(c, bg, fg), paintByReplacer(c, bg, fg))
	}
}

// sameCells fails unless the two painted frames draw the same cells:
// the same characters in the same colours, attributes and links.
func sameCells(t *testing.T, name, got, want string) {
	t.Helper()
	w, h := 1, strings.Count(want, "\n")+1
	for _, l := range strings.Split(ansi.Strip(want), "\n") {
		w = max(w, ansi.StringWidth(l))
	}
	draw := func(s string) uv.ScreenBuffer {
		buf := uv.NewScreenBuffer(w, h)
		uv.NewStyledString(s).Draw(buf, buf.Bounds())
		return buf
	}
	g, x := draw(got), draw(want)
	for y := range h {
		for c := range w {
			if a, b := g.CellAt(c, y), x.CellAt(c, y); !a.Equal(b) {
				t.Errorf("%q: cell %d,%d is %s, want %s\n got %q\nwant %q", name, c, y, cellText(a), cellText(b), got, want)
				return
			}
		}
	}
}

func cellText(c *uv.Cell) string {
	if c == nil {
		return "none"
	}
	return fmt.Sprintf("%q %+v %+v", c.Content, c.Style, c.Link)
}

// The whole app's frames on every screen are painted as before.
func TestPaintFrameOnTheAppsFrames(t *testing.T) {
	e := newGridScaleEnv(t)
	m, err := New(withStore(e.st, Options{Lang: "en", Theme: "light", Session: e.id, Now: gridClock}))
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	for range m.ses().sess.Phases() {
		frame := m.render()
		for _, theme := range [][2]string{{"\x1b[48;5;1m", "\x1b[38;5;2m"}, {"\x1b[48;2;16;20;24m", "\x1b[38;2;242;242;242m"}} {
			got, want := paintFrame(frame, theme[0], theme[1]), paintByReplacer(frame, theme[0], theme[1])
			sameCells(t, fmt.Sprintf("phase %d", m.ses().sess.State.Phase), got, want)
			if len(got) > len(want) {
				t.Errorf("phase %d: %d bytes painted, %d before", m.ses().sess.State.Phase, len(got), len(want))
			}
		}
		m.Update(phKey("]"))
	}
}
