package report

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bimtek/bimtek/workshop"
)

// csvOut builds one CSV file in memory in the chosen flavour: RFC 4180,
// CRLF line ends, written byte for byte as encoding/csv's Writer with
// UseCRLF writes it (TestCSVCellsAsEncodingCSV holds it to that), but
// appended straight to one buffer, so that a cell written the same on
// every row (the framework's names in scores.csv) can be encoded once.
type csvOut struct {
	buf   []byte
	comma byte
	excel bool
	// out takes the file as it is made, spillAt bytes or more at a time
	// (see spill); nil keeps all of it in buf.
	out func([]byte)
}

// spillAt is how much of a file csvOut holds before it hands it to out:
// scores.csv of the scale session (1.6 MB) is written in pieces from one
// buffer of this size, instead of being held whole in memory the process
// must first fault in page by page.
const spillAt = 128 << 10

// spill hands the buffer to out once it holds spillAt bytes, and reuses
// it for what follows.
func (o *csvOut) spill() {
	if o.out != nil && len(o.buf) >= spillAt {
		o.out(o.buf)
		o.buf = o.buf[:0]
	}
}

func newCSVOut(excel bool) *csvOut {
	o := &csvOut{excel: excel, comma: ','}
	if excel {
		o.buf = append(o.buf, utf8BOM...)
		o.comma = ';'
	}
	return o
}

// row writes one record; cells must already be formatted with text/num.
func (o *csvOut) row(cells []string) {
	for i, c := range cells {
		if i > 0 {
			o.buf = append(o.buf, o.comma)
		}
		o.buf = appendCell(o.buf, c, o.comma)
	}
	o.buf = append(o.buf, '\r', '\n')
}

// cells encodes cells as a run of a record, each cell followed by the
// separator, for a part of a row that repeats (see scores).
func (o *csvOut) cells(cells ...string) []byte {
	var b []byte
	for _, c := range cells {
		b = appendCell(b, c, o.comma)
		b = append(b, o.comma)
	}
	return b
}

func (o *csvOut) finish() ([]byte, error) { return o.buf, nil }

// appendCell appends one cell as encoding/csv writes it: quoted when it
// holds the separator, a quote or a line break, starts with a space, or
// is \. (which Postgres reads as the end of data); inside quotes a quote
// is doubled, a line break is written CRLF and a lone CR is dropped.
func appendCell(b []byte, field string, comma byte) []byte {
	if !needsQuotes(field, comma) {
		return append(b, field...)
	}
	b = append(b, '"')
	for len(field) > 0 {
		i := strings.IndexAny(field, "\"\r\n")
		if i < 0 {
			i = len(field)
		}
		b = append(b, field[:i]...)
		field = field[i:]
		if len(field) > 0 {
			switch field[0] {
			case '"':
				b = append(b, '"', '"')
			case '\n':
				b = append(b, '\r', '\n')
			}
			field = field[1:]
		}
	}
	return append(b, '"')
}

func needsQuotes(field string, comma byte) bool {
	if field == "" {
		return false
	}
	if field == `\.` {
		return true
	}
	for i := 0; i < len(field); i++ {
		if c := field[i]; c == '\n' || c == '\r' || c == '"' || c == comma {
			return true
		}
	}
	r1, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r1)
}

// num formats a score-like number: 2 decimals, half away from zero, never
// "-0.00", with ',' as decimal mark in the Excel flavour.
func (o *csvOut) num(x float64) string {
	return formatNum(x, o.excel)
}

// score formats a Score, empty when there is none.
func (o *csvOut) score(s workshop.Score) string {
	if !s.OK {
		return ""
	}
	return o.num(s.Value)
}

func formatNum(x float64, excel bool) string {
	r := workshop.Round2(x)
	if r == 0 {
		r = 0 // turns -0 into 0
	}
	s := strconv.FormatFloat(r, 'f', 2, 64)
	if excel {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// guardChars are the first characters that make Excel (or LibreOffice) treat
// a cell as a formula, plus the line breaks and the apostrophe itself so the
// guard can be undone without ambiguity.
const guardChars = "=+-@\t\r\n'"

// text prepares a text cell: line breaks are normalised to LF (the CSV writer
// turns them into CRLF inside the quoted cell) and a cell that begins with a
// guard character gets a leading apostrophe.
func text(s string) string {
	s = normalizeBreaks(s)
	if s != "" && strings.IndexByte(guardChars, s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// normalizeBreaks turns CRLF and CR line breaks into LF.
func normalizeBreaks(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}

// unguard undoes text's apostrophe on import.
func unguard(s string) string {
	if len(s) >= 2 && s[0] == '\'' && strings.IndexByte(guardChars, s[1]) >= 0 {
		return s[1:]
	}
	return s
}
