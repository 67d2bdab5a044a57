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

	"github.com/bimtek/bimtek/i18n"
	"github.com/bimtek/bimtek/workshop"
)

// Problem is one thing wrong in an imported file, at a 1-based line of the
// file (the header is line 1), as a code of the catalogue (package i18n)
// with its arguments.
type Problem struct {
	Line int
	Code string
	Args []any
	// Lines are every line with this same problem, Line first, when more
	// than one line has it (180 rows naming one unknown OPD are one
	// problem with 180 lines); nil for a problem of one line.
	Lines []int
}

// In returns the problem's message in lang ("id" or "en").
func (p Problem) In(lang string) string { return i18n.T(lang, p.Code, p.Args...) }

// newProblem is the problem code with args on line.
func newProblem(line int, code string, args ...any) Problem {
	return Problem{Line: line, Code: code, Args: args}
}

// MaxScoresBytes bounds a scores file: 80 OPDs answering 1,728 indicators
// (the largest framework bimtek takes) with short notes fit in it.
const MaxScoresBytes = 64 << 20

func (p Problem) String() string {
	if len(p.Lines) > 1 {
		return fmt.Sprintf("%d lines (%s): %s", len(p.Lines), LineList(p.Lines, 3, func(n int) string { return fmt.Sprintf("and %d more", n) }), p.In("en"))
	}
	return fmt.Sprintf("line %d: %s", p.Line, p.In("en"))
}

// LineList writes the first few of lines ("2, 3, 4") followed by more(n)
// for the n lines left out, if any.
func LineList(lines []int, first int, more func(n int) string) string {
	n := min(len(lines), first)
	parts := make([]string, n)
	for i := range n {
		parts[i] = strconv.Itoa(lines[i])
	}
	out := strings.Join(parts, ", ")
	if len(lines) > first {
		out += " " + more(len(lines)-first)
	}
	return out
}

// groupProblems makes the problems with the same text one problem listing
// its lines, in the order of their first line.
func groupProblems(ps []Problem) []Problem {
	var out []Problem
	at := map[string]int{}
	for _, p := range ps {
		text := p.In("en")
		if i, ok := at[text]; ok {
			if out[i].Lines == nil {
				out[i].Lines = []int{out[i].Line}
			}
			out[i].Lines = append(out[i].Lines, p.Line)
			continue
		}
		at[text] = len(out)
		out = append(out, p)
	}
	return out
}

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

// ImportRow is one data line of a scores.csv, checked against the session.
type ImportRow struct {
	Line         int // the file line the row starts on
	OPDID        int64
	OPDCode      string
	IndicatorKey string
	// Answer is the level or N/A of the row; BlankLevel says the level cell
	// was empty and the row not marked N/A: the file says nothing about the
	// answer (Answer is then zero).
	Answer     workshop.Answer
	BlankLevel bool
	// Note is the note, checked like a typed note; BlankNote says its cell
	// was empty or missing.
	Note      string
	BlankNote bool
	UpdatedAt time.Time // zero unless the cell held an RFC 3339 time
}

// ScoreFile is a scores.csv read whole and checked against a session.
type ScoreFile struct {
	Name string
	Rows []ImportRow
	// origins are the distinct claims of the rows about where the file was
	// exported from (their session_id, city and stage cells), first seen
	// first; CheckSession compares them with the session.
	origins []origin
}

// origin is what a row's session_id, city and stage cells say.
type origin struct {
	line              int
	session, city, st string
}

// ParseScores is ReadScores returning the rows as the store's cells: an
// empty level (not N/A) is an unanswered cell and an empty note no note,
// as in an export.
func ParseScores(name string, data []byte, f *workshop.Framework, opds []workshop.OPD) ([]workshop.ScoreRow, error) {
	sf, err := ReadScores(name, data, f, opds)
	if err != nil {
		return nil, err
	}
	rows := make([]workshop.ScoreRow, len(sf.Rows))
	for i, r := range sf.Rows {
		rows[i] = workshop.ScoreRow{OPDID: r.OPDID, IndicatorKey: r.IndicatorKey, Answer: r.Answer, Note: r.Note, UpdatedAt: r.UpdatedAt}
	}
	return rows, nil
}

