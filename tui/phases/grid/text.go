package grid

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// Text helpers: display widths, never bytes.

// fit is common.FitCell remembered: the same labels are fitted every frame.
func (g *Grid) fit(s string, w int) string {
	k := wrapKey{s, w}
	if v, ok := g.fits[k]; ok {
		return v
	}
	if len(g.fits) > 4096 {
		clear(g.fits)
	}
	v := common.FitCell(s, w)
	g.fits[k] = v
	return v
}

// spaces is n spaces (none when n <= 0).
func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}

// pad pads s (styled or not; never truncating) to w.
func pad(s string, w int) string {
	if sw := common.CellWidth(s); sw < w {
		return s + strings.Repeat(" ", w-sw)
	}
	return s
}

type wrapKey struct {
	text string
	w    int
}

// wrap word-wraps plain text to w columns (cached: View runs every frame).
func (g *Grid) wrap(text string, w int) []string {
	if text == "" || w <= 0 {
		return nil
	}
	k := wrapKey{text, w}
	if v, ok := g.wraps[k]; ok {
		return v
	}
	if len(g.wraps) > 512 {
		clear(g.wraps)
	}
	v := strings.Split(ansi.Wrap(oneLine(text), w, ""), "\n")
	for i := range v {
		v[i] = strings.TrimRight(v[i], " ")
	}
	g.wraps[k] = v
	return v
}

func (g *Grid) wrapPainted(id uint8, text string, w int) []string {
	var out []string
	for _, ln := range g.wrap(text, w) {
		out = append(out, g.p.paint(id, ln))
	}
	return out
}

// opdLabel is how an OPD is named on a row: its code, then its name.
func opdLabel(o workshop.OPD) string {
	code, name := strings.TrimSpace(o.Code), oneLine(o.Name)
	switch {
	case code == "":
		return name
	case name == "" || name == code:
		return code
	}
	return code + " " + name
}

// heat is the heat step of a score, by the rule of Styles.HeatFor
// (a test keeps the two in step): 0 for none, else the nearest level 1-5.
func heat(score float64, ok bool) int {
	if !ok {
		return 0
	}
	return max(1, min(5, int(score+0.5)))
}
