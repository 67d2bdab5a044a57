package roster

import (
	"errors"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/i18n"
	"github.com/bimtek/bimtek/phrase"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// The preset list and the CSV import: every OPD of a file, or none.

func (r *Roster) codes() map[string]workshop.OPD {
	m := make(map[string]workshop.OPD, len(r.s.Data.OPDs))
	for _, o := range r.s.Data.OPDs {
		m[strings.ToUpper(o.Code)] = o
	}
	return m
}

// loadPreset adds the typical OPDs whose code is not on the roster yet.
func (r *Roster) loadPreset() tea.Cmd {
	s := r.s
	have := r.codes()
	var add []workshop.OPDInput
	skipped := 0
	for _, p := range assets.PresetOPDs() {
		if _, ok := have[strings.ToUpper(p.Code)]; ok {
			skipped++
			continue
		}
		add = append(add, workshop.OPDInput{Code: p.Code, Name: p.Name})
	}
	if len(add) == 0 {
		return common.NoticeCmd(s.T("roster.preset_none"))
	}
	if _, err := s.Live.AddOPDs(s.Ctx(), add); err != nil {
		return common.ErrCmd(err)
	}
	return r.changed(-1, s.T("roster.preset_added", i18n.M("count.opds", len(add)), skipped))
}

func (r *Roster) updateImport(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc":
			r.mode = rosterList
			r.path.Blur()
			return nil
		case "enter":
			return r.importCSV()
		}
		r.importErr = ""
	}
	var cmd tea.Cmd
	r.path, cmd = r.path.Update(msg)
	return cmd
}

// importCSV adds every OPD of a CSV file, or none: a bad row, or a code
// already on the roster, refuses the whole file and lists every problem
// with its line.
func (r *Roster) importCSV() tea.Cmd {
	s := r.s
	p := common.CleanPath(r.path.Value())
	if p == "" {
		r.importErr = s.T("roster.import_empty")
		return nil
	}
	if r.reading {
		return nil // a second Enter while the file is read
	}
	r.reading = true
	return func() tea.Msg {
		data, err := assets.ReadInputFile(p, workshop.MaxOPDCSVBytes)
		return rosterFileMsg{path: p, data: data, err: err}
	}
}

// rosterFileMsg is the OPD CSV file of an import, read in the background
// (a file on a slow USB stick or a network share never stalls the screen).
type rosterFileMsg struct {
	path string
	data []byte
	err  error
}

// importRead checks the file read for the import and adds its OPDs in
// one write, or none.
func (r *Roster) importRead(msg rosterFileMsg) tea.Cmd {
	s := r.s
	r.reading = false
	if r.mode != rosterImport {
		return nil // the facilitator left the import meanwhile
	}
	p, data := msg.path, msg.data
	base := filepath.Base(p)
	if msg.err != nil {
		r.importErr = s.T("roster.import_open", p)
		return nil
	}
	rows, err := workshop.ParseOPDCSV(base, data)
	var probs []workshop.Problem
	if err != nil {
		var ce *workshop.OPDCSVError
		if !errors.As(err, &ce) {
			r.importErr = phrase.Sentence(s.Lang, err)
			return nil
		}
		probs = ce.Problems
		// The parser gives no rows when one is bad; read the good ones
		// again so a code already on the roster is reported too.
		rows = goodOPDRows(base, data, probs)
	}
	have := r.codes()
	for _, row := range rows {
		if o, dup := have[strings.ToUpper(row.Code)]; dup {
			probs = append(probs, workshop.Problem{Line: row.Line,
				Code: "roster.import_dup", Args: []any{row.Code, o.Name}})
		}
	}
	if len(probs) > 0 {
		sortProblems(probs)
		r.mode, r.probTop = rosterProblems, 0
		r.probTitle = s.T("roster.import_bad", base, len(probs))
		r.problems = strings.Split(common.ProblemLines(probs, s.Lang), "\n")
		r.path.Blur()
		return nil
	}
	if len(rows) == 0 {
		r.importErr = s.T("roster.import_nothing", base)
		return nil
	}
	add := make([]workshop.OPDInput, len(rows))
	for i, row := range rows {
		add[i] = workshop.OPDInput{Code: row.Code, Name: row.Name}
	}
	if _, err := s.Live.AddOPDs(s.Ctx(), add); err != nil {
		r.importErr = phrase.Sentence(s.Lang, err)
		return common.ErrCmd(err)
	}
	r.mode = rosterList
	r.path.Blur()
	return r.changed(-1, s.T("roster.import_done", len(add), base))
}

// goodOPDRows parses the file again with its bad lines blanked (line
// numbers stay), returning the rows that are fine on their own; nil when
// that does not parse either.
func goodOPDRows(name string, data []byte, probs []workshop.Problem) []workshop.OPDRow {
	bad := map[int]bool{}
	for _, p := range probs {
		if p.Line <= 0 {
			return nil // a problem of the whole file
		}
		bad[p.Line] = true
	}
	lines := strings.SplitAfter(string(data), "\n")
	for i := range lines {
		if bad[i+1] {
			lines[i] = "\n"
		}
	}
	rows, err := workshop.ParseOPDCSV(name, []byte(strings.Join(lines, "")))
	if err != nil {
		return nil
	}
	return rows
}

// sortProblems orders problems by line (stable, so a line keeps its order).
func sortProblems(ps []workshop.Problem) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].Line < ps[j-1].Line; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}