// ReadScores reads a scores.csv in the export format, plain or Excel
// flavour (a UTF-8 BOM is skipped, ';' or ',' is detected from the header;
// CR LF, LF or CR-only line ends), and returns its rows in file order.
//
// Columns are found by their header name, so their order may change and
// extra columns are ignored. opd_code, indicator_key and level are required;
// not_applicable, note, updated_at, session_id, city and stage are read
// when present. An empty not_applicable means 0. updated_at is taken when it
// is RFC 3339 and otherwise left zero, because it only informs. Lines whose
// cells are all empty are skipped.
//
// Every problem (unknown OPD code or indicator key, a level outside the
// scale, a repeated OPD and indicator pair, a bad not_applicable value, N/A
// together with a level, a note that would be refused if typed, a row with
// the wrong number of cells, no rows at all) is collected with its line
// number and returned at once as an *ImportError, with no rows: the import
// is all or nothing. Problems of the same text are one problem with all
// their lines. OPDs and indicators that have no line in the file are not
// returned, so they stay as they are.
func ReadScores(name string, data []byte, f *workshop.Framework, opds []workshop.OPD) (*ScoreFile, error) {
	if f == nil {
		return nil, fmt.Errorf("import %s: the session has no framework; reopen the session and try again", name)
	}
	fail := func(line int, code string, args ...any) error {
		return &ImportError{Name: name, Problems: []Problem{newProblem(line, code, args...)}}
	}
	if len(data) > MaxScoresBytes {
		return nil, fail(0, "import.more_than_scores_any", workshop.SizeText(len(data)), workshop.SizeText(MaxScoresBytes))
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, fail(1, "import.utf_16_text")
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	// Old Mac Excel ("CSV (Macintosh)") ends lines with CR alone, which
	// encoding/csv would read as one long line.
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalidUTF8(data)], []byte{'\n'})
		return nil, fail(line, "import.not_utf_8_text")
	}

	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = detectComma(data)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, fail(1, "import.empty")
	}
	if err != nil {
		return nil, fail(csvErrLine(err, 1), "import.header_row_cannot_read", csvErrMsg(err))
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

	sf := &ScoreFile{Name: name}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// Broken quoting makes everything after it unreliable: stop here.
			p.problem(csvErrLine(err, 0), "import.quoting_broken", csvErrMsg(err))
			break
		}
		line, _ := r.FieldPos(0)
		if row, ok := p.row(line, rec, len(header)); ok {
			sf.Rows = append(sf.Rows, row)
			sf.origins = p.origin(sf.origins, line, rec)
		}
	}
	if len(p.problems) == 0 && len(sf.Rows) == 0 {
		p.problem(2, "import.header_but_no_rows")
	}
	if len(p.problems) > 0 {
		return nil, &ImportError{Name: name, Problems: groupProblems(p.problems)}
	}
	return sf, nil
}

// columns holds the index of each known column, -1 when absent.
type columns struct {
	code, indicator, level, na, note, updated, session, city, stage int
}

