package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

func codes(opds []workshop.OPD) string {
	var b []string
	for _, o := range opds {
		c := o.Code
		if !o.Present {
			c += "(absent)"
		}
		b = append(b, c)
	}
	return strings.Join(b, " ")
}

func TestRoster(t *testing.T) {
	type step struct {
		name string
		do   func(s *Store, id int64, byCode map[string]workshop.OPD) error
		want error
	}
	add := func(code, name string) func(*Store, int64, map[string]workshop.OPD) error {
		return func(s *Store, id int64, _ map[string]workshop.OPD) error {
			_, err := s.AddOPD(bg, id, OPDInput{Code: code, Name: name})
			return err
		}
	}
	addMany := func(in ...OPDInput) func(*Store, int64, map[string]workshop.OPD) error {
		return func(s *Store, id int64, _ map[string]workshop.OPD) error {
			_, err := s.AddOPDs(bg, id, in)
			return err
		}
	}
	update := func(code string, edit func(*workshop.OPD)) func(*Store, int64, map[string]workshop.OPD) error {
		return func(s *Store, id int64, by map[string]workshop.OPD) error {
			o := by[code]
			edit(&o)
			return s.UpdateOPD(bg, id, o)
		}
	}
	remove := func(code string) func(*Store, int64, map[string]workshop.OPD) error {
		return func(s *Store, id int64, by map[string]workshop.OPD) error { return s.RemoveOPD(bg, id, by[code].ID) }
	}
	tests := []struct {
		name  string
		steps []step
		want  string // roster after the steps
	}{
		{"add appends", []step{{"add", add("DINKES", "Dinas Kesehatan"), nil}}, "A B DINKES"},
		{"duplicate code refused", []step{{"add", add("a", "again"), ErrDuplicateCode}}, "A B"},
		{"empty code refused", []step{{"add", add(" ", "Dinas"), ErrInvalid}}, "A B"},
		{"empty name refused", []step{{"add", add("DLH", ""), ErrInvalid}}, "A B"},
		{"non-Latin name at the limit kept", []step{{"add", add("ดี", strings.Repeat("ดีมาก", workshop.MaxOPDNameRunes/5)), nil}}, "A B ดี"},
		{"name past the limit refused", []step{{"add", add("DLH", strings.Repeat("Dinas Lingkungan Hidup ", 20)), ErrInvalid}}, "A B"},
		{"escape sequence in a name refused", []step{{"add", add("DLH", "Dinas \x1b]0;PWNED\a"), ErrInvalid}}, "A B"},
		{"escape sequence in a code refused", []step{{"update", update("B", func(o *workshop.OPD) { o.Code = "B\x1b[2J" }), ErrInvalid}}, "A B"},
		{"update name and presence", []step{{"update", update("A", func(o *workshop.OPD) { o.Name = "Bappeda"; o.Present = false }), nil}}, "A(absent) B"},
		{"update code", []step{{"update", update("B", func(o *workshop.OPD) { o.Code = "BAPENDA" }), nil}}, "A BAPENDA"},
		{"update to a used code refused", []step{{"update", update("B", func(o *workshop.OPD) { o.Code = "A" }), ErrDuplicateCode}}, "A B"},
		{"update missing OPD", []step{{"update", update("X", func(o *workshop.OPD) { o.ID = 999; o.Code = "X"; o.Name = "x" }), ErrNoOPD}}, "A B"},
		{"remove", []step{{"remove", remove("A"), nil}}, "B"},
		{"remove missing", []step{{"remove", func(s *Store, id int64, _ map[string]workshop.OPD) error { return s.RemoveOPD(bg, id, 999) }, ErrNoOPD}}, "A B"},
		{"add after remove goes last", []step{{"remove", remove("A"), nil}, {"add", add("A", "back"), nil}}, "B A"},
		{"add many", []step{{"add many", addMany(OPDInput{Code: "C", Name: "c"}, OPDInput{Code: "D", Name: "d"}), nil}}, "A B C D"},
		{"add many with a used code adds none", []step{{"add many", addMany(OPDInput{Code: "C", Name: "c"}, OPDInput{Code: "b", Name: "d"}), ErrDuplicateCode}}, "A B"},
		{"add many repeating a code adds none", []step{{"add many", addMany(OPDInput{Code: "C", Name: "c"}, OPDInput{Code: "c", Name: "d"}), ErrDuplicateCode}}, "A B"},
		{"add many with an empty name adds none", []step{{"add many", addMany(OPDInput{Code: "C", Name: "c"}, OPDInput{Code: "D", Name: " "}, OPDInput{Code: "E", Name: "e"}), ErrInvalid}}, "A B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := openTemp(t)
			id, _ := newSession(t, s, "A", "B")
			for _, st := range tt.steps {
				by := map[string]workshop.OPD{}
				for _, o := range mustLoad(t, s, id).OPDs {
					by[o.Code] = o
				}
				if err := st.do(s, id, by); !errorsMatch(err, st.want) {
					t.Fatalf("%s: error = %v, want %v", st.name, err, st.want)
				}
			}
			if got := codes(mustLoad(t, s, id).OPDs); got != tt.want {
				t.Fatalf("roster = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAddOPDsReturnsIDsInOrder(t *testing.T) {
	s, _ := openTemp(t)
	id, _ := newSession(t, s)
	got, err := s.AddOPDs(bg, id, []OPDInput{{Code: "A", Name: "a"}, {Code: "B", Name: "b"}})
	if err != nil {
		t.Fatal(err)
	}
	if d := mustLoad(t, s, id); !reflect.DeepEqual(d.OPDs, got) {
		t.Fatalf("AddOPDs returned %+v, roster is %+v", got, d.OPDs)
	}
	_, err = s.AddOPD(bg, id+1, OPDInput{Code: "C", Name: "c"})
	wantErr(t, err, ErrNoSession)
}

// Removing an OPD drops its scores but keeps its events for the audit.
func TestRemoveOPDKeepsEvents(t *testing.T) {
	s, _ := openTemp(t)
	id, opds := newSession(t, s, "A", "B")
	for _, o := range opds {
		if _, err := s.SetAnswer(bg, id, o.ID, "economy.e1.i1", workshop.Answer{Level: 4}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RemoveOPD(bg, id, opds[0].ID); err != nil {
		t.Fatal(err)
	}
	d := mustLoad(t, s, id)
	if len(d.Scores) != 1 || d.Scores[0].OPDID != opds[1].ID {
		t.Fatalf("scores = %+v, want only B's", d.Scores)
	}
	if evs := mustEvents(t, s, id); len(evs) != 2 || evs[0].OPDID != opds[0].ID {
		t.Fatalf("events = %+v, want both, the removed OPD's first", evs)
	}
}

func errorsMatch(err, want error) bool {
	if want == nil {
		return err == nil
	}
	return err != nil && errors.Is(err, want)
}
