package workshop

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// AccessAlphabet is what room-mode access codes are written in: digits and
// capital letters without the ones a phone keyboard or a printed card lets
// people mix up (0/O, 1/I/L, 5/S, 8/B, 2/Z, U/V).
const AccessAlphabet = "3479ACDEFGHJKMNPQRTWXY"

// AccessCodeLen is the length of an access code: 22^6 is about 113 million
// codes, so guessing one of 80 at a rate-limited handful of tries a minute
// is hopeless, and six characters are quick to type on a phone.
const AccessCodeLen = 6

// NewAccessCode draws a code from r (crypto/rand.Reader when nil), each
// character uniform over AccessAlphabet.
func NewAccessCode(r io.Reader) (string, error) {
	if r == nil {
		r = rand.Reader
	}
	n := len(AccessAlphabet)
	// Bytes at or above the largest multiple of n are drawn again, so
	// every character is equally likely.
	limit := 256 - 256%n
	out := make([]byte, 0, AccessCodeLen)
	var buf [16]byte
	for len(out) < AccessCodeLen {
		if _, err := io.ReadFull(r, buf[:]); err != nil {
			return "", fmt.Errorf("draw an access code: %w", err)
		}
		for _, b := range buf {
			if int(b) < limit && len(out) < AccessCodeLen {
				out = append(out, AccessAlphabet[int(b)%n])
			}
		}
	}
	return string(out), nil
}

// NormalizeAccessCode reads a code as a person types it: case, spaces and
// dashes do not matter. ok is false when what is left is not a code of
// AccessCodeLen characters of AccessAlphabet.
func NormalizeAccessCode(s string) (code string, ok bool) {
	if len(s) > 4*AccessCodeLen {
		return "", false
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == '\t':
			continue
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		}
		if r > 127 || !strings.ContainsRune(AccessAlphabet, r) {
			return "", false
		}
		b.WriteRune(r)
	}
	if b.Len() != AccessCodeLen {
		return "", false
	}
	return b.String(), true
}

// FormatAccessCode groups a code for reading aloud and printing: "K7M-Q4X".
func FormatAccessCode(code string) string {
	if len(code) != AccessCodeLen {
		return code
	}
	return code[:3] + "-" + code[3:]
}

// AccessCode is one OPD's code for the room-mode phone form.
type AccessCode struct {
	OPDID     int64
	Code      string    // normalised: NormalizeAccessCode of what a person types
	IssuedAt  time.Time // when the code was drawn
	Submitted time.Time // zero until the OPD sends its answers ("Kirim")
}

// ErrNoAccessCode is a code that names no OPD of the session (mistyped,
// guessed, or reissued since).
var ErrNoAccessCode = errors.New("no OPD of the session has this access code")
