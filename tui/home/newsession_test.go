package home

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/tui/common"
)

func phHomeStore(t *testing.T) (*store.Store, *Home) {
	t.Helper()
	st, _ := openTestStore(t, "bimtek.db")
	h := New(st, "id", common.NewStyles("dark"), phClock)
	phDrive(t, h, h.Load()())
	return st, h
}

func phWriteFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// The whole form driven by keys: it creates the session and opens it.
func TestNewSessionFormByKeys(t *testing.T) {
	st, h := phHomeStore(t)
	csv := phWriteFile(t, "opd.csv", "kode;nama\nBAPPEDA;Badan Perencanaan Pembangunan Daerah\nDINKES;Dinas Kesehatan\nSJJ;数据局\n")

	var keys []tea.Msg
	add := func(m ...tea.Msg) { keys = append(keys, m...) }
	add(phKey("n"))
	add(phTyped("Kota Cirebon")...)
	add(phKey("enter"))              // -> tahap
	add(phKeys("down", "enter")...)  // tahap II -> date
	add(phKey("ctrl+u"))             // clear today's date
	add(phTyped("2025-07-01")...)    //
	add(phKey("enter"))              // -> venue
	add(phTyped("Gedung Negara")...) //
	add(phKey("enter"))              // -> facilitator
	add(phTyped("Ahmad Fauzi")...)   //
	add(phKey("enter"))              // -> framework
	add(phKey("enter"))              // elemen -> OPDs
	add(phKeys("down", "enter")...)  // CSV -> path
	add(phTyped(csv)...)             //
	msgs := phDrive(t, h, keys...)   // not submitted yet
	if !h.Capturing() {
		t.Fatalf("the form closed early: %v", msgs)
	}
	msgs = phDrive(t, h, phKey("enter"))
	phNoErr(t, msgs)
	open, ok := phHas[common.OpenSessionMsg](msgs)
	if !ok {
		t.Fatalf("no common.OpenSessionMsg after submit: %v (form error %q)", msgs, phFormErr(h))
	}
	if h.Capturing() {
		t.Errorf("the form is still open after the session was created")
	}
	d, err := st.Load(context.Background(), open.ID)
	if err != nil {
		t.Fatal(err)
	}
	ss := d.Session
	if ss.City != "Kota Cirebon" || ss.Stage != 2 || ss.Date != "2025-07-01" || ss.Venue != "Gedung Negara" || ss.Facilitator != "Ahmad Fauzi" {
		t.Errorf("stored session %+v", ss)
	}
	if ss.Framework.Key != "elemen" {
		t.Errorf("framework %q, want elemen", ss.Framework.Key)
	}
	if got := phCodes(d.OPDs); got != "BAPPEDA DINKES SJJ" {
		t.Errorf("OPDs %q, want the CSV's", got)
	}
}

func phFormErr(h *Home) string {
	if h.form == nil {
		return ""
	}
	return h.form.err
}

// Bad answers are refused where they are typed, with one sentence, and
// nothing is created; Esc leaves without saving.
func TestNewSessionFormRefuses(t *testing.T) {
	st, h := phHomeStore(t)
	badCSV := phWriteFile(t, "opd.csv", "kode;nama\nBAPPEDA;\nBAPPEDA;Bappeda\n")

	phDrive(t, h, phKeys("n", "enter")...) // no city
	if v := ansi.Strip(view(h, 120, 36)); !strings.Contains(v, "Isi nama kota") {
		t.Errorf("an empty city is not refused:\n%s", v)
	}
	keys := append(phTyped("Kota Bogor"), phKeys("enter", "enter", "ctrl+u")...)
	keys = append(keys, phTyped("2025-13-01")...)
	phDrive(t, h, append(keys, phKey("enter"))...)
	if v := ansi.Strip(view(h, 120, 36)); !strings.Contains(v, `Tanggal "2025-13-01" tidak dikenali`) {
		t.Errorf("a bad date is not refused:\n%s", v)
	}
	keys = append([]tea.Msg{phKey("ctrl+u")}, phTyped("2025-06-12")...)
	keys = append(keys, phKeys("enter", "enter", "enter", "enter", "down", "enter")...)
	keys = append(keys, phTyped(badCSV)...)
	phDrive(t, h, append(keys, phKey("enter"))...)
	v := ansi.Strip(view(h, 120, 36))
	for _, want := range []string{"2 masalah", "baris 2", "baris 3"} {
		if !strings.Contains(v, want) {
			t.Errorf("the CSV problems are not shown (%q):\n%s", want, v)
		}
	}
	// Shift+Tab goes back even from an unfinished path, then Esc cancels.
	phDrive(t, h, phKeys("ctrl+u", "shift+tab")...)
	if v := ansi.Strip(view(h, 120, 36)); !strings.Contains(v, "Daftar OPD umum") {
		t.Errorf("Shift+Tab did not go back to the OPD choice:\n%s", v)
	}
	msgs := phDrive(t, h, phKey("esc"))
	if h.Capturing() {
		t.Fatalf("Esc did not close the form")
	}
	if _, ok := phHas[common.OpenSessionMsg](msgs); ok {
		t.Errorf("Esc opened a session")
	}
	list, err := st.ListSessions(context.Background())
	if err != nil || len(list) != 0 {
		t.Errorf("refused or cancelled forms created %d sessions (%v)", len(list), err)
	}
}

