package workshop

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bimtek/bimtek/i18n"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Problem is one thing wrong with an input (a framework file, an OPD CSV,
// a typed value), as a code of the catalogue (package i18n) with its
// arguments, said in the UI language by In as "what is wrong — what to
// fix". Line is 1-based; 0 when unknown (a framework built in code, or a
// problem about the whole file).
type Problem struct {
	File string
	Line int
	Code string
	Args []any
}

// Text is the problem itself in lang ("en" for English, anything else
// for Bahasa Indonesia, the UI default), without file and line.
func (p Problem) Text(lang string) string { return i18n.T(lang, p.Code, p.Args...) }

// In renders the problem as "file:line: message" in lang.
func (p Problem) In(lang string) string {
	m := p.Text(lang)
	switch {
	case p.File != "" && p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, m)
	case p.File != "":
		return p.File + ": " + m
	case p.Line > 0:
		return i18n.T(lang, "fw.line_prefix", p.Line, m)
	}
	return m
}

// String is the English rendering.
func (p Problem) String() string { return p.In("en") }

func renderProblems(ps []Problem, lang string) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.In(lang))
	}
	return b.String()
}

// FrameworkError lists every problem found in a framework file, one per
// line, in file order.
type FrameworkError struct {
	Problems []Problem
}

// Error prints one "file:line: what is wrong — what to fix" per line, in
// English; use In for the UI language.
func (e *FrameworkError) Error() string { return renderProblems(e.Problems, "en") }

// In renders the problems in lang ("en" or Indonesian).
func (e *FrameworkError) In(lang string) string { return renderProblems(e.Problems, lang) }

