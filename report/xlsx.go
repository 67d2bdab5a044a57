package report

import (
	"bytes"
	"fmt"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/bimtek/bimtek/workshop"
)

// The workbook of the report pack. Layout decisions (the tests read the file
// back and compare it with the CSV export cell by cell):
//   - Every number is a real numeric cell holding the CSV's 2-decimal value
//     (Round2) with the number format 0.00, so any locale shows it with its
//     own decimal mark and a sum in Excel adds what the page shows. Counts
//     (n OPD, level, N/A, session id, tahap) are whole numbers.
//   - Every text, above all what a user typed (city, venue, OPD names,
//     notes), is a string cell: never a formula, whatever its first
//     character, and without the CSV's apostrophe guard (a string cell needs
//     none).
//   - The tables have the CSV files' columns in the CSV's order, with
//     headers in the report language; the summary's dimension table is
//     city_summary.csv, the heatmap is opd_dimensions.csv (plus a column
//     "present"), the score sheet is scores.csv and the priorities sheet is
//     priorities.csv (plus n, min, max and stdev).

// Where the summary's dimension table starts (its header row); the charts
// read their series from it.
const (
	summaryTableRow = 16
	summaryTableCol = 1 // A
)

// sheetNames are the workbook's sheets in order, by catalogue key.
var sheetNames = []string{
	"report.sheet.summary", "report.sheet.heatmap", "report.sheet.scores",
	"report.sheet.gaps", "report.sheet.priorities", "report.sheet.notes", "report.sheet.method",
}

// book is the workbook being written with its styles.
type book struct {
	f *excelize.File
	m *packModel
	// styles
	title, label, header, num2, num2Bold, whole, wrap, textBold int
	err                                                         error
}

// workbook builds the .xlsx in memory.
func (m *packModel) workbook() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, m: m}
	b.styles()

	names := make([]string, len(sheetNames))
	for i, k := range sheetNames {
		names[i] = m.t(k)
	}
	// The new file has one sheet; rename it and add the rest.
	b.check(f.SetSheetName(f.GetSheetName(0), names[0]))
	for _, n := range names[1:] {
		_, err := f.NewSheet(n)
		b.check(err)
	}
	b.summary(names[0])
	b.heatmap(names[1])
	b.scores(names[2])
	b.gaps(names[3])
	b.priorities(names[4])
	b.notes(names[5])
	b.method(names[6])
	b.check(f.SetDocProps(&excelize.DocProperties{
		Title:   m.t("report.doc_title", m.session.City, m.stage()),
		Creator: "bimtek",
		// A fixed time keeps the same session's workbook the same bytes.
		Created:  time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339),
		Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339),
		Language: m.lang,
	}))
	if b.err != nil {
		return nil, b.err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, fmt.Errorf("write workbook: %w", err)
	}
	return buf.Bytes(), nil
}

// check keeps the first error; excelize only fails on a bad cell reference
// or sheet name, which would be a bug here, but it is reported, not hidden.
func (b *book) check(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

func (b *book) style(s *excelize.Style) int {
	id, err := b.f.NewStyle(s)
	b.check(err)
	return id
}

func (b *book) styles() {
	two := "0.00"
	b.title = b.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	b.label = b.style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	b.textBold = b.label
	b.header = b.style(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	})
	b.num2 = b.style(&excelize.Style{CustomNumFmt: &two})
	b.num2Bold = b.style(&excelize.Style{CustomNumFmt: &two, Font: &excelize.Font{Bold: true}})
	b.whole = b.style(&excelize.Style{NumFmt: 1})
	b.wrap = b.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
}

// cell is the A1 name of column col (1-based) and row.
func cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// colName is the letter(s) of a column.
func colName(col int) string {
	c, _ := excelize.ColumnNumberToName(col)
	return c
}

// str writes a text cell (a string, never a formula).
func (b *book) str(sheet string, col, row int, s string) {
	if s == "" {
		return
	}
	b.check(b.f.SetCellStr(sheet, cell(col, row), s))
}

// strStyled writes a text cell with a style.
func (b *book) strStyled(sheet string, col, row int, s string, style int) {
	b.str(sheet, col, row, s)
	b.check(b.f.SetCellStyle(sheet, cell(col, row), cell(col, row), style))
}

