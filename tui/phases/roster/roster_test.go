package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// rosterAt puts the roster cursor on the OPD with that code.
func phRosterAt(t *testing.T, e *phEnv, code string) {
	t.Helper()
	for i, o := range e.s.Data.OPDs {
		if o.Code == code {
			e.s.State.RosterRow = i
			return
		}
	}
	t.Fatalf("no OPD %s on the roster", code)
}

func phStoredOPD(d *store.Data, code string) (workshop.OPD, bool) {
	for _, o := range d.OPDs {
		if o.Code == code {
			return o, true
		}
	}
	return workshop.OPD{}, false
}

func phCodes(opds []workshop.OPD) string {
	var c []string
	for _, o := range opds {
		c = append(c, o.Code)
	}
	return strings.Join(c, " ")
}

func TestRosterAddAndEdit(t *testing.T) {
	longName := strings.Repeat("Dinas ", 20) + "X" // 121 characters
	cases := []struct {
		name       string
		keys       []tea.Msg
		wantCode   string // stored after the keys; "" when nothing may be added
		wantName   string
		wantErrHas string // the one sentence shown in the form
	}{
		{"lower-case code is upper-cased", append(append(append(phKeys("a"), phTyped("dinsos")...), phKey("tab")), append(phTyped("Dinas Sosial"), phKey("enter"))...),
			"DINSOS", "Dinas Sosial", ""},
		{"enter on the code moves to the name first", append(append(append(phKeys("a"), phTyped("DISPAR")...), phKey("enter")), append(phTyped("Dinas Pariwisata"), phKey("enter"))...),
			"DISPAR", "Dinas Pariwisata", ""},
		{"non-Latin name", append(append(append(phKeys("a"), phTyped("SJJ2")...), phKey("tab")), append(phTyped("大数据管理局"), phKey("enter"))...),
			"SJJ2", "大数据管理局", ""},
		{"duplicate code, any case", append(append(append(phKeys("a"), phTyped("bappeda")...), phKey("tab")), append(phTyped("Bappeda lagi"), phKey("enter"))...),
			"", "", "BAPPEDA"},
		{"empty code", append(append(phKeys("a", "tab"), phTyped("Tanpa kode")...), phKey("enter")),
			"", "", "Isi kode OPD"},
		{"name too long", append(append(append(phKeys("a"), phTyped("PANJANG")...), phKey("tab")), append(phTyped(longName), phKey("enter"))...),
			"", "", "120"},
		{"pasted name with a right-to-left override", append(append(append(phKeys("a"), phTyped("DINKES2")...), phKey("tab")), tea.PasteMsg{Content: "Dinas \u202eKesehatan"}, phKey("enter")),
			"", "", `Nama OPD berisi karakter kendali \u202e yang akan dijalankan terminal`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newPhEnv(t, "id", phOPDs, true)
			r := NewRoster(e.s)
			before := len(e.reopen().OPDs)
			msgs := phDrive(t, r, c.keys...)
			phNoErr(t, msgs)
			d := e.reopen()
			if c.wantCode == "" {
				if len(d.OPDs) != before {
					t.Fatalf("refused input changed the roster: %s", phCodes(d.OPDs))
				}
				if !r.Capturing() || !strings.Contains(r.formErr, c.wantErrHas) {
					t.Fatalf("want the form open with an error containing %q, got %q", c.wantErrHas, r.formErr)
				}
				if v := ansi.Strip(view(r, 80, 20)); !strings.Contains(v, "✘") {
					t.Errorf("the error is not on screen:\n%s", v)
				}
				return
			}
			o, ok := phStoredOPD(d, c.wantCode)
			if !ok || o.Name != c.wantName || !o.Present {
				t.Fatalf("stored %+v (found %v), want %s %q present", o, ok, c.wantCode, c.wantName)
			}
			if _, ok := phHas[RosterChangedMsg](msgs); !ok {
				t.Errorf("no RosterChangedMsg after adding")
			}
			if r.Capturing() {
				t.Errorf("the form stays open after saving")
			}
			if cur, _ := r.current(); cur.Code != c.wantCode {
				t.Errorf("cursor on %s, want the new OPD %s", cur.Code, c.wantCode)
			}
			if got := e.storedState().RosterRow; got != len(d.OPDs)-1 {
				t.Errorf("saved roster row %d, want %d", got, len(d.OPDs)-1)
			}
		})
	}
}

