// Package report writes a session's results as CSV files for Excel and reads
// a scores.csv back in (DESIGN section 7), and writes the report pack for
// Buku 1 (DESIGN section 13, pack.go: WritePack). Every number in the files comes
// from package workshop (Board, ScoreOPD, ScoreCity); nothing is scored here.
//
// Export writes four files into one folder:
//
//	scores.csv          one row per OPD x indicator, roster order then framework
//	                    order; unanswered rows are included with an empty level.
//	opd_dimensions.csv  one row per OPD of the session (present or not).
//	city_summary.csv    one row per dimension, then the city index row.
//	priorities.csv      the session's priority elements in marking order.
//
// Format decisions (stable; importers and users may rely on them):
//   - UTF-8, RFC 4180 quoting, CRLF line ends in both flavours.
//   - Column names and keys never change; names, labels and predikat follow
//     Options.Lang ("id" default, or "en").
//   - Numbers: scores, targets, gaps, min, max and stdev with exactly 2
//     decimals, rounded half away from zero by workshop.Round2; an empty cell
//     means "no score" (nothing answered). A gap is target - score, so a
//     negative gap (above target) stays a plain number: -0.50.
//   - completion is a ratio 0..1 with 2 decimals (0.75, not 75%); per OPD it is
//     (answered + N/A) / items, in the city rows it is over the OPDs in scope.
//   - not_applicable is 1 or 0. level is the whole number of the scale step,
//     empty when unanswered or N/A; level_label is empty then too.
//   - updated_at is RFC 3339 in UTC to the second (2025-03-04T02:15:00Z), empty
//     when the cell was never written.
//   - City numbers (city_summary, priorities) are over the OPDs IN SCOPE:
//     every OPD with at least one answer, present today or not, plus the
//     present ones (in completion only); an absent OPD's answers still count.
//     The index row has dimension_key "index": score = city index, target =
//     weighted mean (dimension weights) of all dimension targets, n_opd, min,
//     max and stdev over the in-scope OPDs' overall scores.
//   - Excel flavour: a UTF-8 byte order mark, ';' between cells and ',' as the
//     decimal mark in every number column, as Excel on an Indonesian locale
//     expects.
//   - Formula guard: a text cell that begins with = + - @ tab, CR, LF or an
//     apostrophe gets a leading apostrophe, so Excel shows it as text instead
//     of running it. Number cells are never touched. ParseScores removes that
//     apostrophe again, so export and import round-trip exactly. Line breaks
//     inside a cell are written as CRLF and read back as LF.
//
// The folder is written whole by WriteFolder: into a hidden sibling folder
// first, synced, then renamed into place (an older export of the same name
// is swapped out in one step), so a full disk, a crash or a kill -9 never
// leaves a half-written export or a mix of old and new files. The files are
// private (0600, folder 0700): they hold the OPDs' answers and notes.
//
// ParseScores reads a scores.csv of either flavour back (after the
// facilitator or an OPD edited it in Excel) and checks every line against
// the session before anything is accepted.
package report

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/bimtek/bimtek/workshop"
)

// The names of the files Export writes.
const (
	ScoresFile        = "scores.csv"
	OPDDimensionsFile = "opd_dimensions.csv"
	CitySummaryFile   = "city_summary.csv"
	PrioritiesFile    = "priorities.csv"
)

// IndexKey is the dimension_key of the city index row in city_summary.csv.
const IndexKey = "index"

// Options chooses the flavour and the language of an export.
type Options struct {
	// Excel writes a UTF-8 BOM, ';' separators and ',' decimal marks.
	Excel bool
	// Lang is "id" (default when empty) or "en" for names and labels.
	Lang string
}

// Result says where an export went.
type Result struct {
	// Dir is the folder (absolute when it could be resolved).
	Dir string
	// Files are the written files in this order: scores, opd_dimensions,
	// city_summary, priorities.
	Files []string
}

// Export writes the session's CSV files as the folder dir (see WriteFolder:
// complete before it appears, an older export of that name replaced whole,
// nothing left behind on failure).
func Export(dir string, d *workshop.Data, opt Options) (Result, error) {
	return export(dir, d, opt, osFS{})
}

