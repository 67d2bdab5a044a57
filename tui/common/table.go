package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// TableCell is one cell of a table line: its text, its column's width and
// alignment.
type TableCell struct {
	Text  string
	Width int
	Right bool
}

// TableLine draws one table line: "▶ " before the selected line (the
// caller adds the colour), then the cells two spaces apart, the whole cut
// to w with "…".
func TableLine(selected bool, cells []TableCell, w int) string {
	mark := "  "
	if selected {
		mark = "▶ "
	}
	return ansi.Truncate(mark+JoinCells(cells, "  "), w, "…")
}

// JoinCells sets cells side by side, sep apart, each cut and padded to its
// column's width.
func JoinCells(cells []TableCell, sep string) string {
	var b strings.Builder
	for j, c := range cells {
		if j > 0 {
			b.WriteString(sep)
		}
		if c.Right {
			b.WriteString(FitCellRight(c.Text, c.Width))
		} else {
			b.WriteString(FitCell(c.Text, c.Width))
		}
	}
	return b.String()
}
