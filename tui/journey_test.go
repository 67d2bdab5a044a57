package tui

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// waitOut waits until the program's output contains every text (each
// WaitFor reads on from where the last one stopped).
func waitOut(t *testing.T, tm *teatest.TestModel, texts ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, s := range texts {
			if !bytes.Contains(b, []byte(s)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
}

func press(tm *teatest.TestModel, keys ...tea.KeyPressMsg) {
	for _, k := range keys {
		tm.Send(k)
	}
}

var (
	kEnter = tea.KeyPressMsg{Code: tea.KeyEnter}
	kDown  = tea.KeyPressMsg{Code: tea.KeyDown}
	kTab   = tea.KeyPressMsg{Code: tea.KeyTab}
)

// TestJourneyNewSessionToReopen is a facilitator's first morning, driven
// through the whole program: the home screen of an empty database, a new
// session from the form, two OPDs added on the roster, three scores in the
// grid, quit; then the session reopened on the same screen with the same
// values.
func TestJourneyNewSessionToReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journey.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	clock := func() time.Time { return time.Date(2026, 11, 28, 8, 30, 0, 0, time.UTC) }
	m, err := New(withStore(st, Options{Lang: "id", Theme: "dark", Now: clock}))
	if err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	waitOut(t, tm, "Selamat datang di bimtek")

	// The new-session form: city, then Enter through tahap I, today's date,
	// venue, facilitator, the elemen framework, and an empty roster.
	tm.Send(tea.KeyPressMsg{Code: 'n', Text: "n"})
	waitOut(t, tm, "Kota / kabupaten")
	tm.Type("Kota Uji")
	press(tm, kEnter, kEnter, kEnter)
	tm.Type("Aula Bappeda")
	press(tm, kEnter)
	tm.Type("Rina")
	press(tm, kEnter, kEnter, kDown, kDown, kEnter)
	waitOut(t, tm, "Kota Uji", "Pembukaan")

	// Roster: add two OPDs.
	tm.Type("]")
	waitOut(t, tm, "Daftar OPD")
	for _, o := range [][2]string{{"dinkes", "Dinas Kesehatan"}, {"bappeda", "Badan Perencanaan Pembangunan Daerah"}} {
		tm.Type("a")
		tm.Type(o[0])
		press(tm, kTab)
		tm.Type(o[1])
		press(tm, kEnter)
		waitOut(t, tm, o[1])
	}

	// The grid: 3, 4 and N/A for the first OPD.
	tm.Type("g4")
	waitOut(t, tm, "Rata-rata kota")
	tm.Type("340")
	waitOut(t, tm, "N/A")
	tm.Type("q")
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	id := final.Opened
	if id == 0 {
		t.Fatal("no session was open when the app stopped")
	}
	final.quitting = false
	before := final.render()

	// What the file holds: the roster in order, the three answers.
	d, err := st.Load(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if d.Session.City != "Kota Uji" || d.Session.Venue != "Aula Bappeda" || d.Session.Facilitator != "Rina" || len(d.OPDs) != 2 ||
		d.OPDs[0].Code != "DINKES" || d.OPDs[1].Code != "BAPPEDA" {
		t.Fatalf("stored session %+v, OPDs %+v", d.Session, d.OPDs)
	}
	f := d.Session.Framework
	gov := f.Dimensions[0].Indicators()
	want := map[string]workshop.Answer{gov[0].Key: {Level: 3}, gov[1].Key: {Level: 4}, gov[2].Key: {NA: true}}
	got := d.Sheets()[d.OPDs[0].ID]
	if len(got) != len(want) {
		t.Fatalf("stored answers %v, want %v", got, want)
	}
	for k, a := range want {
		if got[k] != a {
			t.Errorf("%s = %+v, want %+v", k, got[k], a)
		}
	}

	// Another day: `bimtek open ID` shows the same screen.
	again, err := New(withStore(st, Options{Lang: "id", Theme: "dark", Session: id, Now: clock}))
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	again.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	if after := again.render(); after != before {
		t.Errorf("reopened screen differs.\n--- before quit\n%s\n--- after reopen\n%s", screenText(before), screenText(after))
	}
}

func screenText(s string) string { return ansi.Strip(s) }
