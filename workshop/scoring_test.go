package workshop

import (
	"math"
	"reflect"
	"testing"
)

// testFramework: two dimensions.
//
//	gov (weight 2, target 3.5): el A (weight 1): a1 (w1), a2 (w3); el B (weight 3): b1
//	env (weight 1, target 3.0): el C: c1, c2
func testFramework() *Framework {
	return &Framework{
		Key: "t",
		Scale: []Level{
			{Value: 1, Label: Text{ID: "Rintisan"}}, {Value: 2, Label: Text{ID: "Terkelola"}},
			{Value: 3, Label: Text{ID: "Terdefinisi"}}, {Value: 4, Label: Text{ID: "Terpadu dan Terukur"}},
			{Value: 5, Label: Text{ID: "Optimum"}},
		},
		Bands: []Band{
			{Min: 1.0, Predikat: Text{ID: "Kurang"}}, {Min: 1.8, Predikat: Text{ID: "Cukup"}},
			{Min: 2.6, Predikat: Text{ID: "Baik"}}, {Min: 3.5, Predikat: Text{ID: "Sangat Baik"}},
			{Min: 4.2, Predikat: Text{ID: "Memuaskan"}},
		},
		Dimensions: []Dimension{
			{Key: "gov", Weight: 2, Target: 3.5, Elements: []Element{
				{Key: "A", Weight: 1, Indicators: []Indicator{{Key: "a1", Weight: 1}, {Key: "a2", Weight: 3}}},
				{Key: "B", Weight: 3, Indicators: []Indicator{{Key: "b1"}}},
			}},
			{Key: "env", Target: 3.0, Elements: []Element{
				{Key: "C", Indicators: []Indicator{{Key: "c1"}, {Key: "c2"}}},
			}},
		},
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreOPD(t *testing.T) {
	f := testFramework()
	cases := []struct {
		name    string
		sheet   Sheet
		el      map[string]Score
		dim     map[string]Score
		overall Score
		done    map[string]int
	}{
		{
			name: "weighted means all the way up",
			// A = (2*1 + 4*3)/4 = 3.5; B = 5; gov = (3.5*1 + 5*3)/4 = 4.625
			// C = (1+2)/2 = 1.5; env = 1.5; overall = (4.625*2 + 1.5*1)/3 = 3.583333...
			sheet:   Sheet{"a1": {Level: 2}, "a2": {Level: 4}, "b1": {Level: 5}, "c1": {Level: 1}, "c2": {Level: 2}},
			el:      map[string]Score{"A": {3.5, true}, "B": {5, true}, "C": {1.5, true}},
			dim:     map[string]Score{"gov": {4.625, true}, "env": {1.5, true}},
			overall: Score{10.75 / 3, true},
			done:    map[string]int{"gov": 3, "env": 2},
		},
		{
			name: "N/A and unanswered are left out, never zero",
			// A = a2 only = 4; B unanswered -> element has no score; gov = 4
			// C: c1 N/A, c2 = 3 -> 3; overall = (4*2 + 3)/3 = 11/3
			sheet:   Sheet{"a1": {NA: true}, "a2": {Level: 4}, "c1": {NA: true}, "c2": {Level: 3}},
			el:      map[string]Score{"A": {4, true}, "B": {}, "C": {3, true}},
			dim:     map[string]Score{"gov": {4, true}, "env": {3, true}},
			overall: Score{11.0 / 3, true},
			done:    map[string]int{"gov": 2, "env": 2},
		},
		{
			name:    "a dimension with only N/A has no score and does not count",
			sheet:   Sheet{"c1": {NA: true}, "c2": {NA: true}, "b1": {Level: 2}},
			el:      map[string]Score{"A": {}, "B": {2, true}, "C": {}},
			dim:     map[string]Score{"gov": {2, true}, "env": {}},
			overall: Score{2, true},
			done:    map[string]int{"gov": 1, "env": 2},
		},
		{
			name:  "nothing answered",
			sheet: Sheet{},
			el:    map[string]Score{"A": {}, "B": {}, "C": {}},
			dim:   map[string]Score{"gov": {}, "env": {}},
			done:  map[string]int{},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := f.ScoreOPD(c.sheet)
			check := func(what string, got, want Score) {
				t.Helper()
				if got.OK != want.OK || !near(got.Value, want.Value) {
					t.Errorf("%s = %+v, want %+v", what, got, want)
				}
			}
			for k, w := range c.el {
				check("element "+k, r.Elements[k], w)
			}
			for k, w := range c.dim {
				check("dimension "+k, r.Dimensions[k], w)
			}
			check("overall", r.Overall, c.overall)
			for _, k := range []string{"gov", "env"} {
				if r.Done[k] != c.done[k] {
					t.Errorf("done %s = %d, want %d", k, r.Done[k], c.done[k])
				}
			}
		})
	}
}

func TestScoreCity(t *testing.T) {
	f := testFramework()
	// Three present OPDs.
	// o1: gov: A=(3+3*3)/4=3, B=3 -> gov 3; env: C=(4+4)/2=4 -> 4
	// o2: gov: A=(5*1+5*3)/4=5, B=5 -> 5; env: all N/A -> none
	// o3: nothing answered
	sheets := []Sheet{
		{"a1": {Level: 3}, "a2": {Level: 3}, "b1": {Level: 3}, "c1": {Level: 4}, "c2": {Level: 4}},
		{"a1": {Level: 5}, "a2": {Level: 5}, "b1": {Level: 5}, "c1": {NA: true}, "c2": {NA: true}},
		{},
	}
	var rs []OPDResult
	for _, s := range sheets {
		rs = append(rs, f.ScoreOPD(s))
	}
	c := f.ScoreCity(rs)
	// gov: scores 3 and 5: mean 4, n 2, min 3, max 5, population stdev 1.
	if g := c.Dimensions["gov"]; g.N != 2 || !near(g.Mean, 4) || g.Min != 3 || g.Max != 5 || !near(g.Stdev, 1) {
		t.Errorf("gov = %+v", g)
	}
	// env: only o1 scored 4: n 1, stdev 0.
	if e := c.Dimensions["env"]; e.N != 1 || !near(e.Mean, 4) || e.Stdev != 0 {
		t.Errorf("env = %+v", e)
	}
	// index = (4*2 + 4*1)/3 = 4
	if !c.Index.OK || !near(c.Index.Value, 4) {
		t.Errorf("index = %+v", c.Index)
	}
	// completion: gov 3 items x 3 OPDs = 9 possible, 6 done; env 2x3 = 6, 4 done (N/A counts).
	if got := c.Completion["gov"]; got != (Completion{6, 9}) {
		t.Errorf("gov completion = %+v", got)
	}
	if got := c.Completion["env"]; got != (Completion{4, 6}) {
		t.Errorf("env completion = %+v", got)
	}
	if got := c.Overall; got != (Completion{10, 15}) || !near(got.Ratio(), 10.0/15) {
		t.Errorf("overall completion = %+v", got)
	}
	// element A: o1 3, o2 5 -> 4.
	if a := c.Elements["A"]; a.N != 2 || !near(a.Mean, 4) {
		t.Errorf("element A = %+v", a)
	}
	// no OPD at all
	empty := f.ScoreCity(nil)
	if empty.Index.OK || empty.Overall.Possible != 0 || empty.Overall.Ratio() != 0 {
		t.Errorf("empty city = %+v", empty)
	}
}

func TestRound2(t *testing.T) {
	cases := []struct{ in, want float64 }{
		{4.195, 4.20}, {1.795, 1.80}, {2.345, 2.35}, {2.344999, 2.34},
		{-0.125, -0.13}, {-0.124, -0.12}, {0.005, 0.01}, {-0.005, -0.01},
		{3.0, 3.0}, {10.0 / 3, 3.33}, {11.0 / 3, 3.67}, {0, 0},
		{1.005, 1.01}, {2.675, 2.68}, {4.625, 4.63},
	}
	for _, c := range cases {
		if got := Round2(c.in); got != c.want {
			t.Errorf("Round2(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestPredikatBandEdges(t *testing.T) {
	f := testFramework()
	cases := []struct {
		score float64
		want  string
		ok    bool
	}{
		{4.195, "Memuaskan", true}, // rounds to 4.20
		{4.194, "Sangat Baik", true},
		{4.2, "Memuaskan", true},
		{3.5, "Sangat Baik", true},
		{3.4949, "Baik", true}, // -> 3.49, below 3.5
		{2.6, "Baik", true},
		{2.595, "Baik", true}, // -> 2.60
		{1.795, "Cukup", true},
		{1.794, "Kurang", true},
		{1.0, "Kurang", true},
		{5, "Memuaskan", true},
		{0.5, "", false},
	}
	for _, c := range cases {
		got, ok := f.Predikat(c.score)
		if ok != c.ok || got.ID != c.want {
			t.Errorf("Predikat(%v) = %q,%v want %q,%v", c.score, got.ID, ok, c.want, c.ok)
		}
	}
}

func TestGapsOrder(t *testing.T) {
	f := testFramework()
	rs := []OPDResult{f.ScoreOPD(Sheet{"a1": {Level: 2}, "a2": {Level: 2}, "b1": {Level: 2}, "c1": {Level: 2}})}
	c := f.ScoreCity(rs)
	// gov 2 vs target 3.5 -> gap 1.5; env 2 vs target 4 (session override) -> 2.
	rows := f.GapsByDimension(c, map[string]float64{"env": 4})
	if rows[0].DimensionKey != "env" || !near(rows[0].Gap.Value, 2) || rows[1].DimensionKey != "gov" || !near(rows[1].Gap.Value, 1.5) {
		t.Errorf("gap order = %+v", rows)
	}
	els := f.GapsByElement(c, nil)
	// A 2 (gap 1.5), B 2 (1.5), C 2 vs 3.0 (1.0): stable among equals.
	if els[0].ElementKey != "A" || els[1].ElementKey != "B" || els[2].ElementKey != "C" {
		t.Errorf("element gap order = %+v", els)
	}
	// an unscored element goes last
	c2 := f.ScoreCity([]OPDResult{f.ScoreOPD(Sheet{"c1": {Level: 1}})})
	els = f.GapsByElement(c2, nil)
	if els[0].ElementKey != "C" || els[1].Gap.OK || els[2].Gap.OK {
		t.Errorf("unscored elements not last: %+v", els)
	}
}

func TestBoardUpdatesCityOnSet(t *testing.T) {
	f := testFramework()
	opds := []OPD{{ID: 1, Present: true}, {ID: 2, Present: true}, {ID: 3, Present: false}}
	b := NewBoard(f, opds, map[int64]Sheet{3: {"b1": {Level: 1}}}, map[string]float64{"gov": 4})
	// OPD 3 is absent but answered b1 = 1: it is in scope (gov: B = 1 -> 1).
	if g := b.City().Dimensions["gov"]; g.N != 1 || !near(g.Mean, 1) {
		t.Fatalf("gov with the absent OPD's answer = %+v", g)
	}
	if b.Target("gov") != 4 || b.Target("env") != 3 {
		t.Errorf("targets = %v", b.Targets)
	}
	b.Set(1, "b1", Answer{Level: 4})
	b.Set(2, "b1", Answer{Level: 2})
	// gov: 4, 2 and 1 -> 7/3.
	if g := b.City().Dimensions["gov"]; g.N != 3 || !near(g.Mean, 7.0/3) {
		t.Errorf("gov after two answers = %+v", g)
	}
	b.Set(2, "b1", Answer{}) // clear
	if g := b.City().Dimensions["gov"]; g.N != 2 || !near(g.Mean, 2.5) {
		t.Errorf("gov after clear = %+v", g)
	}
	if _, ok := b.Sheet(2)["b1"]; ok {
		t.Errorf("cleared answer still in the sheet")
	}
	// In scope: 1, 2 (present) and 3 (answered): 3 OPDs x 5 items, 2 done.
	if c := b.City().Overall; c.Possible != 3*5 || c.Done != 2 {
		t.Errorf("completion = %+v", c)
	}
	opds[2].Present = true
	b.SetOPDs(opds)
	if g := b.City().Dimensions["gov"]; g.N != 2 || !near(g.Mean, 2.5) {
		t.Errorf("gov after OPD 3 present = %+v", g)
	}
}

// TestAbsenceNeverChangesScores is DESIGN section 3: marking an OPD absent
// on day 2 leaves every city number of day 1 as it was; only completion's
// denominator forgets an absent OPD that never answered.
func TestAbsenceNeverChangesScores(t *testing.T) {
	f := testFramework()
	// o1: gov A=(2+2*3)/4=2, B=4 -> gov (2*1+4*3)/4=3.5; env C=(3+5)/2=4.
	// o2: gov A=(4+4*3)/4=4, B=2 -> gov (4+2*3)/4=2.5; env none.
	// o3: nothing.
	sheets := map[int64]Sheet{
		1: {"a1": {Level: 2}, "a2": {Level: 2}, "b1": {Level: 4}, "c1": {Level: 3}, "c2": {Level: 5}},
		2: {"a1": {Level: 4}, "a2": {Level: 4}, "b1": {Level: 2}},
	}
	all := []OPD{{ID: 1, Present: true}, {ID: 2, Present: true}, {ID: 3, Present: true}}
	b := NewBoard(f, all, sheets, nil)
	day1 := b.City()
	// gov: 3.5 and 2.5 -> mean 3, n 2, stdev 0.5; env: 4 (n 1).
	// index = (3*2 + 4*1)/3 = 10/3.
	if g := day1.Dimensions["gov"]; g.N != 2 || !near(g.Mean, 3) || !near(g.Stdev, 0.5) {
		t.Fatalf("day 1 gov = %+v", g)
	}
	if !near(day1.Index.Value, 10.0/3) {
		t.Fatalf("day 1 index = %+v", day1.Index)
	}
	// completion day 1: 3 OPDs x 5 items = 15, done 5 + 3 = 8.
	if day1.Overall != (Completion{8, 15}) {
		t.Fatalf("day 1 completion = %+v", day1.Overall)
	}

	// Day 2: o1 (answered everything) and o3 (answered nothing) are absent.
	day2 := []OPD{{ID: 1, Present: false}, {ID: 2, Present: true}, {ID: 3, Present: false}}
	b.SetOPDs(day2)
	c := b.City()
	for _, k := range []string{"gov", "env"} {
		if c.Dimensions[k] != day1.Dimensions[k] {
			t.Errorf("%s changed with absence: %+v, was %+v", k, c.Dimensions[k], day1.Dimensions[k])
		}
	}
	for _, k := range []string{"A", "B", "C"} {
		if c.Elements[k] != day1.Elements[k] {
			t.Errorf("element %s changed with absence: %+v, was %+v", k, c.Elements[k], day1.Elements[k])
		}
	}
	if c.Index != day1.Index {
		t.Errorf("index changed with absence: %+v, was %+v", c.Index, day1.Index)
	}
	// In scope: o1 (answers), o2 (present): 2 x 5 = 10 possible, 8 done.
	if c.Overall != (Completion{8, 10}) {
		t.Errorf("day 2 completion = %+v, want 8/10", c.Overall)
	}
	if got := b.InScope(); len(got) != 2 || got[0].ID != 1 || got[1].ID != 2 {
		t.Errorf("in scope = %+v, want OPDs 1 and 2", got)
	}
	// A fresh board from the same data (reopening on day 2) agrees.
	if again := NewBoard(f, day2, sheets, nil).City(); again.Index != c.Index || again.Overall != c.Overall {
		t.Errorf("reopened day 2 = %+v / %+v", again.Index, again.Overall)
	}
}

func TestCompletionPercent(t *testing.T) {
	cases := []struct {
		c    Completion
		want int
	}{
		{Completion{0, 0}, 0}, {Completion{0, 6}, 0}, {Completion{1, 6}, 17}, {Completion{4, 6}, 67},
		{Completion{1, 8}, 13}, {Completion{308, 360}, 86}, {Completion{359, 360}, 99}, {Completion{360, 360}, 100},
		{Completion{1, 1000}, 0}, {Completion{5, 1000}, 1},
	}
	for _, c := range cases {
		if got := c.c.Percent(); got != c.want {
			t.Errorf("%d/%d = %d%%, want %d%%", c.c.Done, c.c.Possible, got, c.want)
		}
	}
}

func TestSpreadByElement(t *testing.T) {
	f := testFramework()
	// o1: A = (1 + 3*1)/4 = 1, B = 4, C = (2+2)/2 = 2
	// o2: A = (5 + 3*5)/4 = 5, B = 3, C = (2+2)/2 = 2
	// o3: A = (3 + 3*3)/4 = 3, B unanswered, C = 2
	rs := []OPDResult{
		f.ScoreOPD(Sheet{"a1": {Level: 1}, "a2": {Level: 1}, "b1": {Level: 4}, "c1": {Level: 2}, "c2": {Level: 2}}),
		f.ScoreOPD(Sheet{"a1": {Level: 5}, "a2": {Level: 5}, "b1": {Level: 3}, "c1": {Level: 2}, "c2": {Level: 2}}),
		f.ScoreOPD(Sheet{"a1": {Level: 3}, "a2": {Level: 3}, "c1": {Level: 2}}),
	}
	c := f.ScoreCity(rs)
	// A: 1, 5, 3: mean 3, population SD sqrt((4+4+0)/3) = 1.63
	// B: 4, 3:    mean 3.5, SD 0.5
	// C: 2, 2, 2: SD 0
	rows := f.SpreadByElement(c, map[string]float64{"gov": 4})
	if len(rows) != 3 || rows[0].ElementKey != "A" || rows[1].ElementKey != "B" || rows[2].ElementKey != "C" {
		t.Fatalf("spread order = %+v", rows)
	}
	if Round2(rows[0].Stat.Stdev) != 1.63 || Round2(rows[1].Stat.Stdev) != 0.5 || rows[2].Stat.Stdev != 0 {
		t.Errorf("spreads = %v %v %v", rows[0].Stat.Stdev, rows[1].Stat.Stdev, rows[2].Stat.Stdev)
	}
	// the session's target is used for the gap: gov 4 - A 3 = 1
	if rows[0].Target != 4 || !near(rows[0].Gap.Value, 1) {
		t.Errorf("A target %v gap %+v, want 4 and 1", rows[0].Target, rows[0].Gap)
	}
	// ties keep framework order; unscored elements are left out
	c2 := f.ScoreCity([]OPDResult{f.ScoreOPD(Sheet{"b1": {Level: 2}, "c1": {Level: 3}})})
	rows = f.SpreadByElement(c2, nil)
	if len(rows) != 2 || rows[0].ElementKey != "B" || rows[1].ElementKey != "C" {
		t.Errorf("ties or unscored: %+v", rows)
	}
}

// TestBoardCityAfterManyChanges: the city, scored when asked for after a
// run of changes (many answers, a clear, the roster), is the city a board
// built afresh from the same answers scores, and asking twice gives the
// same.
func TestBoardCityAfterManyChanges(t *testing.T) {
	fw := ScaleFramework()
	opds := ScaleOPDs(20)
	sheets := ScaleSheets(fw, opds, 7)
	b := NewBoard(fw, opds, sheets, nil)
	before := b.City()
	keys := fw.Dimensions[2].Indicators()
	for i := range 60 {
		o, k := opds[i%len(opds)].ID, keys[i%len(keys)].Key
		b.Set(o, k, Answer{Level: i%5 + 1})
		sheets[o][k] = Answer{Level: i%5 + 1}
	}
	b.Set(opds[3].ID, keys[0].Key, Answer{})
	delete(sheets[opds[3].ID], keys[0].Key)
	opds[5].Present = false
	b.SetOPDs(opds)
	got, want := b.City(), NewBoard(fw, opds, sheets, nil).City()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the city after the changes is\n%+v\nbuilt afresh it is\n%+v", got.Index, want.Index)
	}
	if reflect.DeepEqual(got, before) {
		t.Error("60 changes left the city as it was: the test changes nothing")
	}
	if again := b.City(); !reflect.DeepEqual(again, got) {
		t.Error("asking for the city twice gave two cities")
	}
}
