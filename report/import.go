package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bimtek/bimtek/workshop"
)

// Problem is one thing wrong in an imported file, at a 1-based line of the
// file (the header is line 1).
type Problem struct {
	Line  int
	Msg   string // English
	MsgID string // Bahasa Indonesia
}

// In returns the problem's message in lang ("id" or "en").
func (p Problem) In(lang string) string {
	if lang == "en" || p.MsgID == "" {
		return p.Msg
	}
	return p.MsgID
}

// newProblem formats a problem in both languages; format is the English
// text and the key of its Indonesian translation in problemID.
func newProblem(line int, format string, args ...any) Problem {
	pr := Problem{Line: line, Msg: fmt.Sprintf(format, args...)}
	if id, ok := problemID[format]; ok {
		pr.MsgID = fmt.Sprintf(id, args...)
	}
	return pr
}

// problemID holds the Indonesian of every import problem, keyed by its
// English format.
var problemID = map[string]string{
	`the file is UTF-16 text; save it from Excel as "CSV UTF-8" and import it again`:                     `file ini teks UTF-16; simpan dari Excel sebagai "CSV UTF-8" lalu impor lagi`,
	`the file is not UTF-8 text; save it from Excel as "CSV UTF-8" and import it again`:                  `file ini bukan teks UTF-8; simpan dari Excel sebagai "CSV UTF-8" lalu impor lagi`,
	"the file is empty; export the scores first and fill in that file":                                   "file ini kosong; ekspor skor dulu lalu isi file itu",
	"the header row cannot be read (%v); export the scores again and start from that file":               "baris judul tidak terbaca (%v); ekspor skor lagi dan mulai dari file itu",
	"the column %s appears twice; keep one of them":                                                      "kolom %s muncul dua kali; sisakan satu",
	"the column %s is missing; keep the header row of an exported scores.csv":                            "kolom %s tidak ada; pakai baris judul dari scores.csv hasil ekspor",
	"the quoting is broken (%s); put quotes only around whole cells and double any quote inside a cell":  "tanda kutip rusak (%s); beri kutip hanya di sekeliling sel utuh dan gandakan kutip di dalam sel",
	"the row has %d cells but the header has %d; check for a separator inside a cell that is not quoted": "baris ini punya %d sel sedangkan judul punya %d; periksa pemisah di dalam sel yang tidak diberi kutip",
	"the opd_code is empty; fill in the code of an OPD of this session":                                  "opd_code kosong; isi dengan kode OPD sesi ini",
	"the OPD code %q is not in this session; use a code from the session's roster":                       "kode OPD %q tidak ada di sesi ini; pakai kode dari daftar OPD sesi",
	"the indicator_key is empty; fill in the key of an indicator of the framework":                       "indicator_key kosong; isi dengan kunci indikator dari kerangka",
	"the indicator key %q is not in the session's framework; use a key from an exported scores.csv":      "kunci indikator %q tidak ada di kerangka sesi; pakai kunci dari scores.csv hasil ekspor",
	"OPD %s and indicator %s already appear on line %d; keep only one of the two rows":                   "OPD %s dan indikator %s sudah ada di baris %d; sisakan satu dari dua baris itu",
	"the level %q is not on the scale %s; use one of those levels or leave it empty":                     "level %q tidak ada di skala %s; pakai salah satu level itu atau kosongkan",
	"the not_applicable value %q is not understood; use 1 or 0":                                          "nilai not_applicable %q tidak dikenal; pakai 1 atau 0",
	"the row is marked not applicable and also has a level; clear the level or set not_applicable to 0":  "baris ini ditandai N/A dan juga punya level; kosongkan level atau isi not_applicable dengan 0",
}

func (p Problem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.Msg) }

// ImportError lists every problem found in a file; when it is returned
// nothing of the file was accepted.
type ImportError struct {
	Name     string // the file name as given to ParseScores
	Problems []Problem
}

func (e *ImportError) Error() string {
	switch len(e.Problems) {
	case 0:
		return e.Name + ": nothing was imported"
	case 1:
		return fmt.Sprintf("%s %s; nothing was imported", e.Name, e.Problems[0])
	}
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.String()
	}
	return fmt.Sprintf("%s has %d problems, nothing was imported: %s", e.Name, len(e.Problems), strings.Join(parts, "; "))
}

