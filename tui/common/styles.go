package common

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Theme names accepted by --theme and cycled by the theme key.
var Themes = []string{"dark", "light", "contrast"}

// Palette is the few colours a theme decides. Every colour that carries
// meaning is always paired with a number or a symbol on screen, so the
// app still reads on a washed-out projector or in monochrome. The
// contrast ratios it must keep are checked by TestPaletteContrast: text
// 4.5:1, each heat level 3:1 against the background (and its number
// 4.5:1 on it), heat levels and clock states apart from each other.
type Palette struct {
	Bg, Fg   color.Color
	Muted    color.Color // secondary text: still high contrast, never thin grey
	Legend   color.Color // what the marks and bars mean: read from the back of the room
	Accent   color.Color
	AccentFg color.Color // text on Accent
	Good     color.Color
	Warn     color.Color
	Bad      color.Color
	Border   color.Color
	CursorBg color.Color // the grid cursor cell
	CursorFg color.Color
	CrossBg  color.Color    // the cursor's row and column
	Heat     [6]color.Color // background by level 0 (none) .. 5
	HeatFg   [6]color.Color
}

func palette(theme string) Palette {
	c := lipgloss.Color
	switch theme {
	case "light":
		return Palette{
			Bg: c("#FFFFFF"), Fg: c("#111111"), Muted: c("#3A3A3A"), Legend: c("#111111"),
			Accent: c("#0B4F9C"), AccentFg: c("#FFFFFF"),
			Good: c("#0A6B2E"), Warn: c("#8A5300"), Bad: c("#A4161A"), Border: c("#555555"),
			CursorBg: c("#0B4F9C"), CursorFg: c("#FFFFFF"), CrossBg: c("#DCE8F7"),
			Heat:   [6]color.Color{c("#EDEDED"), c("#E04848"), c("#D0731A"), c("#A88C00"), c("#339650"), c("#4A88E6")},
			HeatFg: [6]color.Color{c("#111111"), c("#000000"), c("#000000"), c("#000000"), c("#000000"), c("#000000")},
		}
	case "contrast":
		return Palette{
			Bg: c("#000000"), Fg: c("#FFFFFF"), Muted: c("#FFFFFF"), Legend: c("#FFFFFF"),
			Accent: c("#00FFFF"), AccentFg: c("#000000"),
			Good: c("#00FF00"), Warn: c("#FFFF00"), Bad: c("#FF5555"), Border: c("#FFFFFF"),
			CursorBg: c("#FFFF00"), CursorFg: c("#000000"), CrossBg: c("#303030"),
			Heat:   [6]color.Color{c("#000000"), c("#FF0000"), c("#FF8800"), c("#FFFF00"), c("#00CC00"), c("#00FFFF")},
			HeatFg: [6]color.Color{c("#FFFFFF"), c("#000000"), c("#000000"), c("#000000"), c("#000000"), c("#000000")},
		}
	default: // dark
		return Palette{
			Bg: c("#101418"), Fg: c("#F2F2F2"), Muted: c("#C8CDD2"), Legend: c("#F2F2F2"),
			Accent: c("#4FA3FF"), AccentFg: c("#000000"),
			Good: c("#5FD37A"), Warn: c("#FFC247"), Bad: c("#FF6B6B"), Border: c("#8A949E"),
			CursorBg: c("#FFC247"), CursorFg: c("#000000"), CrossBg: c("#24303C"),
			Heat:   [6]color.Color{c("#2A2F35"), c("#E05252"), c("#E08A2E"), c("#C9B22A"), c("#3FAE5A"), c("#4A90E2")},
			HeatFg: [6]color.Color{c("#F2F2F2"), c("#000000"), c("#000000"), c("#000000"), c("#000000"), c("#000000")},
		}
	}
}

