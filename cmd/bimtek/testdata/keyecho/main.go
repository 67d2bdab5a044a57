// Command keyecho is the floor of the key-to-screen benchmark (DESIGN
// section 10): the smallest Bubble Tea v2 program that shows the key just
// typed, full screen, as bimtek's grid shows a digit. It is built by
// cmd/bimtek's benchmarks only.
package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
)

type model struct{ last string }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if k.String() == "q" {
			return m, tea.Quit
		}
		m.last = k.String()
	}
	return m, nil
}

func (m model) View() tea.View {
	v := tea.NewView("ready ▶" + m.last + "◀")
	v.AltScreen = true
	return v
}

func main() {
	if _, err := tea.NewProgram(model{}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
