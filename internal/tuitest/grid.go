package tuitest

import (
	"context"
	"testing"
	"time"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// GridOPDs is the fixed roster of the assessment grid's tests: a very long
// name, a Javanese-script name, and one OPD (SATPOLPP) that NewGridEnv
// marks absent.
var GridOPDs = []store.OPDInput{
	{Code: "DISKOMINFO", Name: "Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Kepulauan Seribu Utara"},
	{Code: "BAPPEDA", Name: "Badan Perencanaan Pembangunan Daerah"},
	{Code: "DINKES", Name: "Dinas Kesehatan"},
	{Code: "KRATON", Name: "ꦥꦤꦶꦠꦿꦏꦫꦠꦺꦴꦤ꧀ ꦔꦪꦺꦴꦒꦾꦏꦂꦠ"},
	{Code: "DISDUKCAPIL", Name: "Dinas Kependudukan dan Pencatatan Sipil"},
	{Code: "DPMPTSP", Name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"},
	{Code: "DLH", Name: "Dinas Lingkungan Hidup"},
	{Code: "SATPOLPP", Name: "Satuan Polisi Pamong Praja"}, // marked absent
	{Code: "DISHUB", Name: "Dinas Perhubungan"},
}

// GridClock is the fixed time of the grid's sessions.
func GridClock() time.Time { return time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC) }

// GridCell is one stored cell of a grid session: the OPD's index in the
// roster, the indicator, the answer and the note.
type GridCell struct {
	OPD  int
	Key  string
	A    workshop.Answer
	Note string
}

// Indicators of the first dimension (governance) of "elemen".
const (
	KeyLayanan   = "governance.layanan_publik.1"
	KeyBirokrasi = "governance.manajemen_birokrasi.1"
	KeyKebijakan = "governance.kebijakan_publik.1"
)

// GridAnswers is the fixed session of the grid's golden views.
var GridAnswers = []GridCell{
	{0, KeyLayanan, workshop.Answer{Level: 4}, ""},
	{0, KeyBirokrasi, workshop.Answer{Level: 3}, ""},
	{0, KeyKebijakan, workshop.Answer{Level: 5}, ""},
	{1, KeyLayanan, workshop.Answer{Level: 3}, ""},
	{1, KeyBirokrasi, workshop.Answer{NA: true}, "Belum ada aplikasi kepegawaian sendiri"},
	{1, KeyKebijakan, workshop.Answer{Level: 2}, ""},
	{2, KeyLayanan, workshop.Answer{Level: 2}, "Perlu SOP layanan daring"},
	{3, KeyLayanan, workshop.Answer{Level: 1}, ""},
	{3, KeyKebijakan, workshop.Answer{Level: 3}, ""},
	{4, KeyBirokrasi, workshop.Answer{Level: 4}, ""},
	{0, "branding.pariwisata.1", workshop.Answer{Level: 2}, ""},
}

// GridEnv is a grid session in a real store.
type GridEnv struct {
	Path string
	St   *store.Store
	ID   int64
	Sess *common.Sess
}

// NewGridEnv creates a session with the "elemen" framework and opds in a
// fresh database (SATPOLPP marked absent) holding cells.
func NewGridEnv(t testing.TB, lang string, opds []store.OPDInput, cells []GridCell) *GridEnv {
	t.Helper()
	ctx := context.Background()
	st, path := OpenStore(t, "bimtek.db")
	id, err := st.CreateSession(ctx, store.NewSession{City: "Kota Contoh", Stage: 1, Date: "2025-03-14", Framework: Elemen(t), OPDs: opds})
	if err != nil {
		t.Fatal(err)
	}
	d := Load(t, st, id)
	for _, o := range d.OPDs {
		if o.Code == "SATPOLPP" {
			o.Present = false
			if err := st.UpdateOPD(ctx, id, o); err != nil {
				t.Fatal(err)
			}
		}
	}
	var rows []store.ScoreRow
	for _, c := range cells {
		rows = append(rows, store.ScoreRow{OPDID: d.OPDs[c.OPD].ID, IndicatorKey: c.Key, Answer: c.A, Note: c.Note})
	}
	importRows(t, st, id, rows)
	s := Sess(t, st, Load(t, st, id), lang, common.NewStyles("dark"), GridClock)
	return &GridEnv{Path: path, St: st, ID: id, Sess: s}
}

// NewScaleEnv is the benchmark session: workshop.ScaleFramework(), 80
// OPDs and their sheets, stored through the real store.
func NewScaleEnv(t testing.TB) *GridEnv {
	t.Helper()
	f := workshop.ScaleFramework()
	opds := workshop.ScaleOPDs(80)
	st, path := OpenStore(t, "bimtek.db")
	in := make([]store.OPDInput, len(opds))
	for i, o := range opds {
		in[i] = store.OPDInput{Code: o.Code, Name: o.Name}
	}
	id, err := st.CreateSession(context.Background(), store.NewSession{City: "Kota Skala", Stage: 2, Framework: f, OPDs: in})
	if err != nil {
		t.Fatal(err)
	}
	d := Load(t, st, id)
	sheets := workshop.ScaleSheets(f, opds, 7)
	var rows []store.ScoreRow
	for i, o := range opds {
		for k, a := range sheets[o.ID] {
			rows = append(rows, store.ScoreRow{OPDID: d.OPDs[i].ID, IndicatorKey: k, Answer: a})
		}
	}
	importRows(t, st, id, rows)
	s := Sess(t, st, Load(t, st, id), "id", common.NewStyles("dark"), GridClock)
	return &GridEnv{Path: path, St: st, ID: id, Sess: s}
}

// importRows stores rows (nothing when there are none).
func importRows(t testing.TB, st *store.Store, id int64, rows []store.ScoreRow) {
	t.Helper()
	if len(rows) == 0 {
		return
	}
	if _, err := st.ImportScores(context.Background(), id, rows); err != nil {
		t.Fatal(err)
	}
}

// Demo creates the session `bimtek demo` makes (20 preset OPDs, seed 1)
// in a new database and returns the store, the session's id and the
// database's path.
func Demo(t testing.TB) (*store.Store, int64, string) {
	t.Helper()
	st, path := OpenStore(t, "demo.db")
	f := Elemen(t)
	var opds []store.OPDInput
	for _, p := range assets.PresetOPDs()[:20] {
		opds = append(opds, store.OPDInput{Code: p.Code, Name: p.Name})
	}
	id, err := st.CreateSession(context.Background(), store.NewSession{City: "Kota Contoh", Stage: 1, Date: "2026-11-28",
		Venue: "Aula Bappeda", Facilitator: "Tim Fasilitator", Framework: f, OPDs: opds})
	if err != nil {
		t.Fatal(err)
	}
	d := Load(t, st, id)
	var rows []store.ScoreRow
	for _, a := range workshop.DemoAnswers(f, d.OPDs, 1) {
		rows = append(rows, store.ScoreRow{OPDID: a.OPDID, IndicatorKey: a.IndicatorKey, Answer: a.Answer, Note: a.Note})
	}
	importRows(t, st, id, rows)
	return st, id, path
}