// Styles are built once per theme, never per frame.
type Styles struct {
	Theme    string
	P        Palette
	Base     lipgloss.Style // plain text
	Bold     lipgloss.Style
	Muted    lipgloss.Style
	Legend   lipgloss.Style // legend lines: the text colour, never a grey
	Title    lipgloss.Style // screen titles
	Header   lipgloss.Style // the top bar
	Footer   lipgloss.Style // the key line
	Key      lipgloss.Style // a key in the footer/help
	Accent   lipgloss.Style
	Good     lipgloss.Style
	Warn     lipgloss.Style
	Bad      lipgloss.Style
	Box      lipgloss.Style // a bordered panel
	Tab      lipgloss.Style
	TabOn    lipgloss.Style
	Cursor   lipgloss.Style // grid cursor cell
	Cross    lipgloss.Style // cursor row/column
	Selected lipgloss.Style // a selected list row
	// ClockWarn and ClockOver mark the phase clock near its end and over
	// time (a coloured block with the time in it, never colour alone).
	ClockWarn lipgloss.Style
	ClockOver lipgloss.Style
	Heat      [6]lipgloss.Style
}

// NewStyles builds the styles of a theme ("dark" when unknown).
func NewStyles(theme string) *Styles {
	if !validTheme(theme) {
		theme = "dark"
	}
	p := palette(theme)
	base := lipgloss.NewStyle().Foreground(p.Fg)
	s := &Styles{Theme: theme, P: p, Base: base}
	s.Bold = base.Bold(true)
	s.Muted = lipgloss.NewStyle().Foreground(p.Muted)
	s.Legend = lipgloss.NewStyle().Foreground(p.Legend)
	s.Title = lipgloss.NewStyle().Foreground(p.Accent).Bold(true)
	s.Header = lipgloss.NewStyle().Foreground(p.AccentFg).Background(p.Accent).Bold(true)
	s.Footer = lipgloss.NewStyle().Foreground(p.Fg)
	s.Key = lipgloss.NewStyle().Foreground(p.Accent).Bold(true)
	s.Accent = lipgloss.NewStyle().Foreground(p.Accent).Bold(true)
	s.Good = lipgloss.NewStyle().Foreground(p.Good).Bold(true)
	s.Warn = lipgloss.NewStyle().Foreground(p.Warn).Bold(true)
	s.Bad = lipgloss.NewStyle().Foreground(p.Bad).Bold(true)
	s.Box = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.Border).Padding(0, 1)
	s.Tab = lipgloss.NewStyle().Foreground(p.Fg).Padding(0, 1)
	s.TabOn = lipgloss.NewStyle().Foreground(p.AccentFg).Background(p.Accent).Bold(true).Padding(0, 1)
	s.Cursor = lipgloss.NewStyle().Foreground(p.CursorFg).Background(p.CursorBg).Bold(true)
	s.Cross = lipgloss.NewStyle().Foreground(p.Fg).Background(p.CrossBg)
	s.Selected = lipgloss.NewStyle().Foreground(p.AccentFg).Background(p.Accent).Bold(true)
	s.ClockWarn = lipgloss.NewStyle().Foreground(p.AccentFg).Background(p.Warn).Bold(true)
	s.ClockOver = lipgloss.NewStyle().Foreground(p.AccentFg).Background(p.Bad).Bold(true)
	for i := range s.Heat {
		s.Heat[i] = lipgloss.NewStyle().Foreground(p.HeatFg[i]).Background(p.Heat[i]).Bold(i > 0)
	}
	return s
}

// HeatFor returns the heat style of a score on the 1-5 scale (0: none).
func (s *Styles) HeatFor(score float64, ok bool) lipgloss.Style {
	if !ok {
		return s.Heat[0]
	}
	i := int(score + 0.5)
	i = max(1, min(5, i))
	return s.Heat[i]
}

func validTheme(t string) bool {
	for _, x := range Themes {
		if x == t {
			return true
		}
	}
	return false
}

// NextTheme cycles dark -> light -> contrast -> dark.
func NextTheme(t string) string {
	for i, x := range Themes {
		if x == t {
			return Themes[(i+1)%len(Themes)]
		}
	}
	return Themes[0]
}
