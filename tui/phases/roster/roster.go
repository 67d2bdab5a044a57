// Package roster is the second phase, Daftar OPD: the session's OPDs
// with their presence and progress; add, edit, remove, mark present, load
// the preset list, import a CSV and give an OPD a new access code.
package roster

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// rosterMode is what the roster screen is doing.
type rosterMode int

const (
	rosterList     rosterMode = iota
	rosterForm                // adding or editing one OPD
	rosterConfirm             // asking before removing an OPD with scores
	rosterImport              // asking for a CSV path
	rosterProblems            // showing why an import was refused
	rosterReissue             // asking before giving an OPD a new access code
	rosterNewCode             // showing the new access code
)

// Roster is the Daftar OPD phase: the session's OPDs with their presence
// and progress; add, edit, remove, mark present, load the preset list or
// import a CSV. Every change is written to the store first.
type Roster struct {
	common.Size
	s    *common.Sess
	keys rosterKeys
	mode rosterMode

	// Add/edit form.
	editing    int64 // 0 when adding
	code, name textinput.Model
	field      int // 0 code, 1 name
	formErr    string

	// Remove confirmation.
	removing workshop.OPD
	scores   int

	// A new access code (room mode): the OPD asked about, then its code.
	reissuing workshop.OPD
	newCode   string

	// CSV import.
	path      textinput.Model
	importErr string
	reading   bool     // the import's file is being read
	problems  []string // rendered problem lines of a refused import
	probTitle string
	probTop   int
}

type rosterKeys struct {
	Move, Add, Edit, Remove, Present, Preset, Import key.Binding
	Save, Field, Cancel, Yes, No, Scroll, Close      key.Binding
	ImportGo, Reissue, ReissueYes                    key.Binding
}

// New builds the roster screen.
func New(s *common.Sess) *Roster {
	l := s.Lang
	r := &Roster{s: s, keys: rosterKeys{
		Move:       common.KeyHelp(l, "↑/↓", "roster.key.move", "up", "down", "k", "j"),
		Add:        common.KeyHelp(l, "a", "roster.key.add", "a"),
		Edit:       common.KeyHelp(l, "e", "roster.key.edit", "e"),
		Remove:     common.KeyHelp(l, "d", "roster.key.remove", "d"),
		Present:    common.KeyHelp(l, "Spasi", "roster.key.present", "space"),
		Preset:     common.KeyHelp(l, "p", "roster.key.preset", "p"),
		Import:     common.KeyHelp(l, "i", "roster.key.import", "i"),
		Reissue:    common.KeyHelp(l, "c", "roster.key.reissue", "c"),
		ReissueYes: common.KeyHelp(l, "y", "roster.key.reissue_yes", "y"),
		Save:       common.KeyHelp(l, "Enter", "roster.key.save", "enter"),
		ImportGo:   common.KeyHelp(l, "Enter", "roster.key.import_go", "enter"),
		Field:      common.KeyHelp(l, "Tab", "roster.key.field", "tab", "shift+tab"),
		Cancel:     common.KeyHelp(l, "Esc", "roster.key.cancel", "esc"),
		Yes:        common.KeyHelp(l, "y", "roster.key.yes", "y"),
		No:         common.KeyHelp(l, "n/Esc", "roster.key.no", "n", "esc"),
		Scroll:     common.KeyHelp(l, "↑/↓", "roster.key.scroll", "up", "down"),
		Close:      common.KeyHelp(l, "Esc", "roster.key.close", "esc", "enter"),
	}}
	if l == "en" {
		r.keys.Present.SetHelp("Space", assets.T(l, "roster.key.present"))
	}
	r.code = r.newInput(s.T("roster.code_ph"))
	r.name = r.newInput(s.T("roster.name_ph"))
	r.path = r.newInput(s.T("roster.import_ph"))
	return r
}

