package report

import (
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/bimtek/bimtek/workshop"
)

// Column names; they never change with the language.
var (
	scoresHeader = []string{
		"session_id", "city", "stage", "opd_code", "opd_name",
		"dimension_key", "dimension", "element_key", "element",
		"indicator_key", "indicator", "level", "level_label",
		"not_applicable", "note", "updated_at",
	}
	citySummaryHeader = []string{
		"dimension_key", "dimension", "score", "predikat", "target", "gap",
		"n_opd", "min", "max", "stdev", "completion",
	}
	prioritiesHeader = []string{
		"dimension_key", "dimension", "element_key", "element", "score", "target", "gap",
	}
)

// exporter holds one session's data with its scores computed once by
// workshop.Board, shared by the four files.
type exporter struct {
	d     *workshop.Data
	f     *workshop.Framework
	lang  string
	excel bool // the Excel flavour (CSV files only)

	once sync.Once
	b    *workshop.Board // made by board at its first use
}

func newExporter(d *workshop.Data, opt Options) *exporter {
	return &exporter{d: d, f: d.Session.Framework, lang: opt.Lang}
}

// board is the session scored by workshop.Board, made when a file first
// needs a score (scores.csv needs none, so the export makes the board
// beside it) and then shared.
func (x *exporter) board() *workshop.Board {
	x.once.Do(func() {
		x.b = workshop.NewBoard(x.f, x.d.OPDs, x.d.Sheets(), x.d.Targets)
	})
	return x.b
}

// predikat is the band label of a score in the export language, empty when
// there is no score or it is below every band.
func (x *exporter) predikat(s workshop.Score) string {
	return text(x.predikatIn(s))
}

// predikatIn is the band label as it is, for the report pack's typed cells.
func (x *exporter) predikatIn(s workshop.Score) string {
	if !s.OK {
		return ""
	}
	p, ok := x.f.Predikat(s.Value)
	if !ok {
		return ""
	}
	return p.In(x.lang)
}

// completion formats a ratio, empty when nothing was possible.
func completion(o *csvOut, c workshop.Completion) string {
	if c.Possible == 0 {
		return ""
	}
	return o.num(c.Ratio())
}

// scores writes scores.csv: every OPD x indicator, stored or not.
func (x *exporter) scores(o *csvOut) {
	o.row(scoresHeader)

	// The framework part of each row does not depend on the OPD, and the
	// OPD part not on the indicator: each is encoded once, with the
	// separators after it.
	var items [][]byte // dimension_key .. indicator
	at := map[string][]int{}
	for _, d := range x.f.Dimensions {
		for _, e := range d.Elements {
			for _, ind := range e.Indicators {
				at[ind.Key] = append(at[ind.Key], len(items))
				items = append(items, o.cells(
					text(d.Key), text(d.Name.In(x.lang)),
					text(e.Key), text(e.Name.In(x.lang)),
					text(ind.Key), text(ind.Name.In(x.lang)),
				))
			}
		}
	}
	labels := make(map[int][]byte, len(x.f.Scale))
	for _, l := range x.f.Scale {
		labels[l.Value] = appendCell(nil, text(l.Label.In(x.lang)), o.comma)
	}
	stored := x.storedByItem(at, len(items))

	// One allocation up front instead of repeated doubling: a row of the
	// scale fixture is about 250 bytes. A file written as it is made
	// needs room for one piece (and the row that fills it).
	if o.out != nil {
		o.buf = slices.Grow(o.buf, min(len(x.d.OPDs)*len(items)*256, spillAt+4096))
	} else {
		o.buf = slices.Grow(o.buf, len(x.d.OPDs)*len(items)*256)
	}

	s := x.d.Session
	session := o.cells(strconv.FormatInt(s.ID, 10), text(s.City), strconv.Itoa(s.Stage))
	for _, opd := range x.d.OPDs {
		prefix := append(append([]byte(nil), session...), o.cells(text(opd.Code), text(opd.Name))...)
		rows := stored[opd.ID]
		for ii, cells := range items {
			b := append(o.buf, prefix...)
			b = append(b, cells...)
			var r *workshop.ScoreRow
			if rows != nil {
				r = rows[ii]
			}
			b = x.scoreTail(o, b, r, labels)
			o.buf = append(b, '\r', '\n')
			o.spill()
		}
	}
}

