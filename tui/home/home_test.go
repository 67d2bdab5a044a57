package home

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// homeList is a fixed session list, deliberately not in activity order.
func phHomeList() []store.SessionSummary {
	now := phClock()
	return []store.SessionSummary{
		{ID: 3, City: "Kabupaten Kepulauan Seribu Utara dan Sekitarnya", Stage: 1, Date: "2025-05-20", Venue: "Aula Kantor Bupati", Facilitator: "Budi Santoso", FrameworkKey: "pilar",
			OPDs: 25, Present: 22, Completion: workshop.Completion{Done: 396, Possible: 396}, LastActivity: now.AddDate(0, 0, -23)},
		{ID: 12, City: "Kota Bandung", Stage: 2, Date: "2025-06-12", Venue: "Aula Bappeda Kota Bandung", Facilitator: "Dr. Siti Rahmawati", FrameworkKey: "elemen",
			OPDs: 7, Present: 6, Completion: workshop.Completion{Done: 55, Possible: 108}, LastActivity: now.Add(-4 * time.Minute)},
		{ID: 9, City: "Kota Yogyakarta", Stage: 3, Date: "2025-06-11", FrameworkKey: "elemen",
			OPDs: 30, Present: 28, Completion: workshop.Completion{Done: 300, Possible: 504}, LastActivity: now.Add(-20 * time.Hour)},
		{ID: 10, City: "数据城市", Stage: 4, Date: "2025-06-09", FrameworkKey: "elemen",
			OPDs: 0, Present: 0, LastActivity: now.Add(-3 * 24 * time.Hour)},
		{ID: 11, City: "Kota Malang", Stage: 1, Date: "2025-06-12", FrameworkKey: "elemen",
			OPDs: 12, Present: 12, Completion: workshop.Completion{Done: 1, Possible: 216}, LastActivity: now.Add(-2 * time.Hour)},
	}
}

func TestHomeOrderAndKeys(t *testing.T) {
	h := New(nil, "id", common.NewStyles("dark"), phClock)
	upd(h, sessionsLoadedMsg{list: phHomeList()})
	var ids []int64
	for _, s := range h.list {
		ids = append(ids, s.ID)
	}
	if want := []int64{12, 11, 9, 10, 3}; !slices.Equal(ids, want) {
		t.Fatalf("order %v, want newest activity first %v", ids, want)
	}
	cases := []struct {
		keys []string
		want int64 // the session Enter opens
	}{
		{nil, 12},
		{[]string{"down"}, 11},
		{[]string{"down", "j", "down"}, 10},
		{[]string{"down", "down", "down", "down", "down", "down"}, 3}, // stops at the end
		{[]string{"end", "up", "k"}, 9},
		{[]string{"home"}, 12},
	}
	for _, c := range cases {
		h.row = 0
		phDrive(t, h, phKeys(c.keys...)...)
		msgs := phDrive(t, h, phKey("enter"))
		got, ok := phHas[common.OpenSessionMsg](msgs)
		if !ok || got.ID != c.want {
			t.Errorf("after %v Enter sent %v, want common.OpenSessionMsg{%d}", c.keys, msgs, c.want)
		}
	}
	h.row = 2
	msgs := phDrive(t, h, phKey("x"))
	if got, ok := phHas[common.ExportSessionMsg](msgs); !ok || got.ID != 9 || got.Name != "Kota Yogyakarta · Tahap III" {
		t.Errorf("x sent %v, want common.ExportSessionMsg{9}", msgs)
	}
	// A reload keeps the selection on the same session.
	upd(h, sessionsLoadedMsg{list: phHomeList()[:3]})
	if s, _ := h.selected(); s.ID != 9 {
		t.Errorf("selection moved to %d after a reload", s.ID)
	}
}

