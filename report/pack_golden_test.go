package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// checkGolden compares got with testdata/pack/name, or rewrites it with
// -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden := filepath.Join("testdata", "pack", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./report -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s:\n%s", t.Name(), golden, firstDiff(got, want))
	}
}

// layout writes a workbook's shape as text: the sheets in order, each with
// its frozen panes, tables, conditional formats, merged cells and charts,
// then every non-empty cell with its type (s string, n number) and the text
// a spreadsheet shows for it.
func layout(t *testing.T, path string) []byte {
	t.Helper()
	f := openBook(t, path)
	var b strings.Builder
	charts := zipEntries(t, path, "xl/drawings/drawing")
	fmt.Fprintf(&b, "sheets: %s\n", strings.Join(f.GetSheetList(), " | "))
	fmt.Fprintf(&b, "charts: %d drawing part(s)\n", len(charts))
	for _, name := range f.GetSheetList() {
		v := readSheet(t, f, path, name)
		fmt.Fprintf(&b, "\n== %s\n", name)
		if p, err := f.GetPanes(name); err == nil && p.Freeze {
			fmt.Fprintf(&b, "frozen: %d columns, %d rows\n", p.XSplit, p.YSplit)
		}
		if tables, err := f.GetTables(name); err == nil {
			for _, tb := range tables {
				fmt.Fprintf(&b, "table %s: %s\n", tb.Name, tb.Range)
			}
		}
		if cf, err := f.GetConditionalFormats(name); err == nil {
			for _, rng := range sortedKeys(cf) {
				for _, o := range cf[rng] {
					fmt.Fprintf(&b, "format %s: %s %s..%s..%s\n", rng, o.Type, o.MinValue, o.MidValue, o.MaxValue)
				}
			}
		}
		if mc, err := f.GetMergeCells(name); err == nil {
			for _, m := range mc {
				fmt.Fprintf(&b, "merged: %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
			}
		}
		for r := range v.raw {
			var cells []string
			for c := range v.raw[r] {
				raw := v.raw[r][c]
				if raw == "" {
					continue
				}
				ref := cell(c+1, r+1)
				kind := "n"
				if typ := v.typ[ref]; typ == "s" || typ == "inlineStr" {
					kind = "s"
				}
				cells = append(cells, ref+"="+kind+strconv.Quote(at(v.shown, c+1, r+1)))
			}
			if len(cells) > 0 {
				b.WriteString(strings.Join(cells, " ") + "\n")
			}
		}
	}
	return []byte(b.String())
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestPackLayoutGolden fixes the workbook's sheets, headers, cell types and
// shown values for the fixture session in both languages
// (testdata/pack/layout-<lang>.txt).
func TestPackLayoutGolden(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		t.Run(lang, func(t *testing.T) {
			p, err := WritePack(t.TempDir(), testData(), lang)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, "layout-"+lang+".txt", layout(t, p.XLSX))
		})
	}
}

// TestPackPageGolden fixes the one-page report's HTML for the fixture
// session in both languages (testdata/pack/page-<lang>.html); open them in a
// browser to review a change.
func TestPackPageGolden(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		t.Run(lang, func(t *testing.T) {
			p, err := WritePack(t.TempDir(), testData(), lang)
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(p.HTML)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, "page-"+lang+".html", got)
		})
	}
}

var _ = excelize.CellTypeUnset
