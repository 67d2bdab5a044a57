package workshop

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
)

// baseYAML is a small valid framework; the cases below edit one spot of it,
// so the line numbers in the table are the lines of this text.
const baseYAML = `key: uji
name:
  id: Uji
  en: Test
scale:
  - value: 1
    label: {id: Rendah, en: Low}
  - value: 2
    label: {id: Sedang, en: Medium}
  - value: 3
    label: {id: Tinggi, en: High}
bands:
  - min: 1
    predikat: {id: Kurang, en: Poor}
  - min: 2
    predikat: {id: Baik, en: Good}
dimensions:
  - key: governance
    name: {id: Tata Kelola, en: Governance}
    target: 2.5
    elements:
      - key: governance.layanan
        name: {id: Layanan}
        indicators:
          - key: governance.layanan.1
            name: {id: Layanan daring}
          - key: governance.layanan.2
            name: {id: Layanan terpadu}
            weight: 2
agenda:
  - key: assessment
    kind: assessment
    name: {id: Penilaian, en: Assessment}
    minutes: 60
`

// secondDimension goes before "agenda:" (line 30): its key is on line 30,
// its element key on 34, its indicator key on 37.
const secondDimension = `  - key: society
    name: {id: Masyarakat}
    target: 2
    elements:
      - key: society.komunitas
        name: {id: Komunitas}
        indicators:
          - key: society.komunitas.1
            name: {id: Forum warga}
agenda:`

const scaleBlock = `scale:
  - value: 1
    label: {id: Rendah, en: Low}
  - value: 2
    label: {id: Sedang, en: Medium}
  - value: 3
    label: {id: Tinggi, en: High}
`

const bandsBlock = `bands:
  - min: 1
    predikat: {id: Kurang, en: Poor}
  - min: 2
    predikat: {id: Baik, en: Good}
`

const indicatorsBlock = `        indicators:
          - key: governance.layanan.1
            name: {id: Layanan daring}
          - key: governance.layanan.2
            name: {id: Layanan terpadu}
            weight: 2
`

const elementsBlock = `    elements:
      - key: governance.layanan
        name: {id: Layanan}
` + indicatorsBlock

const agendaBlock = `agenda:
  - key: assessment
    kind: assessment
    name: {id: Penilaian, en: Assessment}
    minutes: 60
`

// edit replaces old (which must occur exactly once) in baseYAML by new.
func edit(t *testing.T, old, new string) string {
	t.Helper()
	if n := strings.Count(baseYAML, old); n != 1 {
		t.Fatalf("test setup: %q occurs %d times in the base framework", old, n)
	}
	return strings.Replace(baseYAML, old, new, 1)
}

func problemsOf(t *testing.T, err error) []Problem {
	t.Helper()
	var fe *FrameworkError
	if !errors.As(err, &fe) {
		t.Fatalf("want a *FrameworkError, got %T: %v", err, err)
	}
	if len(fe.Problems) == 0 {
		t.Fatalf("a FrameworkError without problems")
	}
	return fe.Problems
}

func hasProblem(ps []Problem, line int, substr string) bool {
	for _, p := range ps {
		if p.Line == line && strings.Contains(p.Text("en"), substr) {
			return true
		}
	}
	return false
}

func TestParseFrameworkBaseIsValid(t *testing.T) {
	f, err := ParseFramework("base.yaml", []byte(baseYAML))
	if err != nil {
		t.Fatalf("base framework: %v", err)
	}
	if f.Key != "uji" || f.Name != (Text{ID: "Uji", EN: "Test"}) || f.ItemCount() != 2 {
		t.Errorf("decoded wrongly: %+v", f)
	}
	in := f.Dimensions[0].Elements[0].Indicators
	if in[0].Weight != 0 || in[1].Weight != 2 {
		t.Errorf("weights: left out must stay 0 (means 1), written 2 must be 2: %v, %v", in[0].Weight, in[1].Weight)
	}
	if f.Dimensions[0].Target != 2.5 || f.Agenda[0].Minutes != 60 || f.Agenda[0].Kind != PhaseAssessment {
		t.Errorf("target, minutes or kind decoded wrongly: %+v %+v", f.Dimensions[0], f.Agenda[0])
	}
	if f.Dimensions[0].Elements[0].Name.EN != "" {
		t.Errorf("an English name left out must stay empty")
	}
}

