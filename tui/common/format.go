package common

import (
	"fmt"

	"github.com/bimtek/bimtek/workshop"
)

// Fmt2 writes a score with 2 decimals, rounded half away from zero as
// every export does (DESIGN section 3), and never as "-0.00".
func Fmt2(v float64) string {
	r := workshop.Round2(v)
	if r == 0 {
		r = 0
	}
	return fmt.Sprintf("%.2f", r)
}

// GapText says a gap (target − score) as the room reads it, never as a
// bare "+0.60" that looks like a gain: "▼ 0.60  " below the target by 0.60,
// "▲ 0.20 ✔" above it by 0.20, "  0.00 ✔" on it. The number stays in the
// same columns in all three, and met is the ✔ at the end.
func GapText(v float64) (text string, met bool) {
	r := workshop.Round2(v)
	switch {
	case r > 0:
		return "▼ " + Fmt2(r) + "  ", false
	case r < 0:
		return "▲ " + Fmt2(-r) + " ✔", true
	}
	return "  " + Fmt2(0) + " ✔", true
}

// Signed is Fmt2 with a "+" before a positive number (a gap above zero is
// below target).
func Signed(v float64) string {
	r := workshop.Round2(v)
	if r > 0 {
		return "+" + Fmt2(r)
	}
	return Fmt2(r)
}
