package briefing

import (
	"flag"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/tui/common/pagetest"
	"github.com/bimtek/bimtek/tui/components/chart"
)

var _ = flag.Bool("update", false, "rewrite the golden files")

// TestBriefingKeepsThePageContract: every slide, in both languages.
func TestBriefingKeepsThePageContract(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		e := tuitest.NewEnv(t, lang, tuitest.OPDs, false)
		b := New(e.S)
		for i := range e.S.F().Dimensions {
			e.S.State.Slide = i
			pagetest.Check(t, lang, b)
		}
	}
}

func TestBriefingPagingSaved(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, false)
	b := New(e.S)
	n := len(e.S.F().Dimensions)
	cases := []struct {
		keys []string
		want int
	}{
		{[]string{"right"}, 1},
		{[]string{"l", "l"}, 3},
		{[]string{"left", "h"}, 1},
		{[]string{"left", "left", "left"}, 0}, // stops at the first
		{[]string{"end"}, n - 1},
		{[]string{"right"}, n - 1}, // stops at the last
		{[]string{"home"}, 0},
		{[]string{"5"}, 4},
		{[]string{"9"}, n - 1}, // beyond the last: the last
		{[]string{"x"}, n - 1}, // not a paging key
	}
	for _, c := range cases {
		tuitest.NoErr(t, tuitest.Drive(t, b, tuitest.Keys(c.keys...)...))
		if e.S.State.Slide != c.want {
			t.Fatalf("after %v: page %d, want %d", c.keys, e.S.State.Slide, c.want)
		}
		if got := e.StoredState().Slide; got != c.want {
			t.Fatalf("after %v: saved page %d, want %d", c.keys, got, c.want)
		}
	}

	// Reopening shows the same page.
	e.S.State.Slide = 2
	if err := e.S.SaveState(); err != nil {
		t.Fatal(err)
	}
	s2 := tuitest.Sess(t, e.St, e.Reopen(), "id", common.NewStyles("dark"), tuitest.Clock)
	v := ansi.Strip(tuitest.View(New(s2), 120, 36))
	if !strings.Contains(v, "3/6") {
		t.Errorf("the reopened briefing is not on page 3/6:\n%s", v)
	}
}

func TestBriefingShowsTheDimension(t *testing.T) {
	e := tuitest.NewEnv(t, "en", tuitest.OPDs, false)
	b := New(e.S)
	e.S.State.Slide = 2 // economy
	d := e.S.F().Dimensions[2]
	for _, sz := range tuitest.Sizes {
		v := ansi.Strip(tuitest.View(b, sz[0], sz[1]))
		if !strings.Contains(v, "3/6") {
			t.Errorf("%v: no page indicator", sz)
		}
		for _, el := range d.Elements {
			if !strings.Contains(v, el.Name.In("en")) {
				t.Errorf("%v: element %q missing", sz, el.Name.In("en"))
			}
		}
		for _, lv := range e.S.F().Scale {
			if !strings.Contains(v, lv.Label.In("en")) {
				t.Errorf("%v: level %q missing", sz, lv.Label.In("en"))
			}
		}
	}
	// At 200x56 the descriptions of the elements, indicators and levels
	// are there too.
	v := ansi.Strip(tuitest.View(b, 200, 56))
	flat := strings.Join(strings.Fields(v), " ")
	for _, want := range []string{d.Elements[0].Description.In("en"), d.Elements[0].Indicators[0].Name.In("en"), e.S.F().Scale[0].Description.In("en")} {
		// Wrapped in a column: its first words are on one line.
		if !strings.Contains(flat, strings.Join(strings.Fields(want)[:5], " ")) {
			t.Errorf("200x56 lacks %q", want)
		}
	}
}

func TestBriefingGolden(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, false)
	e.S.State.Slide = 1
	tuitest.GoldenSizes(t, "briefing", New(e.S))
	en := tuitest.NewEnv(t, "en", tuitest.OPDs, false)
	en.S.State.Slide = 5
	tuitest.GoldenSizes(t, "briefing-en", New(en.S))
}

