package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// paintByReplacer is how paint worked before paintFrame: split the frame
// into lines and replace every reset with the reset plus the theme's
// colours. paintFrame must give the same bytes.
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
	for _, c := range cases {
		if got, want := paintFrame(c, bg, fg), paintByReplacer(c, bg, fg); got != want {
			t.Errorf("paintFrame(%q)\n got %q\nwant %q", c, got, want)
		}
	}
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
	for range m.sess.Phases() {
		frame := m.render()
		if got, want := paintFrame(frame, "\x1b[48;5;1m", "\x1b[38;5;2m"), paintByReplacer(frame, "\x1b[48;5;1m", "\x1b[38;5;2m"); got != want {
			t.Fatalf("phase %d: the painted frame differs", m.sess.State.Phase)
		}
		m.Update(phKey("]"))
	}
}
