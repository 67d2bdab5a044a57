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

// Signed is Fmt2 with a "+" before a positive number (a gap above zero is
// below target).
func Signed(v float64) string {
	r := workshop.Round2(v)
	if r > 0 {
		return "+" + Fmt2(r)
	}
	return Fmt2(r)
}
