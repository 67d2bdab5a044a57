package workshop

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckText(t *testing.T) {
	tests := []struct {
		name     string
		field    Field
		in       string
		required bool
		want     string
		kind     InputKind
		char     string
	}{
		{"trimmed", FieldCity, "  Kota Bandung  ", true, "Kota Bandung", 0, ""},
		{"any script", FieldOPDName, "ꦢꦶꦤꦱ꧀ 通信与信息局", true, "ꦢꦶꦤꦱ꧀ 通信与信息局", 0, ""},
		{"required and blank", FieldCity, "   ", true, "", InputEmpty, ""},
		{"optional and blank", FieldVenue, "", false, "", 0, ""},
		{"city at its limit", FieldCity, strings.Repeat("ä", MaxCityRunes), true, strings.Repeat("ä", MaxCityRunes), 0, ""},
		{"city one past its limit", FieldCity, strings.Repeat("ä", MaxCityRunes+1), true, "", InputTooLong, ""},
		{"10k-character city", FieldCity, strings.Repeat("K", 10000), true, "", InputTooLong, ""},
		{"clear-screen and retitle", FieldCity, "Kota \x1b[2J\x1b]0;PWNED\a", true, "", InputControl, `\x1b`},
		{"C1 control (CSI as one rune)", FieldVenue, "Aula \u009b2J", false, "", InputControl, `\x9b`},
		{"DEL", FieldFacilitator, "Budi\x7f", false, "", InputControl, `\x7f`},
		{"NUL", FieldOPDCode, "DIN\x00KES", true, "", InputControl, `\x00`},
		{"right-to-left override", FieldOPDName, "Dinas \u202eKesehatan", true, "", InputControl, `\u202e`},
		{"isolate", FieldOPDName, "Dinas \u2066x\u2069", true, "", InputControl, `\u2066`},
		{"tab in a one-line field", FieldOPDName, "Dinas\tKesehatan", true, "", InputLineBreak, ""},
		{"line break in a one-line field", FieldCity, "Kota\nBandung", true, "", InputLineBreak, ""},
		{"not UTF-8", FieldCity, "Kota \xe9", true, "", InputNotUTF8, ""},
		{"note keeps its lines, CR LF made LF", FieldNote, "baris satu\r\nbaris dua\n", false, "baris satu\nbaris dua", 0, ""},
		{"note refuses a tab", FieldNote, "a\tb", false, "", InputControl, `\t`},
		{"note refuses a lone CR", FieldNote, "a\rb", false, "", InputControl, `\r`},
		{"note refuses an OSC 8 link", FieldNote, "\x1b]8;;http://x\x1b\\klik\x1b]8;;\x1b\\", false, "", InputControl, `\x1b`},
		{"note at its limit", FieldNote, strings.Repeat("n", MaxNoteRunes), false, strings.Repeat("n", MaxNoteRunes), 0, ""},
		{"note past its limit", FieldNote, strings.Repeat("n", MaxNoteRunes+1), false, "", InputTooLong, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckText(tt.field, tt.in, tt.required)
			if tt.kind == 0 {
				if err != nil || got != tt.want {
					t.Fatalf("got %q, %v; want %q", got, err, tt.want)
				}
				return
			}
			var ie *InputError
			if !errors.As(err, &ie) || ie.Kind != tt.kind || ie.Char != tt.char || got != "" {
				t.Fatalf("got %q, %#v; want kind %d char %q", got, err, tt.kind, tt.char)
			}
			for _, lang := range []string{"id", "en"} {
				s := ie.In(lang)
				if !strings.Contains(s, " — ") || strings.ContainsFunc(s, Unsafe) {
					t.Errorf("%s: one safe sentence saying what to do: %q", lang, s)
				}
			}
		})
	}
}

