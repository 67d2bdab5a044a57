package workshop

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// parseProblems parses data and returns its problems in English, one a
// line ("" when the file is accepted).
func parseProblems(t *testing.T, data string) string {
	t.Helper()
	_, err := ParseFramework("f.yaml", []byte(data))
	if err == nil {
		return ""
	}
	var fe *FrameworkError
	if !errors.As(err, &fe) {
		t.Fatalf("want *FrameworkError, got %T %v", err, err)
	}
	for _, p := range fe.Problems {
		if p.Text("id") == "" || p.Text("id") == p.Text("en") {
			t.Errorf("problem not said in Bahasa Indonesia: %+v", p)
		}
	}
	return fe.In("en")
}

// dims returns n more dimensions in baseYAML's style, to go before agenda:.
func dims(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "  - key: d%d\n    name: {id: D%d}\n    target: 2\n    elements:\n      - key: d%d.e\n        name: {id: E}\n        indicators:\n          - key: d%d.e.1\n            name: {id: I}\n", i, i, i, i)
	}
	return b.String()
}

func TestFrameworkLimits(t *testing.T) {
	before := func(marker, insert string) string { return strings.Replace(baseYAML, marker, insert+marker, 1) }
	cases := []struct {
		name, data, want string
	}{
		{"reserved dimension key index", strings.Replace(baseYAML, "  - key: governance\n", "  - key: index\n", 1),
			`f.yaml:18: dimension "index": the key "index" is taken by the exports (the city index row and the columns of opd_dimensions.csv: index, overall, predikat, completion, opd_code, opd_name) — choose another key`},
		{"reserved dimension key overall", strings.Replace(baseYAML, "  - key: governance\n", "  - key: overall\n", 1),
			`f.yaml:18: dimension "overall": the key "overall" is taken by the exports`},
		{"dimensions at the limit", before("agenda:", dims(MaxDimensions-1)), ""},
		{"one dimension too many", before("agenda:", dims(MaxDimensions)),
			fmt.Sprintf("f.yaml:17: the framework has %d dimensions — bimtek shows at most %d; split it or merge some", MaxDimensions+1, MaxDimensions)},
		{"escape sequence in a dimension name", strings.Replace(baseYAML, "{id: Tata Kelola, en: Governance}", "{id: \"Tata \\e]0;PWNED\\a Kelola\", en: Governance}", 1),
			`f.yaml:19: dimension "governance": the name (id) contains the control character \x1b, which a terminal would act on — remove it`},
		{"colour in a level label", strings.Replace(baseYAML, "{id: Rendah, en: Low}", "{id: Rendah, en: \"\\e[31mLow\"}", 1),
			`f.yaml:7: level #1: the label (en) contains the control character \x1b`},
		{"bidi override in an indicator name", strings.Replace(baseYAML, "{id: Layanan daring}", "{id: \"Layanan \\u202Edaring\"}", 1),
			`f.yaml:26: indicator "governance.layanan.1": the name (id) contains the control character \u202e`},
		{"line break in a name", strings.Replace(baseYAML, "{id: Layanan daring}", "{id: \"Layanan\\ndaring\"}", 1),
			`f.yaml:26: indicator "governance.layanan.1": the name (id) holds a tab or line break — write it on one line`},
		{"name too long", strings.Replace(baseYAML, "{id: Layanan daring}", "{id: "+strings.Repeat("x", MaxNameRunes+1)+"}", 1),
			`f.yaml:26: indicator "governance.layanan.1": the name (id) is 201 characters long — shorten it to at most 200`},
		{"description on several lines is fine", strings.Replace(baseYAML, "    target: 2.5\n", "    target: 2.5\n    description:\n      id: |\n        Baris satu.\n        Baris dua.\n", 1), ""},
		{"phase of 601 minutes", strings.Replace(baseYAML, "minutes: 60", "minutes: 601", 1),
			`f.yaml:34: phase "assessment" has 601 minutes — plan at most 600 minutes for one phase`},
		{"brackets nested too deep", "key: [[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]\n",
			`f.yaml:1: brackets [ ] or { } nest more than 20 deep here — write the lists and mappings as indented lines`},
		{"indentation too deep", "key: uji\n" + strings.Repeat(" ", 121) + "x: 1\n",
			`f.yaml:2: this line is indented more than 120 columns — a framework nests only a few levels; check the indentation`},
		{"file too big", "key: uji\n#" + strings.Repeat("x", MaxFrameworkBytes),
			`f.yaml: the file is 1.0 MB, more than a framework can be (at most 1.0 MB) — check that it is the right file`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := parseProblems(t, c.data)
			if c.want == "" {
				if got != "" {
					t.Fatalf("want accepted, got:\n%s", got)
				}
				return
			}
			if !strings.Contains(got, c.want) {
				t.Errorf("got:\n%s\nwant a line with:\n%s", got, c.want)
			}
			if strings.ContainsFunc(got, func(r rune) bool { return r != '\n' && Unsafe(r) }) {
				t.Errorf("a control character reaches the message: %q", got)
			}
		})
	}
}

// TestFrameworkNestingIsBoundedBeforeParsing: 100 KB of nested [ took the
// YAML parser 16 GB and 51 s (measured with /usr/bin/time -v on bimtek
// framework check); refused before parsing, it costs next to nothing.
func TestFrameworkNestingIsBoundedBeforeParsing(t *testing.T) {
	for _, data := range [][]byte{
		[]byte(strings.Repeat("[", 100_000)),
		[]byte("key: " + strings.Repeat("{a: ", 50_000)),
		[]byte(strings.Repeat("- ", 100_000)),
	} {
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		_, err := ParseFramework("f.yaml", data)
		runtime.ReadMemStats(&m1)
		if err == nil {
			t.Fatal("accepted")
		}
		if grew := m1.TotalAlloc - m0.TotalAlloc; grew > 1<<20 {
			t.Errorf("%.20q...: parsing allocated %d bytes, want under 1 MB", data, grew)
		}
	}
}