func TestBriefingFitsEverySize(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, false)
	b := New(e.S)
	for page := range e.S.F().Dimensions {
		e.S.State.Slide = page
		for w := 80; w <= 220; w += 11 {
			for h := 14; h <= 60; h += 6 {
				tuitest.CheckSize(t, "briefing", tuitest.View(b, w, h), w, h)
			}
		}
	}
}

func TestBlockLetters(t *testing.T) {
	cases := []struct {
		in     string
		size   int
		ok     bool
		height int
	}{
		{"Smart Governance", 1, true, 3},
		{"Smart Governance", 2, true, 5},
		{"Kota Bandung", 3, true, 8},
		{"数据局", 1, false, 0},
		{"Dinas ꦧ", 1, false, 0},
		{"", 1, false, 0},
	}
	for _, c := range cases {
		got, ok := chart.BlockLetters(c.in, c.size)
		if ok != c.ok || len(got) != c.height {
			t.Errorf("chart.BlockLetters(%q, %d): ok %v, %d rows; want %v, %d", c.in, c.size, ok, len(got), c.ok, c.height)
			continue
		}
		for i := range got {
			if ansi.StringWidth(got[i]) != ansi.StringWidth(got[0]) {
				t.Errorf("chart.BlockLetters(%q): row %d differs in width", c.in, i)
			}
		}
	}
	// "I" at size 1: a bar on top, the stem, a bar below.
	got, _ := chart.BlockLetters("I", 1)
	want := []string{"▀█▀", " █ ", "▀▀▀"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("I row %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// TestBriefingPagerSaysWhereItEnds: the jump key names the real range of
// dimensions ("1-6", not "1-9"), and the pager shows an arrow only where
// there is a page to go to.
func TestBriefingPagerSaysWhereItEnds(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, false)
	b := New(e.S)
	if got := b.ShortHelp()[1].Help().Key; got != "1-6" {
		t.Errorf("jump key reads %q, want 1-6", got)
	}
	cases := []struct {
		page      int
		want, not string
	}{
		{0, "1/6 ▶", "◀ 1/6"},
		{2, "◀ 3/6 ▶", ""},
		{5, "◀ 6/6", "6/6 ▶"},
	}
	for _, c := range cases {
		e.S.State.Slide = c.page
		top := ansi.Strip(strings.Split(tuitest.View(b, 120, 36), "\n")[0])
		if !strings.Contains(top, c.want) || (c.not != "" && strings.Contains(top, c.not)) {
			t.Errorf("page %d: pager %q, want %q", c.page+1, strings.TrimSpace(top), c.want)
		}
	}
}

// TestBriefingStatementHangingIndent: a statement that wraps continues
// under its first word, not under the ◆, so the eye sees one statement.
func TestBriefingStatementHangingIndent(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, false)
	b := New(e.S)
	d := &e.S.F().Dimensions[0]
	stmt := e.S.Name(d.Elements[0].Indicators[0].Name)
	lines := b.elementLines(d, 60, briefLayout{elements: 4})
	for i, l := range lines[:len(lines)-1] {
		l = ansi.Strip(l)
		at := strings.Index(l, "◆ ")
		if at < 0 || !strings.HasPrefix(stmt, l[at+len("◆ "):]) {
			continue
		}
		first := l[at+len("◆ "):]
		next := ansi.Strip(lines[i+1])
		rest := strings.TrimSpace(strings.TrimPrefix(stmt, first))
		if rest == "" || !strings.HasPrefix(rest, strings.TrimSpace(next)) {
			t.Fatalf("the statement does not wrap at 60 columns: %q / %q", l, next)
		}
		col := ansi.StringWidth(l[:at]) + 2
		if lead := len(next) - len(strings.TrimLeft(next, " ")); lead != col {
			t.Errorf("%q continues at column %d, want %d under %q", next, lead, col, first)
		}
		return
	}
	t.Fatalf("statement %q not found in %q", stmt, lines)
}

// TestBriefingWrapsTextsAt98x26: the level descriptions and the element
// texts are what the room reads to pick a level; in a 98x26 window (a
// body of 21 rows) they wrap in full instead of ending in "…".
func TestBriefingWrapsTextsAt98x26(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		e := tuitest.NewEnv(t, lang, tuitest.OPDs, false)
		b := New(e.S)
		for page, d := range e.S.F().Dimensions {
			e.S.State.Slide = page
			v := tuitest.View(b, 98, 21)
			tuitest.CheckSize(t, "briefing", v, 98, 21)
			flat := strings.Join(strings.Fields(ansi.Strip(v)), " ")
			var want []string
			for _, el := range d.Elements {
				want = append(want, el.Description.In(lang))
			}
			for _, lv := range e.S.F().Scale {
				want = append(want, lv.Description.In(lang))
			}
			for _, txt := range want {
				if !strings.Contains(flat, strings.Join(strings.Fields(txt), " ")) {
					t.Errorf("%s page %d at 98x21: %q is not there in full:\n%s", lang, page+1, txt, ansi.Strip(v))
				}
			}
		}
	}
}