// ParseScores reads a scores.csv in the export format, plain or Excel
// flavour (a UTF-8 BOM is skipped, ';' or ',' is detected from the header),
// and returns one ScoreRow per data line in file order.
//
// Columns are found by their header name, so their order may change and
// extra columns are ignored. opd_code, indicator_key and level are required;
// not_applicable, note and updated_at are read when present. An empty level
// with not_applicable 0 means "unanswered" (the row clears that cell); an
// empty not_applicable means 0. updated_at is taken when it is RFC 3339 and
// otherwise left zero, because it only informs: a caller that stores the
// rows should stamp its own time on the cells that change. Lines whose cells
// are all empty are skipped.
//
// Every problem (unknown OPD code or indicator key, a level outside the
// scale, a repeated OPD and indicator pair, a bad not_applicable value, N/A
// together with a level, a row with the wrong number of cells) is collected
// with its line number and returned at once as an *ImportError, with no
// rows: the import is all or nothing. OPDs and indicators that have no line
// in the file are not returned, so they stay as they are.
func ParseScores(name string, data []byte, f *workshop.Framework, opds []workshop.OPD) ([]workshop.ScoreRow, error) {
	if f == nil {
		return nil, fmt.Errorf("import %s: the session has no framework; reopen the session and try again", name)
	}
	fail := func(line int, format string, args ...any) error {
		return &ImportError{Name: name, Problems: []Problem{newProblem(line, format, args...)}}
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, fail(1, `the file is UTF-16 text; save it from Excel as "CSV UTF-8" and import it again`)
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalidUTF8(data)], []byte{'\n'})
		return nil, fail(line, `the file is not UTF-8 text; save it from Excel as "CSV UTF-8" and import it again`)
	}

	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = detectComma(data)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, fail(1, "the file is empty; export the scores first and fill in that file")
	}
	if err != nil {
		return nil, fail(csvErrLine(err, 1), "the header row cannot be read (%v); export the scores again and start from that file", csvErrMsg(err))
	}
	cols, problems := findColumns(header)
	if len(problems) > 0 {
		return nil, &ImportError{Name: name, Problems: problems}
	}

	p := parser{f: f, cols: cols, opds: make(map[string]workshop.OPD, len(opds)), seen: map[pair]int{}}
	for _, o := range opds {
		p.opds[o.Code] = o
	}
	p.indicators = make(map[string]bool, f.ItemCount())
	for _, d := range f.Dimensions {
		for _, e := range d.Elements {
			for _, ind := range e.Indicators {
				p.indicators[ind.Key] = true
			}
		}
	}
	p.scale = scaleText(f)

	var rows []workshop.ScoreRow
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// Broken quoting makes everything after it unreliable: stop here.
			p.problem(csvErrLine(err, 0), "the quoting is broken (%s); put quotes only around whole cells and double any quote inside a cell", csvErrMsg(err))
			break
		}
		line, _ := r.FieldPos(0)
		if row, ok := p.row(line, rec, len(header)); ok {
			rows = append(rows, row)
		}
	}
	if len(p.problems) > 0 {
		return nil, &ImportError{Name: name, Problems: p.problems}
	}
	return rows, nil
}

// columns holds the index of each known column, -1 when absent.
type columns struct {
	code, indicator, level, na, note, updated int
}

func findColumns(header []string) (columns, []Problem) {
	c := columns{-1, -1, -1, -1, -1, -1}
	where := map[string]*int{
		"opd_code": &c.code, "indicator_key": &c.indicator, "level": &c.level,
		"not_applicable": &c.na, "note": &c.note, "updated_at": &c.updated,
	}
	var problems []Problem
	for i, h := range header {
		key := strings.ToLower(strings.TrimSpace(unguard(h)))
		idx, known := where[key]
		if !known {
			continue
		}
		if *idx >= 0 {
			problems = append(problems, newProblem(1, "the column %s appears twice; keep one of them", key))
			continue
		}
		*idx = i
	}
	for _, req := range []string{"opd_code", "indicator_key", "level"} {
		if *where[req] < 0 {
			problems = append(problems, newProblem(1, "the column %s is missing; keep the header row of an exported scores.csv", req))
		}
	}
	return c, problems
}

type pair struct{ code, indicator string }

// parser checks the data rows against the session.
type parser struct {
	f          *workshop.Framework
	cols       columns
	opds       map[string]workshop.OPD
	indicators map[string]bool
	scale      string
	seen       map[pair]int // first line of each OPD and indicator pair
	problems   []Problem
}

func (p *parser) problem(line int, format string, args ...any) {
	p.problems = append(p.problems, newProblem(line, format, args...))
}

