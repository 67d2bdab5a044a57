package report

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/bimtek/bimtek/workshop"
)

// The page's charts are inline SVG drawn here, so the page needs no outside
// file and no script. Each chart reads in black and white: the city is a
// solid line with round marks, the target a dashed line with square marks,
// a gap below target is a hatched bar, and every value is also printed.

// esc escapes a text for an SVG text node or attribute.
func esc(s string) string { return html.EscapeString(s) }

// f1 writes a coordinate with one decimal.
func f1(v float64) string { return fmt.Sprintf("%.1f", v) }

// radarSVG draws the dimensions' city scores against their targets.
func (m *packModel) radarSVG() template.HTML {
	const (
		w, h   = 340.0, 280.0
		cx, cy = 170.0, 134.0
		radius = 84.0
	)
	n := len(m.dims)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart radar" viewBox="0 0 %s %s" role="img" aria-label="%s">`, f1(w), f1(h), esc(m.t("report.chart.radar")))
	if n == 0 {
		b.WriteString(`</svg>`)
		return template.HTML(b.String())
	}
	lo, hi := 0.0, float64(m.scaleHigh)
	if hi <= lo {
		hi = lo + 1
	}
	angle := func(i int) float64 { return -math.Pi/2 + 2*math.Pi*float64(i)/float64(n) }
	point := func(i int, v float64) (float64, float64) {
		r := radius * (math.Max(lo, math.Min(hi, v)) - lo) / (hi - lo)
		return cx + r*math.Cos(angle(i)), cy + r*math.Sin(angle(i))
	}
	// Rings at every level of the scale, with their numbers on the first
	// axis.
	for lv := m.scaleLow; lv <= m.scaleHigh; lv++ {
		var pts []string
		for i := 0; i < n; i++ {
			x, y := point(i, float64(lv))
			pts = append(pts, f1(x)+","+f1(y))
		}
		fmt.Fprintf(&b, `<polygon class="ring" points="%s"/>`, strings.Join(pts, " "))
		x, y := point(0, float64(lv))
		fmt.Fprintf(&b, `<text class="ringlabel" x="%s" y="%s">%d</text>`, f1(x+3), f1(y+3), lv)
	}
	for i, d := range m.dims {
		x, y := point(i, hi)
		fmt.Fprintf(&b, `<line class="axis" x1="%s" y1="%s" x2="%s" y2="%s"/>`, f1(cx), f1(cy), f1(x), f1(y))
		lx, ly := cx+(radius+12)*math.Cos(angle(i)), cy+(radius+12)*math.Sin(angle(i))
		anchor := "middle"
		switch c := math.Cos(angle(i)); {
		case c > 0.2:
			anchor = "start"
		case c < -0.2:
			anchor = "end"
		}
		if math.Sin(angle(i)) > 0.5 {
			ly += 8
		}
		value := "–"
		if d.score.OK {
			value = fmt2(d.score.Value)
		}
		lines := labelLines(d.name)
		if math.Sin(angle(i)) < -0.5 {
			ly -= 10 * float64(len(lines)) // above the top axis
		}
		for j, l := range lines {
			fmt.Fprintf(&b, `<text class="dimlabel" x="%s" y="%s" text-anchor="%s">%s</text>`, f1(lx), f1(ly+9*float64(j)), anchor, esc(l))
		}
		fmt.Fprintf(&b, `<text class="dimvalue" x="%s" y="%s" text-anchor="%s">%s / %s</text>`, f1(lx), f1(ly+9*float64(len(lines))), anchor, esc(value), esc(fmt2(d.target)))
	}
	// Target: dashed, square marks.
	var tp []string
	for i, d := range m.dims {
		x, y := point(i, d.target)
		tp = append(tp, f1(x)+","+f1(y))
	}
	fmt.Fprintf(&b, `<polygon class="target" points="%s"/>`, strings.Join(tp, " "))
	for i, d := range m.dims {
		x, y := point(i, d.target)
		fmt.Fprintf(&b, `<rect class="targetmark" x="%s" y="%s" width="5" height="5"/>`, f1(x-2.5), f1(y-2.5))
	}
	// City: solid, round marks; an unscored dimension breaks the line.
	allScored := true
	for _, d := range m.dims {
		allScored = allScored && d.score.OK
	}
	if allScored {
		var cp []string
		for i, d := range m.dims {
			x, y := point(i, d.score.Value)
			cp = append(cp, f1(x)+","+f1(y))
		}
		fmt.Fprintf(&b, `<polygon class="city" points="%s"/>`, strings.Join(cp, " "))
	} else {
		for i, d := range m.dims {
			next := m.dims[(i+1)%n]
			if !d.score.OK || !next.score.OK || n < 2 {
				continue
			}
			x1, y1 := point(i, d.score.Value)
			x2, y2 := point((i+1)%n, next.score.Value)
			fmt.Fprintf(&b, `<line class="cityline" x1="%s" y1="%s" x2="%s" y2="%s"/>`, f1(x1), f1(y1), f1(x2), f1(y2))
		}
	}
	for i, d := range m.dims {
		if d.score.OK {
			x, y := point(i, d.score.Value)
			fmt.Fprintf(&b, `<circle class="citymark" cx="%s" cy="%s" r="3"/>`, f1(x), f1(y))
		}
	}
	// Legend.
	ly := h - 8
	fmt.Fprintf(&b, `<line class="cityline" x1="20" y1="%s" x2="44" y2="%s"/><circle class="citymark" cx="32" cy="%s" r="3"/>`, f1(ly-3), f1(ly-3), f1(ly-3))
	fmt.Fprintf(&b, `<text class="legend" x="49" y="%s">%s</text>`, f1(ly), esc(m.t("report.legend.city")))
	fmt.Fprintf(&b, `<line class="targetline" x1="175" y1="%s" x2="199" y2="%s"/><rect class="targetmark" x="184.5" y="%s" width="5" height="5"/>`, f1(ly-3), f1(ly-3), f1(ly-5.5))
	fmt.Fprintf(&b, `<text class="legend" x="204" y="%s">%s</text>`, f1(ly), esc(m.t("report.legend.target")))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// labelLines breaks a long axis label at its last space ("Smart" /
// "Environment") so it stays inside the chart.
func labelLines(s string) []string {
	if len([]rune(s)) <= 12 {
		return []string{s}
	}
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		return []string{s[:i], s[i+1:]}
	}
	return []string{s}
}