func TestRosterEdit(t *testing.T) {
	e := newPhEnv(t, "id", phOPDs, true)
	r := NewRoster(e.s)
	phRosterAt(t, e, "DINKES")
	keys := append(phKeys("e", "ctrl+u"), phTyped("dinkes-kota")...)
	keys = append(keys, phKey("tab"), phKey("ctrl+u"))
	keys = append(keys, phTyped("Dinas Kesehatan Kota Bandung")...)
	keys = append(keys, phKey("enter"))
	phNoErr(t, phDrive(t, r, keys...))
	d := e.reopen()
	o, ok := phStoredOPD(d, "DINKES-KOTA")
	if !ok || o.Name != "Dinas Kesehatan Kota Bandung" {
		t.Fatalf("edit not stored: %s", phCodes(d.OPDs))
	}
	if _, ok := phStoredOPD(d, "DINKES"); ok {
		t.Errorf("the old code is still there")
	}
	// Its answers stay with it (same OPD id).
	if len(e.s.Board.Sheet(o.ID)) == 0 {
		t.Errorf("the edited OPD lost its answers")
	}
	// Keeping its own code is not a duplicate.
	phNoErr(t, phDrive(t, r, phKeys("e", "enter")...))
	if r.Capturing() {
		t.Errorf("saving an OPD under its own code was refused: %q", r.formErr)
	}
	// Esc leaves the form without writing.
	phDrive(t, r, append(append(phKeys("e", "ctrl+u"), phTyped("XXX")...), phKey("esc"))...)
	if _, ok := phStoredOPD(e.reopen(), "XXX"); ok || r.Capturing() {
		t.Errorf("Esc wrote the edit or kept the form open")
	}
}

func TestRosterRemove(t *testing.T) {
	e := newPhEnv(t, "id", phOPDs, true)
	ctx := context.Background()
	eventsBefore, err := e.st.Events(ctx, e.id)
	if err != nil {
		t.Fatal(err)
	}
	r := NewRoster(e.s)

	// DISKOMINFO has scores: d asks first and n keeps it.
	phRosterAt(t, e, "DISKOMINFO")
	phDrive(t, r, phKey("d"))
	if r.mode != rosterConfirm {
		t.Fatalf("removing an OPD with scores did not ask")
	}
	v := ansi.Strip(view(r, 120, 36))
	if !strings.Contains(v, "18 skor") || !strings.Contains(v, "y") {
		t.Errorf("the question does not name the 18 scores:\n%s", v)
	}
	phNoErr(t, phDrive(t, r, phKey("n")))
	if _, ok := phStoredOPD(e.reopen(), "DISKOMINFO"); !ok {
		t.Fatalf("n removed the OPD")
	}

	// y removes it and its scores; the score events stay.
	id := e.s.Data.OPDs[0].ID
	msgs := phDrive(t, r, phKeys("d", "y")...)
	phNoErr(t, msgs)
	d := e.reopen()
	if _, ok := phStoredOPD(d, "DISKOMINFO"); ok {
		t.Fatalf("y did not remove the OPD")
	}
	for _, sr := range d.Scores {
		if sr.OPDID == id {
			t.Fatalf("its scores are still stored")
		}
	}
	eventsAfter, err := e.st.Events(ctx, e.id)
	if err != nil {
		t.Fatal(err)
	}
	if len(eventsAfter) < len(eventsBefore) {
		t.Errorf("score events were deleted: %d -> %d", len(eventsBefore), len(eventsAfter))
	}
	if _, ok := phHas[RosterChangedMsg](msgs); !ok {
		t.Errorf("no RosterChangedMsg after removing")
	}

	// DLH has no score: d removes it at once.
	phRosterAt(t, e, "DLH")
	phNoErr(t, phDrive(t, r, phKey("d")))
	if _, ok := phStoredOPD(e.reopen(), "DLH"); ok || r.mode != rosterList {
		t.Errorf("an OPD without scores was not removed at once")
	}
	if n := len(e.reopen().OPDs); n != len(phOPDs)-2 {
		t.Errorf("%d OPDs left, want %d", n, len(phOPDs)-2)
	}
}

