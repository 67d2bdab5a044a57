// Package workshop holds the domain of a Bimtek: the assessment framework
// (dimensions, elements, indicators, level scale, predikat bands, agenda),
// the OPDs and their scores, and the exact scoring rules. It does no IO.
package workshop

import "strings"

// Text is a label in the two UI languages. Indonesian is the default; an
// empty English text falls back to Indonesian.
type Text struct {
	ID string `yaml:"id" json:"id"`
	EN string `yaml:"en,omitempty" json:"en,omitempty"`
}

// In returns the text in lang ("id" or "en").
func (t Text) In(lang string) string {
	if lang == "en" && strings.TrimSpace(t.EN) != "" {
		return t.EN
	}
	return t.ID
}

// Level is one step of the maturity scale (1 Rintisan ... 5 Optimum).
type Level struct {
	Value       int  `yaml:"value" json:"value"`
	Label       Text `yaml:"label" json:"label"`
	Description Text `yaml:"description" json:"description"`
}

// Band maps a score to its predikat: a score (rounded to 2 decimals) that is
// >= Min falls in the band, the highest matching Min wins.
type Band struct {
	Min      float64 `yaml:"min" json:"min"`
	Predikat Text    `yaml:"predikat" json:"predikat"`
}

// Indicator is one scored item. Its key is unique in the whole framework.
type Indicator struct {
	Key         string  `yaml:"key" json:"key"`
	Name        Text    `yaml:"name" json:"name"`
	Description Text    `yaml:"description" json:"description"`
	Weight      float64 `yaml:"weight,omitempty" json:"weight,omitempty"`
}

// Element groups indicators inside a dimension (e.g. Layanan Publik).
type Element struct {
	Key         string      `yaml:"key" json:"key"`
	Name        Text        `yaml:"name" json:"name"`
	Description Text        `yaml:"description" json:"description"`
	Weight      float64     `yaml:"weight,omitempty" json:"weight,omitempty"`
	Indicators  []Indicator `yaml:"indicators" json:"indicators"`
}

// Dimension is one of the smart-city dimensions (governance, branding, ...).
type Dimension struct {
	Key         string    `yaml:"key" json:"key"`
	Name        Text      `yaml:"name" json:"name"`
	Description Text      `yaml:"description" json:"description"`
	Weight      float64   `yaml:"weight,omitempty" json:"weight,omitempty"`
	Target      float64   `yaml:"target" json:"target"`
	Elements    []Element `yaml:"elements" json:"elements"`
}

// PhaseKind names the screen a phase of the agenda shows.
type PhaseKind string

// The seven screens of a Bimtek day, in their default order.
const (
	PhaseOpening    PhaseKind = "opening"    // Pembukaan
	PhaseRoster     PhaseKind = "roster"     // Daftar OPD
	PhaseBriefing   PhaseKind = "briefing"   // Pengantar dimensi
	PhaseAssessment PhaseKind = "assessment" // Penilaian mandiri
	PhaseScoreboard PhaseKind = "scoreboard" // Papan skor
	PhaseGaps       PhaseKind = "gaps"       // Kesenjangan dan prioritas
	PhaseWrapUp     PhaseKind = "wrapup"     // Penutup
)

// PhaseKinds lists every known kind in the default order.
var PhaseKinds = []PhaseKind{PhaseOpening, PhaseRoster, PhaseBriefing, PhaseAssessment, PhaseScoreboard, PhaseGaps, PhaseWrapUp}

// Phase is one step of the agenda with its planned minutes.
type Phase struct {
	Key     string    `yaml:"key" json:"key"`
	Kind    PhaseKind `yaml:"kind" json:"kind"`
	Name    Text      `yaml:"name" json:"name"`
	Minutes int       `yaml:"minutes" json:"minutes"`
}

// Framework is a whole assessment model. A session keeps its own copy.
type Framework struct {
	Key         string      `yaml:"key" json:"key"`
	Name        Text        `yaml:"name" json:"name"`
	Description Text        `yaml:"description" json:"description"`
	Scale       []Level     `yaml:"scale" json:"scale"`
	Bands       []Band      `yaml:"bands" json:"bands"`
	Dimensions  []Dimension `yaml:"dimensions" json:"dimensions"`
	Agenda      []Phase     `yaml:"agenda" json:"agenda"`
}

// weightOr1 returns w, or 1 where the file left the weight out.
func weightOr1(w float64) float64 {
	if w == 0 {
		return 1
	}
	return w
}

// MinLevel and MaxLevel are the ends of the scale.
func (f *Framework) MinLevel() int {
	if len(f.Scale) == 0 {
		return 0
	}
	m := f.Scale[0].Value
	for _, l := range f.Scale {
		m = min(m, l.Value)
	}
	return m
}

// MaxLevel is the highest value of the scale.
func (f *Framework) MaxLevel() int {
	m := 0
	for _, l := range f.Scale {
		m = max(m, l.Value)
	}
	return m
}

// LevelOf returns the scale step with value v.
func (f *Framework) LevelOf(v int) (Level, bool) {
	for _, l := range f.Scale {
		if l.Value == v {
			return l, true
		}
	}
	return Level{}, false
}

// ItemCount is the number of indicators in the framework.
func (f *Framework) ItemCount() int {
	n := 0
	for _, d := range f.Dimensions {
		n += d.ItemCount()
	}
	return n
}

// ItemCount is the number of indicators in the dimension.
func (d *Dimension) ItemCount() int {
	n := 0
	for _, e := range d.Elements {
		n += len(e.Indicators)
	}
	return n
}

// Indicators lists the dimension's indicators in order.
func (d *Dimension) Indicators() []Indicator {
	out := make([]Indicator, 0, d.ItemCount())
	for _, e := range d.Elements {
		out = append(out, e.Indicators...)
	}
	return out
}

// Dimension returns the dimension with key k.
func (f *Framework) Dimension(k string) (*Dimension, bool) {
	for i := range f.Dimensions {
		if f.Dimensions[i].Key == k {
			return &f.Dimensions[i], true
		}
	}
	return nil, false
}

// IndicatorRef locates an indicator inside its framework.
type IndicatorRef struct {
	Dimension *Dimension
	Element   *Element
	Indicator *Indicator
}

// Locate finds an indicator by key.
func (f *Framework) Locate(indicatorKey string) (IndicatorRef, bool) {
	for di := range f.Dimensions {
		d := &f.Dimensions[di]
		for ei := range d.Elements {
			e := &d.Elements[ei]
			for ii := range e.Indicators {
				if e.Indicators[ii].Key == indicatorKey {
					return IndicatorRef{d, e, &e.Indicators[ii]}, true
				}
			}
		}
	}
	return IndicatorRef{}, false
}

// Predikat returns the band label for a score, compared after rounding to
// two decimals (4.195 -> 4.20 -> Memuaskan). ok is false below every band.
func (f *Framework) Predikat(score float64) (Text, bool) {
	r := Round2(score)
	best := -1
	for i, b := range f.Bands {
		if r >= b.Min && (best < 0 || b.Min > f.Bands[best].Min) {
			best = i
		}
	}
	if best < 0 {
		return Text{}, false
	}
	return f.Bands[best].Predikat, true
}

// Targets returns the framework's default target per dimension key.
func (f *Framework) Targets() map[string]float64 {
	t := make(map[string]float64, len(f.Dimensions))
	for _, d := range f.Dimensions {
		t[d.Key] = d.Target
	}
	return t
}
