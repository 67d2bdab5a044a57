package home

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// homeEnv is a database with two sessions (the first with scores) and
// the home screen over it.
type homeEnv struct {
	t      *testing.T
	st     *store.Store
	path   string
	h      *Home
	ids    [2]int64
	scores int // the first session's scores
}

func newHomeEnv(t *testing.T, lang string) *homeEnv {
	t.Helper()
	st, path := openTestStore(t, "home.db")
	e := &homeEnv{t: t, st: st, path: path}
	opds := []store.OPDInput{{Code: "BAPPEDA", Name: "Badan Perencanaan Pembangunan Daerah"}, {Code: "DISKOMINFO", Name: "Dinas Komunikasi dan Informatika"}}
	var d *store.Data
	e.ids[0], d = createTestSession(t, st, store.NewSession{City: "Kota Bengkulu", Stage: 2, Date: "2026-02-20", Venue: "Aula Bapeda", Facilitator: "Tim Kominfo", Framework: elemenFramework(t), OPDs: opds})
	var rows []store.ScoreRow
	var inds []workshop.Indicator
	for _, dim := range d.Session.Framework.Dimensions {
		inds = append(inds, dim.Indicators()...)
	}
	for i, ind := range inds[:9] {
		rows = append(rows, store.ScoreRow{OPDID: d.OPDs[i%2].ID, IndicatorKey: ind.Key, Answer: workshop.Answer{Level: 1 + i%5}})
	}
	importTestScores(t, st, e.ids[0], rows)
	e.scores = len(rows)
	e.ids[1], _ = createTestSession(t, st, store.NewSession{City: "Kota Contoh", Stage: 1, Framework: elemenFramework(t), OPDs: opds})
	e.h = New(st, lang, common.NewStyles("dark"), phClock)
	upd(e.h, e.h.Load()())
	e.h.SetSize(120, 36)
	e.selectSession(e.ids[0])
	return e
}

func (e *homeEnv) selectSession(id int64) {
	e.t.Helper()
	for i, s := range e.h.list {
		if s.ID == id {
			e.h.row = i
			return
		}
	}
	e.t.Fatalf("session %d is not listed", id)
}

func (e *homeEnv) view() string { return ansi.Strip(view(e.h, 120, 36)) }

