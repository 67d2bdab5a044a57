package workshop

import (
	"math"
	"sort"
)

// OPD is one participating agency of a session.
type OPD struct {
	ID      int64
	Code    string
	Name    string
	Present bool
}

// Answer is one OPD's answer to one indicator. The zero value is
// "unanswered"; NA marks "not applicable". Neither counts in any mean.
type Answer struct {
	Level int
	NA    bool
}

// Answered reports whether the item counts as done for completion.
func (a Answer) Answered() bool { return a.NA || a.Level > 0 }

// Sheet is one OPD's answers keyed by indicator key.
type Sheet map[string]Answer

// Score is a computed mean; OK is false when nothing was there to average.
type Score struct {
	Value float64
	OK    bool
}

// OPDResult is one OPD's element, dimension and overall scores.
type OPDResult struct {
	Elements   map[string]Score // by element key
	Dimensions map[string]Score // by dimension key
	Overall    Score
	// Done counts answered + N/A items per dimension key, for completion.
	Done map[string]int

	// The same scores in framework order (elements across all dimensions),
	// so the city can be summed without a map lookup per OPD and item.
	elements, dimensions []Score
	done                 []int
}

// weighted accumulates a weighted mean.
type weighted struct{ sum, w float64 }

func (a *weighted) add(v, w float64) { a.sum += v * w; a.w += w }
func (a weighted) score() Score {
	if a.w == 0 {
		return Score{}
	}
	return Score{Value: a.sum / a.w, OK: true}
}

// ScoreOPD applies DESIGN section 3 to one OPD: element = weighted mean of
// its answered indicators, dimension = weighted mean of its scored elements,
// overall = weighted mean of its scored dimensions. N/A and unanswered are
// left out.
func (f *Framework) ScoreOPD(s Sheet) OPDResult {
	r := OPDResult{
		Elements:   make(map[string]Score, 3*len(f.Dimensions)),
		Dimensions: make(map[string]Score, len(f.Dimensions)),
		Done:       make(map[string]int, len(f.Dimensions)),
	}
	r.dimensions = make([]Score, len(f.Dimensions))
	r.done = make([]int, len(f.Dimensions))
	var overall weighted
	for di, d := range f.Dimensions {
		var dim weighted
		done := 0
		for _, e := range d.Elements {
			var el weighted
			for _, ind := range e.Indicators {
				a := s[ind.Key]
				if a.Answered() {
					done++
				}
				if !a.NA && a.Level > 0 {
					el.add(float64(a.Level), weightOr1(ind.Weight))
				}
			}
			es := el.score()
			r.Elements[e.Key] = es
			r.elements = append(r.elements, es)
			if es.OK {
				dim.add(es.Value, weightOr1(e.Weight))
			}
		}
		ds := dim.score()
		r.Dimensions[d.Key] = ds
		r.dimensions[di] = ds
		if done > 0 {
			r.Done[d.Key] = done
		}
		r.done[di] = done
		if ds.OK {
			overall.add(ds.Value, weightOr1(d.Weight))
		}
	}
	r.Overall = overall.score()
	return r
}

// Stat summarises the OPD scores of one element or dimension across the city.
// N is the number of OPDs with a score; the rest is meaningless when N is 0.
type Stat struct {
	Mean, Min, Max, Stdev float64
	N                     int
}

// Score returns the mean as a Score.
func (s Stat) Score() Score { return Score{Value: s.Mean, OK: s.N > 0} }

// NewStat computes the plain mean, min, max and population standard
// deviation of vs.
func NewStat(vs []float64) Stat {
	if len(vs) == 0 {
		return Stat{}
	}
	st := Stat{Min: vs[0], Max: vs[0], N: len(vs)}
	sum := 0.0
	for _, v := range vs {
		sum += v
		st.Min = math.Min(st.Min, v)
		st.Max = math.Max(st.Max, v)
	}
	st.Mean = sum / float64(len(vs))
	ss := 0.0
	for _, v := range vs {
		ss += (v - st.Mean) * (v - st.Mean)
	}
	st.Stdev = math.Sqrt(ss / float64(len(vs)))
	return st
}

// Completion is (answered + N/A) / possible items; OK is false when no item
// was possible (no present OPD).
type Completion struct {
	Done, Possible int
}

// Ratio is Done/Possible, 0 when nothing was possible.
func (c Completion) Ratio() float64 {
	if c.Possible == 0 {
		return 0
	}
	return float64(c.Done) / float64(c.Possible)
}

// Percent is the completion in whole percent as every screen and the
// command line show it: rounded half up, except that 100 means every item
// is done (359 of 360 shows 99%, not 100%).
func (c Completion) Percent() int {
	if c.Possible <= 0 {
		return 0
	}
	p := (c.Done*100 + c.Possible/2) / c.Possible
	if p == 100 && c.Done < c.Possible {
		p = 99
	}
	return p
}