// newInput is a text field in the app's colours with a steady cursor (a
// blinking one is noise on a projector).
func (r *Roster) newInput(placeholder string) textinput.Model {
	p := r.s.Styles.P
	ti := textinput.New()
	ti.Prompt = "› "
	ti.Placeholder = placeholder
	sty := textinput.DefaultStyles(true)
	sty.Focused.Prompt = lipgloss.NewStyle().Foreground(p.Accent).Bold(true)
	sty.Focused.Text = lipgloss.NewStyle().Foreground(p.Fg).Bold(true)
	sty.Focused.Placeholder = lipgloss.NewStyle().Foreground(p.Muted)
	sty.Blurred.Prompt = lipgloss.NewStyle().Foreground(p.Fg)
	sty.Blurred.Text = lipgloss.NewStyle().Foreground(p.Fg)
	sty.Blurred.Placeholder = lipgloss.NewStyle().Foreground(p.Muted)
	sty.Cursor.Color = p.Accent
	sty.Cursor.Blink = false
	ti.SetStyles(sty)
	return ti
}

// Capturing is true while a form, a path or a confirmation is open.
func (r *Roster) Capturing() bool { return r.mode != rosterList }

// FullHelp is the ? help: the footer's keys.
func (r *Roster) FullHelp() [][]key.Binding { return [][]key.Binding{r.ShortHelp()} }

// ShortHelp lists the keys of the page for the footer.
func (r *Roster) ShortHelp() []key.Binding {
	k := r.keys
	switch r.mode {
	case rosterForm:
		return []key.Binding{k.Save, k.Field, k.Cancel}
	case rosterImport:
		return []key.Binding{k.ImportGo, k.Cancel}
	case rosterConfirm:
		return []key.Binding{k.Yes, k.No}
	case rosterReissue:
		return []key.Binding{k.ReissueYes, k.No}
	case rosterNewCode:
		return []key.Binding{k.Close}
	case rosterProblems:
		return []key.Binding{k.Scroll, k.Close}
	}
	if r.s.ReadOnly {
		return []key.Binding{k.Move}
	}
	if len(r.s.Data.OPDs) == 0 {
		return []key.Binding{k.Add, k.Preset, k.Import}
	}
	return []key.Binding{k.Move, k.Add, k.Edit, k.Remove, k.Present, k.Preset, k.Import, k.Reissue}
}

// Enter keeps the cursor inside the roster (it may have changed elsewhere).
func (r *Roster) Enter() tea.Cmd {
	r.clampRow()
	r.reading = false // a read answered while another phase was shown went there
	return nil
}

// Update routes a message to the current mode.
func (r *Roster) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	cmd := r.update(msg)
	r.place()
	return r, cmd
}

// SetSize gives the roster its body and sizes the form's fields.
func (r *Roster) SetSize(w, h int) {
	r.W, r.H = w, h
	r.place()
}

// place sizes the open form's or import's text fields to the panel under
// the table, after every message: View then only draws.
func (r *Roster) place() {
	if r.W <= 0 {
		return // not sized yet: the fields keep their width
	}
	s := r.s
	inner := r.W - 4
	switch r.mode {
	case rosterForm:
		lw := max(ansi.StringWidth(s.T("roster.field.code")), ansi.StringWidth(s.T("roster.field.name")))
		r.code.SetWidth(min(30, inner-lw-4))
		r.name.SetWidth(max(10, inner-lw-4))
	case rosterImport:
		r.path.SetWidth(max(10, inner-ansi.StringWidth(s.T("roster.import_path"))-4))
	}
}

