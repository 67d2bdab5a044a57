package workshop

import "testing"

// BenchmarkScoreSession scores the whole scale session from scratch: 80
// OPDs x 90 indicators, every OPD then the city (what an export does).
func BenchmarkScoreSession(b *testing.B) {
	f := ScaleFramework()
	opds := ScaleOPDs(80)
	sheets := ScaleSheets(f, opds, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rs := make([]OPDResult, 0, len(opds))
		for _, o := range opds {
			rs = append(rs, f.ScoreOPD(sheets[o.ID]))
		}
		_ = f.ScoreCity(rs)
	}
}

// BenchmarkBoardSet is one answer on the live board: that OPD and the
// city are rescored from the cache (what every grid keystroke costs).
func BenchmarkBoardSet(b *testing.B) {
	f := ScaleFramework()
	opds := ScaleOPDs(80)
	board := NewBoard(f, opds, ScaleSheets(f, opds, 1), nil)
	keys := f.Dimensions[0].Indicators()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		board.Set(opds[i%len(opds)].ID, keys[i%len(keys)].Key, Answer{Level: 1 + i%5})
	}
}