func findColumns(header []string) (columns, []Problem) {
	c := columns{-1, -1, -1, -1, -1, -1, -1, -1, -1}
	where := map[string]*int{
		"opd_code": &c.code, "indicator_key": &c.indicator, "level": &c.level,
		"not_applicable": &c.na, "note": &c.note, "updated_at": &c.updated,
		"session_id": &c.session, "city": &c.city, "stage": &c.stage,
	}
	var problems []Problem
	for i, h := range header {
		key := strings.ToLower(strings.TrimSpace(unguard(h)))
		idx, known := where[key]
		if !known {
			continue
		}
		if *idx >= 0 {
			problems = append(problems, newProblem(1, "import.column_appears_twice", key))
			continue
		}
		*idx = i
	}
	for _, req := range []string{"opd_code", "indicator_key", "level"} {
		if *where[req] < 0 {
			problems = append(problems, newProblem(1, "import.column_missing", req))
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

func (p *parser) problem(line int, code string, args ...any) {
	p.problems = append(p.problems, newProblem(line, code, args...))
}

// origin adds a row's claim of origin to os when it differs from every
// claim seen so far (a file holds one claim, or a few when merged).
func (p *parser) origin(os []origin, line int, rec []string) []origin {
	cell := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(unguard(rec[i]))
	}
	o := origin{line: line, session: cell(p.cols.session), city: cell(p.cols.city), st: cell(p.cols.stage)}
	if o.session == "" && o.city == "" && o.st == "" {
		return os
	}
	for _, seen := range os {
		if seen.session == o.session && seen.city == o.city && seen.st == o.st {
			return os
		}
	}
	if len(os) >= 16 {
		return os // enough to find one that differs
	}
	return append(os, o)
}

// row checks one record and returns it as an ImportRow; ok is false when
// the line is blank or has a problem (recorded in p.problems).
func (p *parser) row(line int, rec []string, width int) (ImportRow, bool) {
	blank := true
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			blank = false
			break
		}
	}
	if blank {
		return ImportRow{}, false
	}
	if len(rec) != width {
		p.problem(line, "import.row_cells_but_header", len(rec), width)
		return ImportRow{}, false
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
		p.problem(line, "import.opd_code_empty")
	case !knownOPD:
		p.problem(line, "import.opd_code_not_session", code)
	}
	ind := strings.TrimSpace(cell(p.cols.indicator))
	switch {
	case ind == "":
		p.problem(line, "import.indicator_key_empty")
	case !p.indicators[ind]:
		p.problem(line, "import.indicator_key_not_session", ind)
	}
	// A repeat of an unknown code or key would only repeat that problem.
	if knownOPD && p.indicators[ind] {
		k := pair{code, ind}
		if first, dup := p.seen[k]; dup {
			p.problem(line, "import.opd_indicator_already_appear", workshop.Visible(code), workshop.Visible(ind), first)
		} else {
			p.seen[k] = line
		}
	}

	row := ImportRow{Line: line, OPDID: opd.ID, OPDCode: code, IndicatorKey: ind}
	lv := strings.TrimSpace(cell(p.cols.level))
	if lv != "" {
		v, err := strconv.Atoi(lv)
		if _, onScale := p.f.LevelOf(v); err != nil || !onScale {
			p.problem(line, "import.level_not_scale", lv, p.scale)
		} else {
			row.Answer.Level = v
		}
	}
	if na, ok := parseNA(cell(p.cols.na)); !ok {
		p.problem(line, "import.not_applicable_value_not", strings.TrimSpace(cell(p.cols.na)))
	} else if na {
		row.Answer.NA = true
		if lv != "" {
			p.problem(line, "import.row_marked_not_applicable")
		}
	}
	row.BlankLevel = lv == "" && !row.Answer.NA
	if note, err := workshop.CheckNote(cell(p.cols.note)); err != nil {
		var ie *workshop.InputError
		if errors.As(err, &ie) {
			wp := ie.Problem("", line)
			p.problems = append(p.problems, Problem{Line: line, Code: wp.Code, Args: wp.Args})
		} else {
			p.problem(line, "import.note_cannot_read", err)
		}
	} else {
		row.Note, row.BlankNote = note, note == ""
	}
	if s := strings.TrimSpace(cell(p.cols.updated)); s != "" {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			row.UpdatedAt = t.UTC()
		}
	}
	if len(p.problems) > before {
		return ImportRow{}, false
	}
	return row, true
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
