package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Terminals disagree on the width of some scripts: Bubble Tea's renderer
// counts cells with wcwidth unless the terminal reports grapheme
// clustering (mode 2027, rare: not tmux, not the Windows console), while
// lipgloss counts grapheme clusters. For Latin and CJK both agree; for an
// OPD name in Javanese script (ꦧꦥ꧀ꦥꦼꦢ: spacing vowel signs) or with an
// emoji they do not, and a row sized by one count overflows by the other,
// pushing its columns right. Table cells that hold user text are therefore
// sized by the larger count: exact where the renderer uses wcwidth, at
// worst a few columns short (never longer) where it uses graphemes.

// CellWidth is the larger of the grapheme and the wcwidth width of s
// (ANSI sequences ignored).
func CellWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == 0x1b {
			return max(ansi.StringWidth(s), ansi.StringWidthWc(s))
		}
	}
	return len(s)
}

// CellTrunc cuts s, ending it with tail, until its CellWidth is at most w.
func CellTrunc(s string, w int, tail string) string {
	if w <= 0 {
		return ""
	}
	if CellWidth(s) <= w {
		return s
	}
	for lim := w; lim > 0; lim-- {
		t := ansi.Truncate(s, lim, tail)
		if t2 := ansi.TruncateWc(t, lim, tail); t2 != t {
			t = t2
		}
		if CellWidth(t) <= w {
			return t
		}
	}
	return ""
}

// FitCell truncates s (styled or not) to w cells with "…" and pads it with
// spaces to w. Every table cell and fixed-width label goes through it.
func FitCell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = CellTrunc(s, w, "…")
	return s + strings.Repeat(" ", max(0, w-CellWidth(s)))
}

// FitCellRight is FitCell aligned to the right.
func FitCellRight(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = CellTrunc(s, w, "…")
	return strings.Repeat(" ", max(0, w-CellWidth(s))) + s
}

// CenterCell centres s in w cells (cut to w when longer).
func CenterCell(s string, w int) string {
	sw := CellWidth(s)
	if sw >= w {
		return FitCell(s, w)
	}
	left := (w - sw) / 2
	return strings.Repeat(" ", left) + s + strings.Repeat(" ", w-sw-left)
}
