package roster

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

var _ = flag.Bool("update", false, "rewrite the golden files")

// rosterAt puts the roster cursor on the OPD with that code.
func phRosterAt(t *testing.T, e *tuitest.Env, code string) {
	t.Helper()
	for i, o := range e.S.Data.OPDs {
		if o.Code == code {
			e.S.State.RosterRow = i
			return
		}
	}
	t.Fatalf("no OPD %s on the roster", code)
}

func phStoredOPD(d *workshop.Data, code string) (workshop.OPD, bool) {
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
		{"lower-case code is upper-cased", append(append(append(tuitest.Keys("a"), tuitest.Typed("dinsos")...), tuitest.Key("tab")), append(tuitest.Typed("Dinas Sosial"), tuitest.Key("enter"))...),
			"DINSOS", "Dinas Sosial", ""},
		{"enter on the code moves to the name first", append(append(append(tuitest.Keys("a"), tuitest.Typed("DISPAR")...), tuitest.Key("enter")), append(tuitest.Typed("Dinas Pariwisata"), tuitest.Key("enter"))...),
			"DISPAR", "Dinas Pariwisata", ""},
		{"non-Latin name", append(append(append(tuitest.Keys("a"), tuitest.Typed("SJJ2")...), tuitest.Key("tab")), append(tuitest.Typed("大数据管理局"), tuitest.Key("enter"))...),
			"SJJ2", "大数据管理局", ""},
		{"duplicate code, any case", append(append(append(tuitest.Keys("a"), tuitest.Typed("bappeda")...), tuitest.Key("tab")), append(tuitest.Typed("Bappeda lagi"), tuitest.Key("enter"))...),
			"", "", "BAPPEDA"},
		{"empty code", append(append(tuitest.Keys("a", "tab"), tuitest.Typed("Tanpa kode")...), tuitest.Key("enter")),
			"", "", "Isi kode OPD"},
		{"name too long", append(append(append(tuitest.Keys("a"), tuitest.Typed("PANJANG")...), tuitest.Key("tab")), append(tuitest.Typed(longName), tuitest.Key("enter"))...),
			"", "", "120"},
		{"pasted name with a right-to-left override", append(append(append(tuitest.Keys("a"), tuitest.Typed("DINKES2")...), tuitest.Key("tab")), tea.PasteMsg{Content: "Dinas \u202eKesehatan"}, tuitest.Key("enter")),
			"", "", `Nama OPD berisi karakter kendali \u202e yang akan dijalankan terminal`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := tuitest.NewEnv(t, "id", tuitest.OPDs, true)
			r := New(e.S)
			before := len(e.Reopen().OPDs)
			msgs := tuitest.Drive(t, r, c.keys...)
			tuitest.NoErr(t, msgs)
			d := e.Reopen()
			if c.wantCode == "" {
				if len(d.OPDs) != before {
					t.Fatalf("refused input changed the roster: %s", phCodes(d.OPDs))
				}
				if !r.Capturing() || !strings.Contains(r.formErr, c.wantErrHas) {
					t.Fatalf("want the form open with an error containing %q, got %q", c.wantErrHas, r.formErr)
				}
				if v := ansi.Strip(tuitest.View(r, 80, 20)); !strings.Contains(v, "✘") {
					t.Errorf("the error is not on screen:\n%s", v)
				}
				return
			}
			o, ok := phStoredOPD(d, c.wantCode)
			if !ok || o.Name != c.wantName || !o.Present {
				t.Fatalf("stored %+v (found %v), want %s %q present", o, ok, c.wantCode, c.wantName)
			}
			if _, ok := tuitest.Has[common.RosterChangedMsg](msgs); !ok {
				t.Errorf("no common.RosterChangedMsg after adding")
			}
			if r.Capturing() {
				t.Errorf("the form stays open after saving")
			}
			if cur, _ := r.current(); cur.Code != c.wantCode {
				t.Errorf("cursor on %s, want the new OPD %s", cur.Code, c.wantCode)
			}
			if got := e.StoredState().RosterRow; got != len(d.OPDs)-1 {
				t.Errorf("saved roster row %d, want %d", got, len(d.OPDs)-1)
			}
		})
	}
}