// gapSVG draws one bar per dimension, largest gap first: target - score,
// hatched when below target, plain grey when the target is met.
func (m *packModel) gapSVG() template.HTML {
	const (
		w      = 330.0
		rowH   = 24.0
		top    = 6.0
		labelW = 118.0
		valueW = 44.0
	)
	n := len(m.dimGaps)
	h := top + rowH*float64(max(n, 1)) + 26
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart gaps" viewBox="0 0 %s %s" role="img" aria-label="%s">`, f1(w), f1(h), esc(m.t("report.chart.gaps")))
	b.WriteString(`<defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)"><rect width="5" height="5" fill="#fff"/><line x1="0" y1="0" x2="0" y2="5" stroke="#000" stroke-width="2.2"/></pattern></defs>`)
	// The scale runs over the largest |gap|, at least one level.
	span := 1.0
	neg := false
	for _, g := range m.dimGaps {
		if g.gap.OK {
			span = math.Max(span, math.Abs(round2(g.gap.Value)))
			neg = neg || round2(g.gap.Value) < 0
		}
	}
	span = math.Ceil(span)
	plotL, plotR := labelW, w-valueW
	zero := plotL
	if neg {
		zero = plotL + (plotR-plotL)/3
	}
	scale := (plotR - zero) / span
	if neg {
		scale = math.Min(scale, (zero-plotL)/span)
	}
	for i, g := range m.dimGaps {
		y := top + rowH*float64(i)
		fmt.Fprintf(&b, `<text class="barlabel" x="%s" y="%s" text-anchor="end">%s</text>`, f1(labelW-6), f1(y+rowH/2+3), esc(g.dimName))
		if !g.gap.OK {
			fmt.Fprintf(&b, `<text class="barvalue none" x="%s" y="%s">%s</text>`, f1(zero+4), f1(y+rowH/2+3), esc(m.t("report.no_score")))
			continue
		}
		v := round2(g.gap.Value)
		bw := math.Abs(v) * scale
		cls, x := "bar below", zero
		if v < 0 {
			cls, x = "bar above", zero-bw
		}
		fmt.Fprintf(&b, `<rect class="%s" x="%s" y="%s" width="%s" height="%s"/>`, cls, f1(x), f1(y+4), f1(bw), f1(rowH-8))
		vx, anchor := zero+bw+4, "start"
		value := gapText(v)
		if v < 0 {
			// Left of the bar when it fits before the label column (about
			// 6 units a character at the value's size), else over the
			// bar's zero end.
			vx, anchor = zero-bw-4, "end"
			if zero-bw-4-6*float64(utf8.RuneCountInString(value)) < labelW {
				vx, anchor = zero+4, "start"
			}
		}
		fmt.Fprintf(&b, `<text class="barvalue" x="%s" y="%s" text-anchor="%s">%s</text>`, f1(vx), f1(y+rowH/2+3), anchor, esc(value))
	}
	axisBottom := top + rowH*float64(max(n, 1))
	fmt.Fprintf(&b, `<line class="zero" x1="%s" y1="%s" x2="%s" y2="%s"/>`, f1(zero), f1(top), f1(zero), f1(axisBottom))
	fmt.Fprintf(&b, `<text class="legend" x="%s" y="%s">%s</text>`, f1(8), f1(axisBottom+16), esc(m.t("report.legend.gap")))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// heatClass is the shade of a heatmap cell: h0 (lowest) to h4 (highest) by
// the score's place on the scale, or "none". The shades go from light to
// dark and print as greys; the number is always in the cell.
func (m *packModel) heatClass(s workshop.Score) string {
	if !s.OK {
		return "none"
	}
	lo, hi := float64(m.scaleLow), float64(m.scaleHigh)
	if hi <= lo {
		return "h2"
	}
	p := (round2(s.Value) - lo) / (hi - lo)
	i := int(math.Floor(p * 5))
	return fmt.Sprintf("h%d", max(0, min(4, i)))
}
