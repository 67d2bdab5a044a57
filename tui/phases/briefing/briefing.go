// Package briefing is the third phase, Pengantar dimensi: one dimension
// a slide, its elements and the level scale.
package briefing

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/tui/components/chart"
	"github.com/bimtek/bimtek/workshop"
)

// Briefing is the Pengantar dimensi phase: one dimension per page, its
// elements and the level scale, drawn as a slide for the projector.
type Briefing struct {
	common.Size
	s    *common.Sess
	keys briefKeys

	// The title size every slide of the session uses at this size (set
	// by SetSize), so paging never switches fonts.
	titleSize int
}

type briefKeys struct{ Page, Jump, Ends key.Binding }

// New builds the briefing screen; it opens on the saved page.
func New(s *common.Sess) *Briefing {
	// The jump key names the session's real range: "1-6" for six dimensions.
	n := max(1, min(9, len(s.F().Dimensions)))
	digits := make([]string, n)
	for i := range digits {
		digits[i] = strconv.Itoa(i + 1)
	}
	jump := digits[0]
	if n > 1 {
		jump += "-" + digits[n-1]
	}
	return &Briefing{s: s, keys: briefKeys{
		Page: common.KeyHelp(s.Lang, "←/→ h/l", "brief.key.page", "left", "right", "h", "l"),
		Jump: common.KeyHelp(s.Lang, jump, "brief.key.jump", digits...),
		Ends: common.KeyHelp(s.Lang, "Home/End", "brief.key.bounds", "home", "end"),
	}}
}

// Capturing is false.
func (b *Briefing) Capturing() bool { return false }

// FullHelp is the ? help: the footer's keys.
func (b *Briefing) FullHelp() [][]key.Binding { return [][]key.Binding{b.ShortHelp()} }

// ShortHelp lists the keys of the page for the footer.
func (b *Briefing) ShortHelp() []key.Binding {
	return []key.Binding{b.keys.Page, b.keys.Jump, b.keys.Ends}
}

// Update pages through the dimensions and saves the page.
func (b *Briefing) Update(msg tea.Msg) (common.Page, tea.Cmd) { return b, b.update(msg) }

func (b *Briefing) update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	n := len(b.s.F().Dimensions)
	if n == 0 {
		return nil
	}
	page := b.page()
	switch k.String() {
	case "left", "h":
		page--
	case "right", "l":
		page++
	case "home":
		page = 0
	case "end":
		page = n - 1
	default:
		if len(k.Text) == 1 && k.Text[0] >= '1' && k.Text[0] <= '9' {
			page = int(k.Text[0] - '1')
		} else {
			return nil
		}
	}
	page = common.Clamp(page, 0, n-1)
	if page == b.s.State.Slide {
		return nil
	}
	b.s.State.Slide = page
	if err := b.s.SaveState(); err != nil {
		return common.ErrCmd(err)
	}
	return nil
}

func (b *Briefing) page() int { return common.Clamp(b.s.State.Slide, 0, len(b.s.F().Dimensions)-1) }

// briefLayout is how much of a dimension a slide shows; View starts rich
// and gives way until the slide fits the window.
type briefLayout struct {
	big      int // block-letter size of the name, 0: bold text
	spacing  bool
	elements int // 0 name only .. 4 with indicators and their descriptions
	scale    int // 0 labels .. 2 labels with wrapped descriptions
	descMax  int // lines of the dimension description (0: all)
	// capped elements (at elements 1) wrap into one line each plus spare
	// more lines among them, in order; an element cut short ends in "…".
	// It replaces the one cut line per element when rows are left, so text
	// wraps as far as the rows allow before it is cut.
	capped bool
	spare  int
}

// View draws the page at the size SetSize gave.
func (b *Briefing) View() string { return b.view(b.W, b.H) }

// SetSize gives the slides their body and picks one title font for every
// slide: the largest size at which each dimension's slide fits, the
// smallest of those.
func (b *Briefing) SetSize(w, h int) {
	if w == b.W && h == b.H && b.titleSize > 0 {
		return // a new theme: the same slides
	}
	b.W, b.H = w, h
	dims := b.s.F().Dimensions
	b.titleSize = 2
	for i := range dims {
		_, l := b.fit(&dims[i], w, h, 2, true)
		b.titleSize = min(b.titleSize, l.big)
	}
}

// view draws the slide of the current dimension.
func (b *Briefing) view(w, h int) string {
	s := b.s
	st := s.Styles
	dims := s.F().Dimensions
	if len(dims) == 0 {
		return " " + st.Base.Render(s.T("brief.none"))
	}
	out, _ := b.fit(&dims[b.page()], w, h, b.titleSize, false)
	return strings.Join(common.FitLines(out, h), "\n")
}

