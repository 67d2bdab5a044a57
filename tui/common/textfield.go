package common

import (
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// NewTextField is a text field in the app's colours with a steady cursor
// (a blinking one is noise on a projector).
func NewTextField(styles *Styles, placeholder string) textinput.Model {
	p := styles.P
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
