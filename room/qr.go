package room

import (
	"fmt"
	"strings"

	"rsc.io/qr"
)

// quiet is the white margin every QR code needs around it, in modules.
const quiet = 4

// QR is a QR code as a grid of modules, quiet zone included.
type QR struct {
	Size  int // modules a side, quiet zone included
	black [][]bool
}

// NewQR encodes text (a URL) at error correction level M: a printed card
// or a projector a few metres away still scans with some of it smudged.
func NewQR(text string) (*QR, error) {
	c, err := qr.Encode(text, qr.M)
	if err != nil {
		return nil, fmt.Errorf("make the QR code of %s: %w", text, err)
	}
	n := c.Size + 2*quiet
	q := &QR{Size: n, black: make([][]bool, n)}
	for y := range n {
		q.black[y] = make([]bool, n)
		for x := range n {
			q.black[y][x] = c.Black(x-quiet, y-quiet)
		}
	}
	return q, nil
}

// Black reports whether the module at x, y (quiet zone included) is dark.
func (q *QR) Black(x, y int) bool {
	if x < 0 || y < 0 || x >= q.Size || y >= q.Size {
		return false
	}
	return q.black[y][x]
}

// HalfBlocks draws the code two modules a character cell high, one wide:
// each line is a string of "█", "▀", "▄" and " ", meant to be painted
// black on white whatever the theme. Each module is then about square in a
// terminal cell of 1:2.
func (q *QR) HalfBlocks() []string {
	lines := make([]string, 0, (q.Size+1)/2)
	for y := 0; y < q.Size; y += 2 {
		var b strings.Builder
		for x := range q.Size {
			top, bottom := q.Black(x, y), q.Black(x, y+1)
			switch {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteString(" ")
			}
		}
		lines = append(lines, b.String())
	}
	return lines
}

// Blocks draws the code one module per two character cells wide and one
// high: twice the size of HalfBlocks, for the full-screen view from the
// back of the room.
func (q *QR) Blocks() []string {
	lines := make([]string, 0, q.Size)
	for y := range q.Size {
		var b strings.Builder
		for x := range q.Size {
			if q.Black(x, y) {
				b.WriteString("██")
			} else {
				b.WriteString("  ")
			}
		}
		lines = append(lines, b.String())
	}
	return lines
}

// SVG draws the code as an inline SVG image of px pixels a side, black on
// white, one path for all dark modules (small and crisp in print).
func (q *QR) SVG(px int) string {
	var path strings.Builder
	for y := range q.Size {
		for x := 0; x < q.Size; x++ {
			if !q.Black(x, y) {
				continue
			}
			run := 1
			for x+run < q.Size && q.Black(x+run, y) {
				run++
			}
			fmt.Fprintf(&path, "M%d %dh%dv1h-%dz", x, y, run, run)
			x += run - 1
		}
	}
	return fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" shape-rendering="crispEdges" role="img"><rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`,
		px, px, q.Size, q.Size, q.Size, q.Size, path.String())
}