// TestParseFrameworkRules has one bad file per rule: the problem expected
// and the line it must point at (0: the whole file).
func TestParseFrameworkRules(t *testing.T) {
	tests := []struct {
		name     string
		old, new string // edit of baseYAML
		doc      string // or a whole document
		line     int
		want     string
	}{
		// YAML itself
		{name: "syntax: unclosed quote", old: "  id: Uji\n", new: "  id: \"Uji\n", line: 3, want: "YAML syntax error"},
		{name: "syntax: tab indentation", old: "    target: 2.5\n", new: "\ttarget: 2.5\n", line: 20, want: "YAML syntax error"},
		{name: "syntax: bad indentation", old: "    target: 2.5\n", new: "     target: 2.5\n", line: 20, want: "YAML syntax error"},
		{name: "empty file", doc: "", line: 0, want: "the file is empty"},
		{name: "only comments", doc: "# nothing here\n", line: 0, want: "only comments"},
		{name: "top level is a list", doc: "- key: uji\n", line: 1, want: "must be a mapping"},
		{name: "second document", doc: baseYAML + "---\nkey: again\n", line: 36, want: "second YAML document"},
		{name: "invalid UTF-8", old: "  en: Test\n", new: "  en: Te\xffst\n", line: 4, want: "not valid UTF-8"},
		{name: "alias without anchor", old: "    target: 2.5\n", new: "    target: *goal\n", line: 20, want: "alias *goal refers to no anchor"},
		{name: "duplicate mapping key", old: "    target: 2.5\n", new: "    target: 2.5\n    target: 3\n", line: 21, want: `field "target" appears twice (first on line 20)`},
		{name: "duplicate top-level key", old: "key: uji\n", new: "key: uji\nkey: lagi\n", line: 2, want: `field "key" appears twice`},
		{name: "unknown field with suggestion", old: "    target: 2.5\n", new: "    targte: 2.5\n", line: 20, want: `unknown field "targte" — did you mean "target"?`},
		{name: "unknown field", old: "    target: 2.5\n", new: "    target: 2.5\n    colour: red\n", line: 21, want: `unknown field "colour" — remove it`},
		{name: "unknown field in a name", old: "    name: {id: Layanan}\n", new: "    name: {id: Layanan, jp: x}\n", line: 23, want: `unknown field "jp"`},
		{name: "text given a list", old: "  id: Uji\n", new: "  id: [Uji]\n", line: 3, want: "id must be text"},
		{name: "dimension not a mapping", old: "dimensions:\n  - key: governance\n", new: "dimensions:\n  - governance\n  - key: governance\n", line: 18, want: "dimension #1 must be a mapping"},
		{name: "elements not a list", old: elementsBlock, new: "    elements: banyak\n", line: 21, want: "elements must be a list"},

		// keys
		{name: "framework key empty", old: "key: uji\n", new: "key: \"\"\n", line: 1, want: "the framework has no key"},
		{name: "framework key invalid", old: "key: uji\n", new: "key: Uji Coba\n", line: 1, want: `key "Uji Coba" is not valid`},
		{name: "dimension key missing", old: "  - key: governance\n    name:", new: "  - name:", line: 18, want: "dimension #1 has no key"},
		{name: "dimension key upper case", old: "  - key: governance\n", new: "  - key: Governance\n", line: 18, want: `key "Governance" is not valid`},
		{name: "dimension key starts with a dot", old: "  - key: governance\n", new: "  - key: .governance\n", line: 18, want: "is not valid"},
		{name: "element key with a space", old: "      - key: governance.layanan\n", new: "      - key: governance layanan\n", line: 22, want: `key "governance layanan" is not valid`},
		{name: "indicator key empty", old: "          - key: governance.layanan.1\n", new: "          - key: ''\n", line: 25, want: "indicator #1 of element \"governance.layanan\" has no key"},
		{name: "duplicate dimension key", old: "agenda:", new: strings.Replace(secondDimension, "key: society\n", "key: governance\n", 1), line: 30, want: `key "governance" is already used (line 18)`},
		{name: "duplicate element key across dimensions", old: "agenda:", new: strings.Replace(secondDimension, "key: society.komunitas\n", "key: governance.layanan\n", 1), line: 34, want: `key "governance.layanan" is already used (line 22)`},
		{name: "duplicate indicator key across dimensions", old: "agenda:", new: strings.Replace(secondDimension, "key: society.komunitas.1\n", "key: governance.layanan.1\n", 1), line: 37, want: `key "governance.layanan.1" is already used (line 25)`},
		{name: "duplicate indicator key in an element", old: "          - key: governance.layanan.2\n", new: "          - key: governance.layanan.1\n", line: 27, want: "is already used (line 25)"},
		{name: "duplicate phase key", old: "    minutes: 60\n", new: "    minutes: 60\n  - key: assessment\n    kind: gaps\n    name: {id: Kesenjangan}\n    minutes: 30\n", line: 35, want: `key "assessment" is already used (line 31)`},

		// names
		{name: "framework name missing", old: "name:\n  id: Uji\n  en: Test\n", new: "", line: 0, want: "the framework has no Indonesian name"},
		{name: "dimension name only English", old: "    name: {id: Tata Kelola, en: Governance}\n", new: "    name: {en: Governance}\n", line: 19, want: `dimension "governance" has no Indonesian name`},
		{name: "element name blank", old: "    name: {id: Layanan}\n", new: "    name: {id: \"  \"}\n", line: 23, want: `element "governance.layanan" has no Indonesian name`},
		{name: "indicator name missing", old: "            name: {id: Layanan daring}\n", new: "", line: 25, want: `indicator "governance.layanan.1" has no Indonesian name`},
		{name: "phase name missing", old: "    name: {id: Penilaian, en: Assessment}\n", new: "", line: 31, want: `phase "assessment" has no Indonesian name`},

		// structure
		{name: "empty dimension", old: elementsBlock, new: "    elements: []\n", line: 21, want: `dimension "governance" has no elements`},
		{name: "dimension without elements field", old: elementsBlock, new: "", line: 18, want: `dimension "governance" has no elements`},
		{name: "element without indicators", old: indicatorsBlock, new: "        indicators: []\n", line: 24, want: `element "governance.layanan" has no indicators`},
		{name: "element with null indicators", old: indicatorsBlock, new: "        indicators:\n", line: 24, want: "has no indicators"},

		// weights
		{name: "weight negative", old: "            weight: 2\n", new: "            weight: -1\n", line: 29, want: "has weight -1 — weights must be greater than 0"},
		{name: "weight zero", old: "            weight: 2\n", new: "            weight: 0\n", line: 29, want: "weight is 0 — weights must be greater than 0"},
		{name: "weight zero as float", old: "            weight: 2\n", new: "            weight: 0.0\n", line: 29, want: "weight is 0"},
		{name: "weight not a number", old: "            weight: 2\n", new: "            weight: berat\n", line: 29, want: `weight must be a number, not "berat"`},
		{name: "weight infinite", old: "            weight: 2\n", new: "            weight: .inf\n", line: 29, want: "weight must be a number"},
		{name: "dimension weight zero", old: "    target: 2.5\n", new: "    target: 2.5\n    weight: 0\n", line: 21, want: `dimension "governance": weight is 0`},

		// scale
		{name: "scale empty", old: scaleBlock, new: "scale: []\n", line: 5, want: "the scale has no levels"},
		{name: "scale missing", old: scaleBlock, new: "", line: 0, want: "the scale has no levels"},
		{name: "scale with a gap", old: "  - value: 3\n", new: "  - value: 4\n", line: 5, want: "the scale values 1, 2, 4 are not consecutive"},
		{name: "scale value twice", old: "  - value: 3\n", new: "  - value: 2\n", line: 10, want: "level value 2 appears twice (line 8)"},
		{name: "scale value zero", old: "  - value: 1\n", new: "  - value: 0\n", line: 6, want: "level value 0 is outside 1–9"},
		{name: "scale value ten", old: "  - value: 3\n", new: "  - value: 10\n", line: 10, want: "outside 1–9"},
		{name: "scale value not whole", old: "  - value: 1\n", new: "  - value: 1.5\n", line: 6, want: `value must be a whole number, not "1.5"`},
		{name: "scale value missing", old: "  - value: 2\n    label: {id: Sedang, en: Medium}\n", new: "  - label: {id: Sedang, en: Medium}\n", line: 8, want: "level #2 has no value"},
		{name: "scale label missing", old: "    label: {id: Sedang, en: Medium}\n", new: "    label: {en: Medium}\n", line: 9, want: "level 2 has no Indonesian label"},

		// bands
		{name: "bands empty", old: bandsBlock, new: "bands: []\n", line: 12, want: "there are no predikat bands"},
		{name: "band min above the scale", old: "  - min: 2\n", new: "  - min: 3.5\n", line: 15, want: "starts at 3.5, outside the scale 1–3"},
		{name: "band min below the scale", old: "  - min: 1\n", new: "  - min: 0.5\n", line: 13, want: "starts at 0.5, outside the scale 1–3"},
		{name: "bands leave the bottom uncovered", old: "  - min: 1\n", new: "  - min: 1.5\n", line: 12, want: "the bands do not cover scores from 1 up to 1.5"},
		{name: "two bands with the same min", old: "  - min: 2\n", new: "  - min: 1\n", line: 15, want: "two bands start at 1 (line 13)"},
		{name: "band min not a number", old: "  - min: 2\n", new: "  - min: dua\n", line: 15, want: `min must be a number, not "dua"`},
		{name: "band min missing", old: "  - min: 2\n    predikat:", new: "  - predikat:", line: 15, want: "has no min"},
		{name: "band predikat missing", old: "    predikat: {id: Baik, en: Good}\n", new: "    predikat: {en: Good}\n", line: 16, want: "has no Indonesian predikat"},

		// targets
		{name: "target above the scale", old: "    target: 2.5\n", new: "    target: 4\n", line: 20, want: `dimension "governance" has target 4, outside the scale 1–3`},
		{name: "target below the scale", old: "    target: 2.5\n", new: "    target: 0.5\n", line: 20, want: "outside the scale 1–3"},
		{name: "target zero written", old: "    target: 2.5\n", new: "    target: 0\n", line: 20, want: "has target 0, outside the scale"},
		{name: "target missing", old: "    target: 2.5\n", new: "", line: 18, want: `dimension "governance" has no target`},
		{name: "target not a number", old: "    target: 2.5\n", new: "    target: tinggi\n", line: 20, want: `target must be a number, not "tinggi"`},

		// agenda
		{name: "agenda empty", old: agendaBlock, new: "agenda: []\n", line: 30, want: "the agenda has no phases"},
		{name: "agenda missing", old: agendaBlock, new: "", line: 0, want: "the agenda has no phases"},
		{name: "unknown phase kind", old: "    kind: assessment\n", new: "    kind: istirahat\n", line: 32, want: `unknown kind "istirahat" — use one of opening, roster, briefing, assessment, scoreboard, gaps, wrapup`},
		{name: "phase kind missing", old: "    kind: assessment\n", new: "", line: 31, want: `phase "assessment" has no kind`},
		{name: "minutes zero", old: "    minutes: 60\n", new: "    minutes: 0\n", line: 34, want: "has 0 minutes — the planned minutes must be more than 0"},
		{name: "minutes negative", old: "    minutes: 60\n", new: "    minutes: -5\n", line: 34, want: "has -5 minutes"},
		{name: "minutes missing", old: "    minutes: 60\n", new: "", line: 31, want: `phase "assessment" has no minutes`},
		{name: "minutes not whole", old: "    minutes: 60\n", new: "    minutes: 1.5\n", line: 34, want: `minutes must be a whole number, not "1.5"`},
		{name: "minutes too big", old: "    minutes: 60\n", new: "    minutes: 99999999999999999999\n", line: 34, want: "minutes must be a whole number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.doc
			if tt.old != "" {
				doc = edit(t, tt.old, tt.new)
			}
			f, err := ParseFramework("uji.yaml", []byte(doc))
			if err == nil {
				t.Fatalf("want a problem %q on line %d, got a valid framework %+v", tt.want, tt.line, f)
			}
			if f != nil {
				t.Errorf("a framework with problems must not be returned")
			}
			ps := problemsOf(t, err)
			if !hasProblem(ps, tt.line, tt.want) {
				t.Errorf("want a problem on line %d containing %q; got:\n%v", tt.line, tt.want, err)
			}
			for _, p := range ps {
				if p.File != "uji.yaml" {
					t.Errorf("problem without the file name: %+v", p)
				}
				if !strings.Contains(p.Text("en"), " — ") || !strings.Contains(p.Text("id"), " — ") {
					t.Errorf("every problem says what is wrong — what to fix, in both languages: %+v", p)
				}
				if p.Text("en") == p.Text("id") {
					t.Errorf("the Indonesian message is missing: %+v", p)
				}
			}
		})
	}
}