// The submit function on its own: a framework file and the preset list.
func TestNewSessionSubmit(t *testing.T) {
	st, _ := phHomeStore(t)
	yaml, err := assets.FrameworkYAML("pilar")
	if err != nil {
		t.Fatal(err)
	}
	fwPath := phWriteFile(t, "kerangka saya.yaml", string(yaml))
	broken := phWriteFile(t, "rusak.yaml", "key: x\nname: {id: X}\ndimensions: []\n")

	f := newNewSessionForm(st, "id", common.NewStyles("dark"), phClock)
	if f.date != "" || f.dateOrToday() != "2025-06-12" {
		t.Errorf("the date field holds %q (want empty, today %q as its suggestion)", f.date, f.dateOrToday())
	}
	f.city, f.stage, f.venue, f.facilitator = "  Kota Depok ", 1, "Balai Kota", "Rina"
	f.framework, f.frameworkPath = choiceFile, `"`+fwPath+`"`
	f.opds = opdsPreset
	n, err := f.session()
	if err != nil {
		t.Fatal(err)
	}
	if n.City != "Kota Depok" || n.Framework == nil || n.Framework.Key != "pilar" || len(n.OPDs) != len(assets.PresetOPDs()) {
		t.Errorf("session %+v (framework %v, %d OPDs)", n, n.Framework != nil, len(n.OPDs))
	}
	f.opds = opdsNone
	if n, _ = f.session(); len(n.OPDs) != 0 {
		t.Errorf("'none' gave %d OPDs", len(n.OPDs))
	}

	f.frameworkPath = broken
	if _, err := f.session(); err == nil || !strings.Contains(err.Error(), "Berkas kerangka tidak bisa dipakai") {
		t.Errorf("a broken framework file: %v", err)
	}
	f.framework = "elemen"
	f.date = "12-06-2025"
	if _, err := f.session(); err == nil {
		t.Errorf("a bad date was accepted")
	}
	f.date, f.city = "2025-06-12", strings.Repeat("x", 81)
	if _, err := f.session(); err == nil {
		t.Errorf("an 81-character city was accepted")
	}
}

func TestNewSessionGolden(t *testing.T) {
	_, h := phHomeStore(t)
	phDrive(t, h, phKey("n"))
	phGolden(t, "home-form", h)
	phDrive(t, h, phTyped("Kota Cirebon")...)
	phDrive(t, h, phKeys("enter", "down", "enter", "enter", "enter", "enter")...)
	phGolden(t, "home-form-framework", h)
}