// stored reads the sessions back from a fresh open of the file.
func (e *homeEnv) stored() map[int64]*store.Data {
	e.t.Helper()
	out := map[int64]*store.Data{}
	ro, err := store.OpenReadOnly(context.Background(), e.path)
	if err != nil {
		e.t.Fatal(err)
	}
	defer ro.Close()
	list, err := ro.ListSessions(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	for _, s := range list {
		d, err := ro.Load(context.Background(), s.ID)
		if err != nil {
			e.t.Fatal(err)
		}
		out[s.ID] = d
	}
	return out
}

// retype replaces the focused field's text.
func (e *homeEnv) retype(text string) {
	phDrive(e.t, e.h, phKey("ctrl+u"))
	phDrive(e.t, e.h, phTyped(text)...)
}

// TestHomeEditSession: e opens the selected session's details pre-filled;
// each bad field gets its own sentence and nothing is saved; Enter saves
// the corrections, which a fresh open of the file reads back with the
// scores untouched; Esc leaves the details as they were.
func TestHomeEditSession(t *testing.T) {
	e := newHomeEnv(t, "id")
	phDrive(t, e.h, phKey("e"))
	v := e.view()
	for _, want := range []string{"Ubah data sesi", "› Kota Bengkulu", "› II", "› 2026-02-20", "› Aula Bapeda", "› Tim Kominfo"} {
		if !strings.Contains(v, want) {
			t.Errorf("the form lacks %q:\n%s", want, v)
		}
	}
	if !e.h.Capturing() {
		t.Error("the form does not take the keys")
	}
	// Three bad fields: an empty city, tahap V, 31 February.
	e.retype("")
	phDrive(t, e.h, phKey("tab"))
	e.retype("V")
	phDrive(t, e.h, phKey("tab"))
	e.retype("2026-02-31")
	msgs := phDrive(t, e.h, phKey("enter"))
	v = e.view()
	if n := strings.Count(v, "✘"); n != 3 {
		t.Errorf("%d refusals for three bad fields:\n%s", n, v)
	}
	for _, want := range []string{"2026-02-31", "V"} {
		if !strings.Contains(v, want) {
			t.Errorf("the refusals do not name %q:\n%s", want, v)
		}
	}
	if _, ok := phHas[common.StatusMsg](msgs); ok {
		t.Errorf("a refused form said it saved: %v", msgs)
	}
	if d := e.stored()[e.ids[0]]; d.Session.City != "Kota Bengkulu" || d.Session.Stage != 2 || d.Session.Date != "2026-02-20" {
		t.Fatalf("a refused form changed the session: %+v", d.Session.Details())
	}

	// Corrected: the first bad field (the city) has the cursor.
	e.retype("Kota Bengkulu Utara")
	phDrive(t, e.h, phKey("tab"))
	e.retype("iii")
	phDrive(t, e.h, phKey("tab"))
	e.retype("2026-03-02")
	phDrive(t, e.h, phKey("tab"))
	e.retype("Gedung Serba Guna")
	msgs = phDrive(t, e.h, phKey("enter"))
	phNoErr(t, msgs)
	if st, ok := phHas[common.StatusMsg](msgs); !ok || !strings.Contains(st.Text, "Kota Bengkulu Utara · Tahap III · 2026-03-02 · Gedung Serba Guna · Tim Kominfo") {
		t.Errorf("the save said %v", msgs)
	}
	if e.h.Capturing() {
		t.Error("the form stayed open after saving")
	}
	got := e.stored()
	d := got[e.ids[0]]
	want := workshop.SessionDetails{City: "Kota Bengkulu Utara", Stage: 3, Date: "2026-03-02", Venue: "Gedung Serba Guna", Facilitator: "Tim Kominfo"}
	if d.Session.Details() != want {
		t.Errorf("stored %+v, want %+v", d.Session.Details(), want)
	}
	if len(d.Scores) != e.scores || len(d.OPDs) != 2 {
		t.Errorf("after the edit %d scores and %d OPDs, want %d and 2", len(d.Scores), len(d.OPDs), e.scores)
	}
	if o := got[e.ids[1]].Session; o.City != "Kota Contoh" || o.Stage != 1 {
		t.Errorf("the other session changed: %+v", o.Details())
	}
	if v := e.view(); !strings.Contains(v, "Kota Bengkulu Utara") || !strings.Contains(v, "III") {
		t.Errorf("the list does not show the correction:\n%s", v)
	}

	// Esc: nothing changes.
	phDrive(t, e.h, phKey("e"))
	e.retype("Kota Lain")
	msgs = phDrive(t, e.h, phKey("esc"))
	if st, ok := phHas[common.StatusMsg](msgs); !ok || !st.Plain {
		t.Errorf("Esc said %v, want a plain notice", msgs)
	}
	if d := e.stored()[e.ids[0]]; d.Session.City != "Kota Bengkulu Utara" {
		t.Errorf("Esc saved the city %q", d.Session.City)
	}
}

// TestHomeDeleteSession: d asks, naming the session and the scores that
// would go; N and Esc keep it; y deletes that session and only it.
func TestHomeDeleteSession(t *testing.T) {
	e := newHomeEnv(t, "id")
	ask := fmt.Sprintf("Hapus sesi Kota Bengkulu Tahap II (%d skor)? Tidak bisa dibatalkan. y/N", e.scores)
	for _, no := range []string{"N", "esc", "n"} {
		phDrive(t, e.h, phKey("d"))
		if v := e.view(); !strings.Contains(v, "⚠ "+ask) {
			t.Fatalf("d does not ask %q:\n%s", ask, v)
		}
		msgs := phDrive(t, e.h, phKey("x")) // not an answer: the question stays
		if len(msgs) != 0 || !strings.Contains(e.view(), ask) {
			t.Errorf("x answered the question: %v", msgs)
		}
		msgs = phDrive(t, e.h, phKey(no))
		if st, ok := phHas[common.StatusMsg](msgs); !ok || !st.Plain || !strings.Contains(st.Text, "tetap ada") {
			t.Errorf("%s said %v, want a plain notice that it stays", no, msgs)
		}
		if len(e.stored()) != 2 {
			t.Fatalf("%s deleted a session", no)
		}
	}
	phDrive(t, e.h, phKey("delete"))
	msgs := phDrive(t, e.h, phKey("y"))
	phNoErr(t, msgs)
	if st, ok := phHas[common.StatusMsg](msgs); !ok || st.Plain || !strings.Contains(st.Text, "Terhapus: sesi Kota Bengkulu Tahap II") {
		t.Errorf("y said %v", msgs)
	}
	got := e.stored()
	if _, ok := got[e.ids[0]]; ok || len(got) != 1 {
		t.Fatalf("after y the file holds sessions %v, want only %d", got, e.ids[1])
	}
	if o := got[e.ids[1]]; o.Session.City != "Kota Contoh" || len(o.OPDs) != 2 {
		t.Errorf("the other session changed: %+v, %d OPDs", o.Session.Details(), len(o.OPDs))
	}
	if v := e.view(); strings.Contains(v, "Kota Bengkulu") || !strings.Contains(v, "Kota Contoh") {
		t.Errorf("the list still shows the deleted session:\n%s", v)
	}
}

// TestHomeEditDeleteRefusedWhileLocked: a session another bimtek has open
// (a fresh lock of a process on another laptop) is neither corrected nor
// deleted; the lock's sentence says so and the file is unchanged.
func TestHomeEditDeleteRefusedWhileLocked(t *testing.T) {
	e := newHomeEnv(t, "id")
	db, err := sql.Open("sqlite", e.path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Now()
	if _, err := db.Exec(`INSERT INTO locks (session_id, pid, host, since, heartbeat, holds, token, started) VALUES (?, 4242, 'laptop-b', ?, ?, 1, 'other', '')`,
		e.ids[0], now.UnixNano(), now.UnixNano()); err != nil {
		t.Fatal(err)
	}
	locked := fmt.Sprintf("Sesi %d sedang dibuka di bimtek lain (pid 4242 di laptop-b", e.ids[0])

	phDrive(t, e.h, phKey("e"))
	e.retype("Kota Salah")
	msgs := phDrive(t, e.h, phKey("enter"))
	if v := e.view(); !strings.Contains(strings.Join(strings.Fields(v), " "), locked) || !e.h.Capturing() {
		t.Errorf("the edit of a locked session does not say %q (form open %v):\n%s\n%v", locked, e.h.Capturing(), v, msgs)
	}
	// The commands it offers open this file, not the default database.
	if v := strings.Join(strings.Fields(e.view()), " "); !strings.Contains(v, fmt.Sprintf("bimtek present %d --db %s,", e.ids[0], e.path)) ||
		!strings.Contains(v, fmt.Sprintf("bimtek open %d --take-over --db %s ", e.ids[0], e.path)) {
		t.Errorf("the lock's sentence drops --db %s:\n%s", e.path, e.view())
	}
	phDrive(t, e.h, phKey("esc"))

	phDrive(t, e.h, phKey("d"))
	msgs = phDrive(t, e.h, phKey("y"))
	em, ok := phHas[common.ErrMsg](msgs)
	var le *workshop.LockedError
	if !ok || !errors.As(em.Err, &le) {
		t.Errorf("deleting a locked session said %v, want the lock error", msgs)
	}
	d := e.stored()
	if len(d) != 2 || d[e.ids[0]].Session.City != "Kota Bengkulu" || len(d[e.ids[0]].Scores) != e.scores {
		t.Errorf("the locked session changed: %d sessions", len(d))
	}
}

// TestHomeEditGolden: the edit form with a refused field, and the delete
// question, as the room sees them, in both languages.
func TestHomeEditGolden(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		h := New(nil, lang, common.NewStyles("dark"), phClock)
		upd(h, sessionsLoadedMsg{list: phHomeList()})
		phDrive(t, h, phKey("e"))
		phDrive(t, h, phKey("tab"))
		phDrive(t, h, phKey("ctrl+u"))
		phDrive(t, h, phTyped("5")...)
		phDrive(t, h, phKey("enter"))
		phGolden(t, "home-edit-"+lang, h)
		phDrive(t, h, phKey("esc"))
		s, _ := h.selected()
		upd(h, deleteAskMsg{id: s.ID, name: assetsName(lang, s), scores: 55})
		golden(t, "home-delete-"+lang+"-80x20", view(h, 80, 20))
	}
}

func assetsName(lang string, s workshop.SessionSummary) string {
	return New(nil, lang, nil, nil).t("home.delete_name", s.City, common.Roman(s.Stage))
}
