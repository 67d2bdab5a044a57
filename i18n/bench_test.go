package i18n

import (
	"fmt"
	"testing"
)

// BenchmarkT is one sentence with arguments through the catalogue (the
// Indonesian printer); BenchmarkSprintf the same format through fmt alone,
// its floor.
func BenchmarkT(b *testing.B) {
	for b.Loop() {
		_ = T("id", "board.completion", 87, 174, 200)
	}
}

func BenchmarkSprintf(b *testing.B) {
	m, _ := Lookup("board.completion")
	for b.Loop() {
		_ = fmt.Sprintf(m.ID, 87, 174, 200)
	}
}

// BenchmarkTNoArgs is a sentence without arguments (most labels).
func BenchmarkTNoArgs(b *testing.B) {
	for b.Loop() {
		_ = T("en", "cli.open")
	}
}

// BenchmarkTPlural is a sentence whose words follow its count: said by
// the English message.Printer, which picks the form.
func BenchmarkTPlural(b *testing.B) {
	for b.Loop() {
		_ = T("en", "home.count", 12)
	}
}
