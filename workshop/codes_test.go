package workshop

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/i18n"
)

// TestProblemCodesInCatalogue: every problem code the domain's sources
// name (fw.*, opdcsv.*, input.*) is an entry of the catalogue, so no
// problem is ever shown as its bare code.
func TestProblemCodesInCatalogue(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile(`"((?:fw|opdcsv|input)\.[a-z0-9_.]+)"`)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range code.FindAllStringSubmatch(string(src), -1) {
			n++
			if !i18n.Has(m[1]) {
				t.Errorf("%s: %s is not in the catalogue", f, m[1])
			}
		}
	}
	if n < 100 {
		t.Fatalf("found only %d problem codes; the pattern is out of date", n)
	}
}

// TestProblemSaidInEitherLanguage: one problem, kept as a code with its
// arguments, reads in the language asked for, with its file and line.
func TestProblemSaidInEitherLanguage(t *testing.T) {
	_, err := CheckCity("  ")
	p := err.(*InputError).Problem("opd.csv", 3)
	if got, want := p.In("en"), "opd.csv:3: the city is empty — write it"; got != want {
		t.Errorf("en: got %q, want %q", got, want)
	}
	if got, want := p.In("id"), "opd.csv:3: nama kota kosong — isi dulu"; got != want {
		t.Errorf("id: got %q, want %q", got, want)
	}
	noFile := Problem{Line: 7, Code: "fw.no_key", Args: []any{i18n.M("fw.dimension_nth", 2), i18n.M("fw.example.dimension_key")}}
	if got, want := noFile.In("id"), "baris 7: dimensi ke-2 belum punya kunci — tambahkan key: berisi nama pendek huruf kecil, misalnya governance"; got != want {
		t.Errorf("id without a file: got %q, want %q", got, want)
	}
	if got, want := noFile.In("en"), "line 7: dimension #2 has no key — add key: with a short lowercase name such as governance"; got != want {
		t.Errorf("en without a file: got %q, want %q", got, want)
	}
}

// TestMoreProblemsCounted says the closing note of a long report with 0,
// 1 and 2 problems left out.
func TestMoreProblemsCounted(t *testing.T) {
	for _, c := range []struct {
		n    int
		lang string
		want string
	}{
		{1, "en", "1 more problem is not shown — fix the ones above and check the file again"},
		{2, "en", "2 more problems are not shown — fix the ones above and check the file again"},
		{1, "id", "1 masalah lain tidak ditampilkan — perbaiki yang di atas lalu periksa berkas lagi"},
		{2, "id", "2 masalah lain tidak ditampilkan — perbaiki yang di atas lalu periksa berkas lagi"},
	} {
		c0 := newChecker("f.yaml", true)
		c0.dropped = c.n
		ps := c0.sorted()
		if got := ps[len(ps)-1].Text(c.lang); got != c.want {
			t.Errorf("%d (%s): got %q, want %q", c.n, c.lang, got, c.want)
		}
	}
	// With nothing left out there is no closing note.
	if ps := newChecker("f.yaml", true).sorted(); len(ps) != 0 {
		t.Errorf("no problem dropped, yet %v", ps)
	}
}
