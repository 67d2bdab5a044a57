// Package chart draws the charts of the scoreboard, the gaps screen, the
// wrap-up and the slides: pixel fonts for headline numbers and slide
// titles (one renderer), horizontal bars with a target marker, and a
// small braille canvas for the radar chart. They draw plain runes; the
// caller adds colour, so every chart also reads in monochrome.
package chart

import (
	"math"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/tui/common"
)

// pixelFont maps a rune to its 5 pixel rows ('#' = ink, '.' = paper).
type pixelFont map[rune][5]string

// numberFont is a 3x5 pixel font for the headline numbers. Its digits are
// square; letterFont's are rounded to sit beside letters, so the two fonts
// keep their own glyphs and share the renderer (drawPixels).
var numberFont = pixelFont{
	'0': {"###", "#.#", "#.#", "#.#", "###"},
	'1': {".#.", "##.", ".#.", ".#.", "###"},
	'2': {"###", "..#", "###", "#..", "###"},
	'3': {"###", "..#", "###", "..#", "###"},
	'4': {"#.#", "#.#", "###", "..#", "..#"},
	'5': {"###", "#..", "###", "..#", "###"},
	'6': {"###", "#..", "###", "#.#", "###"},
	'7': {"###", "..#", "..#", "..#", "..#"},
	'8': {"###", "#.#", "###", "#.#", "###"},
	'9': {"###", "#.#", "###", "..#", "###"},
	'.': {".", ".", ".", ".", "#"},
	'-': {"...", "...", "###", "...", "..."},
	'%': {"#.#", "..#", ".#.", "#..", "#.#"},
	' ': {".", ".", ".", ".", "."},
}

// letterFont is the font for slide titles (the city on the opening
// slide, the dimension on a briefing page) ('#' = ink). Letters
// are 3 pixels wide except M, N and W, which need more to stay readable.
var letterFont = pixelFont{
	'A':  {".#.", "#.#", "###", "#.#", "#.#"},
	'B':  {"##.", "#.#", "##.", "#.#", "##."},
	'C':  {".##", "#..", "#..", "#..", ".##"},
	'D':  {"##.", "#.#", "#.#", "#.#", "##."},
	'E':  {"###", "#..", "##.", "#..", "###"},
	'F':  {"###", "#..", "##.", "#..", "#.."},
	'G':  {".##", "#..", "#.#", "#.#", ".##"},
	'H':  {"#.#", "#.#", "###", "#.#", "#.#"},
	'I':  {"###", ".#.", ".#.", ".#.", "###"},
	'J':  {"..#", "..#", "..#", "#.#", ".#."},
	'K':  {"#.#", "#.#", "##.", "#.#", "#.#"},
	'L':  {"#..", "#..", "#..", "#..", "###"},
	'M':  {"#...#", "##.##", "#.#.#", "#...#", "#...#"},
	'N':  {"#..#", "##.#", "#.##", "#..#", "#..#"},
	'O':  {".#.", "#.#", "#.#", "#.#", ".#."},
	'P':  {"##.", "#.#", "##.", "#..", "#.."},
	'Q':  {".#.", "#.#", "#.#", "##.", ".##"},
	'R':  {"##.", "#.#", "##.", "#.#", "#.#"},
	'S':  {".##", "#..", ".#.", "..#", "##."},
	'T':  {"###", ".#.", ".#.", ".#.", ".#."},
	'U':  {"#.#", "#.#", "#.#", "#.#", "###"},
	'V':  {"#.#", "#.#", "#.#", "#.#", ".#."},
	'W':  {"#...#", "#...#", "#.#.#", "##.##", "#...#"},
	'X':  {"#.#", "#.#", ".#.", "#.#", "#.#"},
	'Y':  {"#.#", "#.#", ".#.", ".#.", ".#."},
	'Z':  {"###", "..#", ".#.", "#..", "###"},
	'0':  {"###", "#.#", "#.#", "#.#", "###"},
	'1':  {".#.", "##.", ".#.", ".#.", "###"},
	'2':  {"##.", "..#", ".#.", "#..", "###"},
	'3':  {"##.", "..#", ".#.", "..#", "##."},
	'4':  {"#.#", "#.#", "###", "..#", "..#"},
	'5':  {"###", "#..", "##.", "..#", "##."},
	'6':  {".##", "#..", "###", "#.#", "###"},
	'7':  {"###", "..#", ".#.", ".#.", ".#."},
	'8':  {"###", "#.#", "###", "#.#", "###"},
	'9':  {"###", "#.#", "###", "..#", "##."},
	' ':  {"..", "..", "..", "..", ".."},
	'-':  {"...", "...", "###", "...", "..."},
	'.':  {".", ".", ".", ".", "#"},
	',':  {".", ".", ".", "#", "#"},
	'/':  {"..#", "..#", ".#.", "#..", "#.."},
	'(':  {".#", "#.", "#.", "#.", ".#"},
	')':  {"#.", ".#", ".#", ".#", "#."},
	'\'': {"#", "#", ".", ".", "."},
}

