package report

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/bimtek/bimtek/workshop"
)

// csvOut builds one CSV file in memory in the chosen flavour.
type csvOut struct {
	buf   bytes.Buffer
	w     *csv.Writer
	excel bool
}

func newCSVOut(excel bool) *csvOut {
	o := &csvOut{excel: excel}
	if excel {
		o.buf.Write(utf8BOM)
	}
	o.w = csv.NewWriter(&o.buf)
	o.w.UseCRLF = true
	if excel {
		o.w.Comma = ';'
	}
	return o
}

// row writes one record; cells must already be formatted with text/num.
func (o *csvOut) row(cells []string) {
	// Write only fails when the underlying writer fails; a bytes.Buffer does
	// not, and finish reports any error the csv.Writer kept.
	_ = o.w.Write(cells)
}

func (o *csvOut) finish() ([]byte, error) {
	o.w.Flush()
	if err := o.w.Error(); err != nil {
		return nil, err
	}
	return o.buf.Bytes(), nil
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