func TestInputErrorSentences(t *testing.T) {
	_, err := CheckCity(strings.Repeat("K", 10000))
	if got := err.(*InputError).In("en"); got != "The city is 10000 characters long — shorten it to at most 80" {
		t.Errorf("en: %s", got)
	}
	if got := err.(*InputError).In("id"); got != "Nama kota panjangnya 10000 karakter — pendekkan menjadi paling banyak 80" {
		t.Errorf("id: %s", got)
	}
	_, err = CheckNote("\x1b[31mmerah")
	if got := err.(*InputError).In("id"); got != `Catatan berisi karakter kendali \x1b yang akan dijalankan terminal — tulis ulang tanpa karakter itu` {
		t.Errorf("id: %s", got)
	}
	_, err = ParseTahap("V\x1b[2J")
	if got := err.(*InputError).In("en"); got != `Tahap "V\\x1b[2J" does not exist — choose 1, 2, 3 or 4 (or I, II, III, IV)` {
		t.Errorf("en: %s", got)
	}
}

func TestParseTahap(t *testing.T) {
	for in, want := range map[string]int{"1": 1, "2": 2, "3": 3, "4": 4, "I": 1, "ii": 2, " III ": 3, "IV": 4, "Tahap II": 2, "tahap 4": 4} {
		if got, err := ParseTahap(in); err != nil || got != want {
			t.Errorf("%q: got %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "5", "V", "IIII", "1.5", "-1", "satu"} {
		if _, err := ParseTahap(in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
	if CheckTahap(0) == nil || CheckTahap(5) == nil || CheckTahap(1) != nil || CheckTahap(4) != nil {
		t.Error("CheckTahap must take 1-4 only")
	}
}

func TestCheckDate(t *testing.T) {
	if got, err := CheckDate(" 2026-03-14 "); err != nil || got != "2026-03-14" {
		t.Errorf("got %q, %v", got, err)
	}
	for _, in := range []string{"", "14-03-2026", "2026-02-30", "2026-3-14", "2026-03-14\x1b"} {
		if _, err := CheckDate(in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
}

func TestVisible(t *testing.T) {
	tests := []struct{ in, want, lines string }{
		{"Kota Bandung", "Kota Bandung", "Kota Bandung"},
		{"ꦢꦶꦤꦱ꧀ — 通信", "ꦢꦶꦤꦱ꧀ — 通信", "ꦢꦶꦤꦱ꧀ — 通信"},
		{"Kota \x1b[2J\x1b]0;PWNED\a", `Kota \x1b[2J\x1b]0;PWNED\x07`, `Kota \x1b[2J\x1b]0;PWNED\x07`},
		{"a\r\nb\tc", `a\r\nb\tc`, "a\nb\\tc"},
		{"\u009b\u202e\u2028\ufeff\x7f", `\x9b\u202e\u2028\ufeff\x7f`, `\x9b\u202e\u2028\ufeff\x7f`},
		{"bad \xff\xfe", `bad \xff\xfe`, `bad \xff\xfe`},
	}
	for _, tt := range tests {
		if got := Visible(tt.in); got != tt.want {
			t.Errorf("Visible(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := VisibleLines(tt.in); got != tt.lines {
			t.Errorf("VisibleLines(%q) = %q, want %q", tt.in, got, tt.lines)
		}
	}
}

// TestVariationSelectorsDropped: an emoji's variation selector (🏙️ is
// U+1F3D9 U+FE0F) is dropped at entry and when stored text is read, so
// the width the layout measures is the width xterm draws; the emoji stays.
func TestVariationSelectorsDropped(t *testing.T) {
	in := "DISKOMINFO \U0001F4E1\U0001F3D9\uFE0F Kota \u2764\uFE0E"
	want := "DISKOMINFO \U0001F4E1\U0001F3D9 Kota \u2764"
	for name, check := range map[string]func(string) (string, error){"OPD name": CheckOPDName, "note": CheckNote, "city": CheckCity} {
		got, err := check(in)
		if err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", name, got, err, want)
		}
	}
	if got := Visible(in); got != want {
		t.Errorf("Visible: %q, want %q", got, want)
	}
	if got := VisibleLines(in + "\n" + in); got != want+"\n"+want {
		t.Errorf("VisibleLines: %q", got)
	}
}
