package report

import (
	"errors"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

// A scores file is text from outside: a note or a code in it that would
// command the terminal is refused at its line, and what the problem
// quotes back is escaped.
func TestParseScoresRefusesControlCharacters(t *testing.T) {
	d := testData()
	head := "opd_code,indicator_key,level,not_applicable,note\r\n"
	cases := []struct {
		name, data string
		line       int
		msg, msgID string
	}{
		{"note with a hyperlink", head + "DISKOMINFO,gov-1,3,0,\"\x1b]8;;http://x\x1b\\\\klik\x1b]8;;\x1b\\\\\"\r\n", 2,
			`the note contains the control character \x1b, which a terminal would act on — write it again without it`,
			`catatan berisi karakter kendali \x1b yang akan dijalankan terminal — tulis ulang tanpa karakter itu`},
		{"note with a colour", head + "DISKOMINFO,gov-1,3,0,\x1b[31mmerah\r\n", 2,
			`the note contains the control character \x1b`, `catatan berisi karakter kendali \x1b`},
		{"note with a C1 control", head + "DISKOMINFO,gov-1,3,0,a\u009b2Jb\r\n", 2,
			`the note contains the control character \x9b`, `catatan berisi karakter kendali \x9b`},
		{"OPD code that retitles the terminal", head + "DIS\x1b]0;PWNED\aKOMINFO,gov-1,3,0,\r\n", 2,
			`the OPD code "DIS\x1b]0;PWNED\aKOMINFO" is not in this session`, `kode OPD "DIS\x1b]0;PWNED\aKOMINFO" tidak ada`},
		{"note past its limit", head + "DISKOMINFO,gov-1,3,0," + strings.Repeat("n", workshop.MaxNoteRunes+1) + "\r\n", 2,
			`the note is 2001 characters long — shorten it to at most 2000`, `catatan panjangnya 2001 karakter — pendekkan menjadi paling banyak 2000`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, err := ParseScores("nilai.csv", []byte(c.data), d.Session.Framework, d.OPDs)
			var ie *ImportError
			if rows != nil || !errors.As(err, &ie) || len(ie.Problems) != 1 {
				t.Fatalf("want one problem and no rows, got %v, %v", rows, err)
			}
			p := ie.Problems[0]
			if p.Line != c.line || !strings.Contains(p.In("en"), c.msg) || !strings.Contains(p.In("id"), c.msgID) {
				t.Errorf("got line %d\n en %q\n id %q\nwant line %d with %q / %q", p.Line, p.In("en"), p.In("id"), c.line, c.msg, c.msgID)
			}
			for _, s := range []string{p.In("en"), p.In("id"), err.Error()} {
				if strings.ContainsFunc(s, workshop.Unsafe) {
					t.Errorf("a control character reaches the message: %q", s)
				}
			}
		})
	}
	// A note may hold line breaks, as an Excel cell does.
	rows, err := ParseScores("nilai.csv", []byte(head+"DISKOMINFO,gov-1,3,0,\"baris satu\r\nbaris dua\"\r\n"), d.Session.Framework, d.OPDs)
	if err != nil || len(rows) != 1 || rows[0].Note != "baris satu\nbaris dua" {
		t.Errorf("a note on two lines: %+v, %v", rows, err)
	}
}

func TestParseScoresRefusesAnOversizedFile(t *testing.T) {
	d := testData()
	data := make([]byte, MaxScoresBytes+1)
	_, err := ParseScores("nilai.csv", data, d.Session.Framework, d.OPDs)
	var ie *ImportError
	if !errors.As(err, &ie) || len(ie.Problems) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
	if p := ie.Problems[0]; p.In("en") != "the file is 64.0 MB, more than a scores file of any session can be (at most 64.0 MB); check that it is the right file" || p.In("id") == "" {
		t.Errorf("got %+v", p)
	}
}