// bigGlyph returns the pixels of r; an unknown rune draws as a dash so a
// headline never silently loses a character.
func bigGlyph(r rune) [5]string {
	if r == '—' {
		r = '-'
	}
	if g, ok := numberFont[r]; ok {
		return g
	}
	return numberFont['-']
}

// BigText draws s (digits, '.', '-', '%') in the number font. size 0 packs
// two pixel rows into one text row with half blocks (3 rows high); size 1
// draws each pixel as 2 columns x 1 row (5 rows); size 2 as 4 x 2 (10
// rows). Every returned line has the same display width.
func BigText(s string, size int) []string {
	glyphs := make([][5]string, 0, len(s))
	for _, r := range s {
		glyphs = append(glyphs, bigGlyph(r))
	}
	switch max(0, min(2, size)) {
	case 0:
		return drawPixels(glyphs, 2, 1, 1, true)
	case 1:
		return drawPixels(glyphs, 2, 1, 1, false)
	default:
		return drawPixels(glyphs, 4, 2, 2, false)
	}
}

// BlockLetters draws s in the letter font: size 1 is one column per pixel
// (3 rows high), 2 is two columns (5 rows), 3 three columns (8 rows). ok is
// false when s has a character the font lacks (any non-Latin name), so the
// caller falls back to plain bold text.
func BlockLetters(s string, size int) ([]string, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" || size < 1 {
		return nil, false
	}
	var glyphs [][5]string
	for _, r := range s {
		g, ok := letterFont[r]
		if !ok {
			return nil, false
		}
		glyphs = append(glyphs, g)
	}
	out := drawPixels(glyphs, size, size, size, true)
	// Trailing blanks off, then every line as wide as the widest, so callers
	// can measure line 0.
	wmax := 0
	for i, l := range out {
		out[i] = strings.TrimRight(l, " ")
		wmax = max(wmax, ansi.StringWidth(out[i]))
	}
	for i, l := range out {
		out[i] = l + strings.Repeat(" ", wmax-ansi.StringWidth(l))
	}
	return out, true
}

// drawPixels sets glyphs side by side, gap columns apart, each font pixel
// px columns wide and py pixel rows high. half folds two pixel rows into
// one text row (▀ ▄ █); otherwise a pixel row is a text row of █.
func drawPixels(glyphs [][5]string, px, py, gap int, half bool) []string {
	pix := make([]string, 0, 5*py+1)
	for y := range 5 {
		var row strings.Builder
		for i, g := range glyphs {
			if i > 0 {
				row.WriteString(strings.Repeat(".", gap))
			}
			for _, p := range g[y] {
				if p != '#' {
					p = '.'
				}
				row.WriteString(strings.Repeat(string(p), px))
			}
		}
		for range py {
			pix = append(pix, row.String())
		}
	}
	if !half {
		for i, l := range pix {
			pix[i] = strings.NewReplacer("#", "█", ".", " ").Replace(l)
		}
		return pix
	}
	if len(pix)%2 == 1 {
		pix = append(pix, strings.Repeat(".", len(pix[0])))
	}
	out := make([]string, 0, len(pix)/2)
	for y := 0; y < len(pix); y += 2 {
		top, bot := pix[y], pix[y+1]
		var line strings.Builder
		for x := range len(top) {
			u, d := top[x] == '#', bot[x] == '#'
			switch {
			case u && d:
				line.WriteRune('█')
			case u:
				line.WriteRune('▀')
			case d:
				line.WriteRune('▄')
			default:
				line.WriteByte(' ')
			}
		}
		out = append(out, line.String())
	}
	return out
}

