package chart

import (
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestBigTextSize(t *testing.T) {
	tests := []struct {
		text         string
		size         int
		wantH, wantW int
	}{
		// size 1: a 3-pixel glyph is 6 columns, '.' is 2, 1 column between glyphs.
		{"3.42", 1, 5, 6 + 1 + 2 + 1 + 6 + 1 + 6},
		{"0", 1, 5, 6},
		{"-", 1, 5, 6},
		// size 2: pixels are 4 columns x 2 rows, 2 columns between glyphs.
		{"3.42", 2, 10, 12 + 2 + 4 + 2 + 12 + 2 + 12},
		// size 0: half blocks, 3 rows, as wide as size 1.
		{"3.42", 0, 3, 6 + 1 + 2 + 1 + 6 + 1 + 6},
		{"100", 0, 3, 6*3 + 2},
	}
	for _, tc := range tests {
		lines := BigText(tc.text, tc.size)
		if len(lines) != tc.wantH {
			t.Errorf("BigText(%q, %d): %d rows, want %d", tc.text, tc.size, len(lines), tc.wantH)
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w != tc.wantW {
				t.Errorf("BigText(%q, %d) row %d: width %d, want %d", tc.text, tc.size, i, w, tc.wantW)
			}
		}
		if got := BigTextWidth(tc.text, tc.size); got != tc.wantW {
			t.Errorf("BigTextWidth(%q, %d) = %d, want %d", tc.text, tc.size, got, tc.wantW)
		}
	}
}

func TestBigTextGlyphs(t *testing.T) {
	// The digit 1 and the point, drawn at size 1: ink where the font says.
	got := BigText("1.", 1)
	want := []string{
		"  ██     ",
		"████     ",
		"  ██     ",
		"  ██     ",
		"██████ ██",
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d: %q, want %q", i, got[i], want[i])
		}
	}
	// Half blocks fold two pixel rows: the top row of "7" is ink, the
	// second has ink only on the right.
	h := BigText("7", 0)
	if h[0] != "▀▀▀▀██" {
		t.Errorf("half-block 7 row 0 = %q", h[0])
	}
	// An unknown rune draws as a dash, never as nothing.
	if a, b := BigText("x", 1), BigText("-", 1); strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("unknown rune drawn as %q", a)
	}
}

func TestBarPositions(t *testing.T) {
	tests := []struct {
		v, lo, hi float64
		width     int
		fill, mk  int
	}{
		{1, 1, 5, 20, 0, 0},   // the bottom of the scale fills nothing, marker at the first cell
		{5, 1, 5, 20, 20, 19}, // the top fills all, marker at the last cell
		{3, 1, 5, 20, 10, 9},  // the middle
		{4, 1, 5, 20, 15, 14}, // 3/4 of the way
		{3.42, 1, 5, 40, 24, 23},
		{0, 1, 5, 20, 0, 0}, // below the scale clamps
		{9, 1, 5, 20, 20, 19},
	}
	for _, tc := range tests {
		if got := BarFill(tc.v, tc.lo, tc.hi, tc.width); got != tc.fill {
			t.Errorf("BarFill(%v, %v..%v, %d) = %d, want %d", tc.v, tc.lo, tc.hi, tc.width, got, tc.fill)
		}
		if got := BarMarker(tc.v, tc.lo, tc.hi, tc.width); got != tc.mk {
			t.Errorf("BarMarker(%v, %v..%v, %d) = %d, want %d", tc.v, tc.lo, tc.hi, tc.width, got, tc.mk)
		}
	}
}

func TestBarRunes(t *testing.T) {
	tests := []struct {
		name      string
		v         float64
		ok        bool
		target    float64
		hasTarget bool
		want      string
		marker    int
	}{
		{"below target", 2, true, 4, true, "█████░░░░░░░░░┃░░░░░", 14},
		{"above target", 5, true, 3, true, "█████████┃██████████", 9},
		{"no score", 0, false, 3, true, "░░░░░░░░░┃░░░░░░░░░░", 9},
		{"no target", 3, true, 0, false, "██████████░░░░░░░░░░", -1},
	}
	for _, tc := range tests {
		got, m := BarRunes(tc.v, tc.ok, tc.target, tc.hasTarget, 1, 5, 20)
		if string(got) != tc.want || m != tc.marker {
			t.Errorf("%s: %q marker %d, want %q marker %d", tc.name, string(got), m, tc.want, tc.marker)
		}
	}
}

