package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// tableCell is one cell of a table line: its text, its column's width and
// alignment.
type tableCell struct {
	text  string
	width int
	right bool
}

// tableLine draws one table line: "▶ " before the selected line (the
// caller adds the colour), then the cells two spaces apart, the whole cut
// to w with "…".
func tableLine(selected bool, cells []tableCell, w int) string {
	mark := "  "
	if selected {
		mark = "▶ "
	}
	return ansi.Truncate(mark+joinCells(cells, "  "), w, "…")
}

// joinCells sets cells side by side, sep apart, each cut and padded to its
// column's width.
func joinCells(cells []tableCell, sep string) string {
	var b strings.Builder
	for j, c := range cells {
		if j > 0 {
			b.WriteString(sep)
		}
		if c.right {
			b.WriteString(fitCellRight(c.text, c.width))
		} else {
			b.WriteString(fitCell(c.text, c.width))
		}
	}
	return b.String()
}
