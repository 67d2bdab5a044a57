package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/bimtek/bimtek/workshop"
)

// The one-page report: self-contained HTML (inline CSS, inline SVG, no
// script, nothing loaded from elsewhere) with an A4 print stylesheet. Every
// text goes through html/template, so what a user typed is always escaped;
// the SVG is drawn by svg.go, which escapes its texts itself.

//go:embed page.html.tmpl
var pageSource string

var pageTemplate = template.Must(template.New("page").Parse(pageSource))

// pageView is everything the template shows, already in the report language.
type pageView struct {
	Lang     string
	Title    string
	Heading  string
	Subtitle string
	Meta     []metaItem

	Missing []string
	Waiting string

	IndexLabel string
	Index      string
	HasIndex   bool
	Predikat   string
	IndexLines []string

	RadarTitle, GapsTitle string
	Radar, Gaps           template.HTML

	HeatTitle  string
	HeatHead   []heatHead
	HeatBlocks [][]heatRow
	HeatNote   string
	HeatEmpty  string
	// HeatDense is a heatmap in side-by-side columns: smaller type and the
	// dimension names written upwards.
	HeatDense bool

	PrioTitle, TopGapTitle string
	PrioHead               []string
	Prios, TopGaps         []prioRow
	PrioEmpty, TopGapEmpty string

	Method string
	Footer string
}

type metaItem struct{ Label, Value string }

type heatRow struct {
	Code, Name string
	Cells      []heatCell
}

type heatCell struct{ Class, Value string }

type heatHead struct{ Class, Text string }

type prioRow struct {
	Rank                              int
	Element, Dimension, Score, Target string
	Gap                               string
}

// topN is how many priorities and largest gaps the page lists.
const topN = 5

// page renders the one-page report.
func (m *packModel) page() ([]byte, error) {
	v := m.pageView()
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, v); err != nil {
		return nil, fmt.Errorf("render page: %w", err)
	}
	return buf.Bytes(), nil
}