func TestParseFrameworkNoDimensions(t *testing.T) {
	start := strings.Index(baseYAML, "dimensions:")
	end := strings.Index(baseYAML, "agenda:")
	for _, doc := range []string{
		baseYAML[:start] + baseYAML[end:],
		baseYAML[:start] + "dimensions: []\n" + baseYAML[end:],
	} {
		_, err := ParseFramework("uji.yaml", []byte(doc))
		ps := problemsOf(t, err)
		if len(ps) != 1 || !strings.Contains(ps[0].Text("en"), "the framework has no dimensions") {
			t.Errorf("want exactly the no-dimensions problem, got:\n%v", err)
		}
	}
}

// TestParseFrameworkAllProblemsAtOnce checks that one pass reports every
// problem of a file, in line order, one line each.
func TestParseFrameworkAllProblemsAtOnce(t *testing.T) {
	doc := `key: Uji
name: {en: Test}
scale:
  - value: 1
    label: {id: Rendah}
  - value: 3
    label: {id: Tinggi}
bands:
  - min: 2
    predikat: {id: Baik}
dimensions:
  - key: governance
    name: {id: Tata Kelola}
    target: 9
    weight: 0
    elements: []
  - key: governance
    nmae: {id: Lagi}
    target: 2
    elements:
      - key: governance.e
        name: {id: E}
        indicators: []
agenda:
  - key: opening
    kind: lunch
    name: {id: Makan}
    minutes: 0
`
	want := []struct {
		line int
		msg  string
	}{
		{1, `key "Uji" is not valid`},
		{2, "the framework has no Indonesian name"},
		{3, "the scale values 1, 3 are not consecutive"},
		{8, "the bands do not cover scores from 1 up to 2"},
		{14, "has target 9, outside the scale 1–3"},
		{15, "weight is 0"},
		{16, `dimension "governance" has no elements`},
		{17, `key "governance" is already used (line 12)`},
		{17, `dimension "governance" has no Indonesian name`},
		{18, `unknown field "nmae" — did you mean "name"?`},
		{23, `element "governance.e" has no indicators`},
		{26, `unknown kind "lunch"`},
		{28, "has 0 minutes"},
	}
	_, err := ParseFramework("semua.yaml", []byte(doc))
	ps := problemsOf(t, err)
	for _, w := range want {
		if !hasProblem(ps, w.line, w.msg) {
			t.Errorf("missing problem on line %d: %q", w.line, w.msg)
		}
	}
	if len(ps) != len(want) {
		t.Errorf("want %d problems, got %d:\n%v", len(want), len(ps), err)
	}
	for i := 1; i < len(ps); i++ {
		if ps[i].Line < ps[i-1].Line {
			t.Errorf("problems are not in line order: %d after %d", ps[i].Line, ps[i-1].Line)
		}
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(ps) {
		t.Fatalf("Error() must print one problem per line: %d lines for %d problems", len(lines), len(ps))
	}
	for i, l := range lines {
		if prefix := fmt.Sprintf("semua.yaml:%d: ", ps[i].Line); !strings.HasPrefix(l, prefix) {
			t.Errorf("line %q does not start with %q", l, prefix)
		}
	}
	var fe *FrameworkError
	errors.As(err, &fe)
	if id := fe.In("id"); !strings.Contains(id, "semua.yaml:28: fase \"opening\" berdurasi 0 menit") {
		t.Errorf("Indonesian rendering wrong:\n%s", id)
	}
}

func TestParseFrameworkAccepts(t *testing.T) {
	tests := []struct {
		name  string
		doc   string
		check func(*Framework) error
	}{
		{"byte order mark and CRLF", "\xef\xbb\xbf" + strings.ReplaceAll(baseYAML, "\n", "\r\n"), func(f *Framework) error {
			if f.Key != "uji" || f.ItemCount() != 2 {
				return fmt.Errorf("decoded %q with %d items", f.Key, f.ItemCount())
			}
			return nil
		}},
		{"plain string as Indonesian name", strings.Replace(baseYAML, "    name: {id: Layanan}\n", "    name: Layanan Publik\n", 1), func(f *Framework) error {
			if got := f.Dimensions[0].Elements[0].Name; got != (Text{ID: "Layanan Publik"}) {
				return fmt.Errorf("name %+v", got)
			}
			return nil
		}},
		{"quoted numbers", strings.Replace(strings.Replace(baseYAML, "    target: 2.5\n", "    target: \"2.5\"\n", 1), "    minutes: 60\n", "    minutes: '60'\n", 1), func(f *Framework) error {
			if f.Dimensions[0].Target != 2.5 || f.Agenda[0].Minutes != 60 {
				return fmt.Errorf("target %v minutes %v", f.Dimensions[0].Target, f.Agenda[0].Minutes)
			}
			return nil
		}},
		{"anchors, aliases and merge keys", strings.Replace(strings.Replace(baseYAML, "    name: {id: Tata Kelola, en: Governance}\n", "    name: &tk {id: Tata Kelola, en: Governance}\n", 1),
			"    name: {id: Penilaian, en: Assessment}\n", "    name: *tk\n", 1) + "", func(f *Framework) error {
			if f.Agenda[0].Name != (Text{ID: "Tata Kelola", EN: "Governance"}) {
				return fmt.Errorf("alias not resolved: %+v", f.Agenda[0].Name)
			}
			return nil
		}},
		{"merge key fills in fields", strings.Replace(baseYAML, "          - key: governance.layanan.2\n            name: {id: Layanan terpadu}\n            weight: 2\n",
			"          - &ind2 {key: governance.layanan.2, name: {id: Layanan terpadu}, weight: 2}\n          - <<: *ind2\n            key: governance.layanan.3\n", 1), func(f *Framework) error {
			in := f.Dimensions[0].Elements[0].Indicators
			if len(in) != 3 || in[2].Key != "governance.layanan.3" || in[2].Weight != 2 || in[2].Name.ID != "Layanan terpadu" {
				return fmt.Errorf("merge wrong: %+v", in)
			}
			return nil
		}},
		{"literal block description", strings.Replace(baseYAML, "    target: 2.5\n", "    target: 2.5\n    description:\n      id: |\n        Baris satu.\n        Baris dua.\n", 1), func(f *Framework) error {
			if got := f.Dimensions[0].Description.ID; got != "Baris satu.\nBaris dua." {
				return fmt.Errorf("description %q", got)
			}
			return nil
		}},
		{"non-Latin names", strings.Replace(baseYAML, "    name: {id: Layanan}\n", "    name: {id: \"ꦭꦪꦤꦤ꧀ 服务 خدمة\"}\n", 1), func(f *Framework) error {
			if got := f.Dimensions[0].Elements[0].Name.ID; got != "ꦭꦪꦤꦤ꧀ 服务 خدمة" {
				return fmt.Errorf("name %q", got)
			}
			return nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFramework("ok.yaml", []byte(tt.doc))
			if err != nil {
				t.Fatalf("want valid, got:\n%v", err)
			}
			if err := tt.check(f); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestParseFrameworkLinesWithCRLF(t *testing.T) {
	doc := strings.ReplaceAll(edit(t, "    minutes: 60\n", "    minutes: 0\n"), "\n", "\r\n")
	_, err := ParseFramework("crlf.yaml", []byte("\xef\xbb\xbf"+doc))
	if ps := problemsOf(t, err); !hasProblem(ps, 34, "has 0 minutes") {
		t.Errorf("a CRLF file with a BOM must keep its line numbers:\n%v", err)
	}
}

func TestParseFrameworkAliasBombIsBounded(t *testing.T) {
	// 100 aliases at each of three list levels would expand to a million
	// indicators with the same key.
	rep := func(alias string) string {
		return "[" + strings.TrimSuffix(strings.Repeat(alias+", ", 100), ", ") + "]"
	}
	doc := edit(t, "dimensions:\n", "x-ind: &ind {key: i, name: n}\n"+
		"x-el: &el {key: e, name: n, indicators: "+rep("*ind")+"}\n"+
		"x-dim: &dim {key: d, name: n, target: 2, elements: "+rep("*el")+"}\n"+
		"dimensions: "+rep("*dim")+"\nold-dimensions:\n")
	_, err := ParseFramework("bomb.yaml", []byte(doc))
	ps := problemsOf(t, err)
	if len(ps) > maxProblems+1 {
		t.Errorf("%d problems: a report must stay bounded", len(ps))
	}
	if !strings.Contains(err.Error(), "more than 20000 list entries") || !strings.Contains(ps[len(ps)-1].Text("en"), "more problems are not shown") {
		t.Errorf("want the size limit and the cut-off note, got %d problems ending with %v", len(ps), ps[len(ps)-1])
	}
}

func TestValidateCodeBuilt(t *testing.T) {
	tests := []struct {
		name   string
		change func(f *Framework)
		want   string
	}{
		{"valid as built", func(f *Framework) {}, ""},
		{"zero weights mean 1", func(f *Framework) { f.Dimensions[0].Weight = 0; f.Dimensions[0].Elements[0].Indicators[0].Weight = 0 }, ""},
		{"negative weight", func(f *Framework) { f.Dimensions[1].Elements[2].Weight = -2 }, `element "branding.e3" has weight -2`},
		{"NaN weight", func(f *Framework) { f.Dimensions[1].Elements[2].Indicators[0].Weight = math.NaN() }, "has weight NaN"},
		{"no elements", func(f *Framework) { f.Dimensions[2].Elements = nil }, `dimension "economy" has no elements`},
		{"no indicators", func(f *Framework) { f.Dimensions[2].Elements[1].Indicators = nil }, `element "economy.e2" has no indicators`},
		{"duplicate indicator", func(f *Framework) { f.Dimensions[3].Elements[0].Indicators[0].Key = "governance.e1.1" }, `key "governance.e1.1" is already used (indicator "governance.e1.1")`},
		{"duplicate element", func(f *Framework) { f.Dimensions[3].Elements[0].Key = "governance.e1" }, `is already used (element "governance.e1")`},
		{"no target", func(f *Framework) { f.Dimensions[0].Target = 0 }, `dimension "governance" has no target`},
		{"target above", func(f *Framework) { f.Dimensions[0].Target = 5.5 }, "outside the scale 1–5"},
		{"unknown kind", func(f *Framework) { f.Agenda[2].Kind = "coffee" }, `unknown kind "coffee"`},
		{"no minutes", func(f *Framework) { f.Agenda[2].Minutes = 0 }, `phase "briefing" has no minutes`},
		{"bands uncovered", func(f *Framework) { f.Bands = f.Bands[1:] }, "do not cover scores from 1 up to 1.8"},
		{"duplicate level", func(f *Framework) { f.Scale[4].Value = 4 }, "level value 4 appears twice (level #4)"},
		{"no agenda", func(f *Framework) { f.Agenda = nil }, "the agenda has no phases"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ScaleFramework()
			tt.change(f)
			ps := f.Validate()
			if tt.want == "" {
				if len(ps) != 0 {
					t.Fatalf("want valid, got %v", ps)
				}
				return
			}
			found := false
			for _, p := range ps {
				found = found || strings.Contains(p.Text("en"), tt.want)
				if p.Line != 0 || p.File != "" {
					t.Errorf("a code-built framework has no file or lines: %+v", p)
				}
			}
			if !found {
				t.Errorf("want %q, got %v", tt.want, ps)
			}
		})
	}
}

func TestMarshalFrameworkRoundTrip(t *testing.T) {
	tricky := ScaleFramework()
	tricky.Key = "tricky-1.0"
	tricky.Description = Text{ID: "Baris satu\nbaris dua: dengan titik dua", EN: "line one\n  indented # not a comment"}
	tricky.Dimensions[0].Name = Text{ID: "yes", EN: "123"}
	tricky.Dimensions[0].Weight = 1.5
	tricky.Dimensions[0].Target = 3.75
	tricky.Dimensions[1].Elements[0].Name = Text{ID: "- bukan daftar", EN: "'quoted' \"double\""}
	tricky.Dimensions[1].Elements[0].Indicators[0].Name = Text{ID: "ꦭꦪꦤꦤ꧀ 服务 خدمة", EN: "null"}
	tricky.Dimensions[1].Elements[0].Indicators[1].Weight = 0.25
	tricky.Dimensions[2].Elements[1].Description = Text{ID: "~", EN: "@at &amp *star !bang %pct"}
	tricky.Bands[2].Min = 2.65

	for _, f := range []*Framework{ScaleFramework(), tricky} {
		t.Run(f.Key, func(t *testing.T) {
			if ps := f.Validate(); len(ps) > 0 {
				t.Fatalf("fixture invalid: %v", ps)
			}
			out, err := MarshalFramework(f)
			if err != nil {
				t.Fatal(err)
			}
			back, err := ParseFramework("roundtrip.yaml", out)
			if err != nil {
				t.Fatalf("the marshalled framework does not parse:\n%v\n%s", err, out)
			}
			if !reflect.DeepEqual(f, back) {
				t.Errorf("round trip changed the framework:\n%s", out)
			}
		})
	}
}

func TestScaleFixture(t *testing.T) {
	f := ScaleFramework()
	if ps := f.Validate(); len(ps) != 0 {
		t.Fatalf("ScaleFramework is invalid: %v", ps)
	}
	if f.ItemCount() != 90 || len(f.Dimensions) != 6 {
		t.Fatalf("want 6 dimensions and 90 indicators, got %d and %d", len(f.Dimensions), f.ItemCount())
	}
	for _, d := range f.Dimensions {
		if len(d.Elements) != 5 {
			t.Errorf("%s: %d elements", d.Key, len(d.Elements))
		}
		for _, e := range d.Elements {
			if len(e.Indicators) != 3 {
				t.Errorf("%s: %d indicators", e.Key, len(e.Indicators))
			}
		}
	}
	opds := ScaleOPDs(80)
	codes := map[string]bool{}
	for i, o := range opds {
		if o.ID != int64(i+1) || !o.Present || o.Name == "" || codes[o.Code] {
			t.Errorf("OPD %d: %+v", i, o)
		}
		codes[o.Code] = true
	}
	if len(opds) != 80 || len(ScaleOPDs(0)) != 0 || len(ScaleOPDs(-1)) != 0 {
		t.Errorf("ScaleOPDs counts wrong")
	}

	a := ScaleSheets(f, opds, 1)
	if !reflect.DeepEqual(a, ScaleSheets(f, opds, 1)) {
		t.Fatal("the same seed must give the same sheets")
	}
	if reflect.DeepEqual(a, ScaleSheets(f, opds, 2)) {
		t.Error("another seed must give other sheets")
	}
	var unanswered, na, levels int
	seen := map[int]bool{}
	for _, o := range opds {
		s := a[o.ID]
		for _, d := range f.Dimensions {
			for _, in := range d.Indicators() {
				ans, ok := s[in.Key]
				switch {
				case !ok:
					unanswered++
				case ans.NA:
					na++
				case ans.Level < 1 || ans.Level > 5:
					t.Fatalf("level %d outside the scale", ans.Level)
				default:
					levels++
					seen[ans.Level] = true
				}
			}
		}
	}
	total := float64(80 * 90)
	if r := float64(unanswered) / total; r < 0.08 || r > 0.12 {
		t.Errorf("unanswered share %.3f, want about 0.10", r)
	}
	if r := float64(na) / total; r < 0.02 || r > 0.04 {
		t.Errorf("N/A share %.3f, want about 0.03", r)
	}
	if len(seen) != 5 {
		t.Errorf("every level should occur, saw %v", seen)
	}
}

// FuzzParseFramework: whatever a framework file holds, ParseFramework never
// panics; it refuses with a *FrameworkError or returns a framework that
// validates and has a predikat for every level of its scale. Seeds (the
// built-in frameworks among them): testdata/fuzz/FuzzParseFramework.
func FuzzParseFramework(f *testing.F) {
	f.Add([]byte(baseYAML))
	f.Add([]byte("key: [\n"))
	f.Add([]byte("a: &a [*a]\n<<: *a\n"))
	f.Add([]byte("dimensions: {x: 1}\nscale: 5\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fw, err := ParseFramework("fuzz.yaml", data)
		if err == nil {
			if ps := fw.Validate(); len(ps) > 0 {
				t.Fatalf("a parsed framework must validate: %v", ps)
			}
			for _, l := range fw.Scale {
				if _, ok := fw.Predikat(float64(l.Value)); !ok {
					t.Fatalf("level %d of an accepted framework has no predikat", l.Value)
				}
			}
			return
		}
		var fe *FrameworkError
		if !errors.As(err, &fe) || len(fe.Problems) == 0 {
			t.Fatalf("want a FrameworkError with problems, got %v", err)
		}
	})
}

func BenchmarkParseFramework(b *testing.B) {
	out, err := MarshalFramework(ScaleFramework())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := ParseFramework("scale.yaml", out); err != nil {
			b.Fatal(err)
		}
	}
}