func (r *Roster) update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case common.RosterChangedMsg:
		r.clampRow()
		return nil
	case rosterFileMsg:
		return r.importRead(m)
	}
	switch r.mode {
	case rosterForm:
		return r.updateForm(msg)
	case rosterImport:
		return r.updateImport(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch r.mode {
	case rosterConfirm:
		return r.updateConfirm(k)
	case rosterReissue:
		return r.updateReissue(k)
	case rosterNewCode:
		switch k.String() {
		case "esc", "enter", "q":
			r.mode, r.newCode = rosterList, ""
		}
		return nil
	case rosterProblems:
		switch k.String() {
		case "up", "k":
			r.probTop = max(0, r.probTop-1)
		case "down", "j":
			r.probTop = min(max(0, len(r.problems)-1), r.probTop+1)
		case "esc", "enter", "q":
			r.mode, r.problems = rosterList, nil
		}
		return nil
	}
	return r.updateList(k)
}

func (r *Roster) updateList(k tea.KeyPressMsg) tea.Cmd {
	s := r.s
	switch k.String() {
	case "up", "k":
		return r.moveTo(s.State.RosterRow - 1)
	case "down", "j":
		return r.moveTo(s.State.RosterRow + 1)
	case "home":
		return r.moveTo(0)
	case "end":
		return r.moveTo(len(s.Data.OPDs) - 1)
	}
	switch k.String() {
	case "a", "e", "d", "space", "p", "i", "c":
	default:
		return nil
	}
	if s.ReadOnly {
		return common.NoticeCmd(s.T("roster.readonly"))
	}
	opd, have := r.current()
	switch k.String() {
	case "a":
		r.openForm(workshop.OPD{})
	case "e":
		if have {
			r.openForm(opd)
		}
	case "d":
		if have {
			return r.askRemove(opd)
		}
	case "space":
		if have {
			return r.togglePresent(opd)
		}
	case "c":
		if have {
			r.mode, r.reissuing = rosterReissue, opd
		}
	case "p":
		return r.loadPreset()
	case "i":
		r.mode, r.importErr = rosterImport, ""
		r.path.SetValue("")
		r.path.Focus()
	}
	return nil
}

func (r *Roster) current() (workshop.OPD, bool) {
	opds := r.s.Data.OPDs
	i := r.s.State.RosterRow
	if i < 0 || i >= len(opds) {
		return workshop.OPD{}, false
	}
	return opds[i], true
}

func (r *Roster) moveTo(i int) tea.Cmd {
	i = common.Clamp(i, 0, len(r.s.Data.OPDs)-1)
	if i == r.s.State.RosterRow {
		return nil
	}
	r.s.State.RosterRow = i
	if err := r.s.SaveState(); err != nil {
		return common.ErrCmd(err)
	}
	return nil
}

func (r *Roster) clampRow() {
	r.s.State.RosterRow = common.Clamp(r.s.State.RosterRow, 0, len(r.s.Data.OPDs)-1)
}

// changed reloads the session after a committed roster write, puts the
// cursor on row (or keeps it in range), and tells every screen.
func (r *Roster) changed(row int, status string) tea.Cmd {
	if err := r.s.Reload(); err != nil {
		return common.ErrCmd(err)
	}
	if row >= 0 {
		r.s.State.RosterRow = row
	}
	r.clampRow()
	cmds := []tea.Cmd{func() tea.Msg { return common.RosterChangedMsg{} }, common.StatusCmd(status)}
	if err := r.s.SaveState(); err != nil {
		cmds = append(cmds, common.ErrCmd(err))
	}
	return tea.Batch(cmds...)
}

func (r *Roster) indexOf(id int64) int {
	for i, o := range r.s.Data.OPDs {
		if o.ID == id {
			return i
		}
	}
	return -1
}

// --- remove -----------------------------------------------------------

// scoreCount is how many cells of an OPD hold an answer or a note.
func (r *Roster) scoreCount(id int64) int {
	keys := map[string]bool{}
	for k := range r.s.Board.Sheet(id) {
		keys[k] = true
	}
	for k := range r.s.Notes(id) {
		keys[k] = true
	}
	return len(keys)
}

func (r *Roster) askRemove(o workshop.OPD) tea.Cmd {
	n := r.scoreCount(o.ID)
	if n == 0 {
		return r.remove(o)
	}
	r.mode, r.removing, r.scores = rosterConfirm, o, n
	return nil
}

func (r *Roster) updateConfirm(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "y", "Y":
		r.mode = rosterList
		return r.remove(r.removing)
	case "n", "N", "esc":
		r.mode = rosterList
		return common.NoticeCmd(r.s.T("roster.kept"))
	}
	return nil
}

func (r *Roster) remove(o workshop.OPD) tea.Cmd {
	s := r.s
	if err := s.Live.RemoveOPD(s.Ctx(), o.ID); err != nil {
		return common.ErrCmd(err)
	}
	return r.changed(-1, s.T("roster.removed", o.Code))
}

// --- presence -------------------------------------------------------------

func (r *Roster) togglePresent(o workshop.OPD) tea.Cmd {
	s := r.s
	o.Present = !o.Present
	if err := s.Live.UpdateOPD(s.Ctx(), o); err != nil {
		return common.ErrCmd(err)
	}
	msg := s.T("roster.now_absent", o.Code)
	if o.Present {
		msg = s.T("roster.now_present", o.Code)
	}
	return r.changed(-1, msg)
}