func TestRosterPresentAndCursorSaved(t *testing.T) {
	e := newPhEnv(t, "id", phOPDs, true)
	r := NewRoster(e.s)
	phRosterAt(t, e, "SATPOLPP")
	msgs := phDrive(t, r, phKey("space"))
	phNoErr(t, msgs)
	if o, _ := phStoredOPD(e.reopen(), "SATPOLPP"); !o.Present {
		t.Fatalf("space did not mark SATPOLPP present")
	}
	if len(e.s.Board.Present()) != len(phOPDs) {
		t.Errorf("the live scores still count %d present", len(e.s.Board.Present()))
	}
	phNoErr(t, phDrive(t, r, phKey("space")))
	if o, _ := phStoredOPD(e.reopen(), "SATPOLPP"); o.Present {
		t.Fatalf("a second space did not mark it absent again")
	}
	if !strings.Contains(ansi.Strip(view(r, 80, 20)), "✘ tidak hadir") {
		t.Errorf("absent is not shown as symbol and text")
	}

	e.s.State.RosterRow = 0
	phDrive(t, r, phKeys("down", "down", "j", "up")...)
	if got := e.storedState().RosterRow; got != 2 {
		t.Errorf("saved roster row %d, want 2", got)
	}
	phDrive(t, r, phKeys("up", "up", "up", "up")...)
	if got := e.s.State.RosterRow; got != 0 {
		t.Errorf("cursor left the top: %d", got)
	}
}

func TestRosterPreset(t *testing.T) {
	e := newPhEnv(t, "id", phOPDs, true)
	r := NewRoster(e.s)
	presets := assets.PresetOPDs()
	have := map[string]bool{}
	for _, o := range phOPDs {
		have[o.Code] = true
	}
	want := 0
	for _, p := range presets {
		if !have[p.Code] {
			want++
		}
	}
	msgs := phDrive(t, r, phKey("p"))
	phNoErr(t, msgs)
	d := e.reopen()
	if len(d.OPDs) != len(phOPDs)+want {
		t.Fatalf("%d OPDs after the preset, want %d", len(d.OPDs), len(phOPDs)+want)
	}
	st, _ := phHas[StatusMsg](msgs)
	if !strings.Contains(st.Text, fmt.Sprintf("%d OPD", want)) || !strings.Contains(st.Text, fmt.Sprintf("%d sudah ada", len(presets)-want)) {
		t.Errorf("status %q does not say %d added, %d already there", st.Text, want, len(presets)-want)
	}
	// The existing OPDs keep their names (no duplicate, no overwrite).
	if o, _ := phStoredOPD(d, "DISKOMINFO"); o.Name != phOPDs[0].Name {
		t.Errorf("the preset overwrote DISKOMINFO: %q", o.Name)
	}
	// A second p adds nothing.
	msgs = phDrive(t, r, phKey("p"))
	if len(e.reopen().OPDs) != len(d.OPDs) {
		t.Errorf("a second p changed the roster")
	}
	if st, _ := phHas[StatusMsg](msgs); !strings.Contains(st.Text, "tidak ada yang ditambahkan") {
		t.Errorf("second p says %q", st.Text)
	}
}

