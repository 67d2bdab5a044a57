package store

import (
	"strings"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

// Text written into a database before entry refused control characters (or
// by another program) reaches the screens and messages escaped: a city that
// would clear the screen and retitle the terminal, an OSC 8 link in an OPD
// name, escape sequences in a note and a framework name all read back as
// visible \x1b text, and nothing that a terminal would act on is left.
func TestOldTextReadsBackEscaped(t *testing.T) {
	s, path := openTemp(t)
	id, opds := newSession(t, s, "DISKOMINFO")
	key := smallFramework().Dimensions[0].Elements[0].Indicators[0].Key
	if _, err := s.SetNote(bg, id, opds[0].ID, key, "catatan"); err != nil {
		t.Fatal(err)
	}
	hostile := []struct{ q, v string }{
		{`UPDATE sessions SET city = ?, venue = ?, facilitator = ? WHERE id = 1`, "Kota \x1b[2J\x1b]0;PWNED\x07"},
		{`UPDATE opds SET name = ? WHERE id = 1`, "Dinas \x1b]8;;http://evil\x1b\\klik\x1b]8;;\x1b\\ \u202e"},
		{`UPDATE scores SET note = ?`, "baris 1\nbaris 2 \x1b[31mmerah\x1b[m\x9b"},
		{`UPDATE score_events SET new_note = ?`, "log \x1b[5m"},
		{`UPDATE frameworks SET json = json_set(json, '$.dimensions[0].name.id', ?)`, "Smart \x1b[8mGovernance"},
	}
	for _, h := range hostile {
		args := []any{h.v}
		if strings.Count(h.q, "?") == 3 {
			args = []any{h.v, h.v, h.v}
		}
		if _, err := s.db.Exec(h.q, args...); err != nil {
			t.Fatalf("%s: %v", h.q, err)
		}
	}
	s.Close()
	s, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	d := mustLoad(t, s, id)
	list, err := s.ListSessions(bg)
	if err != nil {
		t.Fatal(err)
	}
	evs := mustEvents(t, s, id)
	texts := map[string]string{
		"city": d.Session.City, "venue": d.Session.Venue, "facilitator": d.Session.Facilitator,
		"listed city": list[0].City, "listed venue": list[0].Venue,
		"OPD name": d.OPDs[0].Name, "note": d.Scores[0].Note, "logged note": evs[len(evs)-1].NewNote,
		"dimension": d.Session.Framework.Dimensions[0].Name.ID,
	}
	for what, v := range texts {
		for _, r := range v {
			if workshop.Unsafe(r) && r != '\n' || r == 0x1b {
				t.Errorf("%s reads back with %U: %q", what, r, v)
			}
		}
		if !strings.Contains(v, `\x1b`) {
			t.Errorf("%s should show its escape as \\x1b: %q", what, v)
		}
	}
	if want := "baris 1\nbaris 2 \\x1b[31mmerah\\x1b[m\\x9b"; d.Scores[0].Note != want {
		t.Errorf("note = %q, want %q (line break kept)", d.Scores[0].Note, want)
	}
	if strings.Contains(d.OPDs[0].Name, "\u202e") {
		t.Errorf("the bidi override survived: %q", d.OPDs[0].Name)
	}
}