func (m *packModel) pageView() pageView {
	s := m.session
	v := pageView{
		Lang:     m.lang,
		Title:    m.t("report.doc_title", s.City, m.stage()),
		Heading:  m.t("report.title"),
		Subtitle: m.t("report.subtitle", s.City, m.stage(), m.frameworkName),
	}
	add := func(key, value string) {
		if strings.TrimSpace(value) != "" {
			v.Meta = append(v.Meta, metaItem{m.t(key), value})
		}
	}
	add("report.f.date", m.date())
	add("report.f.venue", s.Venue)
	add("report.f.facilitator", s.Facilitator)
	add("report.f.present", m.t("report.present_of", m.present, m.opds))
	add("report.f.completion", m.t("report.completion_line", m.completion.Percent(), m.completion.Done, m.completion.Possible))

	v.Missing = m.missingLines()
	if len(m.waiting) > 0 {
		const shown = 10
		var parts []string
		for i, o := range m.waiting {
			if i == shown {
				break
			}
			parts = append(parts, fmt.Sprintf("%s %d/%d", o.code, o.done, o.items))
		}
		v.Waiting = m.t("report.waiting", strings.Join(parts, ", "))
		if len(m.waiting) > shown {
			v.Waiting += " " + m.t("report.and_more", len(m.waiting)-shown)
		}
	}

	v.IndexLabel = m.t("report.f.index")
	v.HasIndex = m.index.OK
	v.Index = "–"
	if m.index.OK {
		v.Index = fmt2(m.index.Value)
		v.Predikat = m.indexPredikat()
		v.IndexLines = append(v.IndexLines,
			m.t("report.index_target", fmt2(m.indexTarget), gapText(m.indexTarget-m.index.Value)))
	} else {
		v.Predikat = m.t("report.no_score")
	}
	v.IndexLines = append(v.IndexLines, m.t("report.index_opds", m.indexStat.N))

	v.RadarTitle = m.t("report.chart.radar")
	v.GapsTitle = m.t("report.chart.gaps")
	v.Radar = m.radarSVG()
	v.Gaps = m.gapSVG()

	// The heatmap shows the OPDs the city numbers are over (present, or
	// with an answer), as the scoreboard does.
	v.HeatTitle = m.t("report.heatmap")
	v.HeatHead = append(v.HeatHead, heatHead{"code", m.t("report.col.opd_code")})
	for _, d := range m.dims {
		v.HeatHead = append(v.HeatHead, heatHead{"", d.name})
	}
	v.HeatHead = append(v.HeatHead, heatHead{"overall", m.t("report.col.overall")})
	var rows []heatRow
	for _, o := range m.opdRows {
		if !o.inScope {
			continue
		}
		r := heatRow{Code: o.code, Name: o.name}
		cells := append(append([]workshop.Score(nil), o.dims...), o.overall)
		for i, sc := range cells {
			c := heatCell{Class: m.heatClass(sc), Value: "–"}
			if sc.OK {
				c.Value = fmt2(sc.Value)
			}
			if i == len(cells)-1 {
				c.Class += " overall"
			}
			r.Cells = append(r.Cells, c)
		}
		rows = append(rows, r)
	}
	v.HeatBlocks = splitBlocks(rows, len(m.dims))
	if v.HeatDense = len(v.HeatBlocks) > 1; v.HeatDense {
		for i := range v.HeatHead {
			if v.HeatHead[i].Class != "code" {
				v.HeatHead[i].Class = strings.TrimSpace(v.HeatHead[i].Class + " v")
			}
		}
	}
	if len(rows) == 0 {
		v.HeatEmpty = m.t("report.no_present")
	}
	if absent := m.opds - m.inScope; absent > 0 {
		v.HeatNote = m.t("report.absent_not_shown", absent)
	}

	v.PrioTitle = m.t("report.priorities")
	v.TopGapTitle = m.t("report.top_gaps")
	v.PrioHead = []string{m.t("report.col.rank"), m.t("report.col.elem"), m.t("report.col.score"), m.t("report.col.target"), m.t("report.col.gap")}
	for i, p := range m.prios {
		if i == topN {
			break
		}
		v.Prios = append(v.Prios, m.prioRow(i+1, p))
	}
	if len(m.prios) == 0 {
		v.PrioEmpty = m.t("report.no_priorities")
	}
	v.TopGapEmpty = m.t("report.no_score")
	for _, g := range m.elemGaps {
		if len(v.TopGaps) == topN || !g.gap.OK {
			break
		}
		v.TopGaps = append(v.TopGaps, m.prioRow(len(v.TopGaps)+1, g))
	}

	v.Method = m.methodFootnote()
	v.Footer = m.t("report.footer", s.ID)
	return v
}

func (m *packModel) prioRow(rank int, g packGap) prioRow {
	r := prioRow{Rank: rank, Element: g.elem, Dimension: g.dimName, Target: fmt2(g.target), Score: "–", Gap: "–"}
	if st := g.stat.Score(); st.OK {
		r.Score = fmt2(st.Value)
	}
	if g.gap.OK {
		r.Gap = gapText(g.gap.Value)
	}
	return r
}

// splitBlocks puts a long heatmap into side-by-side columns so that a room
// of 80 OPDs still fits one page: up to 24 rows a column, at most three
// columns (one when the framework has many dimensions).
func splitBlocks(rows []heatRow, dims int) [][]heatRow {
	if len(rows) == 0 {
		return nil
	}
	blocks := (len(rows) + 23) / 24
	if dims > 8 {
		blocks = 1
	}
	blocks = max(1, min(3, blocks))
	per := (len(rows) + blocks - 1) / blocks
	var out [][]heatRow
	for i := 0; i < len(rows); i += per {
		out = append(out, rows[i:min(len(rows), i+per)])
	}
	return out
}

// methodFootnote states DESIGN section 3 in one paragraph, with the
// framework's own scale and bands.
func (m *packModel) methodFootnote() string {
	f := m.x.f
	var bands []string
	for _, b := range sortedBands(f.Bands) {
		bands = append(bands, "≥ "+fmt2(b.Min)+" "+b.Predikat.In(m.lang))
	}
	return m.t("report.footnote", strconv.Itoa(m.scaleLow), strconv.Itoa(m.scaleHigh), strings.Join(bands, "; "))
}