// CityResult is the city-wide view: each OPD counts once.
type CityResult struct {
	Elements   map[string]Stat
	Dimensions map[string]Stat
	// Index is the weighted mean of the scored city dimension scores.
	Index Score
	// Completion per dimension key, and Overall for the whole framework.
	Completion map[string]Completion
	Overall    Completion
}

// at is s[i], or no score when a result was not made by ScoreOPD of this
// framework.
func at(s []Score, i int) Score {
	if i < len(s) {
		return s[i]
	}
	return Score{}
}

// ScoreCity combines the results of the OPDs in scope (present, or with at
// least one answer: Board.InScope) into city scores; every result passed
// counts in completion's denominator. The results are ScoreOPD's for this
// framework.
func (f *Framework) ScoreCity(results []OPDResult) CityResult {
	c := CityResult{
		Elements:   make(map[string]Stat, 3*len(f.Dimensions)),
		Dimensions: make(map[string]Stat, len(f.Dimensions)),
		Completion: make(map[string]Completion, len(f.Dimensions)),
	}
	vs := make([]float64, 0, len(results))
	collect := func(get func(OPDResult) Score) []float64 {
		vs = vs[:0]
		for _, r := range results {
			if s := get(r); s.OK {
				vs = append(vs, s.Value)
			}
		}
		return vs
	}
	var index weighted
	ei := 0
	for di, d := range f.Dimensions {
		for _, e := range d.Elements {
			i := ei
			c.Elements[e.Key] = NewStat(collect(func(r OPDResult) Score { return at(r.elements, i) }))
			ei++
		}
		st := NewStat(collect(func(r OPDResult) Score { return at(r.dimensions, di) }))
		c.Dimensions[d.Key] = st
		if st.N > 0 {
			index.add(st.Mean, weightOr1(d.Weight))
		}
		comp := Completion{Possible: len(results) * d.ItemCount()}
		for _, r := range results {
			if di < len(r.done) {
				comp.Done += r.done[di]
			}
		}
		c.Completion[d.Key] = comp
		c.Overall.Done += comp.Done
		c.Overall.Possible += comp.Possible
	}
	c.Index = index.score()
	return c
}

// Gap is target - score: positive means below target.
func Gap(target float64, s Score) Score {
	if !s.OK {
		return Score{}
	}
	return Score{Value: target - s.Value, OK: true}
}

// Round2 rounds to two decimals, half away from zero, as a person would on
// paper: 4.195 -> 4.20 even though 4.195 has no exact binary form. The value
// is first settled at 9 decimals so float noise (4.19499999...) does not
// decide the rounding.
func Round2(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	settled := math.Round(x*1e9) / 1e7 // hundredths, noise removed
	return math.Round(settled) / 100
}

// GapRow is one dimension or element ordered by its gap to target.
type GapRow struct {
	DimensionKey string
	ElementKey   string // empty for a dimension row
	Stat         Stat
	Target       float64
	Gap          Score
}

// GapsByDimension lists the dimensions by gap, largest first; unscored
// dimensions come last in framework order.
func (f *Framework) GapsByDimension(c CityResult, targets map[string]float64) []GapRow {
	var rows []GapRow
	for _, d := range f.Dimensions {
		st := c.Dimensions[d.Key]
		t := targetOf(targets, d)
		rows = append(rows, GapRow{DimensionKey: d.Key, Stat: st, Target: t, Gap: Gap(t, st.Score())})
	}
	sortGaps(rows)
	return rows
}

// GapsByElement lists every element by gap to its dimension's target.
func (f *Framework) GapsByElement(c CityResult, targets map[string]float64) []GapRow {
	var rows []GapRow
	for _, d := range f.Dimensions {
		t := targetOf(targets, d)
		for _, e := range d.Elements {
			st := c.Elements[e.Key]
			rows = append(rows, GapRow{DimensionKey: d.Key, ElementKey: e.Key, Stat: st, Target: t, Gap: Gap(t, st.Score())})
		}
	}
	sortGaps(rows)
	return rows
}

func targetOf(targets map[string]float64, d Dimension) float64 {
	if t, ok := targets[d.Key]; ok {
		return t
	}
	return d.Target
}

func sortGaps(rows []GapRow) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i].Gap, rows[j].Gap
		if a.OK != b.OK {
			return a.OK
		}
		return a.OK && Round2(a.Value) > Round2(b.Value)
	})
}

// SpreadByElement lists the scored elements by how much the OPDs disagree
// on them: population standard deviation (compared at 2 decimals), largest
// first, framework order between equals. Unscored elements are left out.
func (f *Framework) SpreadByElement(c CityResult, targets map[string]float64) []GapRow {
	var rows []GapRow
	for _, d := range f.Dimensions {
		t := targetOf(targets, d)
		for _, e := range d.Elements {
			st := c.Elements[e.Key]
			if st.N == 0 {
				continue
			}
			rows = append(rows, GapRow{DimensionKey: d.Key, ElementKey: e.Key, Stat: st, Target: t, Gap: Gap(t, st.Score())})
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		return Round2(rows[i].Stat.Stdev) > Round2(rows[j].Stat.Stdev)
	})
	return rows
}