// BigTextWidth is the display width of BigText(s, size).
func BigTextWidth(s string, size int) int {
	l := BigText(s, size)
	if len(l) == 0 {
		return 0
	}
	return ansi.StringWidth(l[0])
}

// scalePos maps v on lo..hi to a fraction 0..1 (clamped).
func scalePos(v, lo, hi float64) float64 {
	if hi <= lo {
		return 0
	}
	return math.Max(0, math.Min(1, (v-lo)/(hi-lo)))
}

// BarFill is how many of width cells a score fills on the scale lo..hi:
// lo fills none, hi fills all.
func BarFill(v, lo, hi float64, width int) int {
	return int(math.Round(scalePos(v, lo, hi) * float64(width)))
}

// BarMarker is the cell (0..width-1) that marks a target on the bar: the
// last cell a score equal to the target fills (the first cell for lo).
func BarMarker(t, lo, hi float64, width int) int {
	if width <= 0 {
		return 0
	}
	return max(0, min(width-1, BarFill(t, lo, hi, width)-1))
}

// Bar parts: filled, empty and the target marker (on filled or empty
// ground). Kept as runes so they stay readable in monochrome.
const (
	BarFull   = '█'
	BarEmpty  = '░'
	BarTarget = '┃'
)

// BarRunes draws a bar of width cells for score v (ok=false: no score, all
// empty) with the target t marked (hasTarget=false: no marker). It returns
// the runes and the index of the marker (-1 when none).
func BarRunes(v float64, ok bool, t float64, hasTarget bool, lo, hi float64, width int) ([]rune, int) {
	if width <= 0 {
		return nil, -1
	}
	out := make([]rune, width)
	fill := 0
	if ok {
		fill = BarFill(v, lo, hi, width)
	}
	for i := range out {
		if i < fill {
			out[i] = BarFull
		} else {
			out[i] = BarEmpty
		}
	}
	m := -1
	if hasTarget {
		m = BarMarker(t, lo, hi, width)
		out[m] = BarTarget
	}
	return out, m
}

// Canvas layers: a cell inked by several layers takes the colour of the
// highest one; text labels sit above every line.
const (
	LayerNone uint8 = iota
	LayerGrid
	LayerTarget
	LayerCity
	LayerText
	LayerTextBold
)

// Canvas is a grid of w x h text cells, each holding 2x4 braille dots, so
// lines are drawn on 2w x 4h square-ish dots. Labels overwrite cells.
type Canvas struct {
	W, H  int
	dots  []uint8 // braille bits per cell
	layer []uint8 // highest layer that inked the cell
	text  []string
	tlay  []uint8
}

// NewCanvas makes an empty canvas of w x h cells.
func NewCanvas(w, h int) *Canvas {
	w, h = max(0, w), max(0, h)
	n := w * h
	return &Canvas{W: w, H: h, dots: make([]uint8, n), layer: make([]uint8, n), text: make([]string, n), tlay: make([]uint8, n)}
}

// brailleBit is the bit of the dot at (dx, dy) inside one cell.
var brailleBit = [4][2]uint8{{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}}

// Set inks the dot at (x, y) in dot coordinates (0..2W-1, 0..4H-1); dots
// off the canvas are ignored.
func (c *Canvas) Set(x, y int, layer uint8) {
	if x < 0 || y < 0 || x >= 2*c.W || y >= 4*c.H {
		return
	}
	i := (y/4)*c.W + x/2
	c.dots[i] |= brailleBit[y%4][x%2]
	c.layer[i] = max(c.layer[i], layer)
}

