package room

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

func TestCardsOnePerOPDWithCodeURLAndQR(t *testing.T) {
	d := &workshop.Data{Session: workshop.Session{ID: 7, City: "Kota <Contoh>", Stage: 2}, OPDs: []workshop.OPD{
		{ID: 1, Code: "BAPPEDA", Name: "Badan <script>alert(1)</script>"},
		{ID: 2, Code: "DLH", Name: "=HYPERLINK(\"x\")"},
	}}
	codes := []store.AccessCode{{OPDID: 2, Code: "K7MQ4X"}, {OPDID: 1, Code: "3479AC"}}
	h, c, err := Cards(d, codes, "http://192.168.1.10:8080", "id")
	if err != nil {
		t.Fatal(err)
	}
	page := string(h)
	if strings.Count(page, `<section class="card">`) != 2 {
		t.Errorf("%d cards for 2 OPDs", strings.Count(page, `<section class="card">`))
	}
	for _, want := range []string{"347-9AC", "K7M-Q4X", "Badan &lt;script&gt;alert(1)&lt;/script&gt;", "Kota &lt;Contoh&gt; · Tahap 2", "http://192.168.1.10:8080/"} {
		if !strings.Contains(page, want) {
			t.Errorf("cards.html lacks %q", want)
		}
	}
	if strings.Contains(page, "<script>") {
		t.Errorf("an OPD name reached the page unescaped")
	}
	q, _ := NewQR("http://192.168.1.10:8080/?code=K7MQ4X")
	if !strings.Contains(page, q.SVG(160)) {
		t.Errorf("DLH's card lacks the QR of its own URL")
	}
	rows, err := csv.NewReader(strings.NewReader(string(c))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"opd_code", "opd_name", "access_code", "url"},
		{"BAPPEDA", "Badan <script>alert(1)</script>", "347-9AC", "http://192.168.1.10:8080/?code=3479AC"},
		{"DLH", "'=HYPERLINK(\"x\")", "K7M-Q4X", "http://192.168.1.10:8080/?code=K7MQ4X"},
	}
	if len(rows) != len(want) {
		t.Fatalf("codes.csv has %d rows: %q", len(rows), rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("codes.csv row %d = %q, want %q", i, rows[i], want[i])
		}
	}
	// An OPD without a code is an error, not a card without one.
	if _, _, err := Cards(d, codes[:1], "http://x/", "id"); err == nil {
		t.Errorf("a missing code made cards")
	}
}

func TestWriteCardsWritesBothFiles(t *testing.T) {
	e := newRoomEnv(t)
	codes, err := e.st.AccessCodes(bg, e.sid)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "cards")
	d, _ := e.st.Load(bg, e.sid)
	paths, err := WriteCards(dir, d, codes, "http://10.0.0.5:8080/", "en")
	if err != nil || len(paths) != 2 {
		t.Fatalf("WriteCards = %v, %v", paths, err)
	}
	h, _ := os.ReadFile(filepath.Join(dir, "cards.html"))
	if !strings.Contains(string(h), "Self-assessment access cards") || !strings.Contains(string(h), workshop.FormatAccessCode(codes[2].Code)) {
		t.Errorf("cards.html in English lacks its title or DLH's code")
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		t.Errorf("the folder holds %d files, want 2 (no temporary files)", len(ents))
	}
}
