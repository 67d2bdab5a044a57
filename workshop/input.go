package workshop

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bimtek/bimtek/i18n"
)

// Field is a piece of text a person types or a file brings into a session.
// Every way in (the CLI flags, the new-session form, the roster editor, the
// OPD CSV, the score import and the store itself) checks it with the same
// function below, so a value refused in one place is refused in all.
type Field int

const (
	FieldCity Field = iota + 1
	FieldVenue
	FieldFacilitator
	FieldOPDCode
	FieldOPDName
	FieldNote
	FieldTahap
	FieldDate
)

// Limits of typed text, in characters (runes). They are the sizes the
// screens are drawn and tested at: a city fits the header and the home
// list, an OPD code the scoreboard's row label, a name an export cell and
// a roster line, a note a few lines of the note editor.
const (
	MaxCityRunes        = 80
	MaxVenueRunes       = 120
	MaxFacilitatorRunes = 120
	MaxOPDCodeRunes     = 24
	MaxOPDNameRunes     = 120
	MaxNoteRunes        = 2000
)

// what names a field in a sentence, in both languages.
func (f Field) what() i18n.Phrase {
	switch f {
	case FieldCity:
		return i18n.M("input.city")
	case FieldVenue:
		return i18n.M("input.venue")
	case FieldFacilitator:
		return i18n.M("input.facilitator_name")
	case FieldOPDCode:
		return i18n.M("input.opd_code")
	case FieldOPDName:
		return i18n.M("input.opd_name")
	case FieldNote:
		return i18n.M("input.note")
	case FieldTahap:
		return i18n.M("input.tahap")
	case FieldDate:
		return i18n.M("input.date")
	}
	return i18n.M("input.the_text")
}

// Limit is the most characters f may hold (0: no length limit).
func (f Field) Limit() int {
	switch f {
	case FieldCity:
		return MaxCityRunes
	case FieldVenue:
		return MaxVenueRunes
	case FieldFacilitator:
		return MaxFacilitatorRunes
	case FieldOPDCode:
		return MaxOPDCodeRunes
	case FieldOPDName:
		return MaxOPDNameRunes
	case FieldNote:
		return MaxNoteRunes
	}
	return 0
}

// InputKind says what is wrong with a value.
type InputKind int

const (
	InputEmpty     InputKind = iota + 1 // a required value is blank
	InputTooLong                        // more characters than the field's limit
	InputLineBreak                      // a tab or line break in a one-line value
	InputControl                        // a control character, escape sequence or direction override
	InputNotUTF8                        // bytes that are not UTF-8 text
	InputBadTahap                       // not 1-4 or I-IV
	InputBadDate                        // not a YYYY-MM-DD date
)

// InputError is one typed value refused, said as one sentence in either
// language (In). Value is the offending value made visible (Visible) and
// shortened, Char the offending character made visible, N its length.
type InputError struct {
	Field Field
	Kind  InputKind
	Value string
	Char  string
	N     int
	// Of is the OPD code a refused name belongs to, when known (a CSV
	// row), so the sentence says whose name it is.
	Of string
}

// Error is the English sentence (In("en")).
func (e *InputError) Error() string { return e.In("en") }

// In says the problem in lang ("en" or Bahasa Indonesia), as "what is
// wrong — what to do", without a closing full stop (Sentence adds one).
func (e *InputError) In(lang string) string {
	code, args := e.message()
	return upperFirst(i18n.T(lang, code, args...))
}

// Problem is the same as a problem of a file's list (line is that of the
// offending row).
func (e *InputError) Problem(file string, line int) Problem {
	code, args := e.message()
	return Problem{File: file, Line: line, Code: code, Args: args}
}

// message is the catalogue code of the problem and its arguments.
func (e *InputError) message() (string, []any) {
	w := e.Field.what()
	if e.Field == FieldOPDName && e.Of != "" {
		w = i18n.M("input.name_of", e.Of)
	}
	switch e.Kind {
	case InputEmpty:
		return "input.empty", []any{w}
	case InputTooLong:
		return "input.characters_long", []any{w, e.N, e.Field.Limit()}
	case InputLineBreak:
		return "input.contains_tab_or_line_break", []any{w}
	case InputControl:
		return "input.contains_control_character_which_terminal", []any{w, e.Char}
	case InputNotUTF8:
		return "input.not_valid_utf_8_text", []any{w}
	case InputBadTahap:
		return "input.tahap_does_not_exist", []any{e.Value}
	case InputBadDate:
		return "input.date_not_date_like_2026", []any{e.Value}
	}
	return "input.cannot_used", []any{w}
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Unsafe reports whether r must never reach a terminal raw from a
// person's or a file's text: C0 controls (tab and line feed included: the
// callers that allow line breaks say so), DEL, C1 controls, the bidi
// embeddings, overrides and isolates that reorder what is shown, the line
// and paragraph separators, and the byte order mark inside text.
func Unsafe(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x2028, r == 0x2029, r == 0xfeff:
		return true
	}
	return false
}