func TestRosterEdit(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, true)
	r := New(e.S)
	phRosterAt(t, e, "DINKES")
	keys := append(tuitest.Keys("e", "ctrl+u"), tuitest.Typed("dinkes-kota")...)
	keys = append(keys, tuitest.Key("tab"), tuitest.Key("ctrl+u"))
	keys = append(keys, tuitest.Typed("Dinas Kesehatan Kota Bandung")...)
	keys = append(keys, tuitest.Key("enter"))
	tuitest.NoErr(t, tuitest.Drive(t, r, keys...))
	d := e.Reopen()
	o, ok := phStoredOPD(d, "DINKES-KOTA")
	if !ok || o.Name != "Dinas Kesehatan Kota Bandung" {
		t.Fatalf("edit not stored: %s", phCodes(d.OPDs))
	}
	if _, ok := phStoredOPD(d, "DINKES"); ok {
		t.Errorf("the old code is still there")
	}
	// Its answers stay with it (same OPD id).
	if len(e.S.Board.Sheet(o.ID)) == 0 {
		t.Errorf("the edited OPD lost its answers")
	}
	// Keeping its own code is not a duplicate.
	tuitest.NoErr(t, tuitest.Drive(t, r, tuitest.Keys("e", "enter")...))
	if r.Capturing() {
		t.Errorf("saving an OPD under its own code was refused: %q", r.formErr)
	}
	// Esc leaves the form without writing.
	tuitest.Drive(t, r, append(append(tuitest.Keys("e", "ctrl+u"), tuitest.Typed("XXX")...), tuitest.Key("esc"))...)
	if _, ok := phStoredOPD(e.Reopen(), "XXX"); ok || r.Capturing() {
		t.Errorf("Esc wrote the edit or kept the form open")
	}
}

func TestRosterRemove(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, true)
	ctx := context.Background()
	eventsBefore, err := e.St.Events(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	r := New(e.S)

	// DISKOMINFO has scores: d asks first and n keeps it.
	phRosterAt(t, e, "DISKOMINFO")
	tuitest.Drive(t, r, tuitest.Key("d"))
	if r.mode != rosterConfirm {
		t.Fatalf("removing an OPD with scores did not ask")
	}
	v := ansi.Strip(tuitest.View(r, 120, 36))
	if !strings.Contains(v, "18 skor") || !strings.Contains(v, "y") {
		t.Errorf("the question does not name the 18 scores:\n%s", v)
	}
	tuitest.NoErr(t, tuitest.Drive(t, r, tuitest.Key("n")))
	if _, ok := phStoredOPD(e.Reopen(), "DISKOMINFO"); !ok {
		t.Fatalf("n removed the OPD")
	}

	// y removes it and its scores; the score events stay.
	id := e.S.Data.OPDs[0].ID
	msgs := tuitest.Drive(t, r, tuitest.Keys("d", "y")...)
	tuitest.NoErr(t, msgs)
	d := e.Reopen()
	if _, ok := phStoredOPD(d, "DISKOMINFO"); ok {
		t.Fatalf("y did not remove the OPD")
	}
	for _, sr := range d.Scores {
		if sr.OPDID == id {
			t.Fatalf("its scores are still stored")
		}
	}
	eventsAfter, err := e.St.Events(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(eventsAfter) < len(eventsBefore) {
		t.Errorf("score events were deleted: %d -> %d", len(eventsBefore), len(eventsAfter))
	}
	if _, ok := tuitest.Has[common.RosterChangedMsg](msgs); !ok {
		t.Errorf("no common.RosterChangedMsg after removing")
	}

	// DLH has no score: d removes it at once.
	phRosterAt(t, e, "DLH")
	tuitest.NoErr(t, tuitest.Drive(t, r, tuitest.Key("d")))
	if _, ok := phStoredOPD(e.Reopen(), "DLH"); ok || r.mode != rosterList {
		t.Errorf("an OPD without scores was not removed at once")
	}
	if n := len(e.Reopen().OPDs); n != len(tuitest.OPDs)-2 {
		t.Errorf("%d OPDs left, want %d", n, len(tuitest.OPDs)-2)
	}
}

func TestRosterPresentAndCursorSaved(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, true)
	r := New(e.S)
	phRosterAt(t, e, "SATPOLPP")
	msgs := tuitest.Drive(t, r, tuitest.Key("space"))
	tuitest.NoErr(t, msgs)
	if o, _ := phStoredOPD(e.Reopen(), "SATPOLPP"); !o.Present {
		t.Fatalf("space did not mark SATPOLPP present")
	}
	if len(e.S.Board.Present()) != len(tuitest.OPDs) {
		t.Errorf("the live scores still count %d present", len(e.S.Board.Present()))
	}
	tuitest.NoErr(t, tuitest.Drive(t, r, tuitest.Key("space")))
	if o, _ := phStoredOPD(e.Reopen(), "SATPOLPP"); o.Present {
		t.Fatalf("a second space did not mark it absent again")
	}
	if !strings.Contains(ansi.Strip(tuitest.View(r, 80, 20)), "✘ tidak hadir") {
		t.Errorf("absent is not shown as symbol and text")
	}

	e.S.State.RosterRow = 0
	tuitest.Drive(t, r, tuitest.Keys("down", "down", "j", "up")...)
	if got := e.StoredState().RosterRow; got != 2 {
		t.Errorf("saved roster row %d, want 2", got)
	}
	tuitest.Drive(t, r, tuitest.Keys("up", "up", "up", "up")...)
	if got := e.S.State.RosterRow; got != 0 {
		t.Errorf("cursor left the top: %d", got)
	}
}