// keyPattern is the shape of every key: stable, lowercase, safe in file
// names, CSV columns and URLs.
var keyPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]*$`)

// minScale and maxScale bound level values: 0 means "unanswered" in an
// Answer, and the grid sets a level with one digit key.
const (
	minScale = 1
	maxScale = 9
)

// Limits of a framework: every screen is drawn and tested at them (a
// dozen dimensions fit the scoreboard's heatmap and the radar at 80x24; a
// dozen elements of a dozen indicators make 1,728 items, which the grid
// scrolls through), and a file within them is a few hundred KB.
const (
	MaxDimensions       = 12
	MaxElements         = 12 // per dimension
	MaxIndicators       = 12 // per element
	MaxPhases           = 12
	MaxPhaseMinutes     = 600
	MaxKeyRunes         = 64
	MaxNameRunes        = 200 // framework, dimension, element and indicator names (an indicator is a statement)
	MaxLabelRunes       = 40  // level labels and predikat
	MaxDescriptionRunes = 1000
	MaxFrameworkBytes   = 1 << 20
	maxFlowNesting      = 20  // [ and { inside each other
	maxIndentColumns    = 120 // the deepest block indentation
)

// reservedDimensionKeys are the dimension keys the exports already use for
// something else: the city index row of city_summary.csv and the columns
// of opd_dimensions.csv, where every dimension key is a column.
var reservedDimensionKeys = []string{"index", "overall", "predikat", "completion", "opd_code", "opd_name"}

// checker collects problems. For a parsed file it knows the line of every
// path ("dimensions[1].elements[0].key"), which fields were written, and
// which were already reported as malformed (so one mistake is reported
// once).
type checker struct {
	file    string
	parsed  bool
	lines   map[string]int
	written map[string]bool
	broken  map[string]bool
	probs   []Problem
	dropped int
}

// sorted returns the problems in line order, with a closing note when some
// were left out.
func (c *checker) sorted() []Problem {
	sort.SliceStable(c.probs, func(i, j int) bool { return c.probs[i].Line < c.probs[j].Line })
	if c.dropped > 0 {
		c.probs = append(c.probs, Problem{File: c.file, Code: "fw.more_problems_not_shown", Args: []any{c.dropped}})
		c.dropped = 0
	}
	return c.probs
}

func newChecker(file string, parsed bool) *checker {
	return &checker{file: file, parsed: parsed, lines: map[string]int{}, written: map[string]bool{}, broken: map[string]bool{}}
}

// maxProblems bounds a report: past it a file is better fixed in rounds
// (and a hostile file cannot print forever).
const maxProblems = 500

func (c *checker) add(line int, code string, args ...any) {
	if len(c.probs) >= maxProblems {
		c.dropped++
		return
	}
	c.probs = append(c.probs, Problem{File: c.file, Line: line, Code: code, Args: args})
}

// input adds a refused value (an *InputError from CheckText and its
// kin) as a problem on line.
func (c *checker) input(line int, err error) {
	ie, ok := err.(*InputError)
	if !ok {
		c.add(line, "fw.error_text", err.Error())
		return
	}
	if len(c.probs) >= maxProblems {
		c.dropped++
		return
	}
	c.probs = append(c.probs, ie.Problem(c.file, line))
}

// line returns the line of the first path that has one.
func (c *checker) line(paths ...string) int {
	for _, p := range paths {
		if l := c.lines[p]; l > 0 {
			return l
		}
	}
	return 0
}

// ok is false when the walk already reported path as malformed.
func (c *checker) ok(path string) bool { return !c.broken[path] }

// ref names an earlier item: its line when known, else its description.
func (c *checker) ref(path string, desc any) any {
	if l := c.lines[path]; l > 0 {
		return i18n.M("fw.at_line", l)
	}
	return desc
}

func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func join(p, field string) string {
	if p == "" {
		return field
	}
	return p + "." + field
}

func idx(p, field string, i int) string { return fmt.Sprintf("%s[%d]", join(p, field), i) }

// Validate checks a framework built in code against the same rules as a
// framework file (without line numbers). A zero weight there means "left
// out" (1); only negative or non-finite weights are problems. It returns
// nil when the framework is valid.
func (f *Framework) Validate() []Problem {
	c := newChecker("", false)
	c.check(f)
	return c.probs
}

// seenKey remembers where a key was first used.
type seenKey struct {
	path string
	desc any
}

func (c *checker) key(key, path, item string, what, example any, seen map[string]seenKey) {
	kp := join(item, "key")
	if !c.ok(kp) {
		return
	}
	line := c.line(kp, item)
	switch {
	case key == "":
		c.add(line, "fw.no_key", what, example)
	case utf8.RuneCountInString(key) > MaxKeyRunes:
		c.add(line, "fw.key_characters_long", what, key, utf8.RuneCountInString(key), MaxKeyRunes)
	case !keyPattern.MatchString(key):
		c.add(line, "fw.key_not_valid", what, key, example)
	default:
		if prev, dup := seen[key]; dup {
			c.add(line, "fw.key_already_used", what, key, c.ref(join(prev.path, "key"), prev.desc))
			return
		}
		seen[key] = seenKey{path, what}
	}
}

func (c *checker) name(t Text, item string, what any) {
	np := join(item, "name")
	if !c.ok(np) || !c.ok(join(np, "id")) {
		return
	}
	if strings.TrimSpace(t.ID) == "" {
		c.add(c.line(join(np, "id"), np, item), "fw.no_indonesian_name", what)
	}
}

// text checks both languages of a text at item.field: no control
// characters (a description may hold line breaks and tabs), at most limit
// characters.
func (c *checker) text(t Text, item, field string, what any, limit int, lines bool) {
	tp := join(item, field)
	if !c.ok(tp) {
		return
	}
	fw := field
	for _, part := range []struct{ lang, v string }{{"id", t.ID}, {"en", t.EN}} {
		pp := join(tp, part.lang)
		if !c.ok(pp) {
			continue
		}
		line := c.line(pp, tp, item)
		bad := false
		for _, r := range part.v {
			if lines && (r == '\n' || r == '\t' || r == '\r') {
				continue
			}
			if r == '\n' || r == '\t' || r == '\r' {
				c.add(line, "fw.holds_tab_or_line_break", what, fw, part.lang)
				bad = true
			} else if Unsafe(r) {
				c.add(line, "fw.contains_control_character_which_terminal", what, fw, part.lang, escapeRune(r))
				bad = true
			}
			if bad {
				break
			}
		}
		if n := utf8.RuneCountInString(part.v); !bad && n > limit {
			c.add(line, "fw.characters_long", what, fw, part.lang, n, limit)
		}
	}
}

// texts checks the name and the description of an item.
func (c *checker) texts(name, desc Text, item string, what any) {
	c.text(name, item, "name", what, MaxNameRunes, false)
	c.text(desc, item, "description", what, MaxDescriptionRunes, true)
}

// count reports a list longer than its limit, once, at the list.
func (c *checker) count(n, limit int, path, item string, what, of any) {
	if n > limit {
		c.add(c.line(path, item), "fw.too_many", what, n, of, limit)
	}
}

func (c *checker) weight(w float64, item string, what any) {
	wp := join(item, "weight")
	if !c.ok(wp) {
		return
	}
	if w < 0 || !finite(w) {
		c.add(c.line(wp, item), "fw.weight_not_positive", what, num(w))
	}
}

func (c *checker) check(f *Framework) {
	what := i18n.M("fw.the_framework")
	c.key(f.Key, "", "", what, i18n.M("fw.example.framework_key"), map[string]seenKey{})
	c.name(f.Name, "", what)
	c.texts(f.Name, f.Description, "", what)
	c.count(len(f.Dimensions), MaxDimensions, "dimensions", "", what, i18n.M("fw.noun.dimensions"))
	lo, hi, scaleOK := c.checkScale(f)
	c.checkBands(f, lo, hi, scaleOK)

	if len(f.Dimensions) == 0 {
		if c.ok("dimensions") {
			c.add(c.line("dimensions"), "fw.framework_no_dimensions")
		}
	}
	dims := map[string]seenKey{}
	els := map[string]seenKey{}
	inds := map[string]seenKey{}
	for i := range f.Dimensions {
		d := &f.Dimensions[i]
		dp := idx("", "dimensions", i)
		if c.broken[dp] {
			continue
		}
		dw := i18n.M("fw.dimension_nth", i+1)
		if d.Key != "" {
			dw = i18n.M("fw.dimension_key", d.Key)
		}
		c.key(d.Key, dp, dp, dw, i18n.M("fw.example.dimension_key"), dims)
		if contains(reservedDimensionKeys, d.Key) {
			c.add(c.line(join(dp, "key"), dp), "fw.key_taken_by_exports_city", dw, d.Key, strings.Join(reservedDimensionKeys, ", "))
		}
		c.name(d.Name, dp, dw)
		c.texts(d.Name, d.Description, dp, dw)
		c.count(len(d.Elements), MaxElements, join(dp, "elements"), dp, dw, i18n.M("fw.noun.elements"))
		c.weight(d.Weight, dp, dw)
		c.target(d.Target, dp, dw, lo, hi, scaleOK)
		ep := join(dp, "elements")
		if len(d.Elements) == 0 && c.ok(ep) {
			c.add(c.line(ep, dp), "fw.no_elements", dw)
		}
		for j := range d.Elements {
			e := &d.Elements[j]
			eip := idx(dp, "elements", j)
			if c.broken[eip] {
				continue
			}
			ew := i18n.M("fw.element_nth", j+1, dw)
			if e.Key != "" {
				ew = i18n.M("fw.element_key", e.Key)
			}
			c.key(e.Key, eip, eip, ew, i18n.M("fw.example.element_key"), els)
			c.name(e.Name, eip, ew)
			c.texts(e.Name, e.Description, eip, ew)
			c.count(len(e.Indicators), MaxIndicators, join(eip, "indicators"), eip, ew, i18n.M("fw.noun.indicators"))
			c.weight(e.Weight, eip, ew)
			ip := join(eip, "indicators")
			if len(e.Indicators) == 0 && c.ok(ip) {
				c.add(c.line(ip, eip), "fw.no_indicators", ew)
			}
			for k := range e.Indicators {
				in := &e.Indicators[k]
				iip := idx(eip, "indicators", k)
				if c.broken[iip] {
					continue
				}
				iw := i18n.M("fw.indicator_nth", k+1, ew)
				if in.Key != "" {
					iw = i18n.M("fw.indicator_key", in.Key)
				}
				c.key(in.Key, iip, iip, iw, i18n.M("fw.example.indicator_key"), inds)
				c.name(in.Name, iip, iw)
				c.texts(in.Name, in.Description, iip, iw)
				c.weight(in.Weight, iip, iw)
			}
		}
	}
	c.checkAgenda(f)
}

// checkScale reports scale problems and returns its ends; ok is false
// when the scale is unusable for range checks.
func (c *checker) checkScale(f *Framework) (lo, hi int, ok bool) {
	if !c.ok("scale") {
		return 0, 0, false
	}
	if len(f.Scale) == 0 {
		c.add(c.line("scale"), "fw.scale_no_levels")
		return 0, 0, false
	}
	ok = true
	seen := map[int]int{}
	var values []int
	for i, l := range f.Scale {
		lp := idx("", "scale", i)
		if c.broken[lp] {
			ok = false
			continue
		}
		vp := join(lp, "value")
		lw := i18n.M("fw.level_nth", i+1)
		if c.ok(vp) {
			if c.parsed && !c.written[vp] {
				c.add(c.line(vp, lp), "fw.no_value", lw)
				ok = false
			} else if l.Value < minScale || l.Value > maxScale {
				c.add(c.line(vp, lp), "fw.level_value_outside_1_9", l.Value)
				ok = false
			} else if prev, dup := seen[l.Value]; dup {
				c.add(c.line(vp, lp), "fw.level_value_appears_twice", l.Value, c.ref(join(idx("", "scale", prev), "value"), i18n.M("fw.level_nth", prev+1)))
				ok = false
			} else {
				seen[l.Value] = i
				values = append(values, l.Value)
			}
		} else {
			ok = false
		}
		c.text(l.Label, lp, "label", lw, MaxLabelRunes, false)
		c.text(l.Description, lp, "description", lw, MaxDescriptionRunes, true)
		lbp := join(lp, "label")
		if c.ok(lbp) && c.ok(join(lbp, "id")) && strings.TrimSpace(l.Label.ID) == "" {
			c.add(c.line(join(lbp, "id"), lbp, lp), "fw.level_no_indonesian_label", l.Value)
		}
	}
	if len(values) == 0 {
		return 0, 0, false
	}
	sort.Ints(values)
	lo, hi = values[0], values[len(values)-1]
	if ok && hi-lo+1 != len(values) {
		strs := make([]string, len(values))
		for i, v := range values {
			strs[i] = strconv.Itoa(v)
		}
		c.add(c.line("scale"), "fw.scale_values_not_consecutive_whole", strings.Join(strs, ", "))
	}
	return lo, hi, ok
}

func (c *checker) checkBands(f *Framework, lo, hi int, scaleOK bool) {
	if !c.ok("bands") {
		return
	}
	if len(f.Bands) == 0 {
		c.add(c.line("bands"), "fw.there_no_predikat_bands")
		return
	}
	seen := map[float64]string{}
	lowest := math.Inf(1)
	allOK := true
	for i, b := range f.Bands {
		bp := idx("", "bands", i)
		if c.broken[bp] {
			allOK = false
			continue
		}
		mp := join(bp, "min")
		bw := i18n.M("fw.band_nth", i+1)
		if b.Predikat.ID != "" {
			bw = i18n.M("fw.band_key", b.Predikat.ID)
		}
		if c.ok(mp) {
			switch {
			case c.parsed && !c.written[mp]:
				c.add(c.line(mp, bp), "fw.no_min", bw)
				allOK = false
			case !finite(b.Min):
				c.add(c.line(mp, bp), "fw.min_not_number", bw, num(b.Min))
				allOK = false
			case scaleOK && (b.Min < float64(lo) || b.Min > float64(hi)):
				c.add(c.line(mp, bp), "fw.starts_at_outside_scale", bw, num(b.Min), lo, hi, lo, hi)
				allOK = false
			default:
				if prev, dup := seen[b.Min]; dup {
					c.add(c.line(mp, bp), "fw.two_bands_start_at", num(b.Min), c.ref(prev, i18n.M("fw.another_band")))
				} else {
					seen[b.Min] = mp
				}
				lowest = math.Min(lowest, b.Min)
			}
		} else {
			allOK = false
		}
		c.text(b.Predikat, bp, "predikat", bw, MaxLabelRunes, false)
		pp := join(bp, "predikat")
		if c.ok(pp) && c.ok(join(pp, "id")) && strings.TrimSpace(b.Predikat.ID) == "" {
			c.add(c.line(join(pp, "id"), pp, bp), "fw.no_indonesian_predikat", bw)
		}
	}
	if scaleOK && allOK && lowest > float64(lo) {
		c.add(c.line("bands"), "fw.bands_do_not_cover_scores", lo, num(lowest), lo)
	}
}

func (c *checker) target(t float64, dp string, dw any, lo, hi int, scaleOK bool) {
	tp := join(dp, "target")
	if !c.ok(tp) {
		return
	}
	line := c.line(tp, dp)
	switch {
	case t == 0 && !(c.parsed && c.written[tp]):
		c.add(line, "fw.no_target", dw)
	case !finite(t):
		c.add(line, "fw.target_not_number", dw, num(t))
	case scaleOK && (t < float64(lo) || t > float64(hi)):
		c.add(line, "fw.target_outside_scale", dw, num(t), lo, hi, lo, hi)
	}
}

func kindList() string {
	s := make([]string, len(PhaseKinds))
	for i, k := range PhaseKinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

func (c *checker) checkAgenda(f *Framework) {
	if !c.ok("agenda") {
		return
	}
	if len(f.Agenda) == 0 {
		c.add(c.line("agenda"), "fw.agenda_no_phases", kindList())
		return
	}
	c.count(len(f.Agenda), MaxPhases, "agenda", "", i18n.M("fw.the_agenda"), i18n.M("fw.noun.phases"))
	seen := map[string]seenKey{}
	for i, p := range f.Agenda {
		pp := idx("", "agenda", i)
		if c.broken[pp] {
			continue
		}
		pw := i18n.M("fw.phase_nth", i+1)
		if p.Key != "" {
			pw = i18n.M("fw.phase_key", p.Key)
		}
		c.key(p.Key, pp, pp, pw, i18n.M("fw.example.phase_key"), seen)
		c.name(p.Name, pp, pw)
		c.text(p.Name, pp, "name", pw, MaxLabelRunes, false)
		kp := join(pp, "kind")
		if c.ok(kp) {
			known := false
			for _, k := range PhaseKinds {
				known = known || p.Kind == k
			}
			switch {
			case p.Kind == "":
				c.add(c.line(kp, pp), "fw.no_kind", pw, kindList())
			case !known:
				c.add(c.line(kp, pp), "fw.unknown_kind", pw, string(p.Kind), kindList())
			}
		}
		mp := join(pp, "minutes")
		if c.ok(mp) {
			switch {
			case p.Minutes == 0 && !(c.parsed && c.written[mp]):
				c.add(c.line(mp, pp), "fw.no_minutes", pw)
			case p.Minutes <= 0:
				c.add(c.line(mp, pp), "fw.minutes_not_positive", pw, p.Minutes)
			case p.Minutes > MaxPhaseMinutes:
				c.add(c.line(mp, pp), "fw.minutes_too_many", pw, p.Minutes, MaxPhaseMinutes)
			}
		}
	}
}

// --- parsing -------------------------------------------------------------

// maxItems bounds the list entries a file may expand to (aliases can
// repeat a list many times over).
const maxItems = 20000

// ParseFramework reads a framework file (YAML, the schema of Framework)
// and checks it. name is used in the problems (usually the file path). On
// any problem it returns a *FrameworkError listing all of them with their
// lines, and no framework.
func ParseFramework(name string, data []byte) (*Framework, error) {
	c := newChecker(name, true)
	fail := func() (*Framework, error) { return nil, &FrameworkError{Problems: c.sorted()} }
	// Size and nesting first: the YAML parser's memory grows far faster
	// than the file (100 KB of nested [ took 16 GB).
	if len(data) > MaxFrameworkBytes {
		c.add(0, "fw.file_more_than_framework_can", SizeText(len(data)), SizeText(MaxFrameworkBytes))
		return fail()
	}
	if line, flow, ok := nestingWithin(data); !ok {
		if flow {
			c.add(line, "fw.brackets_or_nest_more_than", maxFlowNesting)
		} else {
			c.add(line, "fw.line_indented_more_than_columns", maxIndentColumns)
		}
		return fail()
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		c.add(invalidUTF8Line(data), "fw.file_not_valid_utf_8")
		return fail()
	}
	if len(bytes.TrimSpace(data)) == 0 {
		c.add(0, "fw.file_empty")
		return fail()
	}
	file, err := parser.ParseBytes(data, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		line, msg := 0, err.Error()
		var ye yaml.Error
		if errors.As(err, &ye) {
			msg = ye.GetMessage()
			if tk := ye.GetToken(); tk != nil && tk.Position != nil {
				line = tk.Position.Line
			}
		}
		msg = Visible(msg)
		c.add(line, "fw.yaml_syntax_error", msg)
		return fail()
	}
	var body ast.Node
	for _, doc := range file.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if body != nil {
			c.add(nodeLine(doc.Body), "fw.file_holds_second_yaml_document")
			break
		}
		body = doc.Body
	}
	if body == nil {
		c.add(0, "fw.file_no_content_only_comments")
		return fail()
	}
	d := &decoder{c: c, anchors: ast.Filter(ast.AnchorType, body)}
	f := d.framework(body)
	c.check(f)
	if len(c.probs) > 0 {
		return fail()
	}
	return f, nil
}

// nestingWithin reports whether data nests within the bounds the parser is
// given: brackets [ { (counted everywhere, quotes and comments included: a
// few extra are harmless, and no quote can hide a real one) and the
// indentation of block lines. When it does not, line is where the bound
// was passed and flow tells which bound.
func nestingWithin(data []byte) (line int, flow, ok bool) {
	depth, col, lineStart := 0, 0, true
	line = 1
	for _, b := range data {
		switch b {
		case '\n':
			line++
			col, lineStart = 0, true
			continue
		case '[', '{':
			depth++
			if depth > maxFlowNesting {
				return line, true, false
			}
		case ']', '}':
			depth = max(0, depth-1)
		}
		if lineStart {
			if b == ' ' || b == '-' {
				col++
				if col > maxIndentColumns {
					return line, false, false
				}
				continue
			}
			lineStart = false
		}
	}
	return 0, false, true
}

// MarshalFramework writes f as YAML in the schema ParseFramework reads.
func MarshalFramework(f *Framework) ([]byte, error) {
	out, err := yaml.MarshalWithOptions(f, yaml.IndentSequence(true), yaml.UseLiteralStyleIfMultiline(true))
	if err != nil {
		return nil, fmt.Errorf("write framework %q as YAML: %w", f.Key, err)
	}
	return out, nil
}

func invalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

func nodeLine(n ast.Node) int {
	if n == nil {
		return 0
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line
	}
	return 0
}

// decoder builds a Framework from the YAML tree, reporting every unknown
// field, repeated key and wrongly typed value with its line.
type decoder struct {
	c       *checker
	anchors []ast.Node
	items   int
	tooBig  bool
}

// Field lists per mapping: the schema of framework.go.
var (
	frameworkFields = []string{"key", "name", "description", "scale", "bands", "dimensions", "agenda"}
	textFields      = []string{"id", "en"}
	levelFields     = []string{"value", "label", "description"}
	bandFields      = []string{"min", "predikat"}
	dimensionFields = []string{"key", "name", "description", "weight", "target", "elements"}
	elementFields   = []string{"key", "name", "description", "weight", "indicators"}
	indicatorFields = []string{"key", "name", "description", "weight"}
	phaseFields     = []string{"key", "kind", "name", "minutes"}
)

// resolve strips anchors, tags and aliases; nil means null or absent.
func (d *decoder) resolve(n ast.Node) ast.Node {
	for range 16 {
		switch v := n.(type) {
		case nil, *ast.NullNode:
			return nil
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		case *ast.MappingKeyNode:
			n = v.Value
		case *ast.AliasNode:
			target := d.anchor(v)
			if target == nil {
				d.c.add(nodeLine(v), "fw.alias_refers_no_anchor", aliasName(v), aliasName(v))
				return nil
			}
			n = target
		default:
			return n
		}
	}
	return nil
}

func aliasName(a *ast.AliasNode) string {
	if a.Value == nil {
		return ""
	}
	return a.Value.GetToken().Value
}

// anchor finds the last anchor of the alias's name defined before it.
func (d *decoder) anchor(a *ast.AliasNode) ast.Node {
	name := aliasName(a)
	pos := a.GetToken().Position.Offset
	var found ast.Node
	for _, n := range d.anchors {
		an, ok := n.(*ast.AnchorNode)
		if !ok || an.Name == nil || an.Name.GetToken().Value != name {
			continue
		}
		if an.GetToken().Position.Offset < pos {
			found = an.Value
		}
	}
	return found
}

func keyText(k ast.Node) string {
	for range 4 {
		switch v := k.(type) {
		case *ast.MappingKeyNode:
			k = v.Value
		case *ast.TagNode:
			k = v.Value
		case *ast.AnchorNode:
			k = v.Value
		case *ast.StringNode:
			return v.Value
		case nil:
			return ""
		default:
			if tk := k.GetToken(); tk != nil {
				return tk.Value
			}
			return k.String()
		}
	}
	return k.String()
}

// field is one mapping entry: the line of its key and its value.
type field struct {
	line int
	val  ast.Node
}

// fields is a decoded mapping at a path.
type fields struct {
	d    *decoder
	path string
	what any
	m    map[string]field
}

// mapping reads n as a mapping of the known fields, reporting unknown and
// repeated keys. ok is false (and the path is marked broken) when n is not
// a mapping.
func (d *decoder) mapping(n ast.Node, path string, what any, known []string) (fields, bool) {
	fs := fields{d: d, path: path, what: what, m: map[string]field{}}
	r := d.resolve(n)
	mn, isMap := r.(*ast.MappingNode)
	if !isMap {
		d.c.broken[path] = true
		d.c.add(nodeLine(n), "fw.must_mapping", what, strings.Join(known, ", "))
		return fs, false
	}
	if path != "" { // the top level: a missing top field is about the whole file
		d.c.lines[path] = nodeLine(mn)
		if len(mn.Values) > 0 {
			d.c.lines[path] = nodeLine(mn.Values[0].Key)
		}
	}
	d.collect(mn, &fs, what, known, map[string]int{}, 0)
	return fs, true
}

func (d *decoder) collect(mn *ast.MappingNode, fs *fields, what any, known []string, seen map[string]int, depth int) {
	var merges []*ast.MappingValueNode
	for _, mv := range mn.Values {
		if mv.Key == nil {
			continue
		}
		if mv.Key.IsMergeKey() {
			merges = append(merges, mv)
			continue
		}
		name := keyText(mv.Key)
		line := nodeLine(mv.Key)
		if prev, dup := seen[name]; dup {
			if depth == 0 {
				d.c.add(line, "fw.field_appears_twice_first_line", what, name, prev)
			}
			continue
		}
		seen[name] = line
		if !contains(known, name) {
			if s := closest(name, known); s != "" {
				d.c.add(line, "fw.unknown_field", what, name, s)
			} else {
				d.c.add(line, "fw.unknown_field_2", what, name, strings.Join(known, ", "))
			}
			continue
		}
		fs.m[name] = field{line: line, val: mv.Value}
		d.c.lines[join(fs.path, name)] = line
	}
	// Merged keys (<<: *anchor) fill in what the mapping did not write.
	for _, mv := range merges {
		if depth > 8 {
			d.c.add(nodeLine(mv.Key), "fw.merge_keys_nest_too_deep", what)
			return
		}
		src := d.resolve(mv.Value)
		var maps []*ast.MappingNode
		switch v := src.(type) {
		case *ast.MappingNode:
			maps = append(maps, v)
		case *ast.SequenceNode:
			for _, x := range v.Values {
				if m, ok := d.resolve(x).(*ast.MappingNode); ok {
					maps = append(maps, m)
				}
			}
		}
		if len(maps) == 0 {
			d.c.add(nodeLine(mv.Key), "fw.merge_key_must_refer_mapping", what)
			continue
		}
		for _, m := range maps {
			d.collect(m, fs, what, known, seen, depth+1)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// closest suggests a known field within two edits of name.
func closest(name string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if dd := editDistance(strings.ToLower(name), k); dd < bestD {
			best, bestD = k, dd
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// named lets later messages about this mapping name it by its key.
func (fs *fields) named(kind, key string) {
	if key != "" {
		fs.what = i18n.M(kind, key)
	}
}

// get returns the resolved value of a field and records that it was
// written; nil when absent or null.
func (fs fields) get(name string) (ast.Node, int) {
	f, ok := fs.m[name]
	if !ok {
		return nil, 0
	}
	v := fs.d.resolve(f.val)
	if v != nil {
		fs.d.c.written[join(fs.path, name)] = true
	}
	return v, f.line
}

func (fs fields) bad(name string, line int, code string, args ...any) {
	fs.d.c.broken[join(fs.path, name)] = true
	fs.d.c.add(line, code, args...)
}

// scalarText is the text of a scalar node.
func scalarText(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		if v.Value == nil {
			return "", true
		}
		return v.Value.Value, true
	case *ast.MappingNode, *ast.SequenceNode:
		return "", false
	default:
		if tk := n.GetToken(); tk != nil {
			return tk.Value, true
		}
		return "", false
	}
}

func (fs fields) str(name string) string {
	v, line := fs.get(name)
	if v == nil {
		return ""
	}
	s, ok := scalarText(v)
	if !ok {
		fs.bad(name, line, "fw.must_text_not_list_or", fs.what, name)
		return ""
	}
	return strings.TrimSpace(s)
}

// text reads a Text mapping {id, en}; a plain string is taken as the
// Indonesian text.
func (fs fields) text(name string) Text {
	v, _ := fs.get(name)
	if v == nil {
		return Text{}
	}
	if s, ok := scalarText(v); ok {
		return Text{ID: strings.TrimSpace(s)}
	}
	p := join(fs.path, name)
	sub, ok := fs.d.mapping(v, p, i18n.M("fw.field_problem", fs.what, name), textFields)
	if !ok {
		return Text{}
	}
	return Text{ID: sub.str("id"), EN: sub.str("en")}
}

// number reads a float; quoted numbers are accepted.
func (fs fields) number(name string) float64 {
	v, line := fs.get(name)
	if v == nil {
		return 0
	}
	var f float64
	var ok bool
	switch n := v.(type) {
	case *ast.IntegerNode:
		switch x := n.Value.(type) {
		case int64:
			f, ok = float64(x), true
		case uint64:
			f, ok = float64(x), true
		}
	case *ast.FloatNode:
		f, ok = n.Value, true
	case *ast.StringNode:
		var err error
		f, err = strconv.ParseFloat(strings.TrimSpace(n.Value), 64)
		ok = err == nil
	}
	if !ok || !finite(f) {
		text, _ := scalarText(v)
		fs.bad(name, line, "fw.must_number_not", fs.what, name, text)
		return 0
	}
	return f
}

// whole reads an integer; quoted whole numbers are accepted.
func (fs fields) whole(name string) int {
	v, line := fs.get(name)
	if v == nil {
		return 0
	}
	var i int64
	var ok bool
	switch n := v.(type) {
	case *ast.IntegerNode:
		switch x := n.Value.(type) {
		case int64:
			i, ok = x, true
		case uint64:
			i, ok = int64(min(x, math.MaxInt32+1)), true
		}
	case *ast.FloatNode:
		if n.Value == math.Trunc(n.Value) && math.Abs(n.Value) < 1e9 {
			i, ok = int64(n.Value), true
		}
	case *ast.StringNode:
		var err error
		i, err = strconv.ParseInt(strings.TrimSpace(n.Value), 10, 64)
		ok = err == nil
	}
	if !ok || i > math.MaxInt32 || i < math.MinInt32 {
		text, _ := scalarText(v)
		fs.bad(name, line, "fw.must_whole_number_not", fs.what, name, text)
		return 0
	}
	return int(i)
}

// weight reads a weight; an explicit 0 is a problem (leaving it out means 1).
func (fs fields) weight() float64 {
	w := fs.number("weight")
	p := join(fs.path, "weight")
	if w == 0 && fs.d.c.written[p] && fs.d.c.ok(p) {
		fs.bad("weight", fs.d.c.lines[p], "fw.weight_zero", fs.what)
	}
	return w
}

// list reads a sequence; each entry is passed to each with its index.
func (fs fields) list(name string, each func(i int, n ast.Node)) {
	v, line := fs.get(name)
	if v == nil {
		return
	}
	seq, ok := v.(*ast.SequenceNode)
	if !ok {
		fs.bad(name, line, "fw.must_list", fs.what, name)
		return
	}
	for i, n := range seq.Values {
		fs.d.items++
		if fs.d.items > maxItems {
			if !fs.d.tooBig {
				fs.d.tooBig = true
				fs.d.c.add(nodeLine(n), "fw.file_expands_more_than_list", maxItems)
			}
			return
		}
		each(i, n)
	}
}

func (d *decoder) framework(n ast.Node) *Framework {
	f := &Framework{}
	top, ok := d.mapping(n, "", i18n.M("fw.top_level_file"), frameworkFields)
	if !ok {
		return f
	}
	f.Key = top.str("key")
	f.Name = top.text("name")
	f.Description = top.text("description")
	top.list("scale", func(i int, n ast.Node) {
		p := idx("", "scale", i)
		f.Scale = append(f.Scale, Level{})
		m, ok := d.mapping(n, p, i18n.M("fw.level_nth", i+1), levelFields)
		if !ok {
			return
		}
		f.Scale[i] = Level{Value: m.whole("value"), Label: m.text("label"), Description: m.text("description")}
	})
	top.list("bands", func(i int, n ast.Node) {
		p := idx("", "bands", i)
		f.Bands = append(f.Bands, Band{})
		m, ok := d.mapping(n, p, i18n.M("fw.band_nth", i+1), bandFields)
		if !ok {
			return
		}
		f.Bands[i] = Band{Min: m.number("min"), Predikat: m.text("predikat")}
	})
	top.list("dimensions", func(i int, n ast.Node) {
		p := idx("", "dimensions", i)
		f.Dimensions = append(f.Dimensions, Dimension{})
		m, ok := d.mapping(n, p, i18n.M("fw.dimension_nth", i+1), dimensionFields)
		if !ok {
			return
		}
		dim := Dimension{Key: m.str("key")}
		m.named("fw.dimension_key", dim.Key)
		dim.Name, dim.Description, dim.Weight, dim.Target = m.text("name"), m.text("description"), m.weight(), m.number("target")
		m.list("elements", func(j int, n ast.Node) {
			ep := idx(p, "elements", j)
			dim.Elements = append(dim.Elements, Element{})
			em, ok := d.mapping(n, ep, i18n.M("fw.element_dimension", j+1, i+1), elementFields)
			if !ok {
				return
			}
			el := Element{Key: em.str("key")}
			em.named("fw.element_key", el.Key)
			el.Name, el.Description, el.Weight = em.text("name"), em.text("description"), em.weight()
			em.list("indicators", func(k int, n ast.Node) {
				ip := idx(ep, "indicators", k)
				el.Indicators = append(el.Indicators, Indicator{})
				im, ok := d.mapping(n, ip, i18n.M("fw.indicator_element_dimension", k+1, j+1, i+1), indicatorFields)
				if !ok {
					return
				}
				in := Indicator{Key: im.str("key")}
				im.named("fw.indicator_key", in.Key)
				in.Name, in.Description, in.Weight = im.text("name"), im.text("description"), im.weight()
				el.Indicators[k] = in
			})
			dim.Elements[j] = el
		})
		f.Dimensions[i] = dim
	})
	top.list("agenda", func(i int, n ast.Node) {
		p := idx("", "agenda", i)
		f.Agenda = append(f.Agenda, Phase{})
		m, ok := d.mapping(n, p, i18n.M("fw.phase_nth", i+1), phaseFields)
		if !ok {
			return
		}
		ph := Phase{Key: m.str("key")}
		m.named("fw.phase_key", ph.Key)
		ph.Kind, ph.Name, ph.Minutes = PhaseKind(m.str("kind")), m.text("name"), m.whole("minutes")
		f.Agenda[i] = ph
	})
	return f
}
