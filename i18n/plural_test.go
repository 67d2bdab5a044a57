package i18n

import (
	"fmt"
	"testing"
)

// TestPluralSentences prints counts 0, 1 and 2 in both languages and
// compares them with sentences written out by hand.
func TestPluralSentences(t *testing.T) {
	cases := []struct {
		lang, key string
		args      []any
		want      string
	}{
		{"en", "home.count", []any{0}, "0 sessions, latest activity first"},
		{"en", "home.count", []any{1}, "1 session, latest activity first"},
		{"en", "home.count", []any{2}, "2 sessions, latest activity first"},
		{"id", "home.count", []any{0}, "0 sesi, aktivitas terbaru di atas"},
		{"id", "home.count", []any{1}, "1 sesi, aktivitas terbaru di atas"},
		{"id", "home.count", []any{2}, "2 sesi, aktivitas terbaru di atas"},
		{"en", "cli.check.ok", []any{"x.db", 0}, "x.db is sound (0 sessions, no problems found)."},
		{"en", "cli.check.ok", []any{"x.db", 1}, "x.db is sound (1 session, no problems found)."},
		{"en", "cli.check.ok", []any{"x.db", 2}, "x.db is sound (2 sessions, no problems found)."},
		{"id", "cli.check.ok", []any{"x.db", 1}, "x.db utuh (1 sesi, tidak ada masalah)."},
		{"en", "cli.check.problems", []any{"x.db", 1}, "x.db is damaged (1 problem found); open the latest backup, or save the sessions that still read with: bimtek backup ID FILE."},
		{"en", "cli.backup.done", []any{"b.db", 1, "b.db"}, "Backup b.db is ready (1 session in it); use it on another laptop with: bimtek --db b.db list."},
		{"id", "cli.backup.done", []any{"b.db", 2, "b.db"}, "Cadangan b.db siap (berisi 2 sesi); buka di laptop lain dengan: bimtek --db b.db list."},
		{"en", "roster.summary", []any{0, 0, 0}, "0 OPDs · 0 present · 0 absent"},
		{"en", "roster.summary", []any{1, 1, 0}, "1 OPD · 1 present · 0 absent"},
		{"en", "roster.summary", []any{2, 1, 1}, "2 OPDs · 1 present · 1 absent"},
		{"id", "roster.summary", []any{2, 1, 1}, "2 OPD · 1 hadir · 1 tidak hadir"},
		{"en", "grid.summary", []any{"Smart Living", "3.00", "Baik", 1, 3, 3, 100}, "Smart Living: city score 3.00 Baik (1 OPD) · completion 3/3 (100%)"},
		{"en", "grid.summary", []any{"Smart Living", "3.00", "Baik", 2, 3, 6, 50}, "Smart Living: city score 3.00 Baik (2 OPDs) · completion 3/6 (50%)"},
		{"en", "roster.import_done", []any{1, "opd.csv"}, "1 OPD imported from opd.csv."},
		{"en", "roster.import_done", []any{2, "opd.csv"}, "2 OPDs imported from opd.csv."},
		{"id", "roster.import_done", []any{1, "opd.csv"}, "1 OPD diimpor dari opd.csv."},
		{"en", "err.import_many", []any{"s.csv", 2}, "s.csv was not imported (nothing changed) because of 2 problems; fix them and import again:"},
		{"en", "err.import_more", []any{1}, "… and 1 more problem; fix the ones above and import again to see it."},
		{"en", "room.err.slow_down", []any{1}, "Too many wrong codes from this device; wait 1 second and try again."},
		{"en", "room.err.slow_down", []any{30}, "Too many wrong codes from this device; wait 30 seconds and try again."},
		{"en", "ago.days", []any{1}, "1 day ago"},
		{"en", "gaps.priorities", []any{0}, "0 priorities chosen"},
		{"en", "gaps.priorities", []any{1}, "1 priority chosen"},
		{"id", "gaps.priorities", []any{1}, "1 prioritas terpilih"},
		// Two counts in one sentence: each is a phrase of its own.
		{"en", "cli.frameworks.items", []any{M("count.dimensions", 1), M("count.items", 1)}, "1 dimension, 1 item"},
		{"en", "cli.frameworks.items", []any{M("count.dimensions", 6), M("count.items", 18)}, "6 dimensions, 18 items"},
		{"en", "cli.frameworks.items", []any{M("count.dimensions", 0), M("count.items", 2)}, "0 dimensions, 2 items"},
		{"id", "cli.frameworks.items", []any{M("count.dimensions", 1), M("count.items", 2)}, "1 dimensi, 2 butir"},
		// The import's summaries: eight counts, each a phrase.
		{"en", "cli.import.done", importCounts(3, 5, 2, 1, 1, 1, 1, 0), "Read 3 rows; 5 cells changed: 2 levels set, 1 level cleared, 1 cell marked N/A, 1 note changed; 1 answer and 0 notes left empty in the file were kept."},
		{"en", "cli.import.done", importCounts(1, 1, 1, 0, 0, 0, 2, 1), "Read 1 row; 1 cell changed: 1 level set, 0 levels cleared, 0 cells marked N/A, 0 notes changed; 2 answers and 1 note left empty in the file were kept."},
		{"id", "cli.import.done", importCounts(3, 5, 2, 1, 1, 1, 1, 0), "Dibaca 3 baris; 5 sel diubah: 2 level diisi, 1 level dikosongkan, 1 sel ditandai N/A, 1 catatan diubah; 1 jawaban dan 0 catatan yang kosong di file dibiarkan."},
		{"en", "cli.import.dry", importCounts(2, 0, 0, 0, 0, 0, 0, 0), "Dry run, nothing was written. Read 2 rows; 0 cells would change: 0 levels set, 0 levels cleared, 0 cells marked N/A, 0 notes changed; 0 answers and 0 notes left empty in the file would be kept."},
		{"id", "cli.import.dry", importCounts(1, 1, 0, 1, 0, 0, 0, 1), "Uji coba, tidak ada yang ditulis. Dibaca 1 baris; 1 sel akan berubah: 0 level diisi, 1 level dikosongkan, 0 sel ditandai N/A, 0 catatan diubah; 0 jawaban dan 1 catatan yang kosong di file akan dibiarkan."},
		{"en", "roster.preset_added", []any{M("count.opds", 1), 2}, "1 OPD added from the typical list; 2 already on the roster."},
		{"en", "roster.preset_added", []any{M("count.opds", 2), 0}, "2 OPDs added from the typical list; 0 already on the roster."},
		// A count past 1,000 keeps fmt's digits in both languages.
		{"id", "home.count", []any{2026}, "2026 sesi, aktivitas terbaru di atas"},
		{"en", "home.count", []any{1001}, "1001 sessions, latest activity first"},
	}
	for _, c := range cases {
		if got := T(c.lang, c.key, c.args...); got != c.want {
			t.Errorf("T(%q, %q, %v)\n got %q\nwant %q", c.lang, c.key, c.args, got, c.want)
		}
	}
}

