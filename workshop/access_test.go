package workshop

import (
	"bytes"
	"strings"
	"testing"
)

func TestNewAccessCodeUsesOnlyTheAlphabet(t *testing.T) {
	seen := map[byte]bool{}
	for range 200 {
		c, err := NewAccessCode(nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(c) != AccessCodeLen {
			t.Fatalf("code %q has %d characters, want %d", c, len(c), AccessCodeLen)
		}
		for i := 0; i < len(c); i++ {
			if !strings.ContainsRune(AccessAlphabet, rune(c[i])) {
				t.Fatalf("code %q has %q, not in %q", c, c[i], AccessAlphabet)
			}
			seen[c[i]] = true
		}
	}
	// 1200 draws over 22 characters: missing one is a broken draw, not bad luck
	// (the chance is 22 * (21/22)^1200, about 1e-23).
	if len(seen) != len(AccessAlphabet) {
		t.Errorf("only %d of %d characters ever drawn", len(seen), len(AccessAlphabet))
	}
}

func TestNewAccessCodeRedrawsBiasedBytes(t *testing.T) {
	// 22*11 = 242: bytes 242..255 are drawn again; 0 -> '3', 1 -> '4', 23 -> '4'.
	src := append(bytes.Repeat([]byte{255}, 16), 0, 1, 23, 242, 21, 43)
	src = append(src, make([]byte, 16)...)
	c, err := NewAccessCode(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	// second buffer: 0,1,23,(242 skipped),21,43,0 -> "3","4","4","Y","Y","3"
	if c != "344YY3" {
		t.Errorf("code = %q, want 344YY3", c)
	}
	if _, err := NewAccessCode(bytes.NewReader([]byte{1, 2})); err == nil {
		t.Errorf("a short random source must be an error")
	}
}

func TestNormalizeAccessCode(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"K7M-Q4X", "K7MQ4X", true},
		{" k7m q4x ", "K7MQ4X", true},
		{"k7mq4x", "K7MQ4X", true},
		{"K7MQ4", "", false},      // too short
		{"K7MQ4XA", "", false},    // too long
		{"K0MQ4X", "", false},     // 0 is not in the alphabet
		{"KIMQ4X", "", false},     // nor I
		{"K7MQ4É", "", false},     // nor anything outside ASCII
		{"K7M\x1bQ4X", "", false}, // nor a control character
		{strings.Repeat("-", 100) + "K7MQ4X", "", false},
	}
	for _, c := range cases {
		got, ok := NormalizeAccessCode(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("NormalizeAccessCode(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if FormatAccessCode("K7MQ4X") != "K7M-Q4X" {
		t.Errorf("FormatAccessCode = %q", FormatAccessCode("K7MQ4X"))
	}
}