// num writes a 2-decimal number: the value the CSV shows.
func (b *book) num(sheet string, col, row int, v float64) {
	b.numStyled(sheet, col, row, v, b.num2)
}

func (b *book) numStyled(sheet string, col, row int, v float64, style int) {
	c := cell(col, row)
	b.check(b.f.SetCellFloat(sheet, c, round2(v), -1, 64))
	b.check(b.f.SetCellStyle(sheet, c, c, style))
}

// score writes a score, or leaves the cell empty when there is none (as the
// CSV does).
func (b *book) score(sheet string, col, row int, s workshop.Score) {
	if s.OK {
		b.num(sheet, col, row, s.Value)
	}
}

// int writes a whole number.
func (b *book) int(sheet string, col, row int, v int64) {
	c := cell(col, row)
	b.check(b.f.SetCellInt(sheet, c, v))
	b.check(b.f.SetCellStyle(sheet, c, c, b.whole))
}

// completion writes a completion ratio (2 decimals, as in the CSV), empty
// when nothing was possible.
func (b *book) completion(sheet string, col, row int, c workshop.Completion) {
	if c.Possible > 0 {
		b.num(sheet, col, row, c.Ratio())
	}
}

// headerRow writes a table's header in row and returns the next row.
func (b *book) headerRow(sheet string, row int, keys ...string) int {
	for i, k := range keys {
		b.str(sheet, i+1, row, b.m.t(k))
	}
	if len(keys) > 0 {
		b.check(b.f.SetCellStyle(sheet, cell(1, row), cell(len(keys), row), b.header))
	}
	return row + 1
}

// headerCells writes a header from texts already in the report language.
func (b *book) headerCells(sheet string, row int, texts []string) {
	for i, s := range texts {
		b.str(sheet, i+1, row, s)
	}
	b.check(b.f.SetCellStyle(sheet, cell(1, row), cell(len(texts), row), b.header))
}

func (b *book) widths(sheet string, ws ...float64) {
	for i, w := range ws {
		c := colName(i + 1)
		b.check(b.f.SetColWidth(sheet, c, c, w))
	}
}

func (b *book) freezeTop(sheet string, cols int) {
	b.check(b.f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, XSplit: cols, YSplit: 1,
		TopLeftCell: cell(cols+1, 2), ActivePane: "bottomRight",
	}))
}

