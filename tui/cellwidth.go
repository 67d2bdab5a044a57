package tui

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

// cellWidth is the larger of the grapheme and the wcwidth width of s
// (ANSI sequences ignored).
func cellWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == 0x1b {
			return max(ansi.StringWidth(s), ansi.StringWidthWc(s))
		}
	}
	return len(s)
}

// cellTrunc cuts s, ending it with tail, until its cellWidth is at most w.
func cellTrunc(s string, w int, tail string) string {
	if w <= 0 {
		return ""
	}
	if cellWidth(s) <= w {
		return s
	}
	for lim := w; lim > 0; lim-- {
		t := ansi.Truncate(s, lim, tail)
		if t2 := ansi.TruncateWc(t, lim, tail); t2 != t {
			t = t2
		}
		if cellWidth(t) <= w {
			return t
		}
	}
	return ""
}

// fitCell truncates s (styled or not) to w cells with "…" and pads it with
// spaces to w. Every table cell and fixed-width label goes through it.
func fitCell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = cellTrunc(s, w, "…")
	return s + strings.Repeat(" ", max(0, w-cellWidth(s)))
}

// fitCellRight is fitCell aligned to the right.
func fitCellRight(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = cellTrunc(s, w, "…")
	return strings.Repeat(" ", max(0, w-cellWidth(s))) + s
}

// centerCell centres s in w cells (cut to w when longer).
func centerCell(s string, w int) string {
	sw := cellWidth(s)
	if sw >= w {
		return fitCell(s, w)
	}
	left := (w - sw) / 2
	return strings.Repeat(" ", left) + s + strings.Repeat(" ", w-sw-left)
}

// tableCell is one cell of a table line: its text, its column's width and
// alignment.
type tableCell struct {
	text  string
	width int
	right bool
}

// tableLine draws one table line: "▶ " before the selected line (the
// caller adds the colour), then the cells two spaces apart, the whole cut
// to w with "…".
func tableLine(selected bool, cells []tableCell, w int) string {
	mark := "  "
	if selected {
		mark = "▶ "
	}
	return ansi.Truncate(mark+joinCells(cells, "  "), w, "…")
}

// joinCells sets cells side by side, sep apart, each cut and padded to its
// column's width.
func joinCells(cells []tableCell, sep string) string {
	var b strings.Builder
	for j, c := range cells {
		if j > 0 {
			b.WriteString(sep)
		}
		if c.right {
			b.WriteString(fitCellRight(c.text, c.width))
		} else {
			b.WriteString(fitCell(c.text, c.width))
		}
	}
	return b.String()
}