// TestEveryPluralChooses says every plural entry with 0, 1 and 2: English
// takes One for 1 only, Indonesian its one form for all three.
func TestEveryPluralChooses(t *testing.T) {
	for _, k := range Keys() {
		p, ok := LookupPlural(k)
		if !ok {
			continue
		}
		for _, n := range []int{0, 1, 2} {
			args := sample(p.ID)
			args[p.Arg-1] = n
			en := p.Other
			if n == 1 {
				en = p.One
			}
			if got, want := T("en", k, args...), fmt.Sprintf(en, args...); got != want {
				t.Errorf("%s (en, %d):\n got %q\nwant %q", k, n, got, want)
			}
			if got, want := T("id", k, args...), fmt.Sprintf(p.ID, args...); got != want {
				t.Errorf("%s (id, %d):\n got %q\nwant %q", k, n, got, want)
			}
		}
	}
}

// importCounts are the phrases bimtek import says its eight counts with
// (rows read, cells changed, levels set, levels cleared, cells marked N/A,
// notes changed, answers kept, notes kept).
func importCounts(rows, cells, set, cleared, na, notes, kept, keptNotes int) []any {
	return []any{M("count.rows", rows), M("count.cells", cells), M("count.levels", set), M("count.levels", cleared),
		M("count.cells", na), M("count.notes", notes), M("count.answers", kept), M("count.notes", keptNotes)}
}
