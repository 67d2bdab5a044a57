package room

import (
	"strings"
	"testing"

	"rsc.io/qr"
)

func TestQRKeepsEveryModuleAndAQuietZone(t *testing.T) {
	const url = "http://192.168.1.10:8080/"
	q, err := NewQR(url)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := qr.Encode(url, qr.M)
	if q.Size != c.Size+2*quiet {
		t.Fatalf("size %d, want %d + 2*%d", q.Size, c.Size, quiet)
	}
	for y := -quiet; y < c.Size+quiet; y++ {
		for x := -quiet; x < c.Size+quiet; x++ {
			if q.Black(x+quiet, y+quiet) != c.Black(x, y) {
				t.Fatalf("module %d,%d differs", x, y)
			}
		}
	}
	// The finder pattern's corner is dark, the quiet zone light.
	if !q.Black(quiet, quiet) || q.Black(quiet-1, quiet) || q.Black(0, 0) {
		t.Errorf("quiet zone or finder pattern wrong")
	}

	// Half blocks: two module rows per line, the same modules.
	hb := q.HalfBlocks()
	if len(hb) != (q.Size+1)/2 {
		t.Fatalf("%d half-block lines for %d modules", len(hb), q.Size)
	}
	for y, line := range hb {
		cells := []rune(line)
		if len(cells) != q.Size {
			t.Fatalf("line %d has %d cells, want %d", y, len(cells), q.Size)
		}
		for x, r := range cells {
			top, bottom := q.Black(x, 2*y), q.Black(x, 2*y+1)
			want := map[[2]bool]rune{{true, true}: '█', {true, false}: '▀', {false, true}: '▄', {false, false}: ' '}[[2]bool{top, bottom}]
			if r != want {
				t.Fatalf("half block %d,%d = %q, want %q", x, y, r, want)
			}
		}
	}
	if b := q.Blocks(); len(b) != q.Size || len([]rune(b[quiet])) != 2*q.Size {
		t.Errorf("full blocks: %d lines of %d cells", len(b), len([]rune(b[quiet])))
	}

	svg := q.SVG(200)
	if !strings.HasPrefix(svg, `<svg xmlns="http://www.w3.org/2000/svg" width="200"`) || !strings.Contains(svg, `fill="#fff"`) || !strings.Contains(svg, `fill="#000"`) {
		t.Errorf("svg = %.120s", svg)
	}
	// The first dark run of row quiet is the finder pattern's 7 modules.
	if !strings.Contains(svg, "M4 4h7v1h-7z") {
		t.Errorf("svg lacks the finder pattern's top row: %.300s", svg)
	}
}