// summary: the session, the index, the dimension table (city_summary.csv),
// what is missing, and the two charts.
func (b *book) summary(sh string) {
	m := b.m
	b.widths(sh, 14, 24, 9, 14, 9, 9, 8, 8, 8, 10, 12)
	b.strStyled(sh, 1, 1, m.t("report.title"), b.title)
	b.str(sh, 1, 2, m.t("report.subtitle", m.session.City, m.stage(), m.frameworkName))

	row := 4
	kv := func(key string, write func(col, row int)) {
		b.strStyled(sh, 1, row, m.t(key), b.label)
		write(2, row)
		row++
	}
	kv("report.f.city", func(c, r int) { b.str(sh, c, r, m.session.City) })
	kv("report.f.stage", func(c, r int) { b.str(sh, c, r, m.stage()) })
	kv("report.f.date", func(c, r int) { b.str(sh, c, r, m.date()) })
	kv("report.f.venue", func(c, r int) { b.str(sh, c, r, m.session.Venue) })
	kv("report.f.facilitator", func(c, r int) { b.str(sh, c, r, m.session.Facilitator) })
	kv("report.f.present", func(c, r int) {
		b.int(sh, c, r, int64(m.present))
		b.str(sh, c+1, r, m.t("report.of_opds", m.opds))
	})
	kv("report.f.completion", func(c, r int) {
		b.completion(sh, c, r, m.completion)
		b.str(sh, c+1, r, m.t("report.items_done", m.completion.Done, m.completion.Possible, m.completion.Percent()))
	})
	kv("report.f.index", func(c, r int) {
		if m.index.OK {
			b.numStyled(sh, c, r, m.index.Value, b.num2Bold)
		} else {
			b.str(sh, c, r, m.t("report.no_score"))
		}
	})
	kv("report.f.predikat", func(c, r int) { b.strStyled(sh, c, r, m.indexPredikat(), b.textBold) })
	kv("report.f.framework", func(c, r int) { b.str(sh, c, r, m.frameworkName) })

	// The dimension table, city_summary.csv's columns.
	b.strStyled(sh, 1, summaryTableRow-1, m.t("report.dims_title"), b.label)
	row = b.headerRow(sh, summaryTableRow, "report.col.dim_key", "report.col.dim", "report.col.score",
		"report.col.predikat", "report.col.target", "report.col.gap", "report.col.n", "report.col.min",
		"report.col.max", "report.col.stdev", "report.col.completion")
	first := row
	for _, d := range m.dims {
		b.summaryRow(sh, row, d.key, d.name, d.score, d.predikat, d.target, d.stat, d.completion)
		row++
	}
	last := row - 1
	b.summaryRow(sh, row, IndexKey, indexName.In(m.lang), m.index, m.indexPredikat(), m.indexTarget, m.indexStat, m.completion)
	b.check(b.f.SetCellStyle(sh, cell(1, row), cell(2, row), b.textBold))
	row += 2

	// What is missing: a partly answered session says so beside its numbers.
	if lines := m.missingLines(); len(lines) > 0 || len(m.waiting) > 0 {
		b.strStyled(sh, 1, row, m.t("report.missing"), b.label)
		row++
		for _, l := range lines {
			b.str(sh, 1, row, l)
			row++
		}
		if len(m.waiting) > 0 {
			row = b.headerRow(sh, row, "report.col.opd_code", "report.col.opd_name", "report.col.done", "report.col.items")
			for _, o := range m.waiting {
				b.str(sh, 1, row, o.code)
				b.str(sh, 2, row, o.name)
				b.int(sh, 3, row, int64(o.done))
				b.int(sh, 4, row, int64(o.items))
				row++
			}
		}
	} else {
		b.strStyled(sh, 1, row, m.t("report.complete"), b.label)
	}

	if len(m.dims) == 0 {
		return
	}
	ref := func(col int) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sh, colName(col), first, colName(col), last)
	}
	cats := ref(summaryTableCol + 1)
	maxLevel := float64(m.scaleHigh)
	zero := 0.0
	b.check(b.f.AddChart(sh, "M2", &excelize.Chart{
		Type: excelize.Radar,
		Series: []excelize.ChartSeries{
			{
				Name: fmt.Sprintf("'%s'!$%s$%d", sh, colName(summaryTableCol+2), summaryTableRow), Categories: cats, Values: ref(summaryTableCol + 2),
				Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E79"}},
			},
			{
				Name: fmt.Sprintf("'%s'!$%s$%d", sh, colName(summaryTableCol+4), summaryTableRow), Categories: cats, Values: ref(summaryTableCol + 4),
				Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C00000"}},
			},
		},
		Title:        excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: m.t("report.chart.radar")}}},
		Legend:       excelize.ChartLegend{Position: "bottom"},
		YAxis:        excelize.ChartAxis{Minimum: &zero, Maximum: &maxLevel, MajorUnit: 1, MajorGridLines: true},
		Dimension:    excelize.ChartDimension{Width: 520, Height: 360},
		ShowBlanksAs: "gap",
	}))
	b.check(b.f.AddChart(sh, "M22", &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name: fmt.Sprintf("'%s'!$%s$%d", sh, colName(summaryTableCol+5), summaryTableRow), Categories: cats, Values: ref(summaryTableCol + 5),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"7F7F7F"}},
		}},
		Title:        excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: m.t("report.chart.gaps")}}},
		Legend:       excelize.ChartLegend{Position: "none"},
		PlotArea:     excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.00"}},
		XAxis:        excelize.ChartAxis{ReverseOrder: true},
		YAxis:        excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.00"}},
		Dimension:    excelize.ChartDimension{Width: 520, Height: 300},
		ShowBlanksAs: "gap",
	}))
}

// summaryRow writes one line of city_summary.csv.
func (b *book) summaryRow(sh string, row int, key, name string, score workshop.Score, predikat string,
	target float64, st workshop.Stat, comp workshop.Completion) {
	b.str(sh, 1, row, key)
	b.str(sh, 2, row, name)
	b.score(sh, 3, row, score)
	b.str(sh, 4, row, predikat)
	b.num(sh, 5, row, target)
	b.score(sh, 6, row, workshop.Gap(target, score))
	b.int(sh, 7, row, int64(st.N))
	if st.N > 0 {
		b.num(sh, 8, row, st.Min)
		b.num(sh, 9, row, st.Max)
		b.num(sh, 10, row, st.Stdev)
	}
	b.completion(sh, 11, row, comp)
}

