package store

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/bimtek/bimtek/workshop"
)

func TestCreateListLoadRoundTrip(t *testing.T) {
	s, path := openTemp(t)
	clock := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	s.now = func() time.Time { clock = clock.Add(time.Second); return clock }

	fw := smallFramework()
	first, err := s.CreateSession(bg, NewSession{City: " Kota Bogor ", Stage: 2, Date: "2025-03-14", Venue: "Balai Kota",
		Facilitator: "Rina", Framework: fw, OPDs: []OPDInput{{Code: "BAPPEDA", Name: "Badan Perencanaan"}, {Code: " DISKOMINFO ", Name: " Dinas Kominfo "}}})
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.CreateSession(bg, NewSession{City: "Kab. Sleman", Stage: 1, Framework: fw})
	if err != nil {
		t.Fatal(err)
	}
	// The framework given to CreateSession is a copy: changing it later
	// changes no session.
	fw.Dimensions[0].Target = 5

	list, err := s.ListSessions(bg)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != second || list[1].ID != first {
		t.Fatalf("list order = %+v, want newest activity first", list)
	}
	got := list[1]
	want := SessionSummary{ID: first, City: "Kota Bogor", Stage: 2, Date: "2025-03-14", Venue: "Balai Kota", Facilitator: "Rina",
		FrameworkKey: "tiny", OPDs: 2, Present: 2, Completion: workshop.Completion{Done: 0, Possible: 16},
		LastActivity: got.LastActivity}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("summary =\n%+v\nwant\n%+v", got, want)
	}

	// A write to the older session puts it first.
	d := mustLoad(t, s, first)
	if _, err := s.SetAnswer(bg, first, d.OPDs[0].ID, "governance.e1.i1", workshop.Answer{Level: 3}); err != nil {
		t.Fatal(err)
	}
	list, _ = s.ListSessions(bg)
	if list[0].ID != first || list[0].Completion.Done != 1 {
		t.Fatalf("after a write list = %+v, want session %d first with 1 done", list, first)
	}

	// Everything survives a reopen.
	s.Close()
	s2, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	d = mustLoad(t, s2, first)
	if d.Session.City != "Kota Bogor" || d.Session.Stage != 2 || d.Session.Venue != "Balai Kota" || d.Session.Facilitator != "Rina" {
		t.Fatalf("session = %+v", d.Session)
	}
	if !d.Session.UpdatedAt.After(d.Session.CreatedAt) {
		t.Fatalf("UpdatedAt %v not after CreatedAt %v", d.Session.UpdatedAt, d.Session.CreatedAt)
	}
	wantFW := smallFramework()
	if !reflect.DeepEqual(d.Session.Framework, wantFW) {
		gotJSON, _ := json.Marshal(d.Session.Framework)
		t.Fatalf("framework copy differs:\n%s", gotJSON)
	}
	wantOPDs := []workshop.OPD{{ID: d.OPDs[0].ID, Code: "BAPPEDA", Name: "Badan Perencanaan", Present: true},
		{ID: d.OPDs[1].ID, Code: "DISKOMINFO", Name: "Dinas Kominfo", Present: true}}
	if !reflect.DeepEqual(d.OPDs, wantOPDs) {
		t.Fatalf("OPDs = %+v, want %+v", d.OPDs, wantOPDs)
	}
	if len(d.Scores) != 1 || d.Scores[0].Answer != (workshop.Answer{Level: 3}) || d.Scores[0].IndicatorKey != "governance.e1.i1" {
		t.Fatalf("scores = %+v", d.Scores)
	}
	if want := map[string]float64{"governance": 3, "economy": 3.5}; !reflect.DeepEqual(d.Targets, want) {
		t.Fatalf("targets = %v, want framework defaults %v", d.Targets, want)
	}
	if d.UIState != nil || d.Priorities != nil {
		t.Fatalf("UIState %q, priorities %v: want none", d.UIState, d.Priorities)
	}
}

func TestCreateSessionRefusesBadInput(t *testing.T) {
	noItems := smallFramework()
	for i := range noItems.Dimensions {
		noItems.Dimensions[i].Elements = nil
	}
	dupKey := smallFramework()
	dupKey.Dimensions[1].Elements[0].Indicators[0].Key = "governance.e1.i1"
	zeroLevel := smallFramework()
	zeroLevel.Scale[0].Value = 0
	ok := NewSession{City: "Kota", Stage: 1, Framework: smallFramework()}
	tests := []struct {
		name string
		edit func(n *NewSession)
		want error
	}{
		{"ok", func(n *NewSession) {}, nil},
		{"no city", func(n *NewSession) { n.City = "  " }, ErrInvalid},
		{"tahap 5", func(n *NewSession) { n.Stage = 5 }, ErrInvalid},
		{"bad date", func(n *NewSession) { n.Date = "14/03/2025" }, ErrInvalid},
		{"no framework", func(n *NewSession) { n.Framework = nil }, ErrInvalid},
		{"no items", func(n *NewSession) { n.Framework = noItems }, ErrInvalid},
		{"repeated indicator key", func(n *NewSession) { n.Framework = dupKey }, ErrInvalid},
		{"level 0 on the scale", func(n *NewSession) { n.Framework = zeroLevel }, ErrInvalid},
		{"repeated OPD code", func(n *NewSession) { n.OPDs = []OPDInput{{Code: "BAPPEDA", Name: "a"}, {Code: "bappeda", Name: "b"}} }, ErrDuplicateCode},
		{"OPD without name", func(n *NewSession) { n.OPDs = []OPDInput{{Code: "BAPPEDA", Name: ""}} }, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := openTemp(t)
			n := ok
			tt.edit(&n)
			_, err := s.CreateSession(bg, n)
			wantErr(t, err, tt.want)
			list, lerr := s.ListSessions(bg)
			if lerr != nil {
				t.Fatal(lerr)
			}
			if wantN := map[bool]int{true: 1, false: 0}[tt.want == nil]; len(list) != wantN {
				t.Fatalf("%d sessions stored, want %d", len(list), wantN)
			}
		})
	}
}