// row checks one record and returns it as a ScoreRow; ok is false when the
// line is blank or has a problem (recorded in p.problems).
func (p *parser) row(line int, rec []string, width int) (workshop.ScoreRow, bool) {
	blank := true
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			blank = false
			break
		}
	}
	if blank {
		return workshop.ScoreRow{}, false
	}
	if len(rec) != width {
		p.problem(line, "the row has %d cells but the header has %d; check for a separator inside a cell that is not quoted", len(rec), width)
		return workshop.ScoreRow{}, false
	}
	cell := func(i int) string {
		if i < 0 {
			return ""
		}
		return unguard(rec[i])
	}
	before := len(p.problems)

	code := strings.TrimSpace(cell(p.cols.code))
	opd, knownOPD := p.opds[code]
	switch {
	case code == "":
		p.problem(line, "the opd_code is empty; fill in the code of an OPD of this session")
	case !knownOPD:
		p.problem(line, "the OPD code %q is not in this session; use a code from the session's roster", code)
	}
	ind := strings.TrimSpace(cell(p.cols.indicator))
	switch {
	case ind == "":
		p.problem(line, "the indicator_key is empty; fill in the key of an indicator of the framework")
	case !p.indicators[ind]:
		p.problem(line, "the indicator key %q is not in the session's framework; use a key from an exported scores.csv", ind)
	}
	if code != "" && ind != "" {
		k := pair{code, ind}
		if first, dup := p.seen[k]; dup {
			p.problem(line, "OPD %s and indicator %s already appear on line %d; keep only one of the two rows", code, ind, first)
		} else {
			p.seen[k] = line
		}
	}

	var a workshop.Answer
	if lv := strings.TrimSpace(cell(p.cols.level)); lv != "" {
		v, err := strconv.Atoi(lv)
		if _, onScale := p.f.LevelOf(v); err != nil || !onScale {
			p.problem(line, "the level %q is not on the scale %s; use one of those levels or leave it empty", lv, p.scale)
		} else {
			a.Level = v
		}
	}
	if na, ok := parseNA(cell(p.cols.na)); !ok {
		p.problem(line, "the not_applicable value %q is not understood; use 1 or 0", strings.TrimSpace(cell(p.cols.na)))
	} else if na {
		a.NA = true
		if strings.TrimSpace(cell(p.cols.level)) != "" {
			p.problem(line, "the row is marked not applicable and also has a level; clear the level or set not_applicable to 0")
		}
	}
	var updated time.Time
	if s := strings.TrimSpace(cell(p.cols.updated)); s != "" {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			updated = t.UTC()
		}
	}
	if len(p.problems) > before {
		return workshop.ScoreRow{}, false
	}
	return workshop.ScoreRow{
		OPDID:        opd.ID,
		IndicatorKey: ind,
		Answer:       a,
		Note:         cell(p.cols.note),
		UpdatedAt:    updated,
	}, true
}

// parseNA reads a not_applicable cell; empty means not N/A.
func parseNA(s string) (na, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "ya", "yes":
		return true, true
	case "", "0", "false", "tidak", "no":
		return false, true
	}
	return false, false
}

// scaleText describes the scale for a message: "1-5" for a run of whole
// numbers, else the values listed.
func scaleText(f *workshop.Framework) string {
	lo, hi := f.MinLevel(), f.MaxLevel()
	if len(f.Scale) == hi-lo+1 {
		return fmt.Sprintf("%d-%d", lo, hi)
	}
	vs := make([]string, len(f.Scale))
	for i, l := range f.Scale {
		vs[i] = strconv.Itoa(l.Value)
	}
	return strings.Join(vs, ", ")
}

// detectComma picks ';' when the header line has more semicolons than commas
// outside quotes (the Excel flavour), else ','.
func detectComma(data []byte) rune {
	semi, comma, quoted := 0, 0, false
	for _, b := range data {
		switch {
		case b == '"':
			quoted = !quoted
		case quoted:
		case b == '\n':
			if semi > comma {
				return ';'
			}
			return ','
		case b == ';':
			semi++
		case b == ',':
			comma++
		}
	}
	if semi > comma {
		return ';'
	}
	return ','
}

// firstInvalidUTF8 returns the offset of the first byte that is not valid
// UTF-8.
func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// csvErrLine is the line of a csv.ParseError, or def.
func csvErrLine(err error, def int) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Line
	}
	return def
}

// csvErrMsg is the reason of a csv.ParseError without its position.
func csvErrMsg(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
