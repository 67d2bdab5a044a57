package common

import (
	"fmt"
	"strings"
	"time"

	"github.com/bimtek/bimtek/assets"
	"github.com/charmbracelet/x/ansi"
)

// Text helpers every page lays its lines out with.

// JoinNonEmpty joins the parts that are not empty.
func JoinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

// StageShort is the short name of a tahap ("Kesiapan dan analisis
// kesenjangan"), empty for a number outside I-IV.
func StageShort(lang string, stage int) string {
	if stage < 1 || stage > 4 {
		return ""
	}
	return assets.T(lang, fmt.Sprintf("stage.short.%d", stage))
}

// WrapText wraps plain text to lines of at most w display columns (long
// words are broken).
func WrapText(s string, w int) []string {
	if w < 1 {
		w = 1
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, strings.Split(ansi.Wrap(para, w, ""), "\n")...)
	}
	for i, l := range out {
		out[i] = strings.TrimRight(l, " ")
	}
	return out
}

// Clock writes a duration as the phase clock does: "05:03", "1:02:03".
func Clock(d time.Duration) string {
	d = d.Round(time.Second)
	if d < 0 {
		d = -d
	}
	h, mm, ss := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, mm, ss)
	}
	return fmt.Sprintf("%02d:%02d", mm, ss)
}

// Roman writes a tahap in Roman numerals (I-IV), any other number as it is.
func Roman(n int) string {
	r := []string{"", "I", "II", "III", "IV"}
	if n >= 1 && n <= 4 {
		return r[n]
	}
	return fmt.Sprint(n)
}

// SideBySide puts two blocks next to each other; the left one is padded to
// lw columns and gap spaces separate them.
func SideBySide(left, right []string, lw, gap int) []string {
	n := max(len(left), len(right))
	out := make([]string, n)
	for i := range n {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = FitCell(l, lw) + strings.Repeat(" ", gap) + r
	}
	return out
}

// FitLines keeps at most h lines.
func FitLines(lines []string, h int) []string {
	if len(lines) > h {
		return lines[:max(0, h)]
	}
	return lines
}
