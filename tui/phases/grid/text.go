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
	k := gridWrapKey{s, w}
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

// gridSpaces is n spaces (none when n <= 0).
func gridSpaces(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}

// gridPad pads s (styled or not; never truncating) to w.
func gridPad(s string, w int) string {
	if sw := common.CellWidth(s); sw < w {
		return s + strings.Repeat(" ", w-sw)
	}
	return s
}

type gridWrapKey struct {
	text string
	w    int
}

// wrap word-wraps plain text to w columns (cached: View runs every frame).
func (g *Grid) wrap(text string, w int) []string {
	if text == "" || w <= 0 {
		return nil
	}
	k := gridWrapKey{text, w}
	if v, ok := g.wraps[k]; ok {
		return v
	}
	if len(g.wraps) > 512 {
		clear(g.wraps)
	}
	v := strings.Split(ansi.Wrap(gridOneLine(text), w, ""), "\n")
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

// gridOPDLabel is how an OPD is named on a row: its code, then its name.
func gridOPDLabel(o workshop.OPD) string {
	code, name := strings.TrimSpace(o.Code), gridOneLine(o.Name)
	switch {
	case code == "":
		return name
	case name == "" || name == code:
		return code
	}
	return code + " " + name
}

// gridHeat is the heat step of a score, by the rule of Styles.HeatFor
// (a test keeps the two in step): 0 for none, else the nearest level 1-5.
func gridHeat(score float64, ok bool) int {
	if !ok {
		return 0
	}
	return max(1, min(5, int(score+0.5)))
}
