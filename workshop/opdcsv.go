package workshop

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// OPDRow is one OPD read from a CSV file, with the line it came from.
type OPDRow struct {
	Line int
	Code string
	Name string
}

// OPD code and name limits: a name fits an export cell and a roster line,
// a code fits the scoreboard's row label.
const (
	MaxOPDNameRunes = 120
	MaxOPDCodeRunes = 24
)

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
				c.add(pe.StartLine, bi{"this row cannot be read (%v) — check its quotes", "baris ini tidak dapat dibaca (%v) — periksa tanda kutipnya"}, pe.Err)
				continue
			}
			c.add(0, bi{"the file cannot be read: %v — save it again as CSV", "berkas tidak dapat dibaca: %v — simpan ulang sebagai CSV"}, err)
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
		}
		if !utf8.ValidString(strings.Join(rec, "")) {
			c.add(line, bi{"this row is not valid UTF-8 text — save the file as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8)", "baris ini bukan teks UTF-8 yang sah — simpan berkas sebagai \"CSV UTF-8\" (di Excel: Save As, CSV UTF-8)"})
			continue
		}
		if len(rec) == 1 {
			c.add(line, bi{"this row has only one column — write the code and the name separated by %q", "baris ini hanya berisi satu kolom — tulis kode dan nama dipisahkan %q"}, string(r.Comma), string(r.Comma))
			continue
		}
		if len(rec) != 2 {
			c.add(line, bi{"this row has %d columns — write exactly two: code%sname", "baris ini berisi %d kolom — tulis tepat dua: kode%snama"}, len(rec), string(r.Comma))
			continue
		}
		code, nm := strings.ToUpper(rec[0]), rec[1]
		bad := false
		switch {
		case code == "":
			c.add(line, bi{"the code is empty — write the OPD's short code (e.g. DISKOMINFO) in the first column", "kode kosong — tulis kode singkat OPD (misalnya DISKOMINFO) di kolom pertama"})
			bad = true
		case hasControl(code):
			c.add(line, bi{"code %q contains a tab or line break — write it on one line", "kode %q berisi tab atau pindah baris — tulis dalam satu baris"}, code)
			bad = true
		case utf8.RuneCountInString(code) > MaxOPDCodeRunes:
			c.add(line, bi{"code %q is %d characters long — shorten it to at most %d", "kode %q panjangnya %d karakter — pendekkan menjadi paling banyak %d"}, code, utf8.RuneCountInString(code), MaxOPDCodeRunes)
			bad = true
		default:
			if prev, dup := first[code]; dup {
				c.add(line, bi{"code %s is already used on line %d — give each OPD its own code", "kode %s sudah dipakai di baris %d — beri setiap OPD kode sendiri"}, code, prev)
				bad = true
			} else {
				first[code] = line
			}
		}
		switch n := utf8.RuneCountInString(nm); {
		case nm == "":
			c.add(line, bi{"the name of %s is empty — write the OPD's full name in the second column", "nama %s kosong — tulis nama lengkap OPD di kolom kedua"}, orCode(code))
			bad = true
		case hasControl(nm):
			c.add(line, bi{"the name of %s contains a tab or line break — write it on one line", "nama %s berisi tab atau pindah baris — tulis dalam satu baris"}, orCode(code))
			bad = true
		case n > MaxOPDNameRunes:
			c.add(line, bi{"the name of %s is %d characters long — shorten it to at most %d", "nama %s panjangnya %d karakter — pendekkan menjadi paling banyak %d"}, orCode(code), n, MaxOPDNameRunes)
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
		c.add(0, bi{"the file lists no OPDs — write one OPD per line as code,name (e.g. DISKOMINFO,Dinas Komunikasi dan Informatika)", "berkas ini tidak berisi OPD — tulis satu OPD per baris sebagai kode,nama (misalnya DISKOMINFO,Dinas Komunikasi dan Informatika)"})
		return fail()
	}
	return rows, nil
}

func orCode(code string) bi {
	if code == "" {
		return bi{"this OPD", "OPD ini"}
	}
	return bi{code, code}
}

func hasControl(s string) bool {
	return strings.IndexFunc(s, unicode.IsControl) >= 0
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
