package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/tui/roompanel"
)

// The open session's part of room mode: the key that shows the panel, the
// panel's messages routed to it, and the server stopped with the session.
// The panel (package roompanel) starts, watches and stops the server.

// startRoom starts room mode now on addr (bimtek open --listen) and shows
// its panel.
func (m *Session) startRoom(addr string) error {
	if m.roomPanel == nil {
		m.roomPanel = m.newRoomPanel()
	}
	if err := m.roomPanel.Start(addr); err != nil {
		return err
	}
	m.roomOpen = true
	return nil
}

// toggleRoom shows or hides the panel; the server keeps running.
func (m *Session) toggleRoom() tea.Cmd {
	if m.sess.ReadOnly {
		return errCmd(errReadOnly)
	}
	if m.roomPanel == nil {
		m.roomPanel = m.newRoomPanel()
	}
	m.roomOpen = !m.roomOpen
	if m.roomOpen {
		return m.roomPanel.Refresh()
	}
	return nil
}

// onRoom handles room mode's messages.
func (m *Session) onRoom(msg tea.Msg) tea.Cmd {
	switch msg.(type) {
	case roompanel.CloseMsg:
		m.roomOpen = false
		return nil
	case roompanel.StoppedMsg:
		m.stopRoom()
		m.status.text, m.status.bad = m.t("room.stopped"), false
		return nil
	}
	if m.roomPanel == nil {
		return nil
	}
	_, cmd := m.roomPanel.Update(msg)
	return cmd
}

// syncReveal tells the server at once when the results are hidden or
// shown: a phone never sees a score the projector does not.
func (m *Session) syncReveal() {
	if m.roomPanel != nil {
		m.roomPanel.SyncReveal()
	}
}

// roomTick keeps the server's view of the results in step with the
// screen (hidden or revealed) and refreshes the panel every second.
func (m *Session) roomTick() tea.Cmd {
	if m.roomPanel == nil || m.roomPanel.Running() == nil {
		return nil
	}
	m.roomPanel.SyncReveal()
	if m.roomOpen {
		return m.roomPanel.Refresh()
	}
	return nil
}

// stopRoom stops the server: waiting phones are answered, the listener
// closes. Every answer a phone was told is saved is already committed.
func (m *Session) stopRoom() {
	if m.roomPanel != nil {
		m.roomPanel.Stop()
	}
}
