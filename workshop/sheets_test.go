package workshop

import (
	"reflect"
	"testing"
)

// Sheets groups the answered cells per OPD whatever the order of the rows:
// an OPD whose rows come in two runs gets both, a later row of the same
// cell wins, an OPD with rows but no answer has an empty sheet, and an
// OPD with no row has none.
func TestSheetsGroupsTheAnsweredCells(t *testing.T) {
	d := &Data{OPDs: []OPD{{ID: 1}, {ID: 2}, {ID: 3}, {ID: 4}}, Scores: []ScoreRow{
		{OPDID: 1, IndicatorKey: "a", Answer: Answer{Level: 2}},
		{OPDID: 1, IndicatorKey: "b", Answer: Answer{NA: true}},
		{OPDID: 2, IndicatorKey: "a", Answer: Answer{Level: 5}},
		{OPDID: 1, IndicatorKey: "c", Answer: Answer{Level: 3}},
		{OPDID: 1, IndicatorKey: "a", Answer: Answer{Level: 4}},
		{OPDID: 3, IndicatorKey: "a", Note: "only a note"},
		{OPDID: 2, IndicatorKey: "b"},
	}}
	want := map[int64]Sheet{
		1: {"a": {Level: 4}, "b": {NA: true}, "c": {Level: 3}},
		2: {"a": {Level: 5}},
		3: {},
	}
	if got := d.Sheets(); !reflect.DeepEqual(got, want) {
		t.Errorf("Sheets() = %v, want %v", got, want)
	}
}