// The list's completion must be the workshop's: answered + N/A over the
// OPDs in scope x items: present ones and an absent one that answered (C)
// count, an absent one without answers (E) and a removed one (D) do not.
func TestListCompletionAgreesWithWorkshop(t *testing.T) {
	s, _ := openTemp(t)
	id, opds := newSession(t, s, "A", "B", "C", "D", "E")
	set := func(opd int, key string, a workshop.Answer) {
		t.Helper()
		if _, err := s.SetAnswer(bg, id, opds[opd].ID, key, a); err != nil {
			t.Fatal(err)
		}
	}
	set(0, "governance.e1.i1", workshop.Answer{Level: 4})
	set(0, "economy.e2.i2", workshop.Answer{NA: true})
	set(1, "governance.e1.i1", workshop.Answer{Level: 2})
	set(1, "governance.e1.i2", workshop.Answer{Level: 5})
	set(1, "governance.e1.i2", workshop.Answer{}) // cleared again
	set(2, "economy.e1.i1", workshop.Answer{Level: 1})
	set(3, "economy.e1.i1", workshop.Answer{Level: 3})
	if _, err := s.SetNote(bg, id, opds[0].ID, "governance.e2.i1", "no answer, only a note"); err != nil {
		t.Fatal(err)
	}
	absent := opds[2]
	absent.Present = false
	if err := s.UpdateOPD(bg, id, absent); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveOPD(bg, id, opds[3].ID); err != nil {
		t.Fatal(err)
	}
	away := opds[4]
	away.Present = false
	if err := s.UpdateOPD(bg, id, away); err != nil {
		t.Fatal(err)
	}

	d := mustLoad(t, s, id)
	board := workshop.NewBoard(d.Session.Framework, d.OPDs, d.Sheets(), d.Targets)
	want := board.City().Overall
	// A: 2 done, B: 1, C: 1 -> 4 of 3 OPDs x 8 items.
	if want != (workshop.Completion{Done: 4, Possible: 24}) {
		t.Fatalf("workshop completion = %+v; the fixture is not what this test expects", want)
	}
	list, err := s.ListSessions(bg)
	if err != nil {
		t.Fatal(err)
	}
	if got := list[0]; got.Completion != want || got.OPDs != 4 || got.Present != 2 {
		t.Fatalf("summary = %+v, want completion %+v with 4 OPDs, 2 present", got, want)
	}
}