// Dot reports whether the dot at (x, y) is inked.
func (c *Canvas) Dot(x, y int) bool {
	if x < 0 || y < 0 || x >= 2*c.W || y >= 4*c.H {
		return false
	}
	return c.dots[(y/4)*c.W+x/2]&brailleBit[y%4][x%2] != 0
}

// Line draws from (x0, y0) to (x1, y1): on dots inked, then off dots
// skipped, repeating (off 0: solid). A dashed or dotted line reads
// differently from a solid one without colour.
func (c *Canvas) Line(x0, y0, x1, y1 int, layer uint8, on, off int) {
	dx, dy := abs(x1-x0), -abs(y1-y0)
	sx, sy := 1, 1
	if x0 > x1 {
		sx = -1
	}
	if y0 > y1 {
		sy = -1
	}
	on = max(1, on)
	err := dx + dy
	for step := 0; ; step++ {
		if off <= 0 || step%(on+off) < on {
			c.Set(x0, y0, layer)
		}
		if x0 == x1 && y0 == y1 {
			return
		}
		e2 := 2 * err
		if e2 >= dy {
			err += dy
			x0 += sx
		}
		if e2 <= dx {
			err += dx
			y0 += sy
		}
	}
}

// Text writes s from cell (col, row), clipped at the canvas edge.
func (c *Canvas) Text(col, row int, s string, layer uint8) {
	if row < 0 || row >= c.H {
		return
	}
	x := col
	last := -1
	for _, r := range s {
		g := string(r)
		w := ansi.StringWidth(g)
		if w == 0 { // combining mark: joins the previous cell
			if last >= 0 {
				c.text[row*c.W+last] += g
			}
			continue
		}
		if x >= 0 && x+w <= c.W {
			i := row*c.W + x
			c.text[i] = g
			c.tlay[i] = layer
			for k := 1; k < w; k++ { // the right half of a wide rune
				c.text[i+k] = "\x00"
				c.tlay[i+k] = layer
			}
			last = x
		}
		x += w
	}
}

// Cell returns the rune shown at (col, row) (a text grapheme, a braille
// pattern, or a space).
func (c *Canvas) Cell(col, row int) string {
	i := row*c.W + col
	if t := c.text[i]; t != "" {
		return t
	}
	if c.dots[i] == 0 {
		return " "
	}
	return string(rune(0x2800 + int(c.dots[i])))
}