func TestCanvasDots(t *testing.T) {
	c := NewCanvas(3, 2)
	c.Set(0, 0, LayerCity) // cell (0,0), top-left dot
	c.Set(3, 7, LayerCity) // cell (1,1), bottom-right dot
	c.Set(4, 5, LayerGrid) // cell (2,1), left column, second row
	c.Set(99, 99, LayerCity)
	tests := []struct {
		col, row int
		want     string
	}{
		{0, 0, "⠁"}, {1, 1, "⢀"}, {2, 1, "⠂"}, {1, 0, " "},
	}
	for _, tc := range tests {
		if got := c.Cell(tc.col, tc.row); got != tc.want {
			t.Errorf("cell (%d,%d) = %q, want %q", tc.col, tc.row, got, tc.want)
		}
	}
	if !c.Dot(3, 7) || c.Dot(2, 7) {
		t.Errorf("Dot does not report what Set inked")
	}
	// A horizontal line inks every dot of its row; a dashed one (2 on, 2
	// off) every other pair.
	l := NewCanvas(4, 1)
	l.Line(0, 1, 7, 1, LayerCity, 1, 0)
	for x := 0; x < 8; x++ {
		if !l.Dot(x, 1) {
			t.Errorf("solid line misses dot %d", x)
		}
	}
	d := NewCanvas(4, 1)
	d.Line(0, 1, 7, 1, LayerTarget, 2, 2)
	for x := 0; x < 8; x++ {
		if want := (x/2)%2 == 0; d.Dot(x, 1) != want {
			t.Errorf("dashed line dot %d = %v, want %v", x, d.Dot(x, 1), want)
		}
	}
	// Text overwrites cells, a wide rune takes two.
	tx := NewCanvas(6, 1)
	tx.Text(1, 0, "a数b", LayerText)
	if got := strings.Join(tx.Lines(nil), ""); got != " a数b " {
		t.Errorf("text row = %q", got)
	}
}

func TestRadarPlotsValues(t *testing.T) {
	axes := []RadarAxis{
		{Label: "Gov", Value: 5, OK: true, Target: 4},
		{Label: "Bra", Value: 3, OK: true, Target: 4},
		{Label: "Eco", Value: 5, OK: true, Target: 4},
		{Label: "Liv", Value: 5, OK: true, Target: 4},
		{Label: "Soc", Value: 5, OK: true, Target: 4},
		{Label: "Env", Value: 5, OK: true, Target: 4},
	}
	w, h := 60, 30
	c := Radar(w, h, axes, 1, 5)
	if c == nil {
		t.Fatal("no radar on a 60x30 canvas")
	}
	g := radarGeom(w, h, len(axes), 11)
	// The first spoke points straight up: a 5 sits at the rim above the
	// centre, and the city's mark is inked there.
	x, y := g.point(0, 5, 1, 5)
	if x != g.CX || y != g.CY-g.R {
		t.Fatalf("top of the rim at (%d,%d), want (%d,%d)", x, y, g.CX, g.CY-g.R)
	}
	if !c.Dot(x, y) || c.layer[(y/4)*c.W+x/2] != LayerCity {
		t.Errorf("no city dot at the top of the rim (%d,%d)", x, y)
	}
	// The scale starts at 1 like the bars: 3 on the second spoke (upper
	// right) is half way out, 1 is the centre.
	x, y = g.point(1, 3, 1, 5)
	wantX := g.CX + int(0.5*float64(g.R)*0.8660254+0.5)
	if x != wantX || !c.Dot(x, y) {
		t.Errorf("3 on spoke 1 at (%d,%d) inked=%v, want x=%d", x, y, c.Dot(x, y), wantX)
	}
	if x, y := g.point(2, 1, 1, 5); x != g.CX || y != g.CY {
		t.Errorf("level 1 at (%d,%d), want the centre (%d,%d)", x, y, g.CX, g.CY)
	}
	// The labels name each spoke with its score and target.
	all := strings.Join(c.Lines(nil), "\n")
	for _, want := range []string{"Gov", "5.00 (4.00)", "3.00 (4.00)", "Env"} {
		if !strings.Contains(all, want) {
			t.Errorf("radar lacks label %q:\n%s", want, all)
		}
	}
	// Every line is exactly the canvas width.
	for i, l := range c.Lines(nil) {
		if ansi.StringWidth(l) != w {
			t.Errorf("line %d width %d, want %d", i, ansi.StringWidth(l), w)
		}
	}
	if Radar(12, 5, axes, 1, 5) != nil {
		t.Errorf("a 12x5 canvas should be refused as too small")
	}
}

// radarTargetCells lists the cells that show the target glyph.
func radarTargetCells(c *Canvas) map[[2]int]bool {
	out := map[[2]int]bool{}
	for row := range c.H {
		for col := range c.W {
			if c.Cell(col, row) == radarTargetGlyph {
				out[[2]int{col, row}] = true
			}
		}
	}
	return out
}