func TestRosterPreset(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, true)
	r := New(e.S)
	presets := assets.PresetOPDs()
	have := map[string]bool{}
	for _, o := range tuitest.OPDs {
		have[o.Code] = true
	}
	want := 0
	for _, p := range presets {
		if !have[p.Code] {
			want++
		}
	}
	msgs := tuitest.Drive(t, r, tuitest.Key("p"))
	tuitest.NoErr(t, msgs)
	d := e.Reopen()
	if len(d.OPDs) != len(tuitest.OPDs)+want {
		t.Fatalf("%d OPDs after the preset, want %d", len(d.OPDs), len(tuitest.OPDs)+want)
	}
	st, _ := tuitest.Has[common.StatusMsg](msgs)
	if !strings.Contains(st.Text, fmt.Sprintf("%d OPD", want)) || !strings.Contains(st.Text, fmt.Sprintf("%d sudah ada", len(presets)-want)) {
		t.Errorf("status %q does not say %d added, %d already there", st.Text, want, len(presets)-want)
	}
	// The existing OPDs keep their names (no duplicate, no overwrite).
	if o, _ := phStoredOPD(d, "DISKOMINFO"); o.Name != tuitest.OPDs[0].Name {
		t.Errorf("the preset overwrote DISKOMINFO: %q", o.Name)
	}
	// A second p adds nothing.
	msgs = tuitest.Drive(t, r, tuitest.Key("p"))
	if len(e.Reopen().OPDs) != len(d.OPDs) {
		t.Errorf("a second p changed the roster")
	}
	if st, _ := tuitest.Has[common.StatusMsg](msgs); !strings.Contains(st.Text, "tidak ada yang ditambahkan") {
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

	e := tuitest.NewEnv(t, "id", tuitest.OPDs, true)
	r := New(e.S)
	before := phCodes(e.Reopen().OPDs)

	// A bad file: nothing imported, every problem listed with its line.
	keys := append(tuitest.Keys("i"), tuitest.Typed(bad)...)
	tuitest.NoErr(t, tuitest.Drive(t, r, append(keys, tuitest.Key("enter"))...))
	if got := phCodes(e.Reopen().OPDs); got != before {
		t.Fatalf("a bad file changed the roster: %s", got)
	}
	if r.mode != rosterProblems {
		t.Fatalf("no problem list (mode %d, error %q)", r.mode, r.importErr)
	}
	v := ansi.Strip(tuitest.View(r, 120, 36))
	for _, want := range []string{"3 masalah", "baris 3", "baris 4: kode BAPPEDA sudah ada", "baris 5"} {
		if !strings.Contains(v, want) {
			t.Errorf("problem list lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "baris 2:") {
		t.Errorf("a good line is listed as a problem:\n%s", v)
	}
	tuitest.Drive(t, r, tuitest.Key("esc"))
	if r.mode != rosterList {
		t.Fatalf("Esc did not close the problem list")
	}

	// A missing file: one sentence, nothing changed.
	tuitest.Drive(t, r, append(append(tuitest.Keys("i"), tuitest.Typed(filepath.Join(dir, "nope.csv"))...), tuitest.Key("enter"))...)
	if r.mode != rosterImport || !strings.Contains(r.importErr, "tidak bisa dibuka") {
		t.Fatalf("missing file: mode %d, error %q", r.mode, r.importErr)
	}
	tuitest.Drive(t, r, tuitest.Key("esc"))

	// A good file (quoted path, as Windows copies it): all rows, in order.
	msgs := tuitest.Drive(t, r, append(append(tuitest.Keys("i"), tuitest.Typed(`"`+good+`"`)...), tuitest.Key("enter"))...)
	tuitest.NoErr(t, msgs)
	d := e.Reopen()
	if got, want := phCodes(d.OPDs), before+" DISDIK RSUD SJJ3"; got != want {
		t.Fatalf("after import: %s, want %s", got, want)
	}
	if o, _ := phStoredOPD(d, "RSUD"); o.Name != "Rumah Sakit Umum Daerah, Kota Bandung" || !o.Present {
		t.Errorf("RSUD stored as %+v", o)
	}
	if _, ok := tuitest.Has[common.RosterChangedMsg](msgs); !ok {
		t.Errorf("no common.RosterChangedMsg after the import")
	}
	// The same file again: every row is now a duplicate; nothing changes.
	tuitest.Drive(t, r, append(append(tuitest.Keys("i"), tuitest.Typed(good)...), tuitest.Key("enter"))...)
	if r.mode != rosterProblems || len(e.Reopen().OPDs) != len(d.OPDs) {
		t.Errorf("re-importing duplicates was not refused whole")
	}
}

func TestRosterReadOnly(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, true)
	e.S.ReadOnly = true
	r := New(e.S)
	for _, k := range []string{"a", "e", "d", "space", "p", "i"} {
		msgs := tuitest.Drive(t, r, tuitest.Key(k))
		if r.Capturing() {
			t.Fatalf("%s opened a form in the projector view", k)
		}
		if st, _ := tuitest.Has[common.StatusMsg](msgs); !strings.Contains(st.Text, "proyektor") {
			t.Errorf("%s: status %q", k, st.Text)
		}
	}
	if got := phCodes(e.Reopen().OPDs); got != phCodes(e.S.Data.OPDs) {
		t.Errorf("the projector view changed the roster")
	}
}

func TestRosterGolden(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, true)
	r := New(e.S)
	phRosterAt(t, e, "BAPPEDA")
	tuitest.GoldenSizes(t, "roster", r)

	en := tuitest.NewEnv(t, "en", tuitest.OPDs, true)
	tuitest.GoldenSizes(t, "roster-en", New(en.S))

	empty := tuitest.NewEnv(t, "id", nil, false)
	tuitest.GoldenSizes(t, "roster-empty", New(empty.S))

	// The add form with its error sentence.
	f := New(e.S)
	tuitest.Drive(t, f, append(append(append(tuitest.Keys("a"), tuitest.Typed("bappeda")...), tuitest.Key("tab")), append(tuitest.Typed("Badan Perencanaan"), tuitest.Key("enter"))...)...)
	tuitest.Golden(t, "roster-form-80x20", tuitest.View(f, 80, 20))
	tuitest.CheckSize(t, "roster-form", tuitest.View(f, 80, 20), 80, 20)

	// The question before removing an OPD with scores.
	c := New(e.S)
	phRosterAt(t, e, "DISKOMINFO")
	tuitest.Drive(t, c, tuitest.Key("d"))
	tuitest.Golden(t, "roster-confirm-80x20", tuitest.View(c, 80, 20))
	tuitest.CheckSize(t, "roster-confirm", tuitest.View(c, 80, 20), 80, 20)

	// The refused import.
	p := filepath.Join(t.TempDir(), "opd.csv")
	if err := os.WriteFile(p, []byte("DISDIK;\nBAPPEDA;Bappeda\nX;Y;Z\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	pr := New(e.S)
	tuitest.Drive(t, pr, append(append(tuitest.Keys("i"), tuitest.Typed(p)...), tuitest.Key("enter"))...)
	v := tuitest.View(pr, 80, 20)
	tuitest.CheckSize(t, "roster-problems", v, 80, 20)
	tuitest.Golden(t, "roster-problems-80x20", strings.ReplaceAll(v, p, "opd.csv"))
}

func TestRosterFitsEverySize(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, true)
	r := New(e.S)
	tuitest.Drive(t, r, tuitest.Key("p"))
	for _, mode := range []string{"list", "form"} {
		if mode == "form" {
			tuitest.Drive(t, r, tuitest.Key("a"))
		}
		for w := 80; w <= 220; w += 9 {
			for h := 12; h <= 60; h += 7 {
				tuitest.CheckSize(t, "roster-"+mode, tuitest.View(r, w, h), w, h)
			}
		}
	}
}
