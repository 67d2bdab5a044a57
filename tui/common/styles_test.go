package common

import (
	"image/color"
	"math"
	"testing"
)

// relLum is the WCAG 2 relative luminance of c.
func relLum(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	ch := func(v uint32) float64 {
		x := float64(v>>8) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(b)
}

// contrastRatio is the WCAG 2 contrast ratio of two colours (1..21).
func contrastRatio(a, b color.Color) float64 {
	la, lb := relLum(a), relLum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// deltaE is the CIE76 distance of two colours in CIELAB (D65): about 2
// is barely visible, above 25 two colours read as different ones.
func deltaE(a, b color.Color) float64 {
	lab := func(c color.Color) [3]float64 {
		r, g, bl, _ := c.RGBA()
		ch := func(v uint32) float64 {
			x := float64(v>>8) / 255
			if x <= 0.04045 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		lr, lg, lbl := ch(r), ch(g), ch(bl)
		x := (0.4124*lr + 0.3576*lg + 0.1805*lbl) / 0.95047
		y := 0.2126*lr + 0.7152*lg + 0.0722*lbl
		z := (0.0193*lr + 0.1192*lg + 0.9505*lbl) / 1.08883
		f := func(t float64) float64 {
			if t > 0.008856 {
				return math.Cbrt(t)
			}
			return 7.787*t + 16.0/116
		}
		return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
	}
	p, q := lab(a), lab(b)
	return math.Sqrt((p[0]-q[0])*(p[0]-q[0]) + (p[1]-q[1])*(p[1]-q[1]) + (p[2]-q[2])*(p[2]-q[2]))
}

// TestContrastRatioFormula pins the helpers on values worked out by hand:
// black on white is 21:1, a colour on itself 1:1, #777777 on white 4.48:1
// (the classic just-below-AA grey).
func TestContrastRatioFormula(t *testing.T) {
	black, white := color.RGBA{0, 0, 0, 255}, color.RGBA{255, 255, 255, 255}
	grey := color.RGBA{0x77, 0x77, 0x77, 255}
	if r := contrastRatio(black, white); math.Abs(r-21) > 0.01 {
		t.Errorf("black/white = %.2f, want 21", r)
	}
	if r := contrastRatio(white, white); r != 1 {
		t.Errorf("white/white = %.2f, want 1", r)
	}
	if r := contrastRatio(grey, white); math.Abs(r-4.48) > 0.01 {
		t.Errorf("#777/white = %.3f, want 4.48", r)
	}
	if d := deltaE(black, white); math.Abs(d-100) > 0.01 {
		t.Errorf("deltaE black/white = %.2f, want 100", d)
	}
}

// TestPaletteContrast: every theme keeps its text readable from the back
// of a room and every state apart from the others.
func TestPaletteContrast(t *testing.T) {
	for _, theme := range Themes {
		p := palette(theme)
		atLeast := func(what string, a, b color.Color, want float64) {
			t.Helper()
			if r := contrastRatio(a, b); r < want {
				t.Errorf("%s: %s contrast %.2f:1, want >= %.1f:1", theme, what, r, want)
			}
		}
		apart := func(what string, a, b color.Color, want float64) {
			t.Helper()
			if d := deltaE(a, b); d < want {
				t.Errorf("%s: %s only %.1f apart (CIE76), want >= %.0f", theme, what, d, want)
			}
		}
		atLeast("text on background", p.Fg, p.Bg, 7)
		atLeast("secondary text", p.Muted, p.Bg, 4.5)
		// Legends say what the marks, bars and colours mean: body text's
		// contrast, and never a grey between text and background.
		atLeast("legend text", p.Legend, p.Bg, 7)
		atLeast("legend text (WCAG AA floor)", p.Legend, p.Bg, 4.5)
		for name, c := range map[string]color.Color{"accent": p.Accent, "good": p.Good, "warn": p.Warn, "bad": p.Bad} {
			atLeast(name+" text", c, p.Bg, 4.5)
		}
		atLeast("panel border", p.Border, p.Bg, 3)
		atLeast("header text on accent", p.AccentFg, p.Accent, 4.5)
		atLeast("clock text on warn", p.AccentFg, p.Warn, 4.5)
		atLeast("clock text on bad", p.AccentFg, p.Bad, 4.5)
		atLeast("grid cursor", p.CursorFg, p.CursorBg, 4.5)
		atLeast("text on the cursor's cross", p.Fg, p.CrossBg, 4.5)
		// The clock in time sits on the accent bar; near the end it turns
		// Warn, over time Bad: three states the room must tell apart.
		apart("clock in time vs near the end (accent vs warn)", p.Accent, p.Warn, 30)
		apart("clock near the end vs over time (warn vs bad)", p.Warn, p.Bad, 30)
		apart("clock in time vs over time (accent vs bad)", p.Accent, p.Bad, 30)
		// Heat: level 0 is "no score" (drawn as —); levels 1..5 stand out
		// from the background, carry a readable number, and differ.
		atLeast("no-score cell text", p.HeatFg[0], p.Heat[0], 4.5)
		for i := 1; i < len(p.Heat); i++ {
			atLeast("heat level "+string(rune('0'+i))+" on background", p.Heat[i], p.Bg, 3)
			atLeast("number on heat level "+string(rune('0'+i)), p.HeatFg[i], p.Heat[i], 4.5)
			for j := i + 1; j < len(p.Heat); j++ {
				apart("heat levels "+string(rune('0'+i))+" and "+string(rune('0'+j)), p.Heat[i], p.Heat[j], 25)
			}
		}
	}
}