func TestHumanAgo(t *testing.T) {
	now := phClock() // Thursday 10:30
	cases := []struct {
		lang string
		at   time.Time
		want string
	}{
		{"id", time.Time{}, "—"},
		{"id", now.Add(-20 * time.Second), "baru saja"},
		{"id", now.Add(-4 * time.Minute), "4 menit lalu"},
		{"en", now.Add(-59 * time.Minute), "59 min ago"},
		{"id", now.Add(-2 * time.Hour), "hari ini 08:30"},
		{"id", now.Add(-20 * time.Hour), "kemarin 14:30"},
		{"en", now.Add(-20 * time.Hour), "yesterday 14:30"},
		{"id", now.Add(-3 * 24 * time.Hour), "3 hari lalu"},
		{"id", now.AddDate(0, 0, -23), "2025-05-20"},
		{"id", now.Add(time.Hour), "baru saja"}, // a clock a little ahead
	}
	for _, c := range cases {
		if got := humanAgo(c.lang, now, c.at); got != c.want {
			t.Errorf("humanAgo(%v) = %q, want %q", c.at, got, c.want)
		}
	}
}

func TestHomeWithStore(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "bimtek.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h := New(st, "id", common.NewStyles("dark"), phClock)
	phDrive(t, h, h.Load()())
	if !h.loaded || len(h.list) != 0 {
		t.Fatalf("empty database: loaded %v, %d sessions", h.loaded, len(h.list))
	}
	v := ansi.Strip(view(h, 80, 20))
	if !strings.Contains(v, "Tekan n") || !strings.Contains(v, "bimtek demo") {
		t.Errorf("the empty home does not say what to do:\n%s", v)
	}
	if msgs := phDrive(t, h, phKey("enter")); len(msgs) != 0 {
		t.Errorf("Enter on an empty list sent %v", msgs)
	}

	f, err := assets.Framework("elemen")
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, city := range []string{"Kota Cirebon", "Kota Bogor"} {
		id, err := st.CreateSession(ctx, store.NewSession{City: city, Stage: 1, Date: "2025-06-12", Framework: f,
			OPDs: []store.OPDInput{{Code: "BAPPEDA", Name: "Badan Perencanaan Pembangunan Daerah"}}})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	phDrive(t, h, h.Load()())
	if len(h.list) != 2 {
		t.Fatalf("%d sessions listed, want 2", len(h.list))
	}
	if h.list[0].ID != ids[1] || h.list[1].ID != ids[0] {
		t.Errorf("listed %d, %d; want the newest activity first: %d, %d", h.list[0].ID, h.list[1].ID, ids[1], ids[0])
	}
	msgs := phDrive(t, h, phKey("enter"))
	got, ok := phHas[common.OpenSessionMsg](msgs)
	if !ok || got.ID != h.list[0].ID {
		t.Errorf("Enter sent %v, want the first listed session %d", msgs, h.list[0].ID)
	}
	if v := ansi.Strip(view(h, 120, 36)); !strings.Contains(v, "Kota Cirebon") || !strings.Contains(v, "Kota Bogor") || !strings.Contains(v, "1/1") {
		t.Errorf("the list lacks the sessions:\n%s", v)
	}
}

func TestHomeGolden(t *testing.T) {
	h := New(nil, "id", common.NewStyles("dark"), phClock)
	if v := ansi.Strip(view(h, 80, 20)); !strings.Contains(v, "Memuat") {
		t.Errorf("before the list arrives: %q", v)
	}
	upd(h, sessionsLoadedMsg{list: phHomeList()})
	h.row = 1
	phGolden(t, "home", h)

	dir := "/home/fasilitator/bimtek/ekspor/kota-malang-2025-06-12"
	upd(h, common.ExportedMsg{ID: 11, Kind: common.ExportExcel, Dir: dir, Files: phExportFiles(dir)})
	golden(t, "home-exported-120x36", view(h, 120, 36))

	en := New(nil, "en", common.NewStyles("dark"), phClock)
	upd(en, sessionsLoadedMsg{list: phHomeList()})
	golden(t, "home-en-120x36", view(en, 120, 36))

	empty := New(nil, "id", common.NewStyles("dark"), phClock)
	upd(empty, sessionsLoadedMsg{})
	phGolden(t, "home-empty", empty)

	// Many sessions: the table scrolls to keep the selection in sight.
	var many []store.SessionSummary
	for i := range 40 {
		s := phHomeList()[1]
		s.ID = int64(i + 1)
		s.LastActivity = phClock().Add(-time.Duration(i) * time.Hour)
		many = append(many, s)
	}
	m := New(nil, "id", common.NewStyles("dark"), phClock)
	m.Update(sessionsLoadedMsg{list: many})
	phDrive(t, m, phKeys("end")...)
	v := ansi.Strip(view(m, 80, 20))
	phCheckSize(t, "home-many", v, 80, 20)
	if !strings.Contains(v, "▶ 40 ") {
		t.Errorf("the selected last session is not in sight:\n%s", v)
	}
}

func TestHomeFitsEverySize(t *testing.T) {
	h := New(nil, "id", common.NewStyles("dark"), phClock)
	upd(h, sessionsLoadedMsg{list: phHomeList()})
	for w := 80; w <= 220; w += 7 {
		for ht := 10; ht <= 60; ht += 5 {
			phCheckSize(t, "home", view(h, w, ht), w, ht)
		}
	}
}

// TestHomeDetailWrapsInsteadOfCutting: the lines under the table say the
// selected session's full city, stage, venue, facilitator and framework,
// and the whole export folder (the facilitator must find it), wrapping
// rather than ending in "…".
func TestHomeDetailWrapsInsteadOfCutting(t *testing.T) {
	h := New(nil, "id", common.NewStyles("dark"), phClock)
	long := phHomeList()
	long[0].City = "Kabupaten Kepulauan Seribu Utara dan Selatan Provinsi Daerah Khusus Ibukota Jakarta"
	long[0].Facilitator = "Dr. Ir. Hj. Sri Mulyani Indrawati, M.Sc., Tim Ahli Gerakan Menuju 100 Smart City"
	city, facil := long[0].City, long[0].Facilitator
	upd(h, sessionsLoadedMsg{list: long})
	phDrive(t, h, phKeys("end")...) // session 3, the long one
	exportDir := "/home/fasilitator/Dokumen/Bimtek/bimtek-kabupaten-kepulauan-seribu-utara-dan-selatan-tahap1-3-20250520-1030"
	upd(h, common.ExportedMsg{ID: 3, Kind: common.ExportCSV, Dir: exportDir, Files: phExportFiles(exportDir)})
	for _, w := range []int{80, 120} {
		v := ansi.Strip(view(h, w, 36))
		flat := strings.Join(strings.Fields(v), "")
		for _, want := range []string{city, "Kesiapan dan analisis kesenjangan", facil, "Kerangka: pilar"} {
			if !strings.Contains(flat, strings.Join(strings.Fields(want), "")) {
				t.Errorf("%d wide: %q not whole in\n%s", w, want, v)
			}
		}
		// The export's files: one a line, each path shortened from the
		// left (never cut at its end) when it is too wide, whole when not.
		for _, f := range phExportFiles(exportDir) {
			tail := "-1030/" + filepath.Base(f)
			found := false
			for _, l := range strings.Split(v, "\n") {
				l = strings.TrimSpace(l)
				if strings.HasSuffix(l, tail) && (l == f || strings.HasPrefix(l, "…") && strings.HasSuffix(f, strings.TrimPrefix(l, "…"))) {
					found = true
				}
			}
			if !found {
				t.Errorf("%d wide: no line ends with %q (shortened from the left only):\n%s", w, tail, v)
			}
		}
	}
	if v := ansi.Strip(view(h, 200, 36)); !strings.Contains(v, phExportFiles(exportDir)[0]) {
		t.Errorf("200 wide: the whole path %s is not shown:\n%s", phExportFiles(exportDir)[0], v)
	}
}
