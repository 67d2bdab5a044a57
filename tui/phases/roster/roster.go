package tui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/i18n"
	"github.com/bimtek/bimtek/phrase"
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
	s    *Sess
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

// NewRoster builds the roster screen.
func NewRoster(s *Sess) *Roster {
	l := s.Lang
	r := &Roster{s: s, keys: rosterKeys{
		Move:       keyHelp(l, "↑/↓", "roster.key.move", "up", "down", "k", "j"),
		Add:        keyHelp(l, "a", "roster.key.add", "a"),
		Edit:       keyHelp(l, "e", "roster.key.edit", "e"),
		Remove:     keyHelp(l, "d", "roster.key.remove", "d"),
		Present:    keyHelp(l, "Spasi", "roster.key.present", "space"),
		Preset:     keyHelp(l, "p", "roster.key.preset", "p"),
		Import:     keyHelp(l, "i", "roster.key.import", "i"),
		Reissue:    keyHelp(l, "c", "roster.key.reissue", "c"),
		ReissueYes: keyHelp(l, "y", "roster.key.reissue_yes", "y"),
		Save:       keyHelp(l, "Enter", "roster.key.save", "enter"),
		ImportGo:   keyHelp(l, "Enter", "roster.key.import_go", "enter"),
		Field:      keyHelp(l, "Tab", "roster.key.field", "tab", "shift+tab"),
		Cancel:     keyHelp(l, "Esc", "roster.key.cancel", "esc"),
		Yes:        keyHelp(l, "y", "roster.key.yes", "y"),
		No:         keyHelp(l, "n/Esc", "roster.key.no", "n", "esc"),
		Scroll:     keyHelp(l, "↑/↓", "roster.key.scroll", "up", "down"),
		Close:      keyHelp(l, "Esc", "roster.key.close", "esc", "enter"),
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
	case RosterChangedMsg:
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
		return noticeCmd(s.T("roster.readonly"))
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
	i = clamp(i, 0, len(r.s.Data.OPDs)-1)
	if i == r.s.State.RosterRow {
		return nil
	}
	r.s.State.RosterRow = i
	if err := r.s.SaveState(); err != nil {
		return errCmd(err)
	}
	return nil
}

func (r *Roster) clampRow() {
	r.s.State.RosterRow = clamp(r.s.State.RosterRow, 0, len(r.s.Data.OPDs)-1)
}

// changed reloads the session after a committed roster write, puts the
// cursor on row (or keeps it in range), and tells every screen.
func (r *Roster) changed(row int, status string) tea.Cmd {
	if err := r.s.Reload(); err != nil {
		return errCmd(err)
	}
	if row >= 0 {
		r.s.State.RosterRow = row
	}
	r.clampRow()
	cmds := []tea.Cmd{func() tea.Msg { return RosterChangedMsg{} }, statusCmd(status)}
	if err := r.s.SaveState(); err != nil {
		cmds = append(cmds, errCmd(err))
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

// --- add and edit -----------------------------------------------------

func (r *Roster) openForm(o workshop.OPD) {
	r.mode, r.editing, r.formErr, r.field = rosterForm, o.ID, "", 0
	r.code.SetValue(o.Code)
	r.name.SetValue(o.Name)
	r.code.CursorEnd()
	r.name.CursorEnd()
	r.code.Focus()
	r.name.Blur()
}

func (r *Roster) updateForm(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc":
			r.mode = rosterList
			return nil
		case "tab", "shift+tab", "up", "down":
			r.field = 1 - r.field
			if r.field == 0 {
				r.name.Blur()
				r.code.Focus()
			} else {
				r.code.Blur()
				r.name.Focus()
			}
			return nil
		case "enter":
			if r.field == 0 && strings.TrimSpace(r.name.Value()) == "" {
				r.field = 1
				r.code.Blur()
				r.name.Focus()
				return nil
			}
			return r.saveForm()
		}
		r.formErr = ""
	}
	var cmd tea.Cmd
	if r.field == 0 {
		r.code, cmd = r.code.Update(msg)
	} else {
		r.name, cmd = r.name.Update(msg)
	}
	return cmd
}

// checkOPD cleans and checks an OPD code and name with workshop's checks
// (the code upper-cased, no control characters, the limits), the code
// unique in the roster (other than the OPD being edited). The answer is
// one sentence.
func (r *Roster) checkOPD(code, name string, self int64) (string, string, string) {
	s := r.s
	if strings.TrimSpace(code) == "" {
		return "", "", s.T("roster.err.code_empty")
	}
	code, err := workshop.CheckOPDCode(code)
	if err != nil {
		return "", "", phrase.Sentence(s.Lang, err)
	}
	for _, o := range s.Data.OPDs {
		if o.ID != self && strings.EqualFold(o.Code, code) {
			return "", "", s.T("roster.err.code_dup", code, o.Name)
		}
	}
	if strings.TrimSpace(name) == "" {
		return "", "", s.T("roster.err.name_empty")
	}
	if name, err = workshop.CheckOPDName(name); err != nil {
		return "", "", phrase.Sentence(s.Lang, err)
	}
	return code, name, ""
}

func (r *Roster) saveForm() tea.Cmd {
	s := r.s
	code, name, bad := r.checkOPD(r.code.Value(), r.name.Value(), r.editing)
	if bad != "" {
		r.formErr = bad
		return nil
	}
	if r.editing == 0 {
		o, err := s.Live.AddOPD(s.Ctx(), workshop.OPDInput{Code: code, Name: name})
		if err != nil {
			r.formErr = phrase.Sentence(s.Lang, err)
			return errCmd(err)
		}
		r.mode = rosterList
		return r.changed(len(s.Data.OPDs), s.T("roster.added", o.Code))
	}
	i := r.indexOf(r.editing)
	if i < 0 {
		r.mode = rosterList
		return r.changed(-1, "")
	}
	o := s.Data.OPDs[i]
	o.Code, o.Name = code, name
	if err := s.Live.UpdateOPD(s.Ctx(), o); err != nil {
		r.formErr = phrase.Sentence(s.Lang, err)
		return errCmd(err)
	}
	r.mode = rosterList
	return r.changed(i, s.T("roster.updated", code))
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
		return noticeCmd(r.s.T("roster.kept"))
	}
	return nil
}

func (r *Roster) remove(o workshop.OPD) tea.Cmd {
	s := r.s
	if err := s.Live.RemoveOPD(s.Ctx(), o.ID); err != nil {
		return errCmd(err)
	}
	return r.changed(-1, s.T("roster.removed", o.Code))
}

// --- access codes (room mode) ------------------------------------------------

func (r *Roster) updateReissue(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "y", "Y":
		return r.reissue(r.reissuing)
	case "n", "N", "esc":
		r.mode = rosterList
		return noticeCmd(r.s.T("roster.reissue_kept"))
	}
	return nil
}

