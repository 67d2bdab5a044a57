package common

import "testing"

func TestFormatNumbers(t *testing.T) {
	tests := []struct {
		v            float64
		plain, signd string
	}{
		{3.415, "3.42", "+3.42"}, {-0.001, "0.00", "0.00"}, {-0.2, "-0.20", "-0.20"}, {4.195, "4.20", "+4.20"},
	}
	for _, tc := range tests {
		if got := Fmt2(tc.v); got != tc.plain {
			t.Errorf("Fmt2(%v) = %q, want %q", tc.v, got, tc.plain)
		}
		if got := Signed(tc.v); got != tc.signd {
			t.Errorf("Signed(%v) = %q, want %q", tc.v, got, tc.signd)
		}
	}
}

// TestGapText: a gap (target − score) never reads as a bare "+0.60": below
// the target it is ▼ and the amount, above it ▲ and ✔, on it ✔; the
// amount is rounded half away from zero like every number shown.
func TestGapText(t *testing.T) {
	cases := []struct {
		gap  float64
		want string
		met  bool
	}{
		{0.6, "▼ 0.60  ", false},
		{3.5 - 2.72, "▼ 0.78  ", false},
		{-0.2, "▲ 0.20 ✔", true},
		{3.0 - 3.19, "▲ 0.19 ✔", true},
		{0, "  0.00 ✔", true},
		{0.004, "  0.00 ✔", true}, // rounds to 0.00: met, as the board says
		{0.005, "▼ 0.01  ", false},
		{-0.005, "▲ 0.01 ✔", true},
	}
	for _, c := range cases {
		got, met := GapText(c.gap)
		if got != c.want || met != c.met {
			t.Errorf("GapText(%v) = %q, %v; want %q, %v", c.gap, got, met, c.want, c.met)
		}
	}
}