// escapeRune is r as a visible escape: \t, \n, \r, \x1b, \u202e.
func escapeRune(r rune) string {
	switch r {
	case '\t':
		return `\t`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	}
	if r < 0x100 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// Visible returns s with every unsafe character (Unsafe) and every byte
// that is not UTF-8 written as a visible escape (\x1b, \u202e, \xff): text
// from an older database or a hostile file shown this way is harmless on
// any terminal and still tells what was there. Emoji variation selectors
// are dropped (dropVariationSelectors): stored before entry dropped them,
// they would shift a row. Text without such characters is returned as is.
func Visible(s string) string { return visible(s, false) }

// VisibleLines is Visible keeping line breaks (notes may hold several
// lines); a CR before a line feed is dropped.
func VisibleLines(s string) string { return visible(s, true) }

func visible(s string, lines bool) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	changed := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
			changed = true
		case lines && r == '\n':
			b.WriteByte('\n')
		case lines && r == '\r' && i+1 < len(s) && s[i+1] == '\n':
			changed = true
		case Unsafe(r):
			b.WriteString(escapeRune(r))
			changed = true
		case r == vs15 || r == vs16:
			changed = true // a terminal and the layout would disagree on its width
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	if !changed {
		return s
	}
	return b.String()
}

// Emoji variation selectors: U+FE0E asks for the text presentation of
// the character before it, U+FE0F for the emoji one. Terminals disagree
// on the width they give: xterm draws 🏙️ (U+1F3D9 U+FE0F) one column wide
// while the width tables (and so every layout measured with them) count
// two, so each row holding one is shifted by a column. Without the
// selector both agree (🏙 is one column, 📡 two), and the text still reads
// the same.
const (
	vs15 = '\ufe0e'
	vs16 = '\ufe0f'
)

// dropVariationSelectors removes the emoji variation selectors from s.
func dropVariationSelectors(s string) string {
	if !strings.ContainsRune(s, vs16) && !strings.ContainsRune(s, vs15) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == vs15 || r == vs16 {
			return -1
		}
		return r
	}, s)
}

// shortVisible is v made visible and cut to about 40 characters, for
// quoting a refused value back in a sentence.
func shortVisible(v string) string {
	v = Visible(v)
	if utf8.RuneCountInString(v) > 40 {
		r := []rune(v)
		v = string(r[:39]) + "…"
	}
	return v
}

// checkChars refuses invalid UTF-8, and unsafe characters (line feeds and
// CR LF pairs allowed when lines).
func checkChars(f Field, s string, lines bool) error {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			return &InputError{Field: f, Kind: InputNotUTF8}
		case lines && (r == '\n' || r == '\r' && i+1 < len(s) && s[i+1] == '\n'):
		case !lines && (r == '\t' || r == '\n' || r == '\r'):
			return &InputError{Field: f, Kind: InputLineBreak}
		case Unsafe(r):
			return &InputError{Field: f, Kind: InputControl, Char: escapeRune(r)}
		}
		i += n
	}
	return nil
}

// CheckText checks one value of a field: spaces around it trimmed, only
// safe characters (a note may hold line breaks; CR LF becomes LF), at most
// the field's limit, and not empty when required. It returns the cleaned
// value or an *InputError.
func CheckText(f Field, s string, required bool) (string, error) {
	lines := f == FieldNote
	if err := checkChars(f, s, lines); err != nil {
		return "", err
	}
	s = strings.TrimSpace(dropVariationSelectors(s))
	if lines {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	if s == "" {
		if required {
			return "", &InputError{Field: f, Kind: InputEmpty}
		}
		return "", nil
	}
	if lim := f.Limit(); lim > 0 {
		if n := utf8.RuneCountInString(s); n > lim {
			return "", &InputError{Field: f, Kind: InputTooLong, N: n}
		}
	}
	return s, nil
}

// CheckCity checks a session's city (kota or kabupaten): required.
func CheckCity(s string) (string, error) { return CheckText(FieldCity, s, true) }

// CheckVenue checks a session's venue: optional.
func CheckVenue(s string) (string, error) { return CheckText(FieldVenue, s, false) }

// CheckFacilitator checks the facilitator's name: optional.
func CheckFacilitator(s string) (string, error) { return CheckText(FieldFacilitator, s, false) }

// CheckOPDCode checks an OPD's code and returns it trimmed and upper-cased
// (codes are compared without case).
func CheckOPDCode(s string) (string, error) {
	c, err := CheckText(FieldOPDCode, s, true)
	return strings.ToUpper(c), err
}

// CheckOPDName checks an OPD's full name: required, any script.
func CheckOPDName(s string) (string, error) { return CheckText(FieldOPDName, s, true) }

// CheckNote checks a score's note: optional, several lines allowed.
func CheckNote(s string) (string, error) { return CheckText(FieldNote, s, false) }

// ParseTahap reads a tahap as people write it: 1-4 or I-IV, in any case,
// with or without the word "tahap" before it.
func ParseTahap(s string) (int, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSpace(strings.TrimPrefix(t, "TAHAP"))
	switch t {
	case "1", "I":
		return 1, nil
	case "2", "II":
		return 2, nil
	case "3", "III":
		return 3, nil
	case "4", "IV":
		return 4, nil
	}
	return 0, &InputError{Field: FieldTahap, Kind: InputBadTahap, Value: shortVisible(strings.TrimSpace(s))}
}

// CheckTahap refuses a tahap number outside 1-4.
func CheckTahap(n int) error {
	if n < 1 || n > 4 {
		return &InputError{Field: FieldTahap, Kind: InputBadTahap, Value: strconv.Itoa(n)}
	}
	return nil
}

// CheckDate checks a session date written as YYYY-MM-DD and returns it
// trimmed; a blank date is refused (callers that allow one skip the call).
func CheckDate(s string) (string, error) {
	t := strings.TrimSpace(s)
	if _, err := time.Parse(time.DateOnly, t); err != nil {
		return "", &InputError{Field: FieldDate, Kind: InputBadDate, Value: shortVisible(t)}
	}
	return t, nil
}
