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