func TestCleanPath(t *testing.T) {
	home, _ := os.UserHomeDir()
	cases := []struct{ in, want string }{
		{"  /tmp/opd.csv ", "/tmp/opd.csv"},
		{`"C:\Data\opd.csv"`, `C:\Data\opd.csv`},
		{"'/tmp/a b.csv'", "/tmp/a b.csv"},
		{"~/opd.csv", filepath.Join(home, "opd.csv")},
		{"", ""},
	}
	for _, c := range cases {
		if got := common.CleanPath(c.in); got != c.want {
			t.Errorf("common.CleanPath(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// When the database refuses the new session, the form comes back with the
// answers given and one sentence saying why.
func TestNewSessionCreateFails(t *testing.T) {
	st, h := phHomeStore(t)
	keys := append(phKeys("n"), phTyped("Kota Sukabumi")...)
	keys = append(keys, phKeys("enter", "enter", "enter", "enter", "enter", "enter", "down", "down")...)
	phDrive(t, h, keys...)
	st.Close() // the file goes away under the form
	msgs := phDrive(t, h, phKey("enter"))
	if _, ok := phHas[common.ErrMsg](msgs); !ok {
		t.Fatalf("no error after a failed create: %v", msgs)
	}
	if _, ok := phHas[common.OpenSessionMsg](msgs); ok {
		t.Fatalf("a failed create opened a session")
	}
	if !h.Capturing() || h.form.busy {
		t.Fatalf("the form is not back after the failure")
	}
	v := ansi.Strip(view(h, 120, 36))
	if !strings.Contains(v, "Sesi tidak bisa dibuat") || !strings.Contains(v, "Kota Sukabumi") {
		t.Errorf("the failure or the answers are not shown:\n%s", v)
	}
}

// Keys typed faster than huh moves between fields (a fast typist, a
// paste) still land in the field they were meant for: every key is
// delivered before any of the form's own messages come back.
func TestNewSessionFormKeepsFastTyping(t *testing.T) {
	st, h := phHomeStore(t)
	phDrive(t, h, phKey("n"))
	var keys []tea.Msg
	add := func(m ...tea.Msg) { keys = append(keys, m...) }
	add(phTyped("Kota Tegal")...)
	add(phKeys("enter", "down", "enter", "enter")...) // tahap II, date as is
	add(phTyped("Hotel Bahari")...)
	add(phKey("enter"))
	add(phTyped("Budi")...)
	add(phKeys("enter", "enter", "enter")...) // elemen, preset OPDs
	var cmds []tea.Cmd
	for _, k := range keys {
		cmds = append(cmds, upd(h, k))
	}
	var msgs []tea.Msg
	for _, c := range cmds {
		if c == nil {
			continue
		}
		// Run the form's own messages now, as Bubble Tea would after the
		// keys already queued.
		msgs = append(msgs, phDrive(t, h, phCmdMsgs(c)...)...)
	}
	phNoErr(t, msgs)
	open, ok := phHas[common.OpenSessionMsg](msgs)
	if !ok {
		t.Fatalf("no session created: %v (form error %q)", msgs, phFormErr(h))
	}
	d, err := st.Load(context.Background(), open.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s := d.Session; s.City != "Kota Tegal" || s.Stage != 2 || s.Venue != "Hotel Bahari" || s.Facilitator != "Budi" {
		t.Errorf("fast typing went to the wrong fields: %+v", s)
	}
}

// phFormSession drives the home screen's form with keys and returns the
// session it created.
func phFormSession(t *testing.T, st *store.Store, h *Home, keys ...tea.Msg) store.Session {
	t.Helper()
	msgs := phDrive(t, h, keys...)
	phNoErr(t, msgs)
	open, ok := phHas[common.OpenSessionMsg](msgs)
	if !ok {
		t.Fatalf("no session created: %v (form error %q)", msgs, phFormErr(h))
	}
	d, err := st.Load(context.Background(), open.ID)
	if err != nil {
		t.Fatal(err)
	}
	return d.Session
}

// TestNewSessionDateTypingReplaces: the date field suggests today; typing
// a date gives that date (not today's with the typing appended), and
// leaving it empty gives today.
func TestNewSessionDateTypingReplaces(t *testing.T) {
	st, h := phHomeStore(t)
	keys := append(phKeys("n"), phTyped("Kota Cirebon")...)
	keys = append(keys, phKeys("enter", "enter")...) // tahap I -> date
	keys = append(keys, phTyped("2026-02-20")...)
	keys = append(keys, phKeys("enter", "enter", "enter", "enter", "enter")...) // venue, facilitator, framework, OPDs: submit
	if ss := phFormSession(t, st, h, keys...); ss.Date != "2026-02-20" {
		t.Errorf("typed 2026-02-20, stored %q", ss.Date)
	}
	st2, h := phHomeStore(t)
	keys = append(phKeys("n"), phTyped("Kota Depok")...)
	keys = append(keys, phKeys("enter", "enter", "enter", "enter", "enter", "enter", "enter")...)
	if ss := phFormSession(t, st2, h, keys...); ss.Date != "2025-06-12" {
		t.Errorf("an empty date stored %q, want today 2025-06-12", ss.Date)
	}
}

// TestNewSessionFrameworkFollowsTahap: Tahap I starts with the readiness
// pillars, Tahap II with the elements; a framework picked by hand stays
// when the tahap changes afterwards.
func TestNewSessionFrameworkFollowsTahap(t *testing.T) {
	cases := []struct {
		name string
		keys []tea.Msg
		want string
	}{
		{"tahap I", phKeys("enter"), "pilar"},
		{"tahap II", phKeys("down", "enter"), "elemen"},
	}
	for _, tc := range cases {
		st, h := phHomeStore(t)
		keys := append(phKeys("n"), phTyped("Kota Cirebon")...)
		keys = append(keys, phKey("enter"))
		keys = append(keys, tc.keys...)
		keys = append(keys, phKeys("enter", "enter", "enter", "enter", "enter")...) // date, venue, facilitator, framework, OPDs
		if ss := phFormSession(t, st, h, keys...); ss.Framework.Key != tc.want {
			t.Errorf("%s: framework %q, want %q", tc.name, ss.Framework.Key, tc.want)
		}
	}
	// Chosen by hand, then the tahap changed: the choice stays.
	st, _ := phHomeStore(t)
	f := newNewSessionForm(st, "id", common.NewStyles("dark"), phClock)
	if f.framework != "pilar" {
		t.Fatalf("a new form (tahap I) starts with %q, want pilar", f.framework)
	}
	f.stage = 2
	f.followStage()
	if f.framework != "elemen" {
		t.Errorf("tahap II: %q, want elemen", f.framework)
	}
	f.framework = "pilar" // the facilitator's pick
	f.stage = 3
	f.followStage()
	if f.framework != "pilar" {
		t.Errorf("a framework picked by hand became %q when the tahap changed", f.framework)
	}
}
