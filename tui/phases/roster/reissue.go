package roster

import (
	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// A new access code for an OPD (room mode): asked first, then shown in the
// panel until the facilitator closes it.

func (r *Roster) updateReissue(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "y", "Y":
		return r.reissue(r.reissuing)
	case "n", "N", "esc":
		r.mode = rosterList
		return common.NoticeCmd(r.s.T("roster.reissue_kept"))
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
		return common.ErrCmd(err)
	}
	// The code is shown in the panel only (not in the status line), so
	// Esc takes it off the projector once the OPD has noted it.
	r.mode, r.reissuing, r.newCode = rosterNewCode, o, workshop.FormatAccessCode(code)
	return nil
}
