package home

// Correcting and deleting a session from the home screen: e opens the
// session's details pre-filled (the same checks as `bimtek edit`), d or
// Delete asks before removing that session and only it (as `bimtek
// delete`). Both write through the Sessions interface in a tea.Cmd; a
// session another bimtek has open is refused by the store with the lock's
// sentence.

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/phrase"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// The fields of the edit form, in their order on screen.
const (
	editCity = iota
	editStage
	editDate
	editVenue
	editFacilitator
	editFields
)

// sessionEditedMsg is the answer of the background UpdateSession.
type sessionEditedMsg struct {
	id  int64
	det workshop.SessionDetails
	err error
}

// deleteAskMsg carries what a deletion would remove, read in the
// background before the question is asked.
type deleteAskMsg struct {
	id     int64
	name   string // "Kota Bengkulu Tahap II"
	scores int
	err    error
}

// sessionDeletedMsg is the answer of the background DeleteSession.
type sessionDeletedMsg struct {
	id   int64
	name string
	err  error
}

// editSessionForm is the session's details as text fields: city, tahap
// (I-IV or 1-4), date (blank allowed), venue, facilitator.
type editSessionForm struct {
	lang   string
	styles *common.Styles
	id     int64

	fields [editFields]textinput.Model
	errs   [editFields]string // one sentence per bad field
	focus  int
	busy   bool   // UpdateSession is running
	err    string // why the store refused the save (the lock), one sentence
}

type editKeys struct {
	Save, Next, Cancel key.Binding
}

func newEditSessionForm(s workshop.SessionSummary, lang string, styles *common.Styles) *editSessionForm {
	f := &editSessionForm{lang: lang, styles: styles, id: s.ID}
	values := [editFields]string{s.City, common.Roman(s.Stage), s.Date, s.Venue, s.Facilitator}
	placeholders := [editFields]string{"edit.city_ph", "edit.stage_ph", "edit.date_ph", "edit.venue_ph", "edit.facilitator_ph"}
	for i := range f.fields {
		f.fields[i] = common.NewTextField(styles, assets.T(lang, placeholders[i]))
		f.fields[i].CharLimit = 400
		f.fields[i].SetValue(values[i])
		f.fields[i].CursorEnd()
	}
	f.setFocus(editCity)
	return f
}

func (f *editSessionForm) keys() editKeys {
	return editKeys{
		Save:   common.KeyHelp(f.lang, "Enter", "edit.key.save", "enter"),
		Next:   common.KeyHelp(f.lang, "Tab/↓", "edit.key.next", "tab", "down", "shift+tab", "up"),
		Cancel: common.KeyHelp(f.lang, "Esc", "edit.key.cancel", "esc"),
	}
}

func (f *editSessionForm) setFocus(i int) {
	f.focus = (i + editFields) % editFields
	for j := range f.fields {
		if j == f.focus {
			f.fields[j].Focus()
		} else {
			f.fields[j].Blur()
		}
	}
}

// check reads the fields with the rules of a new session; ok is false
// when a field is refused (its sentence is under it).
func (f *editSessionForm) check() (workshop.SessionDetails, bool) {
	var det workshop.SessionDetails
	var err error
	f.errs = [editFields]string{}
	say := func(i int, err error) {
		if err != nil {
			f.errs[i] = phrase.Sentence(f.lang, err)
		}
	}
	det.City, err = workshop.CheckCity(f.fields[editCity].Value())
	say(editCity, err)
	det.Stage, err = workshop.ParseTahap(f.fields[editStage].Value())
	say(editStage, err)
	if d := strings.TrimSpace(f.fields[editDate].Value()); d != "" {
		det.Date, err = workshop.CheckDate(d)
		say(editDate, err)
	}
	det.Venue, err = workshop.CheckVenue(f.fields[editVenue].Value())
	say(editVenue, err)
	det.Facilitator, err = workshop.CheckFacilitator(f.fields[editFacilitator].Value())
	say(editFacilitator, err)
	for i, e := range f.errs {
		if e != "" {
			f.setFocus(i) // the first bad field, to fix it at once
			return det, false
		}
	}
	return det, true
}

