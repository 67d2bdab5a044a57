package common

import tea "charm.land/bubbletea/v2"

// ToggleReveal shows the results to the room or hides them again, on
// every screen at once (the scoreboard and the grid offer the key).
func ToggleReveal(s *Sess) tea.Cmd {
	if s.ReadOnly {
		return ErrCmd(ErrReadOnly)
	}
	s.State.Revealed = !s.State.Revealed
	if err := s.SaveState(); err != nil {
		s.State.Revealed = !s.State.Revealed
		return ErrCmd(err)
	}
	if s.State.Revealed {
		return StatusCmd(s.T("board.revealed"))
	}
	return StatusCmd(s.T("board.hid"))
}
