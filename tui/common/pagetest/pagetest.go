// Package pagetest checks the page contract of tui/common.Page in the
// tests of every page: View only draws (drawing twice gives the same
// frame), and a page given a size by SetSize draws within it.
package pagetest

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/tui/common"
)

// Sizes are the bodies of an 80x24, 120x40 and 200x60 terminal (the
// header and the footer take the rest), and one just over the smallest.
var Sizes = [][2]int{{80, 19}, {80, 20}, {120, 36}, {200, 56}}

// Check gives p each size in turn and fails t when View differs between
// two draws, or a line is wider than the body (by the grapheme or the
// wcwidth count, see common.CellWidth) or there are more lines than it
// has rows.
func Check(t *testing.T, name string, p common.Page, sizes ...[2]int) {
	t.Helper()
	if len(sizes) == 0 {
		sizes = Sizes
	}
	for _, sz := range sizes {
		w, h := sz[0], sz[1]
		p.SetSize(w, h)
		v := p.View()
		if again := p.View(); again != v {
			t.Errorf("%s %dx%d: a second View draws another frame:\n%s\n---\n%s", name, w, h, ansi.Strip(v), ansi.Strip(again))
		}
		lines := strings.Split(v, "\n")
		if len(lines) > h {
			t.Errorf("%s %dx%d: %d lines", name, w, h, len(lines))
		}
		for i, l := range lines {
			if g, wc := ansi.StringWidth(l), ansi.StringWidthWc(l); g > w || wc > w {
				t.Errorf("%s %dx%d: line %d is %d/%d cells wide: %q", name, w, h, i, g, wc, ansi.Strip(l))
			}
		}
	}
}