func TestDeleteSession(t *testing.T) {
	s, _ := openTemp(t)
	keep, keepOPDs := newSession(t, s, "A")
	gone, opds := newSession(t, s, "A", "B")
	for _, id := range []int64{keep, gone} {
		o := keepOPDs[0].ID
		if id == gone {
			o = opds[1].ID
		}
		if _, err := s.SetAnswer(bg, id, o, "governance.e1.i1", workshop.Answer{Level: 2}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetPriority(bg, gone, "economy.e1", true); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveUIState(bg, gone, []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSession(bg, gone); err != nil {
		t.Fatal(err)
	}
	wantErr(t, s.DeleteSession(bg, gone), ErrNoSession)
	_, err := s.Load(bg, gone)
	wantErr(t, err, ErrNoSession)
	_, err = s.SetAnswer(bg, gone, opds[0].ID, "governance.e1.i1", workshop.Answer{Level: 2})
	wantErr(t, err, ErrNoSession)
	for _, table := range []string{"frameworks", "opds", "scores", "score_events", "priorities", "targets", "locks"} {
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM `+table+` WHERE session_id = ?`, gone).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%d rows of the deleted session left in %s", n, table)
		}
	}
	if d := mustLoad(t, s, keep); len(d.Scores) != 1 || len(d.OPDs) != 1 {
		t.Fatalf("the other session lost data: %+v", d)
	}
	// A new session never reuses the deleted id.
	again, _ := newSession(t, s)
	if again <= gone {
		t.Fatalf("new session id %d reuses deleted %d", again, gone)
	}
}

func TestSessionSettings(t *testing.T) {
	s, path := openTemp(t)
	id, _ := newSession(t, s)
	tests := []struct {
		name string
		do   func() error
		want error
	}{
		{"target", func() error { return s.SetTarget(bg, id, "economy", 4.25) }, nil},
		{"target again", func() error { return s.SetTarget(bg, id, "economy", 4) }, nil},
		{"target of unknown dimension", func() error { return s.SetTarget(bg, id, "branding", 3) }, ErrInvalid},
		{"target above scale", func() error { return s.SetTarget(bg, id, "economy", 5.5) }, ErrOutOfScale},
		{"target below scale", func() error { return s.SetTarget(bg, id, "economy", 0.5) }, ErrOutOfScale},
		{"target of missing session", func() error { return s.SetTarget(bg, id+1, "economy", 3) }, ErrNoSession},
		{"priority", func() error { return s.SetPriority(bg, id, "economy.e2", true) }, nil},
		{"priority 2", func() error { return s.SetPriority(bg, id, "governance.e1", true) }, nil},
		{"priority 3", func() error { return s.SetPriority(bg, id, "economy.e1", true) }, nil},
		{"priority again keeps order", func() error { return s.SetPriority(bg, id, "economy.e2", true) }, nil},
		{"unmark", func() error { return s.SetPriority(bg, id, "governance.e1", false) }, nil},
		{"unknown element", func() error { return s.SetPriority(bg, id, "nope", true) }, ErrInvalid},
		{"ui state", func() error { return s.SaveUIState(bg, id, []byte(`{"phase":"assessment"}`)) }, nil},
		{"ui state of missing session", func() error { return s.SaveUIState(bg, id+1, []byte(`{}`)) }, ErrNoSession},
		{"setting", func() error { return s.SetSetting(bg, "theme", "light") }, nil},
		{"setting again", func() error { return s.SetSetting(bg, "theme", "contrast") }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantErr(t, tt.do(), tt.want) })
	}
	s.Close()
	s, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := mustLoad(t, s, id)
	if want := map[string]float64{"governance": 3, "economy": 4}; !reflect.DeepEqual(d.Targets, want) {
		t.Errorf("targets = %v, want %v", d.Targets, want)
	}
	if want := []string{"economy.e2", "economy.e1"}; !reflect.DeepEqual(d.Priorities, want) {
		t.Errorf("priorities = %v, want %v", d.Priorities, want)
	}
	if string(d.UIState) != `{"phase":"assessment"}` {
		t.Errorf("ui state = %q", d.UIState)
	}
	for _, tt := range []struct {
		key, want string
		ok        bool
	}{{"theme", "contrast", true}, {"lang", "", false}} {
		v, ok, err := s.Setting(bg, tt.key)
		if err != nil || v != tt.want || ok != tt.ok {
			t.Errorf("Setting(%q) = %q, %v, %v; want %q, %v", tt.key, v, ok, err, tt.want, tt.ok)
		}
	}
}

// TestUpdateSession: a correction changes that session's details and only
// them; bad values are refused and change nothing.
func TestUpdateSession(t *testing.T) {
	s, _ := openTemp(t)
	other, _ := newSession(t, s, "A")
	id, opds := newSession(t, s, "A", "B")
	if _, err := s.SetAnswer(bg, id, opds[0].ID, "governance.e1.i1", workshop.Answer{Level: 3}); err != nil {
		t.Fatal(err)
	}
	before := mustLoad(t, s, other).Session
	want := SessionDetails{City: "Kota Bengkulu", Stage: 2, Date: "2026-02-20", Venue: "Aula Bappeda", Facilitator: "Tim Kominfo"}
	if err := s.UpdateSession(bg, id, SessionDetails{City: "  Kota Bengkulu ", Stage: 2, Date: "2026-02-20", Venue: "Aula Bappeda ", Facilitator: "Tim Kominfo"}); err != nil {
		t.Fatal(err)
	}
	d := mustLoad(t, s, id)
	if got := d.Session.Details(); got != want {
		t.Fatalf("details = %+v, want %+v", got, want)
	}
	if len(d.Scores) != 1 || len(d.OPDs) != 2 {
		t.Fatalf("the edit touched the scores or the roster: %d scores, %d OPDs", len(d.Scores), len(d.OPDs))
	}
	if got := mustLoad(t, s, other).Session; got.Details() != before.Details() {
		t.Fatalf("the other session changed: %+v, was %+v", got.Details(), before.Details())
	}
	for _, bad := range []SessionDetails{
		{City: "", Stage: 2},
		{City: "Kota X", Stage: 5},
		{City: "Kota X", Stage: 2, Date: "2026-02-30"},
		{City: "Kota \x1b[31mX", Stage: 2},
	} {
		wantErr(t, s.UpdateSession(bg, id, bad), ErrInvalid)
	}
	if got := mustLoad(t, s, id).Session.Details(); got != want {
		t.Fatalf("a refused edit changed the session: %+v", got)
	}
	wantErr(t, s.UpdateSession(bg, 999, want), ErrNoSession)
}