// scoreTail appends the stored part of a scores.csv row (level,
// level_label, not_applicable, note, updated_at) for the row r, nil when
// the cell was never written.
func (x *exporter) scoreTail(o *csvOut, b []byte, r *workshop.ScoreRow, labels map[int][]byte) []byte {
	if r == nil {
		return append(b, o.comma, o.comma, '0', o.comma, o.comma)
	}
	na := byte('0')
	switch {
	case r.Answer.NA:
		na = '1'
		b = append(b, o.comma, o.comma)
	case r.Answer.Level > 0:
		b = strconv.AppendInt(b, int64(r.Answer.Level), 10)
		b = append(b, o.comma)
		b = append(b, labels[r.Answer.Level]...)
		b = append(b, o.comma)
	default:
		b = append(b, o.comma, o.comma)
	}
	b = append(b, na, o.comma)
	b = appendCell(b, text(r.Note), o.comma)
	b = append(b, o.comma)
	if !r.UpdatedAt.IsZero() {
		// RFC 3339 in UTC never needs quotes.
		b = r.UpdatedAt.UTC().AppendFormat(b, time.RFC3339)
	}
	return b
}

// storedRows indexes the stored rows by OPD and indicator; a later
// duplicate wins, as it would in the store.
func (x *exporter) storedRows() map[int64]map[string]*workshop.ScoreRow {
	stored := make(map[int64]map[string]*workshop.ScoreRow, len(x.d.OPDs))
	for i := range x.d.Scores {
		r := &x.d.Scores[i]
		m := stored[r.OPDID]
		if m == nil {
			m = make(map[string]*workshop.ScoreRow)
			stored[r.OPDID] = m
		}
		m[r.IndicatorKey] = r
	}
	return stored
}

// storedByItem is storedRows with the rows of each OPD in a slice by the
// indicator's places in the framework (at, of n indicators), as scores.csv
// walks them; a later duplicate wins here too. A row of an indicator the
// framework does not have is left out: scores.csv has no line for it.
func (x *exporter) storedByItem(at map[string][]int, n int) map[int64][]*workshop.ScoreRow {
	stored := make(map[int64][]*workshop.ScoreRow, len(x.d.OPDs))
	for i := range x.d.Scores {
		r := &x.d.Scores[i]
		places := at[r.IndicatorKey]
		if len(places) == 0 {
			continue
		}
		m := stored[r.OPDID]
		if m == nil {
			m = make([]*workshop.ScoreRow, n)
			stored[r.OPDID] = m
		}
		for _, ii := range places {
			m[ii] = r
		}
	}
	return stored
}

// opdDimensions writes opd_dimensions.csv: each OPD's dimension scores,
// overall, predikat and completion, present or not.
func (x *exporter) opdDimensions(o *csvOut) {
	header := []string{"opd_code", "opd_name"}
	for _, d := range x.f.Dimensions {
		header = append(header, d.Key)
	}
	header = append(header, "overall", "predikat", "completion")
	o.row(header)

	items := x.f.ItemCount()
	cells := make([]string, 0, len(header))
	for _, opd := range x.d.OPDs {
		r := x.board().OPDResult(opd.ID)
		cells = append(cells[:0], text(opd.Code), text(opd.Name))
		done := 0
		for _, d := range x.f.Dimensions {
			cells = append(cells, o.score(r.Dimensions[d.Key]))
			done += r.Done[d.Key]
		}
		cells = append(cells,
			o.score(r.Overall),
			x.predikat(r.Overall),
			completion(o, workshop.Completion{Done: done, Possible: items}),
		)
		o.row(cells)
	}
}

