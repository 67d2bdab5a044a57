package workshop

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bimtek/bimtek/i18n"
)

// OPDRow is one OPD read from a CSV file, with the line it came from.
type OPDRow struct {
	Line int
	Code string
	Name string
}

// MaxOPDCSVBytes bounds an OPD list file: a thousand OPDs with long names
// fit in a tenth of it.
const MaxOPDCSVBytes = 1 << 20

// OPDCSVError lists every bad row of an OPD CSV file, one per line.
type OPDCSVError struct {
	Problems []Problem
}

// Error prints one "file:line: what is wrong — what to fix" per line, in
// English; use In for the UI language.
func (e *OPDCSVError) Error() string { return renderProblems(e.Problems, "en") }

// In renders the problems in lang ("en" or Indonesian).
func (e *OPDCSVError) In(lang string) string { return renderProblems(e.Problems, lang) }

// ParseOPDCSV reads a list of OPDs: two columns, code and name. A header
// row (code,name or kode,nama, any case) is skipped; a UTF-8 byte order
// mark is ignored; the separator is ';' or ',' as the first line shows
// (Excel on an Indonesian locale writes ';'); spaces around values are
// trimmed and codes upper-cased; blank rows and empty trailing columns
// are ignored. Names may be in any script. It is all or nothing: on any
// bad row it returns an *OPDCSVError listing every bad row with its line,
// and no rows.
func ParseOPDCSV(name string, data []byte) ([]OPDRow, error) {
	c := newChecker(name, true)
	fail := func() ([]OPDRow, error) { return nil, &OPDCSVError{Problems: c.sorted()} }

	if len(data) > MaxOPDCSVBytes {
		c.add(0, "opdcsv.file_more_than_opd_list", SizeText(len(data)), SizeText(MaxOPDCSVBytes))
		return fail()
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		// Excel's "Unicode Text" and Notepad's "UTF-16": read as what it is.
		data = utf16ToUTF8(data)
	case bytes.IndexByte(data, 0) >= 0 && looksUTF16(data):
		c.add(0, "opdcsv.file_saved_as_utf_16")
		return fail()
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = detectSeparator(data)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true

	var rows []OPDRow
	first := map[string]int{} // code -> line
	header := true            // the first non-blank row may be a header
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				c.add(pe.StartLine, "opdcsv.row_cannot_read", pe.Err)
				continue
			}
			c.add(0, "opdcsv.file_cannot_read", err)
			return fail()
		}
		line, _ := r.FieldPos(0)
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		if strings.Join(rec, "") == "" {
			continue // blank row, or only separators
		}
		for len(rec) > 2 && rec[len(rec)-1] == "" {
			rec = rec[:len(rec)-1] // empty trailing columns, as Excel writes them
		}
		if header {
			header = false
			if isOPDHeader(rec) {
				continue
			}
			if looksLikeHeader(rec) {
				c.add(line, "opdcsv.header_row_reads", Visible(strings.Join(rec, string(r.Comma))), string(r.Comma), string(r.Comma))
				continue
			}
		}
		if !utf8.ValidString(strings.Join(rec, "")) {
			c.add(line, "opdcsv.row_not_valid_utf_8")
			continue
		}
		if len(rec) == 1 {
			c.add(line, "opdcsv.row_only_one_column", string(r.Comma))
			continue
		}
		if len(rec) != 2 {
			c.add(line, "opdcsv.row_columns", len(rec), string(r.Comma))
			continue
		}
		code, nm := strings.ToUpper(rec[0]), rec[1]
		bad := false
		if code == "" {
			c.add(line, "opdcsv.code_empty")
			bad = true
		} else if _, err := CheckOPDCode(code); err != nil {
			c.input(line, err)
			bad = true
		} else if prev, dup := first[code]; dup {
			c.add(line, "opdcsv.code_already_used_line", code, prev)
			bad = true
		} else {
			first[code] = line
		}
		if nm == "" {
			c.add(line, "opdcsv.name_empty", orCode(Visible(code)))
			bad = true
		} else if _, err := CheckOPDName(nm); err != nil {
			if ie, ok := err.(*InputError); ok && code != "" {
				ie.Of = Visible(code)
			}
			c.input(line, err)
			bad = true
		}
		if !bad {
			rows = append(rows, OPDRow{Line: line, Code: code, Name: nm})
		}
	}
	if len(c.probs) > 0 {
		return fail()
	}
	if len(rows) == 0 {
		c.add(0, "opdcsv.file_lists_no_opds")
		return fail()
	}
	return rows, nil
}

func orCode(code string) any {
	if code == "" {
		return i18n.M("opdcsv.this_opd")
	}
	return code
}

// looksLikeHeader is a first row made only of the header words (code,
// kode, name, nama) that is not code,name or kode,nama: "code,code" or
// "name,code" would otherwise become an OPD called CODE.
func looksLikeHeader(rec []string) bool {
	if len(rec) < 1 {
		return false
	}
	for _, v := range rec {
		switch strings.ToLower(v) {
		case "code", "kode", "name", "nama":
		default:
			return false
		}
	}
	return true
}

// looksUTF16 tells UTF-16 text without a byte order mark: ASCII text in it
// has a NUL byte beside every character.
func looksUTF16(data []byte) bool {
	n := min(len(data), 512) &^ 1
	if n < 4 {
		return false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	return even*2 >= n/2 || odd*2 >= n/2
}

// utf16ToUTF8 decodes UTF-16 text that starts with its byte order mark.
func utf16ToUTF8(data []byte) []byte {
	big := data[0] == 0xfe
	data = data[2:]
	u := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		if big {
			u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			u = append(u, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	return []byte(string(utf16.Decode(u)))
}

// SizeText is a file size for a sentence: 1.5 MB, 900 KB, 120 bytes.
func SizeText(n int) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.Itoa(n>>10) + " KB"
	}
	return strconv.Itoa(n) + " bytes"
}

func isOPDHeader(rec []string) bool {
	if len(rec) != 2 {
		return false
	}
	a, b := strings.ToLower(rec[0]), strings.ToLower(rec[1])
	return (a == "code" && b == "name") || (a == "kode" && b == "nama")
}

// detectSeparator picks ';' or ',' from the first non-blank line: the one
// that splits it into a code and a name (two columns, the code free of
// quotes and of the other separator); ';' when both do (names hold commas
// more often than semicolons); else the more frequent one.
func detectSeparator(data []byte) rune {
	var first []byte
	for line := range bytes.Lines(data) {
		if len(bytes.TrimSpace(line)) > 0 {
			first = line
			break
		}
	}
	splits := func(sep, other rune) bool {
		r := csv.NewReader(bytes.NewReader(first))
		r.Comma = sep
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		rec, err := r.Read()
		if err != nil {
			return false
		}
		for len(rec) > 2 && strings.TrimSpace(rec[len(rec)-1]) == "" {
			rec = rec[:len(rec)-1]
		}
		return len(rec) == 2 && !strings.ContainsAny(rec[0], string(other)+`"`)
	}
	semi, comma := splits(';', ','), splits(',', ';')
	switch {
	case semi:
		return ';'
	case comma:
		return ','
	case bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")):
		return ';'
	}
	return ','
}