// Lines renders the canvas; style gives the look of each layer (nil: no
// styling). Runs of cells of one layer are styled together.
func (c *Canvas) Lines(style func(layer uint8) lipgloss.Style) []string {
	out := make([]string, c.H)
	for row := 0; row < c.H; row++ {
		var b strings.Builder
		var run strings.Builder
		cur := uint8(255)
		flush := func() {
			if run.Len() == 0 {
				return
			}
			if style != nil && cur != LayerNone {
				b.WriteString(style(cur).Render(run.String()))
			} else {
				b.WriteString(run.String())
			}
			run.Reset()
		}
		for col := 0; col < c.W; col++ {
			i := row*c.W + col
			l := c.layer[i]
			if c.text[i] != "" {
				l = c.tlay[i]
			} else if c.dots[i] == 0 {
				l = LayerNone
			}
			if l != cur {
				flush()
				cur = l
			}
			if c.text[i] == "\x00" {
				continue
			}
			run.WriteString(c.Cell(col, row))
		}
		flush()
		out[row] = b.String()
	}
	return out
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// RadarAxis is one spoke of a radar chart.
type RadarAxis struct {
	Label  string  // short dimension name
	Value  float64 // city score
	OK     bool    // false: no score yet (drawn at the centre)
	Target float64
}

// radarLabel is the two lines written at the end of a spoke.
func radarLabel(a RadarAxis) [2]string {
	v := "—"
	if a.OK {
		v = common.Fmt2(a.Value)
	}
	return [2]string{a.Label, v + " (" + common.Fmt2(a.Target) + ")"}
}

// RadarGeom places a radar on a canvas: the centre and radius in dots and
// the angle of each spoke (the first points up, then clockwise).
type RadarGeom struct {
	CX, CY, R int
	Angles    []float64
}

// radarGeom fits the chart and its labels into w x h cells. R is 0 when
// there is no room.
func radarGeom(w, h, n, labelW int) RadarGeom {
	g := RadarGeom{CX: w, CY: 2 * h} // dots: 2w wide, 4h high
	for i := range n {
		g.Angles = append(g.Angles, -math.Pi/2+2*math.Pi*float64(i)/float64(n))
	}
	maxCos, maxSinUp, maxSinDown := 0.0, 0.0, 0.0
	for _, a := range g.Angles {
		c, s := math.Abs(math.Cos(a)), math.Sin(a)
		if c > 0.3 {
			maxCos = math.Max(maxCos, c)
		}
		maxSinUp = math.Max(maxSinUp, -s)
		maxSinDown = math.Max(maxSinDown, s)
	}
	// Horizontal room (cells) beside the centre for the rim and a label.
	rx := math.Inf(1)
	if maxCos > 0 {
		rx = (float64(w)/2 - float64(labelW) - 3) * 2 / maxCos
	}
	// Vertical room: two label rows above the top spoke and below the bottom.
	sinV := math.Max(maxSinUp, maxSinDown)
	ry := math.Inf(1)
	if sinV > 0 {
		ry = (float64(h)/2 - 2.5) * 4 / sinV
	}
	r := math.Min(rx, ry)
	if math.IsInf(r, 1) || r < 6 {
		r = 0
	}
	r = math.Min(r, radarMaxR)
	g.R = int(r)
	return g
}

// point returns the dot position of value v on spoke i: lo (the lowest
// level, where the bars start too) at the centre, hi at the rim.
func (g RadarGeom) point(i int, v, lo, hi float64) (int, int) {
	f := scalePos(v, lo, hi)
	a := g.Angles[i]
	x := float64(g.CX) + f*float64(g.R)*math.Cos(a)
	y := float64(g.CY) + f*float64(g.R)*math.Sin(a)
	return int(math.Round(x)), int(math.Round(y))
}

// radarTargetGlyph draws the target outline: a chain of whole cells in its
// own glyph, so it reads apart from the city's braille line without colour
// and no city dot can hide it.
const radarTargetGlyph = "•"

// radarMaxR caps the radius (in dots) so a wide window gets a chart, not a
// field of scattered dots: 26 rows high at most.
const radarMaxR = 52

// Radar draws a spider chart of axes on a w x h canvas, on the scale lo
// (centre) .. hi (rim), the same scale as the bars: the rim and the spokes
// sparsely dotted, the target as a continuous outline of • cells, the city
// as a continuous braille line with a mark on each value, and a label
// (name, "score (target)") at the end of every spoke. Where the two
// outlines meet, the target's cell wins. It returns nil when the canvas is
// too small for a readable chart.
func Radar(w, h int, axes []RadarAxis, lo, hi float64) *Canvas {
	n := len(axes)
	if n < 3 {
		return nil
	}
	labelW := 0
	for _, a := range axes {
		for _, l := range radarLabel(a) {
			labelW = max(labelW, ansi.StringWidth(l))
		}
	}
	g := radarGeom(w, h, n, labelW)
	if g.R == 0 {
		return nil
	}
	c := NewCanvas(w, h)
	val := func(i int) float64 {
		if axes[i].OK {
			return axes[i].Value
		}
		return lo
	}
	// Grid: the rim and the spokes, sparsely dotted so they stay behind.
	for i := range n {
		x0, y0 := g.point(i, hi, lo, hi)
		x1, y1 := g.point((i+1)%n, hi, lo, hi)
		c.Line(x0, y0, x1, y1, LayerGrid, 1, 2)
		c.Line(g.CX, g.CY, x0, y0, LayerGrid, 1, 3)
	}
	// City: a solid line two dots thick, and a block on each value.
	for i := range n {
		x0, y0 := g.point(i, val(i), lo, hi)
		x1, y1 := g.point((i+1)%n, val((i+1)%n), lo, hi)
		c.Line(x0, y0, x1, y1, LayerCity, 1, 0)
		c.Line(x0+1, y0, x1+1, y1, LayerCity, 1, 0)
	}
	for i := range n {
		if !axes[i].OK {
			continue
		}
		x, y := g.point(i, val(i), lo, hi)
		for dx := -1; dx <= 1; dx++ {
			for dy := -1; dy <= 1; dy++ {
				c.Set(x+dx, y+dy, LayerCity)
			}
		}
	}
	// Target: a line of cells from vertex to vertex, drawn over the city.
	for i := range n {
		x0, y0 := g.point(i, axes[i].Target, lo, hi)
		x1, y1 := g.point((i+1)%n, axes[(i+1)%n].Target, lo, hi)
		c.cellLine(x0/2, y0/4, x1/2, y1/4, radarTargetGlyph, LayerTarget)
	}
	// Labels at the end of each spoke, outside the rim.
	for i, a := range axes {
		lines := radarLabel(a)
		ang := g.Angles[i]
		cs, sn := math.Cos(ang), math.Sin(ang)
		ex := float64(g.CX)/2 + (float64(g.R)/2+2.5)*cs // cells
		ey := float64(g.CY)/4 + (float64(g.R)/4+0.5)*sn
		var row int
		switch {
		case sn < -0.9: // top: the two lines end just above the rim's vertex
			row = (g.CY-g.R)/4 - 2
		case sn > 0.9: // bottom: just below it
			row = (g.CY+g.R)/4 + 1
		default:
			row = int(math.Round(ey)) - 1
		}
		for k, l := range lines {
			lw := ansi.StringWidth(l)
			var col int
			switch {
			case cs > 0.3:
				col = int(math.Round(ex))
			case cs < -0.3:
				col = int(math.Round(ex)) - lw + 1
			default:
				col = int(math.Round(ex - float64(lw)/2))
			}
			col = max(0, min(w-lw, col))
			lay := LayerText
			if k == 0 {
				lay = LayerTextBold
			}
			c.Text(col, row+k, l, lay)
		}
	}
	return c
}

// cellLine writes glyph into every cell of a line from cell (x0, y0) to
// (x1, y1), each cell touching the one before (a continuous outline).
func (c *Canvas) cellLine(x0, y0, x1, y1 int, glyph string, layer uint8) {
	dx, dy := abs(x1-x0), -abs(y1-y0)
	sx, sy := 1, 1
	if x0 > x1 {
		sx = -1
	}
	if y0 > y1 {
		sy = -1
	}
	err := dx + dy
	for {
		c.Text(x0, y0, glyph, layer)
		if x0 == x1 && y0 == y1 {
			return
		}
		e2 := 2 * err
		if e2 >= dy {
			err += dy
			x0 += sx
		}
		if e2 <= dx {
			err += dx
			y0 += sy
		}
	}
}

// StyledBar draws a bar in colour: the score's cells in the accent, the
// rest muted, the target marker in the warning colour. Runs of one kind
// are styled at once (View rebuilds many bars on each change).
func StyledBar(st *common.Styles, v float64, ok bool, t, lo, hi float64, bw int) string {
	runes, m := BarRunes(v, ok, t, true, lo, hi, bw)
	fill := 0
	if ok {
		fill = BarFill(v, lo, hi, bw)
	}
	kind := func(j int) int {
		switch {
		case j == m:
			return 2
		case j < fill:
			return 1
		}
		return 0
	}
	styles := [3]lipgloss.Style{st.Muted, st.Accent, st.Warn}
	var b strings.Builder
	start := 0
	for j := 1; j <= len(runes); j++ {
		if j == len(runes) || kind(j) != kind(start) {
			b.WriteString(styles[kind(start)].Render(string(runes[start:j])))
			start = j
		}
	}
	return b.String()
}
