package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bimtek/bimtek/workshop"
)

// OtherSessionError is a scores.csv whose rows say they were exported from
// another session (another session_id, city or tahap) than the one it is
// being imported into. Nothing was imported; --force imports it anyway.
type OtherSessionError struct {
	Name string // the file
	Line int    // the first row that says so
	// What that row says; an empty value means the cell was empty.
	FileSession, FileCity, FileStage string
	// The session it was to be imported into.
	Session workshop.Session
}

func (e *OtherSessionError) Error() string {
	return fmt.Sprintf("%s was exported from another session (session %s, %s, tahap %s; line %d), not from session %d (%s, tahap %d); nothing was imported: import it into that session, or add --force to import it here anyway",
		e.Name, orUnknown(e.FileSession), orUnknown(e.FileCity), orUnknown(e.FileStage), e.Line, e.Session.ID, e.Session.City, e.Session.Stage)
}

func orUnknown(s string) string {
	if s == "" {
		return "?"
	}
	return s
}

// CheckSession refuses a file whose session_id, city or stage cells name
// another session than s: the first row that does is returned as an
// *OtherSessionError. Empty cells and missing columns say nothing (a file
// typed by hand), a city is compared without case and spaces around it,
// and a stage may be written 1-4 or I-IV.
func (sf *ScoreFile) CheckSession(s workshop.Session) error {
	for _, o := range sf.origins {
		other := o.session != "" && o.session != strconv.FormatInt(s.ID, 10)
		if o.city != "" && !strings.EqualFold(strings.Join(strings.Fields(o.city), " "), strings.Join(strings.Fields(s.City), " ")) {
			other = true
		}
		if o.st != "" {
			if n, err := workshop.ParseTahap(o.st); err != nil || n != s.Stage {
				other = true
			}
		}
		if other {
			return &OtherSessionError{Name: sf.Name, Line: o.line,
				FileSession: short(workshop.Visible(o.session)), FileCity: short(workshop.Visible(o.city)), FileStage: short(workshop.Visible(o.st)),
				Session: s}
		}
	}
	return nil
}

// short cuts a value from a file to what a sentence can hold.
func short(s string) string {
	const max = 60
	if r := []rune(s); len(r) > max {
		return string(r[:max-1]) + "…"
	}
	return s
}

// Change is one cell an import changes: its answer, its note, or both.
type Change struct {
	Line         int // the file line
	OPDID        int64
	OPDCode      string
	IndicatorKey string
	Old, New     workshop.Answer
	OldNote      string
	NewNote      string
}

// AnswerChanged and NoteChanged say what of the cell changes.
func (c Change) AnswerChanged() bool { return c.Old != c.New }
func (c Change) NoteChanged() bool   { return c.OldNote != c.NewNote }

// Plan is what an import of a file would do to a session's cells.
type Plan struct {
	Rows    int      // data rows in the file
	Changes []Change // the cells that change, in file order
	// Counts of the changes: levels set (or changed), answers cleared,
	// marked N/A, notes changed. A change of answer and note counts in both.
	Levels, Cleared, NA, Notes int
	// Kept are the blank level cells (not N/A) left alone because
	// clearBlank was false, KeptNotes the blank note cells likewise.
	Kept, KeptNotes int
}

// PlanImport merges the file's rows into the session's stored cells
// (current, as workshop.Data.Scores holds them). A blank level leaves the
// stored answer alone and a blank note the stored note, unless clearBlank:
// then they clear them. Rows that change nothing are not in the plan.
func PlanImport(sf *ScoreFile, current []workshop.ScoreRow, clearBlank bool) Plan {
	type cell struct {
		opd int64
		key string
	}
	stored := make(map[cell]workshop.ScoreRow, len(current))
	for _, r := range current {
		stored[cell{r.OPDID, r.IndicatorKey}] = r
	}
	p := Plan{Rows: len(sf.Rows)}
	for _, r := range sf.Rows {
		old := stored[cell{r.OPDID, r.IndicatorKey}]
		c := Change{Line: r.Line, OPDID: r.OPDID, OPDCode: r.OPDCode, IndicatorKey: r.IndicatorKey,
			Old: old.Answer, New: r.Answer, OldNote: old.Note, NewNote: r.Note}
		if r.BlankLevel && !clearBlank {
			c.New = old.Answer
			if old.Answer != (workshop.Answer{}) {
				p.Kept++
			}
		}
		if r.BlankNote && !clearBlank {
			c.NewNote = old.Note
			if old.Note != "" {
				p.KeptNotes++
			}
		}
		if !c.AnswerChanged() && !c.NoteChanged() {
			continue
		}
		if c.AnswerChanged() {
			switch {
			case c.New.NA:
				p.NA++
			case c.New.Level != 0:
				p.Levels++
			default:
				p.Cleared++
			}
		}
		if c.NoteChanged() {
			p.Notes++
		}
		p.Changes = append(p.Changes, c)
	}
	return p
}

// ScoreRows are the plan's changes as the cells to store (answer and note
// of each changed cell).
func (p Plan) ScoreRows() []workshop.ScoreRow {
	rows := make([]workshop.ScoreRow, len(p.Changes))
	for i, c := range p.Changes {
		rows[i] = workshop.ScoreRow{OPDID: c.OPDID, IndicatorKey: c.IndicatorKey, Answer: c.New, Note: c.NewNote}
	}
	return rows
}