// heatmap: opd_dimensions.csv with a 3-colour scale over the scores, the
// numbers always shown.
func (b *book) heatmap(sh string) {
	m := b.m
	head := []string{m.t("report.col.opd_code"), m.t("report.col.opd_name")}
	for _, d := range m.dims {
		head = append(head, d.name)
	}
	head = append(head, m.t("report.col.overall"), m.t("report.col.predikat"), m.t("report.col.completion"), m.t("report.col.present"))
	b.headerCells(sh, 1, head)
	nd := len(m.dims)
	ws := []float64{14, 34}
	for range m.dims {
		ws = append(ws, 11)
	}
	b.widths(sh, append(ws, 9, 14, 12, 8)...)
	row := 2
	for _, o := range m.opdRows {
		b.str(sh, 1, row, o.code)
		b.str(sh, 2, row, o.name)
		for i, s := range o.dims {
			b.score(sh, 3+i, row, s)
		}
		b.score(sh, 3+nd, row, o.overall)
		b.str(sh, 4+nd, row, o.predikat)
		b.completion(sh, 5+nd, row, workshop.Completion{Done: o.done, Possible: o.items})
		yes := "report.no"
		if o.present {
			yes = "report.yes"
		}
		b.str(sh, 6+nd, row, m.t(yes))
		row++
	}
	b.freezeTop(sh, 2)
	if len(m.opdRows) > 0 {
		lo, hi := m.scaleLow, m.scaleHigh
		b.check(b.f.SetConditionalFormat(sh, cell(3, 2)+":"+cell(3+nd, row-1), []excelize.ConditionalFormatOptions{{
			Type:     "3_color_scale",
			Criteria: "=",
			MinType:  "num", MinValue: strconv.Itoa(lo), MinColor: "#F8696B",
			MidType: "num", MidValue: strconv.FormatFloat(float64(lo+hi)/2, 'f', -1, 64), MidColor: "#FFEB84",
			MaxType: "num", MaxValue: strconv.Itoa(hi), MaxColor: "#63BE7B",
		}}))
	}
	b.check(b.f.AutoFilter(sh, "A1:"+cell(len(head), max(row-1, 2)), nil))
}

