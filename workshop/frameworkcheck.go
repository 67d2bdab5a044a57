package workshop

// The validator of a framework: the rules a framework (a parsed file or
// one built in code) must meet, over the types of framework.go. The
// decoder (frameworkdecode.go) records each path's line for it.

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bimtek/bimtek/i18n"
)

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