// TestBriefingOneTitleFont: every slide of a session draws its title in
// the same font at a given window size, so paging never jumps between a
// big and a small title.
func TestBriefingOneTitleFont(t *testing.T) {
	titleRows := func(v string) int {
		n := 0
		for _, l := range strings.Split(ansi.Strip(v), "\n")[1:] {
			l = strings.TrimSpace(l)
			if l != "" && strings.Trim(l, "▀▄█ ") == "" {
				n++
			}
		}
		return n
	}
	for _, lang := range []string{"id", "en"} {
		e := tuitest.NewEnv(t, lang, tuitest.OPDs, false)
		b := New(e.S)
		for _, sz := range [][2]int{{84, 19}, {90, 19}, {98, 19}, {98, 21}, {120, 35}, {140, 40}, {160, 45}, {200, 55}, {220, 60}} {
			want := -1
			for page := range e.S.F().Dimensions {
				e.S.State.Slide = page
				got := titleRows(tuitest.View(b, sz[0], sz[1]))
				if want == -1 {
					want = got
				} else if got != want {
					t.Errorf("%s %dx%d: slide %d has a %d-row title, slide 1 %d rows", lang, sz[0], sz[1], page+1, got, want)
				}
			}
		}
	}
}

// TestBriefingCutsOnlyWhenFull: at 80 columns and 18-22 rows (the body of
// an 80x24 window and around it) an element's text is cut with "…" only
// when every row of the slide is in use; before that it wraps into the
// rows left (it was cut with rows free).
func TestBriefingCutsOnlyWhenFull(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		e := tuitest.NewEnv(t, lang, tuitest.OPDs, false)
		b := New(e.S)
		for i := 0; i < 5*len(e.S.F().Dimensions); i++ {
			page, h := i%len(e.S.F().Dimensions), 18+i/len(e.S.F().Dimensions)
			e.S.State.Slide = page
			v := tuitest.View(b, 80, h)
			tuitest.CheckSize(t, "briefing", v, 80, h)
			lines := strings.Split(ansi.Strip(v), "\n")
			cut, empty := 0, h-len(lines) // rows the view did not draw are free too
			for _, l := range lines {
				if strings.HasPrefix(strings.TrimSpace(l), "■") && strings.HasSuffix(strings.TrimRight(l, " "), "…") {
					cut++
				}
				if strings.TrimSpace(l) == "" {
					empty++
				}
			}
			if cut > 0 && empty > 0 {
				t.Errorf("%s page %d at 80x%d: %d element lines cut with %d rows empty:\n%s", lang, page+1, h, cut, empty, ansi.Strip(v))
			}
		}
	}
}