// citySummary writes city_summary.csv: the city score of every dimension
// over the OPDs in scope, then the city index row.
func (x *exporter) citySummary(o *csvOut) {
	o.row(citySummaryHeader)
	city := x.board().City()
	stat := func(st workshop.Stat) (mn, mx, sd string) {
		if st.N == 0 {
			return "", "", ""
		}
		return o.num(st.Min), o.num(st.Max), o.num(st.Stdev)
	}

	for _, d := range x.f.Dimensions {
		st := city.Dimensions[d.Key]
		score := st.Score()
		target := x.board().Target(d.Key)
		mn, mx, sd := stat(st)
		o.row([]string{
			text(d.Key), text(d.Name.In(x.lang)),
			o.score(score), x.predikat(score),
			o.num(target), o.score(workshop.Gap(target, score)),
			strconv.Itoa(st.N), mn, mx, sd,
			completion(o, city.Completion[d.Key]),
		})
	}

	target, st := x.indexRow()
	mn, mx, sd := stat(st)
	o.row([]string{
		IndexKey, text(indexName.In(x.lang)),
		o.score(city.Index), x.predikat(city.Index),
		o.num(target), o.score(workshop.Gap(target, city.Index)),
		strconv.Itoa(st.N), mn, mx, sd,
		completion(o, city.Overall),
	})
}

// indexName names the city index row.
var indexName = workshop.Text{ID: "Indeks kota", EN: "City index"}

// indexRow is what the city index row states beside the index itself: the
// target (weighted mean, dimension weights, of every dimension's target) and
// n, min, max and stdev of the in-scope OPDs' overall scores.
func (x *exporter) indexRow() (target float64, st workshop.Stat) {
	var targetSum, weightSum float64
	for _, d := range x.f.Dimensions {
		w := d.Weight
		if w == 0 {
			w = 1 // the framework's default weight (DESIGN section 3)
		}
		targetSum += x.board().Target(d.Key) * w
		weightSum += w
	}
	if weightSum > 0 {
		target = targetSum / weightSum
	}
	overall := make([]float64, 0, len(x.d.OPDs))
	for _, opd := range x.board().InScope() {
		if s := x.board().OPDResult(opd.ID).Overall; s.OK {
			overall = append(overall, s.Value)
		}
	}
	return target, workshop.NewStat(overall)
}

// names maps every dimension and element key to its name in the export
// language.
func (x *exporter) names() map[string]string {
	out := make(map[string]string)
	for _, d := range x.f.Dimensions {
		out[d.Key] = d.Name.In(x.lang)
		for _, e := range d.Elements {
			out[e.Key] = e.Name.In(x.lang)
		}
	}
	return out
}

// priorities writes priorities.csv: the priority elements in marking order
// with their city score over the OPDs in scope.
func (x *exporter) priorities(o *csvOut) {
	o.row(prioritiesHeader)
	for _, p := range x.priorityRows() {
		o.row([]string{
			text(p.d.Key), text(p.d.Name.In(x.lang)),
			text(p.e.Key), text(p.e.Name.In(x.lang)),
			o.score(p.stat.Score()), o.num(p.target), o.score(p.gap),
		})
	}
}

// priorityRow is one priority element with its city score and gap.
type priorityRow struct {
	d      *workshop.Dimension
	e      *workshop.Element
	stat   workshop.Stat
	target float64
	gap    workshop.Score
}

// priorityRows lists the session's priority elements in marking order. A key
// that is not in the framework, or a repeated key, is skipped.
func (x *exporter) priorityRows() []priorityRow {
	type where struct {
		d *workshop.Dimension
		e *workshop.Element
	}
	elements := make(map[string]where)
	for di := range x.f.Dimensions {
		d := &x.f.Dimensions[di]
		for ei := range d.Elements {
			elements[d.Elements[ei].Key] = where{d, &d.Elements[ei]}
		}
	}
	city := x.board().City()
	seen := make(map[string]bool, len(x.d.Priorities))
	var out []priorityRow
	for _, key := range x.d.Priorities {
		w, ok := elements[key]
		if !ok || seen[key] {
			continue
		}
		seen[key] = true
		st := city.Elements[key]
		target := x.board().Target(w.d.Key)
		out = append(out, priorityRow{d: w.d, e: w.e, stat: st, target: target, gap: workshop.Gap(target, st.Score())})
	}
	return out
}
