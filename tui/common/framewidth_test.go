package common

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Every character LineWidth counts by itself is one column for ansi too.
func TestLineWidthOneColumnAgreesWithAnsi(t *testing.T) {
	for r := rune(0); r <= 0x2FFFF; r++ {
		if oneColumn(r) {
			if w := ansi.StringWidth(string(r)); w != 1 {
				t.Errorf("U+%04X is %d columns for ansi, 1 for LineWidth", r, w)
			}
		}
	}
}

// LineWidth gives ansi.StringWidth's answer for lines made of the frame's
// pieces and of the characters that need the slow path.
func TestLineWidthAgreesWithAnsi(t *testing.T) {
	pieces := []string{"a", "Z", " ", "│", "─", "▶", "◀", "·", "…", "░", "⠿", "é", "ñ",
		"\x1b[m", "\x1b[0m", "\x1b[1;38;2;10;20;30m", "\x1b[48;5;12m", "\x1b]8;;http://x\x07", "\x1b]8;;\x1b\\",
		"世", "📡", "🏙️", "e\u0301", "\u200d", "\ufe0f", "\t", "\x00", "\x7f", "ꦧ", "\x1b", "\x1b[", "\u00ad", "◽"}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.IntN(12); n >= 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := LineWidth(s), ansi.StringWidth(s); got != want {
			t.Fatalf("LineWidth(%q) = %d, ansi.StringWidth = %d", s, got, want)
		}
	}
}

func FuzzLineWidth(f *testing.F) {
	f.Add("▶ BAPPEDA \x1b[1mBadan\x1b[m │ 3* ")
	f.Add("📡🏙️ Kota")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := LineWidth(s), ansi.StringWidth(s); got != want {
			t.Fatalf("LineWidth(%q) = %d, ansi.StringWidth = %d", s, got, want)
		}
	})
}

// ExactLines makes every line exactly w wide and the block exactly h high.
func TestExactLines(t *testing.T) {
	in := "abc\n\x1b[1m" + strings.Repeat("│", 30) + "\x1b[m\n世界"
	got := ExactLines(in, 10, 5)
	if len(got) != 5 {
		t.Fatalf("%d lines, want 5", len(got))
	}
	want := []string{"abc       ", strings.Repeat("│", 9) + "…", "世界      ", "          ", "          "}
	for i, l := range got {
		if w := ansi.StringWidth(l); w != 10 {
			t.Errorf("line %d is %d wide: %q", i, w, l)
		}
		if ansi.Strip(l) != want[i] {
			t.Errorf("line %d = %q, want %q", i, ansi.Strip(l), want[i])
		}
	}
}
