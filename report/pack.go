package report

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/workshop"
)

// The report pack (DESIGN section 13) is the material for Buku 1: one
// workbook and one printable page per session and language, both drawn from
// the same packModel, whose numbers come from the same exporter (and so the
// same workshop.Board and Round2) as the CSV files. A number in the pack is
// therefore always the CSV export's number.

// Pack says where a report pack went.
type Pack struct {
	// Dir is the folder (absolute when it could be resolved).
	Dir string
	// XLSX and HTML are the two files written into Dir.
	XLSX, HTML string
}

// Files lists the pack's files: the workbook, then the page.
func (p Pack) Files() []string { return []string{p.XLSX, p.HTML} }

// WritePack writes the session's report pack in lang ("id" or "en"; empty is
// "id") as the folder dir: <city>-tahap<N>.xlsx and <city>-tahap<N>.html. The
// folder is written whole like every export (see WriteFolder): complete
// before it appears, an older pack of that name replaced in one step,
// nothing left behind on failure.
func WritePack(dir string, d *workshop.Data, lang string) (Pack, error) {
	return writePack(dir, d, lang, osFS{})
}

func writePack(dir string, d *workshop.Data, lang string, fs fileSystem) (Pack, error) {
	if d == nil || d.Session.Framework == nil {
		return Pack{}, errors.New("report: the session has no framework; reopen the session and try again")
	}
	switch lang {
	case "":
		lang = "id"
	case "id", "en":
	default:
		return Pack{}, fmt.Errorf("report: unknown language %q; use id or en", lang)
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	m := newPackModel(d, lang)
	book, err := m.workbook()
	if err != nil {
		return Pack{}, fmt.Errorf("report workbook: %w", err)
	}
	page, err := m.page()
	if err != nil {
		return Pack{}, fmt.Errorf("report page: %w", err)
	}
	base := PackBaseName(d)
	paths, err := writeFolder(fs, dir, []File{
		{Name: base + ".xlsx", Data: book},
		{Name: base + ".html", Data: page},
	})
	if err != nil {
		return Pack{}, err
	}
	return Pack{Dir: dir, XLSX: paths[0], HTML: paths[1]}, nil
}

// PackBaseName is the pack's file name without extension, after the city and
// the tahap: kota-bandung-tahap1.
func PackBaseName(d *workshop.Data) string {
	var s workshop.Session
	if d != nil {
		s = d.Session
	}
	return fmt.Sprintf("%s-tahap%d", Slug(s.City), s.Stage)
}

// DefaultPackDir is the folder a report pack gets when the user names none:
// base/laporan-<city>-tahap<N>-<session id>-<YYYYMMDD-HHMM> (report-... in
// English), with now in the caller's time zone.
func DefaultPackDir(base string, d *workshop.Data, lang string, now time.Time) string {
	var id int64
	if d != nil {
		id = d.Session.ID
	}
	name := fmt.Sprintf("%s-%s-%d-%s", assets.T(lang, "report.folder"), PackBaseName(d), id, now.Format("20060102-1504"))
	return filepath.Join(base, name)
}

// packModel is one session's report in one language: every text already in
// that language and every number as a workshop value, rounded only where it
// is written (Round2 in num).
type packModel struct {
	x    *exporter
	lang string

	session workshop.Session
	// frameworkName is the framework's name in the report language.
	frameworkName string

	opds, present int
	inScope       int // OPDs the city numbers are over: present or with an answer
	items         int // indicators per OPD
	completion    workshop.Completion
	index         workshop.Score
	indexTarget   float64
	indexStat     workshop.Stat

	dims      []packDim
	opdRows   []packOPD
	dimGaps   []packGap
	elemGaps  []packGap
	prios     []packGap
	notes     []packNote
	unscored  []string  // dimension names without a city score
	waiting   []packOPD // in-scope OPDs whose answers are not complete
	scaleLow  int
	scaleHigh int
}

type packDim struct {
	key, name  string
	score      workshop.Score
	predikat   string
	target     float64
	gap        workshop.Score
	stat       workshop.Stat
	completion workshop.Completion
}

type packOPD struct {
	code, name string
	present    bool
	inScope    bool
	dims       []workshop.Score // framework order
	overall    workshop.Score
	predikat   string
	done       int
	items      int
}

type packGap struct {
	dimKey, dimName string
	elemKey, elem   string // empty for a dimension row
	stat            workshop.Stat
	target          float64
	gap             workshop.Score
}

type packNote struct {
	code, name          string
	dim, elem, ind      string
	level               string // the level label, "N/A", or empty
	note                string
	updated             time.Time
	indicatorKey, opdID string
}

func newPackModel(d *workshop.Data, lang string) *packModel {
	x := newExporter(d, Options{Lang: lang})
	f := x.f
	city := x.board().City()
	m := &packModel{
		x:             x,
		lang:          lang,
		session:       d.Session,
		frameworkName: f.Name.In(lang),
		opds:          len(d.OPDs),
		present:       len(x.board().Present()),
		inScope:       len(x.board().InScope()),
		items:         f.ItemCount(),
		completion:    city.Overall,
		index:         city.Index,
		scaleLow:      f.MinLevel(),
		scaleHigh:     f.MaxLevel(),
	}
	m.indexTarget, m.indexStat = x.indexRow()

	for _, dim := range f.Dimensions {
		st := city.Dimensions[dim.Key]
		target := x.board().Target(dim.Key)
		p := packDim{
			key: dim.Key, name: dim.Name.In(lang),
			score: st.Score(), predikat: x.predikatIn(st.Score()),
			target: target, gap: workshop.Gap(target, st.Score()),
			stat: st, completion: city.Completion[dim.Key],
		}
		m.dims = append(m.dims, p)
		if !p.score.OK {
			m.unscored = append(m.unscored, p.name)
		}
	}

	scope := map[int64]bool{}
	for _, o := range x.board().InScope() {
		scope[o.ID] = true
	}
	for _, o := range d.OPDs {
		r := x.board().OPDResult(o.ID)
		row := packOPD{code: o.Code, name: o.Name, present: o.Present, inScope: scope[o.ID], overall: r.Overall,
			predikat: x.predikatIn(r.Overall), items: m.items}
		for _, dim := range f.Dimensions {
			row.dims = append(row.dims, r.Dimensions[dim.Key])
			row.done += r.Done[dim.Key]
		}
		m.opdRows = append(m.opdRows, row)
		if row.inScope && row.done < row.items {
			m.waiting = append(m.waiting, row)
		}
	}

	names := x.names()
	for _, g := range f.GapsByDimension(city, x.board().Targets) {
		m.dimGaps = append(m.dimGaps, packGap{dimKey: g.DimensionKey, dimName: names[g.DimensionKey],
			stat: g.Stat, target: g.Target, gap: g.Gap})
	}
	for _, g := range f.GapsByElement(city, x.board().Targets) {
		m.elemGaps = append(m.elemGaps, packGap{dimKey: g.DimensionKey, dimName: names[g.DimensionKey],
			elemKey: g.ElementKey, elem: names[g.ElementKey], stat: g.Stat, target: g.Target, gap: g.Gap})
	}
	for _, p := range x.priorityRows() {
		m.prios = append(m.prios, packGap{dimKey: p.d.Key, dimName: p.d.Name.In(lang),
			elemKey: p.e.Key, elem: p.e.Name.In(lang), stat: p.stat, target: p.target, gap: p.gap})
	}

	m.notes = m.collectNotes(d)
	return m
}

// collectNotes lists every stored note in the order of scores.csv (roster,
// then framework order).
func (m *packModel) collectNotes(d *workshop.Data) []packNote {
	f := m.x.f
	byOPD := make(map[int64]map[string]*workshop.ScoreRow)
	for i := range d.Scores {
		r := &d.Scores[i]
		if r.Note == "" {
			continue
		}
		if byOPD[r.OPDID] == nil {
			byOPD[r.OPDID] = map[string]*workshop.ScoreRow{}
		}
		byOPD[r.OPDID][r.IndicatorKey] = r
	}
	var out []packNote
	for _, o := range d.OPDs {
		rows := byOPD[o.ID]
		if rows == nil {
			continue
		}
		for _, dim := range f.Dimensions {
			for _, e := range dim.Elements {
				for _, ind := range e.Indicators {
					r := rows[ind.Key]
					if r == nil {
						continue
					}
					n := packNote{code: o.Code, name: o.Name, dim: dim.Name.In(m.lang), elem: e.Name.In(m.lang),
						ind: ind.Name.In(m.lang), note: r.Note, updated: r.UpdatedAt,
						indicatorKey: ind.Key, opdID: strconv.FormatInt(o.ID, 10)}
					switch {
					case r.Answer.NA:
						n.level = assets.T(m.lang, "report.na")
					case r.Answer.Level > 0:
						if l, ok := f.LevelOf(r.Answer.Level); ok {
							n.level = strconv.Itoa(l.Value) + " " + l.Label.In(m.lang)
						}
					}
					out = append(out, n)
				}
			}
		}
	}
	return out
}

// t is a catalogue string in the report language.
func (m *packModel) t(key string, args ...any) string { return assets.T(m.lang, key, args...) }

// stage is the tahap in Roman numerals, as the screens show it.
func (m *packModel) stage() string {
	r := []string{"", "I", "II", "III", "IV"}
	if s := m.session.Stage; s >= 1 && s <= 4 {
		return r[s]
	}
	return strconv.Itoa(m.session.Stage)
}

// date writes 2025-03-04 as "Selasa, 4 Maret 2025", like the opening screen;
// anything else is shown as it was typed.
func (m *packModel) date() string {
	d, err := time.Parse("2006-01-02", m.session.Date)
	if err != nil {
		return m.session.Date
	}
	return m.t("cal.long", m.t(fmt.Sprintf("cal.day.%d", int(d.Weekday()))), d.Day(),
		m.t(fmt.Sprintf("cal.month.%d", int(d.Month()))), d.Year())
}

// indexPredikat is the city index's predikat, empty without a score.
func (m *packModel) indexPredikat() string { return m.x.predikatIn(m.index) }

// answered is how many items are answered or N/A over the OPDs in scope.
func (m *packModel) missingLines() []string {
	var out []string
	switch {
	case m.inScope == 0:
		out = append(out, m.t("report.missing.no_present", m.opds))
	case m.completion.Done == 0:
		out = append(out, m.t("report.missing.nothing", m.completion.Possible))
	case m.completion.Done < m.completion.Possible:
		out = append(out, m.t("report.missing.items", m.completion.Possible-m.completion.Done, m.completion.Possible))
	}
	if len(m.unscored) > 0 && m.completion.Done > 0 {
		out = append(out, m.t("report.missing.dims", joinList(m.lang, m.unscored)))
	}
	return out
}

// joinList writes "a, b dan c" ("a, b and c").
func joinList(lang string, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	s := ""
	for i, it := range items[:len(items)-1] {
		if i > 0 {
			s += ", "
		}
		s += it
	}
	return s + assets.T(lang, "report.and") + items[len(items)-1]
}

// fmt2 writes a number as the screens do: 2 decimals, half away from zero,
// never "-0.00".
func fmt2(v float64) string { return formatNum(v, false) }

// gapText says a gap (target − score) as the screens do (DESIGN 3, the
// gaps screen's GapText), never as a bare "+0.38" that reads like a gain:
// "▼ 0.38" below the target, "▲ 0.20 ✔" above it, "0.00 ✔" on it. The
// spaces are no-break spaces, so a narrow box never parts the arrow from
// its number.
func gapText(v float64) string {
	const nb = "\u00a0"
	r := workshop.Round2(v)
	switch {
	case r > 0:
		return "▼" + nb + fmt2(r)
	case r < 0:
		return "▲" + nb + fmt2(-r) + nb + "✔"
	}
	return fmt2(0) + nb + "✔"
}

// round2 is the value a cell holds: the 2-decimal number the CSV shows.
func round2(v float64) float64 {
	r := workshop.Round2(v)
	if r == 0 {
		return 0
	}
	return r
}

// spread lists the elements where the OPDs disagree most, as the gaps
// screen does.
func (m *packModel) spread() []packGap {
	names := m.x.names()
	city := m.x.board().City()
	var out []packGap
	for _, g := range m.x.f.SpreadByElement(city, m.x.board().Targets) {
		out = append(out, packGap{dimKey: g.DimensionKey, dimName: names[g.DimensionKey],
			elemKey: g.ElementKey, elem: names[g.ElementKey], stat: g.Stat, target: g.Target, gap: g.Gap})
	}
	return out
}
