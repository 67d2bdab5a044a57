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

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Problem is one thing wrong with an input (a framework file, an OPD CSV),
// said as "what is wrong — what to fix". Msg is English, MsgID the same
// sentence in Bahasa Indonesia. Line is 1-based; 0 when unknown (a
// framework built in code, or a problem about the whole file).
type Problem struct {
	File  string
	Line  int
	Msg   string
	MsgID string
}

// In renders the problem as "file:line: message" in lang ("en" for
// English, anything else for Bahasa Indonesia, the UI default).
func (p Problem) In(lang string) string {
	m := p.MsgID
	if lang == "en" || m == "" {
		m = p.Msg
	}
	switch {
	case p.File != "" && p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, m)
	case p.File != "":
		return p.File + ": " + m
	case p.Line > 0:
		if lang == "en" {
			return fmt.Sprintf("line %d: %s", p.Line, m)
		}
		return fmt.Sprintf("baris %d: %s", p.Line, m)
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

// bi is a message in both languages; a bi passed as a format argument is
// rendered in the language being formatted.
type bi struct{ en, id string }

func format(m bi, args ...any) (en, id string) {
	ae := make([]any, len(args))
	ai := make([]any, len(args))
	for i, a := range args {
		if b, ok := a.(bi); ok {
			ae[i], ai[i] = b.en, b.id
		} else {
			ae[i], ai[i] = a, a
		}
	}
	return fmt.Sprintf(m.en, ae...), fmt.Sprintf(m.id, ai...)
}

func bif(m bi, args ...any) bi {
	en, id := format(m, args...)
	return bi{en, id}
}

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
		en, id := format(bi{"%d more problems are not shown — fix the ones above and check the file again", "%d masalah lain tidak ditampilkan — perbaiki yang di atas lalu periksa berkas lagi"}, c.dropped)
		c.probs = append(c.probs, Problem{File: c.file, Msg: en, MsgID: id})
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

func (c *checker) add(line int, m bi, args ...any) {
	if len(c.probs) >= maxProblems {
		c.dropped++
		return
	}
	en, id := format(m, args...)
	c.probs = append(c.probs, Problem{File: c.file, Line: line, Msg: en, MsgID: id})
}

// input adds a refused value (an *InputError from CheckText and its
// kin) as a problem on line.
func (c *checker) input(line int, err error) {
	ie, ok := err.(*InputError)
	if !ok {
		c.add(line, bi{"%s", "%s"}, err.Error())
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
func (c *checker) ref(path string, desc bi) bi {
	if l := c.lines[path]; l > 0 {
		return bif(bi{"line %d", "baris %d"}, l)
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
	desc bi
}

func (c *checker) key(key, path, item string, what, example bi, seen map[string]seenKey) {
	kp := join(item, "key")
	if !c.ok(kp) {
		return
	}
	line := c.line(kp, item)
	switch {
	case key == "":
		c.add(line, bi{"%s has no key — add key: with a short lowercase name such as %s", "%s belum punya kunci — tambahkan key: berisi nama pendek huruf kecil, misalnya %s"}, what, example)
	case utf8.RuneCountInString(key) > MaxKeyRunes:
		c.add(line, bi{"%s: key %q is %d characters long — shorten it to at most %d", "%s: kunci %q panjangnya %d karakter — pendekkan menjadi paling banyak %d"}, what, key, utf8.RuneCountInString(key), MaxKeyRunes)
	case !keyPattern.MatchString(key):
		c.add(line, bi{"%s: key %q is not valid — use only lowercase letters a-z, digits and _ . - , starting with a letter or digit (e.g. %s)", "%s: kunci %q tidak sah — pakai hanya huruf kecil a-z, angka, dan _ . - , diawali huruf atau angka (misalnya %s)"}, what, key, example)
	default:
		if prev, dup := seen[key]; dup {
			c.add(line, bi{"%s: key %q is already used (%s) — give each one its own key", "%s: kunci %q sudah dipakai (%s) — beri masing-masing kunci sendiri"}, what, key, c.ref(join(prev.path, "key"), prev.desc))
			return
		}
		seen[key] = seenKey{path, what}
	}
}

func (c *checker) name(t Text, item string, what bi) {
	np := join(item, "name")
	if !c.ok(np) || !c.ok(join(np, "id")) {
		return
	}
	if strings.TrimSpace(t.ID) == "" {
		c.add(c.line(join(np, "id"), np, item), bi{"%s has no Indonesian name — add name: with id: (Bahasa Indonesia) and en: (English)", "%s belum punya nama dalam bahasa Indonesia — tambahkan name: dengan id: (bahasa Indonesia) dan en: (bahasa Inggris)"}, what)
	}
}

// text checks both languages of a text at item.field: no control
// characters (a description may hold line breaks and tabs), at most limit
// characters.
func (c *checker) text(t Text, item, field string, what bi, limit int, lines bool) {
	tp := join(item, field)
	if !c.ok(tp) {
		return
	}
	fw := bi{field, field}
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
				c.add(line, bi{"%s: the %s (%s) holds a tab or line break — write it on one line", "%s: %s (%s) berisi tab atau pindah baris — tulis dalam satu baris"}, what, fw, part.lang)
				bad = true
			} else if Unsafe(r) {
				c.add(line, bi{"%s: the %s (%s) contains the control character %s, which a terminal would act on — remove it", "%s: %s (%s) berisi karakter kendali %s yang akan dijalankan terminal — hapus karakter itu"}, what, fw, part.lang, escapeRune(r))
				bad = true
			}
			if bad {
				break
			}
		}
		if n := utf8.RuneCountInString(part.v); !bad && n > limit {
			c.add(line, bi{"%s: the %s (%s) is %d characters long — shorten it to at most %d", "%s: %s (%s) panjangnya %d karakter — pendekkan menjadi paling banyak %d"}, what, fw, part.lang, n, limit)
		}
	}
}

// texts checks the name and the description of an item.
func (c *checker) texts(name, desc Text, item string, what bi) {
	c.text(name, item, "name", what, MaxNameRunes, false)
	c.text(desc, item, "description", what, MaxDescriptionRunes, true)
}

// count reports a list longer than its limit, once, at the list.
func (c *checker) count(n, limit int, path, item string, what, of bi) {
	if n > limit {
		c.add(c.line(path, item), bi{"%s has %d %s — bimtek shows at most %d; split it or merge some", "%s berisi %d %s — bimtek menampilkan paling banyak %d; pecah atau gabungkan sebagian"}, what, n, of, limit)
	}
}

func (c *checker) weight(w float64, item string, what bi) {
	wp := join(item, "weight")
	if !c.ok(wp) {
		return
	}
	if w < 0 || !finite(w) {
		c.add(c.line(wp, item), bi{"%s has weight %s — weights must be greater than 0; leave weight out to use 1", "%s berbobot %s — bobot harus lebih dari 0; hapus weight untuk memakai bobot 1"}, what, num(w))
	}
}

func (c *checker) check(f *Framework) {
	what := bi{"the framework", "kerangka ini"}
	c.key(f.Key, "", "", what, bi{"my_framework", "kerangka_saya"}, map[string]seenKey{})
	c.name(f.Name, "", what)
	c.texts(f.Name, f.Description, "", what)
	c.count(len(f.Dimensions), MaxDimensions, "dimensions", "", what, bi{"dimensions", "dimensi"})
	lo, hi, scaleOK := c.checkScale(f)
	c.checkBands(f, lo, hi, scaleOK)

	if len(f.Dimensions) == 0 {
		if c.ok("dimensions") {
			c.add(c.line("dimensions"), bi{"the framework has no dimensions — add dimensions: with at least one dimension, its elements and their indicators", "kerangka ini belum punya dimensi — tambahkan dimensions: berisi minimal satu dimensi beserta elemen dan indikatornya"})
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
		dw := bif(bi{"dimension #%d", "dimensi ke-%d"}, i+1)
		if d.Key != "" {
			dw = bif(bi{"dimension %q", "dimensi %q"}, d.Key)
		}
		c.key(d.Key, dp, dp, dw, bi{"governance", "governance"}, dims)
		if contains(reservedDimensionKeys, d.Key) {
			c.add(c.line(join(dp, "key"), dp), bi{"%s: the key %q is taken by the exports (the city index row and the columns of opd_dimensions.csv: %s) — choose another key", "%s: kunci %q sudah dipakai ekspor (baris indeks kota dan kolom opd_dimensions.csv: %s) — pilih kunci lain"}, dw, d.Key, strings.Join(reservedDimensionKeys, ", "))
		}
		c.name(d.Name, dp, dw)
		c.texts(d.Name, d.Description, dp, dw)
		c.count(len(d.Elements), MaxElements, join(dp, "elements"), dp, dw, bi{"elements", "elemen"})
		c.weight(d.Weight, dp, dw)
		c.target(d.Target, dp, dw, lo, hi, scaleOK)
		ep := join(dp, "elements")
		if len(d.Elements) == 0 && c.ok(ep) {
			c.add(c.line(ep, dp), bi{"%s has no elements — add elements: with at least one element and its indicators", "%s belum punya elemen — tambahkan elements: berisi minimal satu elemen beserta indikatornya"}, dw)
		}
		for j := range d.Elements {
			e := &d.Elements[j]
			eip := idx(dp, "elements", j)
			if c.broken[eip] {
				continue
			}
			ew := bif(bi{"element #%d of %s", "elemen ke-%d pada %s"}, j+1, dw)
			if e.Key != "" {
				ew = bif(bi{"element %q", "elemen %q"}, e.Key)
			}
			c.key(e.Key, eip, eip, ew, bi{"governance.layanan_publik", "governance.layanan_publik"}, els)
			c.name(e.Name, eip, ew)
			c.texts(e.Name, e.Description, eip, ew)
			c.count(len(e.Indicators), MaxIndicators, join(eip, "indicators"), eip, ew, bi{"indicators", "indikator"})
			c.weight(e.Weight, eip, ew)
			ip := join(eip, "indicators")
			if len(e.Indicators) == 0 && c.ok(ip) {
				c.add(c.line(ip, eip), bi{"%s has no indicators — add indicators: with at least one indicator", "%s belum punya indikator — tambahkan indicators: berisi minimal satu indikator"}, ew)
			}
			for k := range e.Indicators {
				in := &e.Indicators[k]
				iip := idx(eip, "indicators", k)
				if c.broken[iip] {
					continue
				}
				iw := bif(bi{"indicator #%d of %s", "indikator ke-%d pada %s"}, k+1, ew)
				if in.Key != "" {
					iw = bif(bi{"indicator %q", "indikator %q"}, in.Key)
				}
				c.key(in.Key, iip, iip, iw, bi{"governance.layanan_publik.1", "governance.layanan_publik.1"}, inds)
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
		c.add(c.line("scale"), bi{"the scale has no levels — add scale: with one entry (value, label) per level, e.g. values 1 to 5", "skala belum punya level — tambahkan scale: berisi satu entri (value, label) per level, misalnya nilai 1 sampai 5"})
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
		lw := bif(bi{"level #%d", "level ke-%d"}, i+1)
		if c.ok(vp) {
			if c.parsed && !c.written[vp] {
				c.add(c.line(vp, lp), bi{"%s has no value — add value: with its whole number on the scale", "%s belum punya nilai — tambahkan value: berisi bilangan bulat levelnya"}, lw)
				ok = false
			} else if l.Value < minScale || l.Value > maxScale {
				c.add(c.line(vp, lp), bi{"level value %d is outside 1–9 — levels are typed with one digit key, use values from 1 to 9", "nilai level %d di luar 1–9 — level diketik dengan satu tombol angka, pakai nilai 1 sampai 9"}, l.Value)
				ok = false
			} else if prev, dup := seen[l.Value]; dup {
				c.add(c.line(vp, lp), bi{"level value %d appears twice (%s) — give each level its own value", "nilai level %d muncul dua kali (%s) — beri setiap level nilai sendiri"}, l.Value, c.ref(join(idx("", "scale", prev), "value"), bif(bi{"level #%d", "level ke-%d"}, prev+1)))
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
			c.add(c.line(join(lbp, "id"), lbp, lp), bi{"level %d has no Indonesian label — add label: with id: (e.g. Rintisan) and en: (e.g. Initial)", "level %d belum punya label bahasa Indonesia — tambahkan label: dengan id: (misalnya Rintisan) dan en: (misalnya Initial)"}, l.Value)
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
		c.add(c.line("scale"), bi{"the scale values %s are not consecutive whole numbers — number the levels without gaps, e.g. 1, 2, 3, 4, 5", "nilai skala %s bukan bilangan bulat berurutan — beri nomor level tanpa loncatan, misalnya 1, 2, 3, 4, 5"}, strings.Join(strs, ", "))
	}
	return lo, hi, ok
}

func (c *checker) checkBands(f *Framework, lo, hi int, scaleOK bool) {
	if !c.ok("bands") {
		return
	}
	if len(f.Bands) == 0 {
		c.add(c.line("bands"), bi{"there are no predikat bands — add bands: with min and predikat, the lowest band starting at the lowest level", "belum ada rentang predikat — tambahkan bands: berisi min dan predikat, dengan rentang terendah mulai dari level terendah"})
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
		bw := bif(bi{"band #%d", "rentang ke-%d"}, i+1)
		if b.Predikat.ID != "" {
			bw = bif(bi{"band %q", "rentang %q"}, b.Predikat.ID)
		}
		if c.ok(mp) {
			switch {
			case c.parsed && !c.written[mp]:
				c.add(c.line(mp, bp), bi{"%s has no min — add min: with the lowest score of the band", "%s belum punya min — tambahkan min: berisi skor terendah rentang itu"}, bw)
				allOK = false
			case !finite(b.Min):
				c.add(c.line(mp, bp), bi{"%s has min %s — write a number", "%s ber-min %s — tulis sebuah angka"}, bw, num(b.Min))
				allOK = false
			case scaleOK && (b.Min < float64(lo) || b.Min > float64(hi)):
				c.add(c.line(mp, bp), bi{"%s starts at %s, outside the scale %d–%d — use a min between %d and %d", "%s mulai di %s, di luar skala %d–%d — pakai min antara %d dan %d"}, bw, num(b.Min), lo, hi, lo, hi)
				allOK = false
			default:
				if prev, dup := seen[b.Min]; dup {
					c.add(c.line(mp, bp), bi{"two bands start at %s (%s) — give each band its own min", "dua rentang mulai di %s (%s) — beri setiap rentang min sendiri"}, num(b.Min), c.ref(prev, bi{"another band", "rentang lain"}))
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
			c.add(c.line(join(pp, "id"), pp, bp), bi{"%s has no Indonesian predikat — add predikat: with id: (e.g. Baik) and en: (e.g. Good)", "%s belum punya predikat bahasa Indonesia — tambahkan predikat: dengan id: (misalnya Baik) dan en: (misalnya Good)"}, bw)
		}
	}
	if scaleOK && allOK && lowest > float64(lo) {
		c.add(c.line("bands"), bi{"the bands do not cover scores from %d up to %s — add a band with min: %d", "rentang predikat tidak mencakup skor %d sampai di bawah %s — tambahkan rentang dengan min: %d"}, lo, num(lowest), lo)
	}
}

func (c *checker) target(t float64, dp string, dw bi, lo, hi int, scaleOK bool) {
	tp := join(dp, "target")
	if !c.ok(tp) {
		return
	}
	line := c.line(tp, dp)
	switch {
	case t == 0 && !(c.parsed && c.written[tp]):
		c.add(line, bi{"%s has no target — add target: with the score the city aims for, e.g. 3.5", "%s belum punya target — tambahkan target: berisi skor yang dituju kota, misalnya 3.5"}, dw)
	case !finite(t):
		c.add(line, bi{"%s has target %s — write a number", "%s bertarget %s — tulis sebuah angka"}, dw, num(t))
	case scaleOK && (t < float64(lo) || t > float64(hi)):
		c.add(line, bi{"%s has target %s, outside the scale %d–%d — use a target between %d and %d", "%s bertarget %s, di luar skala %d–%d — pakai target antara %d dan %d"}, dw, num(t), lo, hi, lo, hi)
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
		c.add(c.line("agenda"), bi{"the agenda has no phases — add agenda: with one phase (key, kind, name, minutes) per screen; kinds: %s", "agenda belum punya fase — tambahkan agenda: berisi satu fase (key, kind, name, minutes) per layar; jenis: %s"}, kindList())
		return
	}
	c.count(len(f.Agenda), MaxPhases, "agenda", "", bi{"the agenda", "agenda"}, bi{"phases", "fase"})
	seen := map[string]seenKey{}
	for i, p := range f.Agenda {
		pp := idx("", "agenda", i)
		if c.broken[pp] {
			continue
		}
		pw := bif(bi{"phase #%d", "fase ke-%d"}, i+1)
		if p.Key != "" {
			pw = bif(bi{"phase %q", "fase %q"}, p.Key)
		}
		c.key(p.Key, pp, pp, pw, bi{"assessment", "assessment"}, seen)
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
				c.add(c.line(kp, pp), bi{"%s has no kind — add kind: with one of %s", "%s belum punya jenis — tambahkan kind: berisi salah satu dari %s"}, pw, kindList())
			case !known:
				c.add(c.line(kp, pp), bi{"%s has unknown kind %q — use one of %s", "%s berjenis %q yang tidak dikenal — pakai salah satu dari %s"}, pw, string(p.Kind), kindList())
			}
		}
		mp := join(pp, "minutes")
		if c.ok(mp) {
			switch {
			case p.Minutes == 0 && !(c.parsed && c.written[mp]):
				c.add(c.line(mp, pp), bi{"%s has no minutes — add minutes: with the planned duration, e.g. 30", "%s belum punya durasi — tambahkan minutes: berisi rencana durasi dalam menit, misalnya 30"}, pw)
			case p.Minutes <= 0:
				c.add(c.line(mp, pp), bi{"%s has %d minutes — the planned minutes must be more than 0", "%s berdurasi %d menit — rencana durasi harus lebih dari 0 menit"}, pw, p.Minutes)
			case p.Minutes > MaxPhaseMinutes:
				c.add(c.line(mp, pp), bi{"%s has %d minutes — plan at most %d minutes for one phase", "%s berdurasi %d menit — rencanakan paling lama %d menit untuk satu fase"}, pw, p.Minutes, MaxPhaseMinutes)
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
		c.add(0, bi{"the file is %s, more than a framework can be (at most %s) — check that it is the right file", "berkas ini berukuran %s, lebih besar dari kerangka mana pun (paling besar %s) — periksa apakah berkasnya benar"}, SizeText(len(data)), SizeText(MaxFrameworkBytes))
		return fail()
	}
	if line, flow, ok := nestingWithin(data); !ok {
		if flow {
			c.add(line, bi{"brackets [ ] or { } nest more than %d deep here — write the lists and mappings as indented lines", "tanda kurung [ ] atau { } bersarang lebih dari %d lapis di sini — tulis daftar dan pemetaannya sebagai baris berindentasi"}, maxFlowNesting)
		} else {
			c.add(line, bi{"this line is indented more than %d columns — a framework nests only a few levels; check the indentation", "baris ini menjorok lebih dari %d kolom — kerangka hanya bersarang beberapa lapis; periksa indentasinya"}, maxIndentColumns)
		}
		return fail()
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		c.add(invalidUTF8Line(data), bi{"the file is not valid UTF-8 text — save it as UTF-8 in your editor", "berkas ini bukan teks UTF-8 yang sah — simpan ulang sebagai UTF-8 di editor"})
		return fail()
	}
	if len(bytes.TrimSpace(data)) == 0 {
		c.add(0, bi{"the file is empty — write a framework (key, name, scale, bands, dimensions, agenda); `bimtek framework show elemen` prints an example", "berkas ini kosong — tulis sebuah kerangka (key, name, scale, bands, dimensions, agenda); `bimtek framework show elemen` menampilkan contohnya"})
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
		c.add(line, bi{"YAML syntax error: %s — check the indentation (spaces, not tabs), colons and quotes on this line and the one above", "kesalahan sintaks YAML: %s — periksa indentasi (spasi, bukan tab), titik dua, dan tanda kutip di baris ini dan baris sebelumnya"}, msg)
		return fail()
	}
	var body ast.Node
	for _, doc := range file.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if body != nil {
			c.add(nodeLine(doc.Body), bi{"the file holds a second YAML document (after ---) — keep one framework per file", "berkas ini berisi dokumen YAML kedua (setelah ---) — simpan satu kerangka per berkas"})
			break
		}
		body = doc.Body
	}
	if body == nil {
		c.add(0, bi{"the file has no content, only comments — write a framework (key, name, scale, bands, dimensions, agenda)", "berkas ini tidak berisi apa-apa selain komentar — tulis sebuah kerangka (key, name, scale, bands, dimensions, agenda)"})
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
				d.c.add(nodeLine(v), bi{"alias *%s refers to no anchor — define &%s before using it, or write the value out", "alias *%s tidak merujuk ke anchor mana pun — definisikan &%s sebelum dipakai, atau tulis nilainya langsung"}, aliasName(v), aliasName(v))
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
	what bi
	m    map[string]field
}

// mapping reads n as a mapping of the known fields, reporting unknown and
// repeated keys. ok is false (and the path is marked broken) when n is not
// a mapping.
func (d *decoder) mapping(n ast.Node, path string, what bi, known []string) (fields, bool) {
	fs := fields{d: d, path: path, what: what, m: map[string]field{}}
	r := d.resolve(n)
	mn, isMap := r.(*ast.MappingNode)
	if !isMap {
		d.c.broken[path] = true
		d.c.add(nodeLine(n), bi{"%s must be a mapping of %s — write one \"field: value\" per line", "%s harus berupa pemetaan %s — tulis satu \"field: nilai\" per baris"}, what, strings.Join(known, ", "))
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

func (d *decoder) collect(mn *ast.MappingNode, fs *fields, what bi, known []string, seen map[string]int, depth int) {
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
				d.c.add(line, bi{"%s: field %q appears twice (first on line %d) — keep one of them", "%s: field %q muncul dua kali (pertama di baris %d) — simpan salah satunya"}, what, name, prev)
			}
			continue
		}
		seen[name] = line
		if !contains(known, name) {
			if s := closest(name, known); s != "" {
				d.c.add(line, bi{"%s: unknown field %q — did you mean %q?", "%s: field %q tidak dikenal — maksudnya %q?"}, what, name, s)
			} else {
				d.c.add(line, bi{"%s: unknown field %q — remove it; the fields here are %s", "%s: field %q tidak dikenal — hapus; field yang dikenal di sini: %s"}, what, name, strings.Join(known, ", "))
			}
			continue
		}
		fs.m[name] = field{line: line, val: mv.Value}
		d.c.lines[join(fs.path, name)] = line
	}
	// Merged keys (<<: *anchor) fill in what the mapping did not write.
	for _, mv := range merges {
		if depth > 8 {
			d.c.add(nodeLine(mv.Key), bi{"%s: merge keys (<<) nest too deep — write the fields out", "%s: kunci gabungan (<<) bersarang terlalu dalam — tulis field-nya langsung"}, what)
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
			d.c.add(nodeLine(mv.Key), bi{"%s: a merge key (<<) must refer to a mapping — use <<: *anchor of a mapping", "%s: kunci gabungan (<<) harus merujuk ke pemetaan — pakai <<: *anchor dari sebuah pemetaan"}, what)
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
func (fs *fields) named(kind bi, key string) {
	if key != "" {
		fs.what = bif(kind, key)
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

func (fs fields) bad(name string, line int, m bi, args ...any) {
	fs.d.c.broken[join(fs.path, name)] = true
	fs.d.c.add(line, m, args...)
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
		fs.bad(name, line, bi{"%s: %s must be text, not a list or mapping — write it on one line after the colon", "%s: %s harus berupa teks, bukan daftar atau pemetaan — tulis di satu baris setelah titik dua"}, fs.what, name)
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
	sub, ok := fs.d.mapping(v, p, bif(bi{"%s: %s", "%s: %s"}, fs.what, name), textFields)
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
		fs.bad(name, line, bi{"%s: %s must be a number, not %q — write a number such as 3.5 (a dot for decimals)", "%s: %s harus berupa angka, bukan %q — tulis angka seperti 3.5 (titik untuk desimal)"}, fs.what, name, text)
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
		fs.bad(name, line, bi{"%s: %s must be a whole number, not %q — write a number such as 30", "%s: %s harus berupa bilangan bulat, bukan %q — tulis angka seperti 30"}, fs.what, name, text)
		return 0
	}
	return int(i)
}

// weight reads a weight; an explicit 0 is a problem (leaving it out means 1).
func (fs fields) weight() float64 {
	w := fs.number("weight")
	p := join(fs.path, "weight")
	if w == 0 && fs.d.c.written[p] && fs.d.c.ok(p) {
		fs.bad("weight", fs.d.c.lines[p], bi{"%s: weight is 0 — weights must be greater than 0; leave weight out to use 1", "%s: bobot bernilai 0 — bobot harus lebih dari 0; hapus weight untuk memakai bobot 1"}, fs.what)
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
		fs.bad(name, line, bi{"%s: %s must be a list — write each entry on its own line starting with \"- \"", "%s: %s harus berupa daftar — tulis setiap entri di barisnya sendiri diawali \"- \""}, fs.what, name)
		return
	}
	for i, n := range seq.Values {
		fs.d.items++
		if fs.d.items > maxItems {
			if !fs.d.tooBig {
				fs.d.tooBig = true
				fs.d.c.add(nodeLine(n), bi{"the file expands to more than %d list entries — write a smaller framework (check aliases that repeat lists)", "berkas ini berkembang menjadi lebih dari %d entri daftar — tulis kerangka yang lebih kecil (periksa alias yang mengulang daftar)"}, maxItems)
			}
			return
		}
		each(i, n)
	}
}

func (d *decoder) framework(n ast.Node) *Framework {
	f := &Framework{}
	top, ok := d.mapping(n, "", bi{"the top level of the file", "tingkat teratas berkas"}, frameworkFields)
	if !ok {
		return f
	}
	f.Key = top.str("key")
	f.Name = top.text("name")
	f.Description = top.text("description")
	top.list("scale", func(i int, n ast.Node) {
		p := idx("", "scale", i)
		f.Scale = append(f.Scale, Level{})
		m, ok := d.mapping(n, p, bif(bi{"level #%d", "level ke-%d"}, i+1), levelFields)
		if !ok {
			return
		}
		f.Scale[i] = Level{Value: m.whole("value"), Label: m.text("label"), Description: m.text("description")}
	})
	top.list("bands", func(i int, n ast.Node) {
		p := idx("", "bands", i)
		f.Bands = append(f.Bands, Band{})
		m, ok := d.mapping(n, p, bif(bi{"band #%d", "rentang ke-%d"}, i+1), bandFields)
		if !ok {
			return
		}
		f.Bands[i] = Band{Min: m.number("min"), Predikat: m.text("predikat")}
	})
	top.list("dimensions", func(i int, n ast.Node) {
		p := idx("", "dimensions", i)
		f.Dimensions = append(f.Dimensions, Dimension{})
		m, ok := d.mapping(n, p, bif(bi{"dimension #%d", "dimensi ke-%d"}, i+1), dimensionFields)
		if !ok {
			return
		}
		dim := Dimension{Key: m.str("key")}
		m.named(bi{"dimension %q", "dimensi %q"}, dim.Key)
		dim.Name, dim.Description, dim.Weight, dim.Target = m.text("name"), m.text("description"), m.weight(), m.number("target")
		m.list("elements", func(j int, n ast.Node) {
			ep := idx(p, "elements", j)
			dim.Elements = append(dim.Elements, Element{})
			em, ok := d.mapping(n, ep, bif(bi{"element #%d of dimension #%d", "elemen ke-%d pada dimensi ke-%d"}, j+1, i+1), elementFields)
			if !ok {
				return
			}
			el := Element{Key: em.str("key")}
			em.named(bi{"element %q", "elemen %q"}, el.Key)
			el.Name, el.Description, el.Weight = em.text("name"), em.text("description"), em.weight()
			em.list("indicators", func(k int, n ast.Node) {
				ip := idx(ep, "indicators", k)
				el.Indicators = append(el.Indicators, Indicator{})
				im, ok := d.mapping(n, ip, bif(bi{"indicator #%d of element #%d of dimension #%d", "indikator ke-%d pada elemen ke-%d dimensi ke-%d"}, k+1, j+1, i+1), indicatorFields)
				if !ok {
					return
				}
				in := Indicator{Key: im.str("key")}
				im.named(bi{"indicator %q", "indikator %q"}, in.Key)
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
		m, ok := d.mapping(n, p, bif(bi{"phase #%d", "fase ke-%d"}, i+1), phaseFields)
		if !ok {
			return
		}
		ph := Phase{Key: m.str("key")}
		m.named(bi{"phase %q", "fase %q"}, ph.Key)
		ph.Kind, ph.Name, ph.Minutes = PhaseKind(m.str("kind")), m.text("name"), m.whole("minutes")
		f.Agenda[i] = ph
	})
	return f
}