// fit renders d starting rich and giving way until the slide fits h
// rows. The title starts at size big (0: bold text) and is made smaller
// only when shrinkTitle is set.
func (b *Briefing) fit(d *workshop.Dimension, w, h, big int, shrinkTitle bool) ([]string, briefLayout) {
	s := b.s
	inner := w - 2
	for ; big >= 1; big-- {
		if l, ok := chart.BlockLetters(s.Name(d.Name), big); ok && ansi.StringWidth(l[0]) <= inner {
			break
		}
	}
	big = max(0, big)
	shrink := func(l *briefLayout) bool { return shrinkTitle && l.big > 0 && briefDec(&l.big) }
	l := briefLayout{big: big, spacing: true, elements: 4, scale: 2}
	steps := []func(*briefLayout) bool{
		func(l *briefLayout) bool { return l.spacing && briefOff(&l.spacing) },
		func(l *briefLayout) bool { return l.elements > 3 && briefDec(&l.elements) },
		func(l *briefLayout) bool { return l.big > 1 && shrink(l) },
		func(l *briefLayout) bool { return l.scale > 1 && briefDec(&l.scale) },
		func(l *briefLayout) bool { return l.elements > 2 && briefDec(&l.elements) },
		func(l *briefLayout) bool { return l.descMax == 0 && briefSet(&l.descMax, 2) },
		func(l *briefLayout) bool { return l.elements > 1 && briefDec(&l.elements) },
		func(l *briefLayout) bool { return l.big > 0 && shrink(l) },
		func(l *briefLayout) bool { return l.descMax > 1 && briefDec(&l.descMax) },
		func(l *briefLayout) bool { return l.elements > 0 && briefDec(&l.elements) },
		func(l *briefLayout) bool { return l.scale > 0 && briefDec(&l.scale) },
	}
	out := b.render(d, w, l)
	for _, step := range steps {
		for len(out) > h && step(&l) {
			out = b.render(d, w, l)
		}
	}
	if l.elements == 0 && len(out) < h {
		try := l
		try.elements, try.capped, try.spare = 1, true, h-len(out)
		if o := b.render(d, w, try); len(o) <= h {
			return o, try
		}
	}
	return out, l
}

func briefDec(v *int) bool        { *v--; return true }
func briefOff(v *bool) bool       { *v = false; return true }
func briefSet(v *int, n int) bool { *v = n; return true }

// render draws one dimension with the given layout.
func (b *Briefing) render(d *workshop.Dimension, w int, l briefLayout) []string {
	s := b.s
	st := s.Styles
	inner := w - 2
	out := []string{b.strip(w)}
	if l.spacing {
		out = append(out, "")
	}
	if l.big > 0 {
		big, _ := chart.BlockLetters(s.Name(d.Name), l.big)
		for _, line := range big {
			out = append(out, " "+st.Title.Render(line))
		}
	} else {
		// Bold text: the target joins the title line, a row for the texts.
		tgt := "  " + s.T("brief.target", workshop.Round2(s.Board.Target(d.Key)))
		name := ansi.Truncate(strings.ToUpper(s.Name(d.Name)), max(1, inner-ansi.StringWidth(tgt)), "…")
		out = append(out, " "+st.Title.Render(name)+st.Accent.Render(tgt))
	}
	desc := common.WrapText(s.Name(d.Description), min(inner, 120))
	if l.descMax > 0 && len(desc) > l.descMax {
		desc = append(desc[:l.descMax-1:l.descMax-1], ansi.Truncate(strings.Join(desc[l.descMax-1:], " "), min(inner, 120), "…"))
	}
	for _, line := range desc {
		out = append(out, " "+st.Base.Render(line))
	}
	if l.big > 0 {
		out = append(out, " "+st.Accent.Render(s.T("brief.target", workshop.Round2(s.Board.Target(d.Key)))))
	}
	if l.spacing {
		out = append(out, "")
	}

	if w >= 110 {
		lw := inner * 3 / 5
		rw := inner - lw - 3
		left := b.elementLines(d, lw, l)
		right := b.scaleLines(rw, l)
		for _, line := range common.SideBySide(left, right, lw, 3) {
			out = append(out, " "+line)
		}
		return out
	}
	for _, line := range b.elementLines(d, inner, l) {
		out = append(out, " "+line)
	}
	if l.spacing {
		out = append(out, "")
	}
	for _, line := range b.scaleLines(inner, l) {
		out = append(out, " "+line)
	}
	return out
}

// strip is the top line: every dimension as a tab, the current one
// highlighted and marked, and the page "2/6" at the right.
func (b *Briefing) strip(w int) string {
	s := b.s
	st := s.Styles
	dims := s.F().Dimensions
	cur := b.page()
	// An arrow only where there is a page to go to.
	prev, next := "◀ ", " ▶"
	if cur == 0 {
		prev = "  "
	}
	if cur == len(dims)-1 {
		next = "  "
	}
	pageTxt := fmt.Sprintf("%s%d/%d%s", prev, cur+1, len(dims), next)
	right := st.Bold.Render(pageTxt) + " "
	var tabs []string
	for i, d := range dims {
		name := fmt.Sprintf("%d %s", i+1, s.Name(d.Name))
		if i == cur {
			tabs = append(tabs, st.TabOn.Render("▶ "+name))
		} else {
			tabs = append(tabs, st.Tab.Render(name))
		}
	}
	left := " " + strings.Join(tabs, "")
	room := w - ansi.StringWidth(pageTxt) - 2
	if ansi.StringWidth(left) > room {
		left = " " + st.Accent.Render(ansi.Truncate(s.T("brief.page", cur+1, len(dims)), room-1, "…"))
	}
	return left + strings.Repeat(" ", max(1, w-ansi.StringWidth(left)-ansi.StringWidth(right))) + right
}