func TestRosterImportCSV(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bad := write("bad.csv", "\ufeffkode;nama\n"+
		"DISDIK;Dinas Pendidikan\n"+ // line 2: fine
		"DISNAKER;\n"+ // line 3: no name
		"bappeda;Bappeda lagi\n"+ // line 4: already on the roster
		"DISDIK;Dinas Pendidikan lagi\n") // line 5: twice in the file
	good := write("good opd.csv", "kode,nama\nDISDIK,Dinas Pendidikan\nRSUD,\"Rumah Sakit Umum Daerah, Kota Bandung\"\nSJJ3,数据局分局\n")

	e := newPhEnv(t, "id", phOPDs, true)
	r := NewRoster(e.s)
	before := phCodes(e.reopen().OPDs)

	// A bad file: nothing imported, every problem listed with its line.
	keys := append(phKeys("i"), phTyped(bad)...)
	phNoErr(t, phDrive(t, r, append(keys, phKey("enter"))...))
	if got := phCodes(e.reopen().OPDs); got != before {
		t.Fatalf("a bad file changed the roster: %s", got)
	}
	if r.mode != rosterProblems {
		t.Fatalf("no problem list (mode %d, error %q)", r.mode, r.importErr)
	}
	v := ansi.Strip(view(r, 120, 36))
	for _, want := range []string{"3 masalah", "baris 3", "baris 4: kode BAPPEDA sudah ada", "baris 5"} {
		if !strings.Contains(v, want) {
			t.Errorf("problem list lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "baris 2:") {
		t.Errorf("a good line is listed as a problem:\n%s", v)
	}
	phDrive(t, r, phKey("esc"))
	if r.mode != rosterList {
		t.Fatalf("Esc did not close the problem list")
	}

	// A missing file: one sentence, nothing changed.
	phDrive(t, r, append(append(phKeys("i"), phTyped(filepath.Join(dir, "nope.csv"))...), phKey("enter"))...)
	if r.mode != rosterImport || !strings.Contains(r.importErr, "tidak bisa dibuka") {
		t.Fatalf("missing file: mode %d, error %q", r.mode, r.importErr)
	}
	phDrive(t, r, phKey("esc"))

	// A good file (quoted path, as Windows copies it): all rows, in order.
	msgs := phDrive(t, r, append(append(phKeys("i"), phTyped(`"`+good+`"`)...), phKey("enter"))...)
	phNoErr(t, msgs)
	d := e.reopen()
	if got, want := phCodes(d.OPDs), before+" DISDIK RSUD SJJ3"; got != want {
		t.Fatalf("after import: %s, want %s", got, want)
	}
	if o, _ := phStoredOPD(d, "RSUD"); o.Name != "Rumah Sakit Umum Daerah, Kota Bandung" || !o.Present {
		t.Errorf("RSUD stored as %+v", o)
	}
	if _, ok := phHas[RosterChangedMsg](msgs); !ok {
		t.Errorf("no RosterChangedMsg after the import")
	}
	// The same file again: every row is now a duplicate; nothing changes.
	phDrive(t, r, append(append(phKeys("i"), phTyped(good)...), phKey("enter"))...)
	if r.mode != rosterProblems || len(e.reopen().OPDs) != len(d.OPDs) {
		t.Errorf("re-importing duplicates was not refused whole")
	}
}

func TestRosterReadOnly(t *testing.T) {
	e := newPhEnv(t, "id", phOPDs, true)
	e.s.ReadOnly = true
	r := NewRoster(e.s)
	for _, k := range []string{"a", "e", "d", "space", "p", "i"} {
		msgs := phDrive(t, r, phKey(k))
		if r.Capturing() {
			t.Fatalf("%s opened a form in the projector view", k)
		}
		if st, _ := phHas[StatusMsg](msgs); !strings.Contains(st.Text, "proyektor") {
			t.Errorf("%s: status %q", k, st.Text)
		}
	}
	if got := phCodes(e.reopen().OPDs); got != phCodes(e.s.Data.OPDs) {
		t.Errorf("the projector view changed the roster")
	}
}

func TestRosterGolden(t *testing.T) {
	e := newPhEnv(t, "id", phOPDs, true)
	r := NewRoster(e.s)
	phRosterAt(t, e, "BAPPEDA")
	phGolden(t, "roster", r)

	en := newPhEnv(t, "en", phOPDs, true)
	phGolden(t, "roster-en", NewRoster(en.s))

	empty := newPhEnv(t, "id", nil, false)
	phGolden(t, "roster-empty", NewRoster(empty.s))

	// The add form with its error sentence.
	f := NewRoster(e.s)
	phDrive(t, f, append(append(append(phKeys("a"), phTyped("bappeda")...), phKey("tab")), append(phTyped("Badan Perencanaan"), phKey("enter"))...)...)
	golden(t, "roster-form-80x20", view(f, 80, 20))
	phCheckSize(t, "roster-form", view(f, 80, 20), 80, 20)

	// The question before removing an OPD with scores.
	c := NewRoster(e.s)
	phRosterAt(t, e, "DISKOMINFO")
	phDrive(t, c, phKey("d"))
	golden(t, "roster-confirm-80x20", view(c, 80, 20))
	phCheckSize(t, "roster-confirm", view(c, 80, 20), 80, 20)

	// The refused import.
	p := filepath.Join(t.TempDir(), "opd.csv")
	if err := os.WriteFile(p, []byte("DISDIK;\nBAPPEDA;Bappeda\nX;Y;Z\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	pr := NewRoster(e.s)
	phDrive(t, pr, append(append(phKeys("i"), phTyped(p)...), phKey("enter"))...)
	v := view(pr, 80, 20)
	phCheckSize(t, "roster-problems", v, 80, 20)
	golden(t, "roster-problems-80x20", strings.ReplaceAll(v, p, "opd.csv"))
}

func TestRosterFitsEverySize(t *testing.T) {
	e := newPhEnv(t, "id", phOPDs, true)
	r := NewRoster(e.s)
	phDrive(t, r, phKey("p"))
	for _, mode := range []string{"list", "form"} {
		if mode == "form" {
			phDrive(t, r, phKey("a"))
		}
		for w := 80; w <= 220; w += 9 {
			for h := 12; h <= 60; h += 7 {
				phCheckSize(t, "roster-"+mode, view(r, w, h), w, h)
			}
		}
	}
}