// TestRadarTargetIsAContinuousOutlineAboveTheCity: the target is drawn
// in its own glyph (it reads without colour), as one closed chain of
// touching cells, and where the city runs on the target (here city =
// target on three spokes) the target's cells still show.
func TestRadarTargetIsAContinuousOutlineAboveTheCity(t *testing.T) {
	axes := []RadarAxis{
		{Label: "Gov", Value: 3.5, OK: true, Target: 3.5},
		{Label: "Bra", Value: 2, OK: true, Target: 3},
		{Label: "Eco", Value: 3, OK: true, Target: 3},
		{Label: "Liv", Value: 4, OK: true, Target: 3},
		{Label: "Soc", Value: 3, OK: true, Target: 3},
		{Label: "Env", Value: 1.5, OK: true, Target: 3},
	}
	for _, size := range [][2]int{{60, 30}, {80, 40}, {40, 20}} {
		w, h := size[0], size[1]
		c := Radar(w, h, axes, 1, 5)
		if c == nil {
			t.Fatalf("%dx%d: no radar", w, h)
		}
		g := radarGeom(w, h, len(axes), 11)
		g.R = min(g.R, radarMaxR)
		cells := radarTargetCells(c)
		// Every vertex of the target shows the target glyph, the three
		// that the city shares too.
		for i, a := range axes {
			x, y := g.point(i, a.Target, 1, 5)
			if !cells[[2]int{x / 2, y / 4}] {
				t.Errorf("%dx%d: target vertex %d (cell %d,%d) is %q, not the target glyph:\n%s",
					w, h, i, x/2, y/4, c.Cell(x/2, y/4), strings.Join(c.Lines(nil), "\n"))
			}
		}
		// One chain: from any target cell every other is reached through
		// touching target cells, and each has at least two neighbours.
		var start [2]int
		for k := range cells {
			start = k
			break
		}
		seen := map[[2]int]bool{start: true}
		todo := [][2]int{start}
		for len(todo) > 0 {
			p := todo[0]
			todo = todo[1:]
			nb := 0
			for dx := -1; dx <= 1; dx++ {
				for dy := -1; dy <= 1; dy++ {
					q := [2]int{p[0] + dx, p[1] + dy}
					if q == p || !cells[q] {
						continue
					}
					nb++
					if !seen[q] {
						seen[q] = true
						todo = append(todo, q)
					}
				}
			}
			if nb < 2 {
				t.Errorf("%dx%d: target cell %v has %d neighbours: the outline is broken", w, h, p, nb)
			}
		}
		if len(seen) != len(cells) {
			t.Errorf("%dx%d: the target outline falls apart: %d of %d cells connected", w, h, len(seen), len(cells))
		}
		// In monochrome the city is braille and the target is not.
		mono := strings.Join(c.Lines(nil), "\n")
		if !strings.ContainsAny(mono, "⣿⠿⡇⢸⣀⠉") || !strings.Contains(mono, radarTargetGlyph) {
			t.Errorf("%dx%d: city and target not told apart in monochrome:\n%s", w, h, mono)
		}
	}
}

// TestRadarGridIsOnlyRimAndSpokes: at 200x60 the chart used to be a cloud
// of level rings, spokes and dashes; the grid is now the rim and the
// spokes only, and the radius is capped so the chart stays a chart.
func TestRadarGridIsOnlyRimAndSpokes(t *testing.T) {
	axes := make([]RadarAxis, 6)
	for i := range axes {
		axes[i] = RadarAxis{Label: "Dimension", Value: 1, Target: 1}
	}
	w, h := 80, 56
	c := Radar(w, h, axes, 1, 5)
	if c == nil {
		t.Fatal("no radar")
	}
	g := radarGeom(w, h, len(axes), 11)
	if g.R > radarMaxR {
		g.R = radarMaxR
	}
	if g.R != radarMaxR {
		t.Fatalf("radius %d on a large canvas, want the cap %d", g.R, radarMaxR)
	}
	// A dot of the grid lies on the rim or on a spoke (within a dot of
	// the exact line).
	onSegment := func(px, py, ax, ay, bx, by float64) bool {
		dx, dy := bx-ax, by-ay
		l2 := dx*dx + dy*dy
		u := math.Max(0, math.Min(1, ((px-ax)*dx+(py-ay)*dy)/l2))
		ex, ey := ax+u*dx-px, ay+u*dy-py
		return ex*ex+ey*ey <= 2.1
	}
	n := len(axes)
	for y := 0; y < 4*h; y++ {
		for x := 0; x < 2*w; x++ {
			i := (y/4)*c.W + x/2
			if !c.Dot(x, y) || c.layer[i] != LayerGrid {
				continue
			}
			ok := false
			for k := 0; k < n && !ok; k++ {
				x0, y0 := g.point(k, 5, 1, 5)
				x1, y1 := g.point((k+1)%n, 5, 1, 5)
				ok = onSegment(float64(x), float64(y), float64(x0), float64(y0), float64(x1), float64(y1)) ||
					onSegment(float64(x), float64(y), float64(g.CX), float64(g.CY), float64(x0), float64(y0))
			}
			if !ok {
				t.Fatalf("grid dot at (%d,%d) is neither on the rim nor on a spoke", x, y)
			}
		}
	}
}
