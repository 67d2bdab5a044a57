package common

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// LineWidth is ansi.StringWidth of one frame line, without the cost of
// grapheme segmentation where the line cannot need it. The frame is made of
// lines whose text is ASCII, Latin letters, box drawing, blocks, arrows,
// braille and a few marks: each such character is one column, and the
// escape sequences the styles add are none. A line with anything else (CJK,
// emoji, combining marks, joiners, variation selectors, ...) is measured by
// ansi.StringWidth itself, so the answer is always the same as its.
func LineWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			n, ok := skipEscape(s[i:])
			if !ok {
				return ansi.StringWidth(s)
			}
			i += n
		case c >= 0x20 && c < 0x7f:
			w++
			i++
		case c < 0x80:
			// other C0 controls and DEL take no column, as in ansi
			return ansi.StringWidth(s)
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if !oneColumn(r) {
				return ansi.StringWidth(s)
			}
			w++
			i += n
		}
	}
	return w
}

// oneColumn is a character that is always one column wide and never joins
// the next one into a grapheme cluster of another width.
func oneColumn(r rune) bool {
	switch {
	case r >= 0xA0 && r <= 0x2FF && r != 0xAD: // Latin-1 and Latin Extended, not the soft hyphen
		return true
	case r >= 0x2010 && r <= 0x2027: // dashes, quotes, bullet, ellipsis
		return true
	case r >= 0x2190 && r <= 0x21FF: // arrows
		return true
	case r >= 0x2500 && r <= 0x25FF: // box drawing, blocks, geometric shapes
		return r != 0x25FD && r != 0x25FE // but these two are emoji, two columns
	case r >= 0x2800 && r <= 0x28FF: // braille (the radar)
		return true
	}
	return false
}

// skipEscape is the length of the SGR or other CSI sequence, or the OSC
// string, that s starts with.
func skipEscape(s string) (int, bool) {
	if len(s) < 2 {
		return 0, false
	}
	switch s[1] {
	case '[':
		for j := 2; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return j + 1, true
			}
			if s[j] < 0x20 || s[j] > 0x3f {
				return 0, false
			}
		}
	case ']':
		for j := 2; j < len(s); j++ {
			switch {
			case s[j] == 0x07:
				return j + 1, true
			case s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\':
				return j + 2, true
			}
		}
	}
	return 0, false
}

// ExactLines cuts or pads every line of a block to exactly w columns and
// the block to exactly h lines, measuring each line once.
func ExactLines(s string, w, h int) []string {
	lines := strings.SplitN(s, "\n", h+1)
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = ExactWidth(l, w)
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return lines
}

// ExactWidth cuts or pads one line to exactly w columns.
func ExactWidth(l string, w int) string {
	lw := LineWidth(l)
	if lw > w {
		l = ansi.Truncate(l, w, "…")
		lw = LineWidth(l)
	}
	if lw < w {
		l += strings.Repeat(" ", w-lw)
	}
	return l
}
