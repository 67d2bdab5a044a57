package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/store"
)

// openExportApp starts the app on the test session with exports under base.
func (e *appEnv) openExportApp(st *store.Store, base string, w, h int) *Model {
	e.t.Helper()
	m, err := New(withStore(st, Options{Lang: "id", Theme: "dark", Session: e.id, Now: e.clock.now, ExportBase: base}))
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { m.Close() })
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// typeInto types text key by key through the root.
func (e *appEnv) typeInto(m *Model, text string) {
	e.t.Helper()
	for _, k := range phTyped(text) {
		_, cmd := m.Update(k)
		runCmd(m, cmd)
	}
}

// clearField empties the focused text field.
func (e *appEnv) clearField(m *Model) { e.keys(m, "ctrl+u") }

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, x := range es {
		out = append(out, x.Name())
	}
	return out
}

// TestExportDialogDefaultIsExcelIndonesia is DESIGN section 7: ctrl+e asks
// for nothing it need not: Enter at once writes the Excel Indonesia flavour
// (a byte order mark, ';' between cells) into the export folder, and the
// status line and the wrap-up say which files went where.
func TestExportDialogDefaultIsExcelIndonesia(t *testing.T) {
	e := newAppEnv(t)
	base := t.TempDir()
	m := e.openExportApp(e.st, base, 200, 60)
	e.keys(m, "ctrl+e")
	v := screen(m)
	for _, want := range []string{"Ekspor · Kota Uji · Tahap II", "▶ Excel Indonesia", "CSV biasa", "Paket laporan", base, "Enter ekspor", "Esc batal"} {
		if !strings.Contains(v, want) {
			t.Errorf("the dialog lacks %q:\n%s", want, v)
		}
	}
	if got := entries(t, base); len(got) != 0 {
		t.Fatalf("opening the dialog wrote %v", got)
	}
	e.keys(m, "enter")
	dirs, _ := filepath.Glob(filepath.Join(base, "bimtek-kota-uji-tahap2-*"))
	if len(dirs) != 1 {
		t.Fatalf("export folders under %s: %v", base, entries(t, base))
	}
	b, err := os.ReadFile(filepath.Join(dirs[0], "scores.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "\ufeffsession_id;city;") {
		t.Errorf("scores.csv is not the Excel Indonesia flavour: %q", b[:min(40, len(b))])
	}
	v = screen(m)
	if strings.Contains(v, "Paket laporan") {
		t.Errorf("the dialog stayed open after the export:\n%s", v)
	}
	if want := "✔ Excel Indonesia di " + dirs[0] + ": scores.csv, opd_dimensions.csv, city_summary.csv, priorities.csv"; !strings.Contains(v, want) {
		t.Errorf("the status line does not say %q:\n%s", want, v)
	}

	// The wrap-up lists every file with its full path.
	e.keys(m, "g", "7")
	e.keys(m, "x", "enter")
	v = screen(m)
	dirs, _ = filepath.Glob(filepath.Join(base, "bimtek-kota-uji-tahap2-*"))
	for _, f := range []string{"scores.csv", "opd_dimensions.csv", "city_summary.csv", "priorities.csv"} {
		if p := filepath.Join(dirs[0], f); !strings.Contains(v, p) {
			t.Errorf("the wrap-up does not list %s:\n%s", p, v)
		}
	}
}

// TestExportDialogRemembersPerDatabase: the kind and the folder chosen
// are what the dialog offers next time, also after the database is
// reopened, and each kind writes what it says: plain CSV (',' and no byte
// order mark) and the report pack (.xlsx and .html).
func TestExportDialogRemembersPerDatabase(t *testing.T) {
	e := newAppEnv(t)
	base, other := t.TempDir(), t.TempDir()
	m := e.openExportApp(e.st, base, 200, 60)
	e.keys(m, "ctrl+e", "down", "tab")
	e.clearField(m)
	e.typeInto(m, other)
	e.keys(m, "enter")
	dirs, _ := filepath.Glob(filepath.Join(other, "bimtek-kota-uji-tahap2-*"))
	if len(dirs) != 1 || len(entries(t, base)) != 0 {
		t.Fatalf("plain CSV into %s: %v; %s holds %v", other, dirs, base, entries(t, base))
	}
	b, err := os.ReadFile(filepath.Join(dirs[0], "city_summary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "dimension_key,dimension,") {
		t.Errorf("city_summary.csv is not plain CSV: %q", b[:min(40, len(b))])
	}
	m.Close()

	// Reopened: the same database remembers CSV biasa and the folder.
	st, err := store.Open(context.Background(), e.path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if v, ok, _ := st.Setting(context.Background(), "export.kind"); !ok || v != "csv" {
		t.Errorf("export.kind = %q, %v; want csv", v, ok)
	}
	m2 := e.openExportApp(st, base, 200, 60)
	e.keys(m2, "ctrl+e")
	v := screen(m2)
	if !strings.Contains(v, "▶ CSV biasa") || !strings.Contains(v, "› "+other) {
		t.Errorf("the dialog does not offer the remembered CSV biasa in %s:\n%s", other, v)
	}
	// The report pack, with Up wrapping round from the first choice.
	e.keys(m2, "up", "up", "enter")
	packs, _ := filepath.Glob(filepath.Join(other, "laporan-kota-uji-tahap2-*"))
	if len(packs) != 1 {
		t.Fatalf("report pack folders in %s: %v", other, entries(t, other))
	}
	got := entries(t, packs[0])
	if strings.Join(got, " ") != "kota-uji-tahap2.html kota-uji-tahap2.xlsx" {
		t.Errorf("the pack folder holds %v", got)
	}
	if want := "✔ Paket laporan di " + packs[0] + ": kota-uji-tahap2.xlsx, kota-uji-tahap2.html"; !strings.Contains(screen(m2), want) {
		t.Errorf("the status line does not say %q:\n%s", want, screen(m2))
	}
	if v, _, _ := st.Setting(context.Background(), "export.kind"); v != "pack" {
		t.Errorf("export.kind = %q after the pack, want pack", v)
	}
}

// TestExportDialogRefusesABadFolder: a folder that does not exist, a file
// typed as the folder, and an empty field each get one sentence; the
// dialog stays, nothing is written or created, the choice is not
// remembered; Esc then closes it without writing anything.
func TestExportDialogRefusesABadFolder(t *testing.T) {
	e := newAppEnv(t)
	base := t.TempDir()
	file := filepath.Join(base, "catatan.txt")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := e.openExportApp(e.st, base, 80, 24)
	missing := filepath.Join(base, "tidak-ada", "ekspor")
	cases := []struct{ folder, want string }{
		{missing, "tidak ada, jadi tidak ada yang diekspor"},
		{file, "bukan folder, jadi tidak ada yang diekspor"},
		{"", "Ketik folder tujuan ekspor"},
	}
	e.keys(m, "ctrl+e", "tab")
	for _, c := range cases {
		e.clearField(m)
		e.typeInto(m, c.folder)
		e.keys(m, "enter")
		v := screen(m)
		if !strings.Contains(strings.Join(strings.Fields(strings.ReplaceAll(v, "│", "")), " "), c.want) {
			t.Errorf("folder %q: no %q in\n%s", c.folder, c.want, v)
		}
		if !strings.Contains(v, "Paket laporan") {
			t.Errorf("folder %q: the dialog closed:\n%s", c.folder, v)
		}
		if strings.Count(v, "✘") != 1 {
			t.Errorf("folder %q: the refusal is not said once:\n%s", c.folder, v)
		}
		if got := entries(t, base); strings.Join(got, " ") != "catatan.txt" {
			t.Errorf("folder %q: %s now holds %v", c.folder, base, got)
		}
	}
	if _, ok, _ := e.st.Setting(context.Background(), "export.dir"); ok {
		t.Error("a refused folder was remembered")
	}
	e.keys(m, "esc")
	v := screen(m)
	if strings.Contains(v, "Paket laporan") || !strings.Contains(v, "Ekspor dibatalkan") || strings.Contains(v, "✔") {
		t.Errorf("Esc did not close the dialog with a plain notice:\n%s", v)
	}
	if got := entries(t, base); strings.Join(got, " ") != "catatan.txt" {
		t.Errorf("after Esc %s holds %v", base, got)
	}
}

// TestHomeExportDialog: x on home opens the dialog for the selected
// session; its files are said once in the status line and listed under
// the session, never the same message twice.
func TestHomeExportDialog(t *testing.T) {
	e := newAppEnv(t)
	base := t.TempDir()
	m, err := New(withStore(e.st, Options{Lang: "en", Theme: "dark", Now: e.clock.now, ExportBase: base}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
	runCmd(m, m.scr.init())
	e.keys(m, "x")
	if v := screen(m); !strings.Contains(v, "Export · Kota Uji · Stage II") || !strings.Contains(v, "▶ Excel Indonesia") {
		t.Fatalf("x on home did not open the dialog:\n%s", v)
	}
	e.keys(m, "enter")
	dirs, _ := filepath.Glob(filepath.Join(base, "bimtek-kota-uji-tahap2-*"))
	if len(dirs) != 1 {
		t.Fatalf("export folders under %s: %v", base, entries(t, base))
	}
	v := screen(m)
	status := "✔ Excel Indonesia in " + dirs[0] + ": scores.csv"
	if strings.Count(v, status) != 1 {
		t.Errorf("the status %q is not said once:\n%s", status, v)
	}
	for _, f := range []string{"scores.csv", "opd_dimensions.csv", "city_summary.csv", "priorities.csv"} {
		if p := filepath.Join(dirs[0], f); strings.Count(v, p) != 1 {
			t.Errorf("%s is not listed once:\n%s", p, v)
		}
	}
}