func export(dir string, d *workshop.Data, opt Options, fsys fileSystem) (Result, error) {
	x, err := csvExporter(d, opt)
	if err != nil {
		return Result{}, err
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	tables := x.tables()
	names := make([]string, len(tables))
	for i, t := range tables {
		names[i] = t.name
	}
	w, err := beginFolder(fsys, dir, names)
	if err != nil {
		return Result{}, err
	}
	// scores.csv needs no score: the board is made beside it, on the
	// other core. Each file goes to the disk as it is made, a piece at a
	// time, and is synced while the next is made: scores.csv, most of the
	// export, is synced while the others are made.
	go x.board()
	for _, t := range tables {
		f := w.open(t.name)
		if err := x.renderTo(t, f.write); err != nil {
			f.discard()
			x.board() // the caller's data is left alone once Export returns
			w.abort()
			return Result{}, err
		}
		f.done()
	}
	paths, err := w.commit()
	if err != nil {
		return Result{}, err
	}
	return Result{Dir: dir, Files: paths}, nil
}

// CSVFiles makes the four CSV files of an export in memory, in the order
// scores, opd_dimensions, city_summary, priorities; a caller that writes
// more files into the same folder (a report pack) passes them all to
// WriteFolder together.
func CSVFiles(d *workshop.Data, opt Options) ([]File, error) {
	x, err := csvExporter(d, opt)
	if err != nil {
		return nil, err
	}
	tables := x.tables()
	out := make([]File, 0, len(tables))
	for _, t := range tables {
		b, err := x.render(t)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Name: t.name, Data: b})
	}
	return out, nil
}

// csvExporter checks what an export needs and makes its exporter.
func csvExporter(d *workshop.Data, opt Options) (*exporter, error) {
	if d == nil || d.Session.Framework == nil {
		return nil, errors.New("export: the session has no framework; reopen the session and try again")
	}
	switch opt.Lang {
	case "":
		opt.Lang = "id"
	case "id", "en":
	default:
		return nil, fmt.Errorf("export: unknown language %q; use id or en", opt.Lang)
	}
	x := newExporter(d, opt)
	x.excel = opt.Excel
	return x, nil
}

// table is one CSV file of an export and what writes its rows.
type table struct {
	name  string
	write func(*csvOut)
}

// tables are the export's files in their order.
func (x *exporter) tables() []table {
	return []table{
		{ScoresFile, x.scores},
		{OPDDimensionsFile, x.opdDimensions},
		{CitySummaryFile, x.citySummary},
		{PrioritiesFile, x.priorities},
	}
}

// render makes one file of the export in the exporter's flavour.
func (x *exporter) render(t table) ([]byte, error) {
	w := newCSVOut(x.excel)
	t.write(w)
	b, err := w.finish()
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", t.name, err)
	}
	return b, nil
}

// renderTo makes one file of the export in the exporter's flavour and
// hands it to out as it is made, in pieces (see csvOut.spill).
func (x *exporter) renderTo(t table, out func([]byte)) error {
	w := newCSVOut(x.excel)
	w.out = out
	t.write(w)
	b, err := w.finish()
	if err != nil {
		return fmt.Errorf("export %s: %w", t.name, err)
	}
	out(b)
	return nil
}

// DefaultDir is the folder name an export gets when the user gives none:
// base/bimtek-<city-slug>-tahap<stage>-<session id>-<YYYYMMDD-HHMM>, with now
// in the caller's time zone.
func DefaultDir(base string, d *workshop.Data, now time.Time) string {
	var s workshop.Session
	if d != nil {
		s = d.Session
	}
	name := fmt.Sprintf("bimtek-%s-tahap%d-%d-%s", Slug(s.City), s.Stage, s.ID, now.Format("20060102-1504"))
	return filepath.Join(base, name)
}

// Slug turns a city name into a safe lower-case file-name part: accents are
// dropped (Pématang -> pematang), every run of other characters becomes one
// '-', and a long name is cut at a word end to at most 40 bytes. A name with
// no Latin letter or digit gives "kota".
func Slug(city string) string {
	const maxLen = 40
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(city) {
		if b.Len() > maxLen {
			break // enough to know where to cut
		}
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining accent
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	s := b.String()
	if len(s) > maxLen {
		if i := strings.LastIndexByte(s[:maxLen+1], '-'); i > 0 {
			s = s[:i]
		} else {
			s = s[:maxLen]
		}
	}
	if s == "" {
		return "kota"
	}
	return s
}

// utf8BOM makes Excel read the file as UTF-8 instead of the ANSI code page.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// hasBOM reports whether b starts with the UTF-8 byte order mark.
func hasBOM(b []byte) bool { return bytes.HasPrefix(b, utf8BOM) }