// update takes the form's keys; save is the background write it asks for.
func (f *editSessionForm) update(msg tea.Msg, st common.Sessions) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		var cmd tea.Cmd
		f.fields[f.focus], cmd = f.fields[f.focus].Update(msg)
		return cmd
	}
	if f.busy {
		return nil
	}
	switch k.String() {
	case "enter":
		det, ok := f.check()
		if !ok {
			return nil
		}
		f.busy, f.err = true, ""
		id := f.id
		return func() tea.Msg {
			err := st.UpdateSession(context.Background(), id, det)
			if err != nil {
				err = fmt.Errorf("edit session %d: %w", id, err)
			}
			return sessionEditedMsg{id: id, det: det, err: err}
		}
	case "tab", "down":
		f.setFocus(f.focus + 1)
		return nil
	case "shift+tab", "up":
		f.setFocus(f.focus - 1)
		return nil
	}
	var cmd tea.Cmd
	f.fields[f.focus], cmd = f.fields[f.focus].Update(k)
	f.errs[f.focus] = ""
	return cmd
}

// size lays the fields out for a body of w x h.
func (f *editSessionForm) size(w, h int) {
	lw := f.labelWidth()
	for i := range f.fields {
		f.fields[i].SetWidth(max(10, w-2-lw-6))
	}
}

func (f *editSessionForm) labels() [editFields]string {
	t := func(k string) string { return assets.T(f.lang, k) }
	return [editFields]string{t("new.city"), t("edit.stage"), t("new.date"), t("new.venue"), t("new.facilitator")}
}

func (f *editSessionForm) labelWidth() int {
	lw := 0
	for _, l := range f.labels() {
		lw = max(lw, ansi.StringWidth(l))
	}
	return lw
}

// view draws the form in w columns and at most h lines.
func (f *editSessionForm) view(w, h int) string {
	st := f.styles
	t := func(k string, args ...any) string { return assets.T(f.lang, k, args...) }
	labels, lw := f.labels(), f.labelWidth()
	inner := w - 2
	out := []string{" " + st.Title.Render(t("edit.title", f.id)), ""}
	for i := range f.fields {
		label := st.Bold.Render(common.FitCell(labels[i], lw))
		if i == f.focus {
			label = st.Accent.Render(common.FitCell(labels[i], lw))
		}
		out = append(out, "   "+label+" "+f.fields[i].View())
		if f.errs[i] != "" {
			for _, l := range common.WrapText("✘ "+f.errs[i], inner-lw-4) {
				out = append(out, "   "+strings.Repeat(" ", lw+1)+st.Bad.Render(l))
			}
		}
	}
	out = append(out, "")
	switch {
	case f.busy:
		out = append(out, "   "+st.Bold.Render(t("edit.saving")))
	case f.err != "":
		for _, l := range common.WrapText("✘ "+f.err, inner-2) {
			out = append(out, "   "+st.Bad.Render(l))
		}
	}
	for _, l := range common.WrapText(t("edit.hint"), inner-2) {
		out = append(out, "   "+st.Base.Render(l))
	}
	if len(out) > h {
		out = out[:max(0, h)]
	}
	return strings.Join(out, "\n")
}

// deleteAsk is the open question "delete this session?".
type deleteAsk struct {
	id     int64
	name   string
	scores int
}

// askDelete reads how many scores the session holds, for the question.
func askDelete(st common.Sessions, s workshop.SessionSummary, lang string) tea.Cmd {
	id := s.ID
	name := assets.T(lang, "home.delete_name", s.City, common.Roman(s.Stage))
	return func() tea.Msg {
		d, err := st.Load(context.Background(), id)
		if err != nil {
			return deleteAskMsg{id: id, name: name, err: fmt.Errorf("read session %d before deleting it: %w", id, err)}
		}
		return deleteAskMsg{id: id, name: name, scores: len(d.Scores)}
	}
}

// deleteSession removes the session in the background.
func deleteSession(st common.Sessions, a deleteAsk) tea.Cmd {
	return func() tea.Msg {
		err := st.DeleteSession(context.Background(), a.id)
		if err != nil {
			err = fmt.Errorf("delete session %d: %w", a.id, err)
		}
		return sessionDeletedMsg{id: a.id, name: a.name, err: err}
	}
}