// elementLines lists the dimension's elements at the layout's detail.
func (b *Briefing) elementLines(d *workshop.Dimension, w int, l briefLayout) []string {
	s := b.s
	st := s.Styles
	out := []string{st.Bold.Render(s.T("brief.elements"))}
	spare := l.spare // capped: the lines left for the elements' wrapping
	indent := func(lines []string, pad string, style func(...string) string) {
		for _, x := range lines {
			out = append(out, pad+style(x))
		}
	}
	for i, e := range d.Elements {
		if i > 0 && l.spacing && l.elements >= 2 {
			out = append(out, "")
		}
		name := s.Name(e.Name)
		desc := s.Name(e.Description)
		switch {
		case l.elements == 0:
			out = append(out, ansi.Truncate(st.Accent.Render("■ "+name)+st.Base.Render(" — "+desc), w, "…"))
			continue
		case l.elements == 1:
			// Name and text run on together, wrapped under the name.
			lines := hangWrap("■ "+name, " — "+desc, w, 2, st.Accent, st.Base)
			if l.capped {
				if len(lines) > 1+spare {
					lines = lines[:1+spare]
					last := lines[len(lines)-1]
					lines[len(lines)-1] = ansi.Truncate(last, w-1, "") + st.Base.Render("…")
				}
				spare -= len(lines) - 1
			}
			out = append(out, lines...)
			continue
		}
		out = append(out, st.Accent.Render(ansi.Truncate("■ "+name, w, "…")))
		indent(common.WrapText(desc, w-2), "  ", st.Base.Render)
		if l.elements < 3 {
			continue
		}
		for _, ind := range e.Indicators {
			// A hanging indent: the statement's later lines start under its
			// first word, not under the ◆.
			for j, x := range common.WrapText(s.Name(ind.Name), w-6) {
				if j == 0 {
					out = append(out, "    "+st.Bold.Render("◆ "+x))
				} else {
					out = append(out, "      "+st.Bold.Render(x))
				}
			}
			if l.elements >= 4 && strings.TrimSpace(s.Name(ind.Description)) != "" {
				indent(common.WrapText(s.Name(ind.Description), w-8), "        ", st.Base.Render)
			}
		}
	}
	return out
}

// scaleLines lists the level scale: the value in its heat colour (with the
// number, readable in monochrome), the label and the description.
func (b *Briefing) scaleLines(w int, l briefLayout) []string {
	s := b.s
	st := s.Styles
	out := []string{st.Bold.Render(s.T("brief.scale"))}
	for i, lv := range s.F().Scale {
		if i > 0 && l.spacing && l.scale >= 2 {
			out = append(out, "")
		}
		heat := st.Heat[common.Clamp(lv.Value, 0, 5)]
		num := heat.Render(fmt.Sprintf(" %d ", lv.Value))
		label := s.Name(lv.Label)
		desc := s.Name(lv.Description)
		switch l.scale {
		case 0:
			out = append(out, num+" "+st.Bold.Render(ansi.Truncate(label, w-4, "…")))
		case 1:
			// Label and description run on together, wrapped under the label.
			for j, x := range hangWrap(label, " — "+desc, w-4, 0, st.Bold, st.Base) {
				if j == 0 {
					out = append(out, num+" "+x)
				} else {
					out = append(out, "    "+x)
				}
			}
		default:
			out = append(out, num+" "+st.Bold.Render(ansi.Truncate(label, w-4, "…")))
			for _, x := range common.WrapText(desc, w-4) {
				out = append(out, "    "+st.Base.Render(x))
			}
		}
	}
	return out
}

// hangWrap wraps head+tail in w columns, later lines indented by indent;
// head is drawn in hs (it is never split from its first line when it fits),
// the rest in ts.
func hangWrap(head, tail string, w, indent int, hs, ts lipgloss.Style) []string {
	w = max(1, w)
	lines := common.WrapText(head+tail, w)
	if len(lines) > 1 && indent > 0 {
		rest := common.WrapText(strings.Join(lines[1:], " "), max(1, w-indent))
		lines = append(lines[:1], rest...)
	}
	out := make([]string, len(lines))
	hw := ansi.StringWidth(head)
	for i, l := range lines {
		pad := ""
		if i > 0 {
			pad = strings.Repeat(" ", indent)
		}
		if i == 0 && ansi.StringWidth(l) >= hw && strings.HasPrefix(l, head) {
			out[i] = hs.Render(head) + ts.Render(l[len(head):])
			continue
		}
		if i == 0 {
			out[i] = hs.Render(l)
			continue
		}
		out[i] = pad + ts.Render(l)
	}
	return out
}

// Enter: nothing to refresh when the page is shown again.
func (b *Briefing) Enter() tea.Cmd { return nil }