// scores: scores.csv, one row per OPD x indicator, frozen header, and a
// table with filters over it.
// It is the one large sheet (7,200 rows for 80 OPDs x 90 indicators), so it
// is streamed row by row.
func (b *book) scores(sh string) {
	m, x := b.m, b.m.x
	sw, err := b.f.NewStreamWriter(sh)
	if err != nil {
		b.check(err)
		return
	}
	for i, w := range []float64{7, 16, 6, 14, 30, 12, 18, 12, 22, 10, 34, 6, 18, 6, 40, 21} {
		b.check(sw.SetColWidth(i+1, i+1, w))
	}
	b.check(sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	var head []any
	for _, k := range []string{"report.col.session", "report.col.city", "report.col.stage", "report.col.opd_code",
		"report.col.opd_name", "report.col.dim_key", "report.col.dim", "report.col.elem_key", "report.col.elem",
		"report.col.ind_key", "report.col.ind", "report.col.level", "report.col.level_label", "report.col.na",
		"report.col.note", "report.col.updated"} {
		head = append(head, excelize.Cell{StyleID: b.header, Value: m.t(k)})
	}
	b.check(sw.SetRow("A1", head))

	labels := make(map[int]string, len(x.f.Scale))
	for _, l := range x.f.Scale {
		labels[l.Value] = l.Label.In(m.lang)
	}
	whole := func(v int64) excelize.Cell { return excelize.Cell{StyleID: b.whole, Value: v} }
	// str leaves an empty text out, as the CSV leaves its cell empty.
	str := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	stored := x.storedRows()
	s := x.d.Session
	row := 2
	cells := make([]any, 16)
	for _, o := range x.d.OPDs {
		rows := stored[o.ID]
		for _, d := range x.f.Dimensions {
			for _, e := range d.Elements {
				for _, ind := range e.Indicators {
					cells = append(cells[:0], whole(s.ID), str(s.City), whole(int64(s.Stage)), str(o.Code), str(o.Name),
						str(d.Key), str(d.Name.In(m.lang)), str(e.Key), str(e.Name.In(m.lang)),
						str(ind.Key), str(ind.Name.In(m.lang)))
					var level, label, note, updated any
					na := int64(0)
					if r := rows[ind.Key]; r != nil {
						switch {
						case r.Answer.NA:
							na = 1
						case r.Answer.Level > 0:
							level, label = whole(int64(r.Answer.Level)), str(labels[r.Answer.Level])
						}
						note = str(normalizeBreaks(r.Note))
						if !r.UpdatedAt.IsZero() {
							updated = r.UpdatedAt.UTC().Format(time.RFC3339)
						}
					}
					cells = append(cells, level, label, whole(na), note, updated)
					b.check(sw.SetRow(cell(1, row), cells))
					row++
				}
			}
		}
	}
	// A table gives the header its filter buttons (an autofilter set after
	// streaming would make excelize parse the whole sheet again).
	b.check(sw.AddTable(&excelize.Table{Range: "A1:" + cell(16, max(row-1, 2)), Name: "bimtek_scores", StyleName: "TableStyleLight1"}))
	b.check(sw.Flush())
}

// gaps: dimensions and elements by gap, and the elements where the OPDs
// disagree most, as the gaps screen orders them.
func (b *book) gaps(sh string) {
	m := b.m
	b.widths(sh, 12, 22, 14, 26, 9, 9, 9, 7, 8, 8, 10)
	b.strStyled(sh, 1, 1, m.t("report.gaps.dims"), b.label)
	row := b.headerRow(sh, 2, "report.col.dim_key", "report.col.dim", "report.col.score", "report.col.target",
		"report.col.gap", "report.col.n", "report.col.min", "report.col.max", "report.col.stdev")
	for _, g := range m.dimGaps {
		b.str(sh, 1, row, g.dimKey)
		b.str(sh, 2, row, g.dimName)
		b.gapNumbers(sh, 3, row, g)
		row++
	}
	row++
	b.strStyled(sh, 1, row, m.t("report.gaps.elements"), b.label)
	row = b.headerRow(sh, row+1, "report.col.dim_key", "report.col.dim", "report.col.elem_key", "report.col.elem",
		"report.col.score", "report.col.target", "report.col.gap", "report.col.n", "report.col.min",
		"report.col.max", "report.col.stdev")
	for _, g := range m.elemGaps {
		b.gapElementRow(sh, row, g)
		row++
	}
	row++
	b.strStyled(sh, 1, row, m.t("report.gaps.spread"), b.label)
	row = b.headerRow(sh, row+1, "report.col.dim_key", "report.col.dim", "report.col.elem_key", "report.col.elem",
		"report.col.score", "report.col.target", "report.col.gap", "report.col.n", "report.col.min",
		"report.col.max", "report.col.stdev")
	spread := m.spread()
	for _, g := range spread {
		b.gapElementRow(sh, row, g)
		row++
	}
	if len(spread) == 0 {
		b.str(sh, 1, row, m.t("report.no_score"))
	}
}

func (b *book) gapElementRow(sh string, row int, g packGap) {
	b.str(sh, 1, row, g.dimKey)
	b.str(sh, 2, row, g.dimName)
	b.str(sh, 3, row, g.elemKey)
	b.str(sh, 4, row, g.elem)
	b.gapNumbers(sh, 5, row, g)
}

// gapNumbers writes score, target, gap, n, min, max, stdev from col on.
func (b *book) gapNumbers(sh string, col, row int, g packGap) {
	b.score(sh, col, row, g.stat.Score())
	b.num(sh, col+1, row, g.target)
	b.score(sh, col+2, row, g.gap)
	b.int(sh, col+3, row, int64(g.stat.N))
	if g.stat.N > 0 {
		b.num(sh, col+4, row, g.stat.Min)
		b.num(sh, col+5, row, g.stat.Max)
		b.num(sh, col+6, row, g.stat.Stdev)
	}
}

// priorities: priorities.csv plus the spread of each element.
func (b *book) priorities(sh string) {
	m := b.m
	b.widths(sh, 12, 22, 14, 26, 9, 9, 9, 7, 8, 8, 10)
	row := b.headerRow(sh, 1, "report.col.dim_key", "report.col.dim", "report.col.elem_key", "report.col.elem",
		"report.col.score", "report.col.target", "report.col.gap", "report.col.n", "report.col.min",
		"report.col.max", "report.col.stdev")
	for _, p := range m.prios {
		b.str(sh, 1, row, p.dimKey)
		b.str(sh, 2, row, p.dimName)
		b.str(sh, 3, row, p.elemKey)
		b.str(sh, 4, row, p.elem)
		b.score(sh, 5, row, p.stat.Score())
		b.num(sh, 6, row, p.target)
		b.score(sh, 7, row, p.gap)
		b.int(sh, 8, row, int64(p.stat.N))
		if p.stat.N > 0 {
			b.num(sh, 9, row, p.stat.Min)
			b.num(sh, 10, row, p.stat.Max)
			b.num(sh, 11, row, p.stat.Stdev)
		}
		row++
	}
	if len(m.prios) == 0 {
		b.str(sh, 1, row+1, m.t("report.no_priorities"))
	}
}

// notes: every note an OPD asked to be written down.
func (b *book) notes(sh string) {
	m := b.m
	row := b.headerRow(sh, 1, "report.col.opd_code", "report.col.opd_name", "report.col.dim", "report.col.elem",
		"report.col.ind", "report.col.level", "report.col.note", "report.col.updated")
	b.widths(sh, 14, 30, 18, 22, 34, 16, 60, 21)
	for _, n := range m.notes {
		b.str(sh, 1, row, n.code)
		b.str(sh, 2, row, n.name)
		b.str(sh, 3, row, n.dim)
		b.str(sh, 4, row, n.elem)
		b.str(sh, 5, row, n.ind)
		b.str(sh, 6, row, n.level)
		b.strStyled(sh, 7, row, normalizeBreaks(n.note), b.wrap)
		if !n.updated.IsZero() {
			b.str(sh, 8, row, n.updated.UTC().Format(time.RFC3339))
		}
		row++
	}
	b.freezeTop(sh, 0)
	if len(m.notes) == 0 {
		b.str(sh, 1, row+1, m.t("report.no_notes"))
	}
}

// method: the scoring rules of DESIGN section 3, the scale, the bands and
// the session's targets.
func (b *book) method(sh string) {
	m := b.m
	f := m.x.f
	b.widths(sh, 12, 28, 70)
	b.strStyled(sh, 1, 1, m.t("report.method.title"), b.title)
	row := 3
	for _, k := range methodRules {
		b.strStyled(sh, 1, row, m.t(k), b.wrap)
		b.check(b.f.MergeCell(sh, cell(1, row), cell(3, row)))
		b.check(b.f.SetRowHeight(sh, row, 30))
		row++
	}
	row++
	b.strStyled(sh, 1, row, m.t("report.method.scale"), b.label)
	row = b.headerRow(sh, row+1, "report.col.level", "report.col.level_label", "report.col.description")
	for _, l := range f.Scale {
		b.int(sh, 1, row, int64(l.Value))
		b.str(sh, 2, row, l.Label.In(m.lang))
		b.strStyled(sh, 3, row, l.Description.In(m.lang), b.wrap)
		row++
	}
	row++
	b.strStyled(sh, 1, row, m.t("report.method.bands"), b.label)
	row = b.headerRow(sh, row+1, "report.col.min", "report.col.predikat")
	for _, bd := range sortedBands(f.Bands) {
		b.num(sh, 1, row, bd.Min)
		b.str(sh, 2, row, bd.Predikat.In(m.lang))
		row++
	}
	row++
	b.strStyled(sh, 1, row, m.t("report.method.targets"), b.label)
	row = b.headerRow(sh, row+1, "report.col.dim_key", "report.col.dim", "report.col.target")
	for _, d := range m.dims {
		b.str(sh, 1, row, d.key)
		b.str(sh, 2, row, d.name)
		b.num(sh, 3, row, d.target)
		row++
	}
}

// methodRules are the sentences of DESIGN section 3, in order.
var methodRules = []string{
	"report.rule.missing", "report.rule.element", "report.rule.dimension", "report.rule.overall",
	"report.rule.city", "report.rule.index", "report.rule.predikat", "report.rule.gap",
	"report.rule.completion", "report.rule.rounding",
}

// sortedBands lists the bands from the highest minimum down.
func sortedBands(bands []workshop.Band) []workshop.Band {
	out := append([]workshop.Band(nil), bands...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Min > out[j-1].Min; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
