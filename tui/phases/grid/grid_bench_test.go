package grid

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/bimtek/bimtek/tui/common"
)

// BenchmarkGridKeystroke is DESIGN section 10's "one keystroke in the
// grid": a digit gridTyped on the scale session (80 OPDs x 90 indicators,
// stored in a real database in b.TempDir()) - the durable write, the live
// rescoring and the saved cursor - then the frame at the 200x60 window's
// body (200x56). The cursor walks through the cells as a facilitator
// would.
func BenchmarkGridKeystroke(b *testing.B) {
	e := newGridScaleEnv(b)
	view(e.g, 200, 56)
	digits := []tea.KeyPressMsg{gkText("1"), gkText("2"), gkText("3"), gkText("4"), gkText("5")}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if cmd := upd(e.g, digits[i%len(digits)]); cmd != nil {
			if m, ok := cmd().(common.ErrMsg); ok {
				b.Fatal(m.Err)
			}
		}
		_ = view(e.g, 200, 56)
		if st := &e.s.State; st.Row == len(e.g.present)-1 && st.Col == len(e.g.tab().cols)-1 {
			st.Row, st.Col = 0, 0 // the last cell: start the walk again
		}
	}
}

// BenchmarkGridMove is a cursor move (no score write; the cursor is
// saved) and the frame.
func BenchmarkGridMove(b *testing.B) {
	e := newGridScaleEnv(b)
	view(e.g, 200, 56)
	moves := []tea.KeyPressMsg{gkRight, gkRight, gkDown, gkRight, gkDown, gkLeft, gkDown}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if cmd := upd(e.g, moves[i%len(moves)]); cmd != nil {
			if m, ok := cmd().(common.ErrMsg); ok {
				b.Fatal(m.Err)
			}
		}
		_ = view(e.g, 200, 56)
		if e.s.State.Row == len(e.g.present)-1 {
			e.s.State.Row = 0
		}
	}
}

// BenchmarkGridView is one frame alone, for the share of the drawing.
func BenchmarkGridView(b *testing.B) {
	e := newGridScaleEnv(b)
	e.at(0, 40, 7)
	b.ReportAllocs()
	for b.Loop() {
		_ = view(e.g, 200, 56)
	}
}