// reissue gives the OPD a new access code through the open session: the
// old code (its printed card, a phone's cookie) is refused from the next
// request on, and the new one is shown until the facilitator closes it.
func (r *Roster) reissue(o workshop.OPD) tea.Cmd {
	s := r.s
	code, err := s.Live.ReissueAccessCode(s.Ctx(), o.ID, nil)
	if err != nil {
		r.mode = rosterList
		return errCmd(err)
	}
	// The code is shown in the panel only (not in the status line), so
	// Esc takes it off the projector once the OPD has noted it.
	r.mode, r.reissuing, r.newCode = rosterNewCode, o, workshop.FormatAccessCode(code)
	return nil
}

// --- presence -------------------------------------------------------------

func (r *Roster) togglePresent(o workshop.OPD) tea.Cmd {
	s := r.s
	o.Present = !o.Present
	if err := s.Live.UpdateOPD(s.Ctx(), o); err != nil {
		return errCmd(err)
	}
	msg := s.T("roster.now_absent", o.Code)
	if o.Present {
		msg = s.T("roster.now_present", o.Code)
	}
	return r.changed(-1, msg)
}

// --- preset and import ------------------------------------------------

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
		return noticeCmd(s.T("roster.preset_none"))
	}
	if _, err := s.Live.AddOPDs(s.Ctx(), add); err != nil {
		return errCmd(err)
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
	p := cleanPath(r.path.Value())
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
		r.problems = strings.Split(problemLines(probs, s.Lang), "\n")
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
		return errCmd(err)
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

// --- view -------------------------------------------------------------

// View draws the page at the size SetSize gave.
func (r *Roster) View() string { return r.view(r.W, r.H) }

// view draws the roster table and, under it, the open form, question or
// problem list.
func (r *Roster) view(w, h int) string {
	s := r.s
	st := s.Styles
	opds := s.Data.OPDs
	present := 0
	for _, o := range opds {
		if o.Present {
			present++
		}
	}
	title := st.Title.Render(" "+s.T("roster.title")) + st.Base.Render(" · "+s.T("roster.summary", len(opds), present, len(opds)-present))
	out := []string{fitCell(title, w)}

	panel := r.panel(w, h)
	if len(opds) == 0 {
		out = append(out, "")
		for _, l := range wrapText(s.T("roster.empty"), min(w-4, 90)) {
			out = append(out, "  "+st.Base.Render(l))
		}
		if len(panel) > 0 {
			out = append(out, "")
			out = append(out, panel...)
		}
		return strings.Join(fitLines(out, h), "\n")
	}

	spacious := h >= 40
	if spacious {
		out = append(out, "")
	}
	rows := h - len(out) - 1 - len(panel)
	if len(panel) > 0 {
		rows-- // a blank line above the panel
	}
	rows = max(1, rows)
	cols := r.columns(w)
	out = append(out, r.row(cols, w, nil, -1))
	cur := clamp(s.State.RosterRow, 0, len(opds)-1)
	top := clamp(cur-rows/2, 0, max(0, len(opds)-rows))
	// On a tall window a short roster gets a blank line between rows: it
	// reads better from the back of the room.
	double := spacious && 2*len(opds)-1 <= rows
	for i := top; i < len(opds) && i < top+rows; i++ {
		if double && i > top {
			out = append(out, "")
		}
		o := opds[i]
		out = append(out, r.row(cols, w, &o, i))
	}
	if len(panel) > 0 {
		out = append(out, "")
		out = append(out, panel...)
	}
	return strings.Join(fitLines(out, h), "\n")
}

// rosterCol is one column of the OPD table.
type rosterCol struct {
	head  string
	width int
	right bool
	cell  func(i int, o workshop.OPD) string
}

func (r *Roster) columns(w int) []rosterCol {
	s := r.s
	items := s.F().ItemCount()
	numW := max(2, len(fmt.Sprint(len(s.Data.OPDs))))
	codeW := 6
	for _, o := range s.Data.OPDs {
		codeW = max(codeW, ansi.StringWidth(o.Code))
	}
	codeW = min(codeW, 14)
	presW := max(ansi.StringWidth(s.T("roster.col.present")), ansi.StringWidth(s.T("roster.yes")), ansi.StringWidth(s.T("roster.no")))
	ansW := max(ansi.StringWidth(s.T("roster.col.answered")), len(fmt.Sprintf("%d/%d", items, items)))
	cols := []rosterCol{
		{head: "#", width: numW, right: true, cell: func(i int, _ workshop.OPD) string { return fmt.Sprint(i + 1) }},
		{head: s.T("roster.col.code"), width: codeW, cell: func(_ int, o workshop.OPD) string { return o.Code }},
		{head: s.T("roster.col.name"), cell: func(_ int, o workshop.OPD) string { return o.Name }},
		{head: s.T("roster.col.present"), width: presW, cell: func(_ int, o workshop.OPD) string {
			if o.Present {
				return s.T("roster.yes")
			}
			return s.T("roster.no")
		}},
		{head: s.T("roster.col.answered"), width: ansW, right: true, cell: func(_ int, o workshop.OPD) string {
			done := 0
			for _, n := range s.Board.OPDResult(o.ID).Done {
				done += n
			}
			return fmt.Sprintf("%d/%d", done, items)
		}},
	}
	if w >= 120 && !s.Hidden() { // an OPD's score is a result: hidden with the rest
		cols = append(cols, rosterCol{head: s.T("roster.col.score"), width: 6, right: true, cell: func(_ int, o workshop.OPD) string {
			if sc := s.Board.OPDResult(o.ID).Overall; sc.OK {
				return bdFmt2(sc.Value)
			}
			return "—"
		}})
	}
	fixed := 2
	for _, c := range cols {
		fixed += c.width + 2
	}
	// The name takes what is left, but no more than the longest name: the
	// eye should not travel across an empty projector screen.
	nameW := ansi.StringWidth(s.T("roster.col.name"))
	for _, o := range s.Data.OPDs {
		nameW = max(nameW, cellWidth(o.Name))
	}
	for i := range cols {
		if cols[i].width == 0 {
			cols[i].width = max(10, min(nameW, w-1-fixed))
		}
	}
	return cols
}

func (r *Roster) row(cols []rosterCol, w int, o *workshop.OPD, i int) string {
	st := r.s.Styles
	cur := r.s.State.RosterRow
	cells := make([]common.TableCell, len(cols))
	for j, c := range cols {
		txt := c.head
		if o != nil {
			txt = c.cell(i, *o)
		}
		cells[j] = common.TableCell{Text: txt, Width: c.width, Right: c.right}
	}
	line := common.TableLine(o != nil && i == cur, cells, w)
	switch {
	case o == nil:
		return st.Bold.Render(line)
	case i == cur && r.mode == rosterList:
		return st.Selected.Render(fitCell(line, w-1))
	case i == cur:
		return st.Bold.Render(line)
	case !o.Present:
		return st.Muted.Render(line)
	}
	return st.Base.Render(line)
}

// panel is the box under the table for the current mode.
func (r *Roster) panel(w, h int) []string {
	s := r.s
	st := s.Styles
	inner := w - 4
	switch r.mode {
	case rosterForm:
		title := s.T("roster.add_title")
		if r.editing != 0 {
			if i := r.indexOf(r.editing); i >= 0 {
				title = s.T("roster.edit_title", s.Data.OPDs[i].Code)
			}
		}
		lw := max(ansi.StringWidth(s.T("roster.field.code")), ansi.StringWidth(s.T("roster.field.name")))
		lines := []string{
			" " + st.Title.Render(title),
			"   " + st.Bold.Render(fitCell(s.T("roster.field.code"), lw)) + " " + r.code.View(),
			"   " + st.Bold.Render(fitCell(s.T("roster.field.name"), lw)) + " " + r.name.View(),
		}
		if r.formErr != "" {
			lines = append(lines, "   "+st.Bad.Render(ansi.Truncate("✘ "+r.formErr, inner, "…")))
		}
		return append(lines, "   "+st.Base.Render(ansi.Truncate(s.T("roster.form_hint"), inner, "…")))
	case rosterConfirm:
		var lines []string
		for _, l := range wrapText("⚠ "+s.T("roster.confirm", r.removing.Code+" ("+r.removing.Name+")", r.scores), inner) {
			lines = append(lines, " "+st.Warn.Render(l))
		}
		return lines
	case rosterReissue:
		var lines []string
		for _, l := range wrapText("⚠ "+s.T("roster.reissue_ask", r.reissuing.Code+" ("+r.reissuing.Name+")"), inner) {
			lines = append(lines, " "+st.Warn.Render(l))
		}
		return lines
	case rosterNewCode:
		lines := []string{
			" " + st.Title.Render(ansi.Truncate(s.T("roster.new_code_title", r.reissuing.Code), inner, "…")),
			"",
			"   " + st.Selected.Render("  "+r.newCode+"  "),
			"",
		}
		for _, l := range wrapText(s.T("roster.new_code_hint", s.Data.Session.ID), inner) {
			lines = append(lines, "   "+st.Base.Render(l))
		}
		return lines
	case rosterImport:
		lines := []string{
			" " + st.Title.Render(s.T("roster.import_title")),
			"   " + st.Bold.Render(s.T("roster.import_path")) + " " + r.path.View(),
		}
		if r.importErr != "" {
			lines = append(lines, "   "+st.Bad.Render(ansi.Truncate("✘ "+r.importErr, inner, "…")))
		}
		for _, l := range wrapText(s.T("roster.import_hint"), inner) {
			lines = append(lines, "   "+st.Base.Render(l))
		}
		return lines
	case rosterProblems:
		var lines []string
		for _, l := range wrapText("✘ "+r.probTitle, inner) {
			lines = append(lines, " "+st.Bad.Render(l))
		}
		room := max(3, h*2/3-len(lines)-2)
		var body []string
		for _, p := range r.problems {
			for _, l := range wrapText(p, inner-2) {
				body = append(body, "   "+st.Base.Render(l))
			}
		}
		top := clamp(r.probTop, 0, max(0, len(body)-room))
		end := min(len(body), top+room)
		lines = append(lines, body[top:end]...)
		if end < len(body) {
			lines = append(lines, "   "+st.Bold.Render(s.T("roster.more", len(body)-end)))
		}
		return append(lines, "   "+st.Base.Render(s.T("roster.problems_hint")))
	}
	return nil
}
