package roster

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/phrase"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// The add and edit form: one OPD's code and name, checked as the CLI and
// the store check them.

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
			return common.ErrCmd(err)
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
		return common.ErrCmd(err)
	}
	r.mode = rosterList
	return r.changed(i, s.T("roster.updated", code))
}
