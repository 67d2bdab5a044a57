package report

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestExportAndPackShareAFolder: a CSV export and a report pack written
// into the same folder, in either order and more than once (also the pack
// of another session), each replace only their own files: nothing fails
// and nothing of the other export is removed or changed.
func TestExportAndPackShareAFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ekspor")
	d := testData()
	other := testData()
	other.Session.City, other.Session.Stage = "Kota Cirebon", 2
	pack := []string{"kota-bandung-tahap1.xlsx", "kota-bandung-tahap1.html"}
	otherPack := []string{"kota-cirebon-tahap2.xlsx", "kota-cirebon-tahap2.html"}

	if _, err := Export(dir, d, Options{Excel: true}); err != nil {
		t.Fatal(err)
	}
	csvBefore := folderContent(t, dir)
	p, err := WritePack(dir, d, "id")
	if err != nil {
		t.Fatalf("the pack after the CSV files into %s: %v", dir, err)
	}
	if p.XLSX != filepath.Join(dir, pack[0]) || p.HTML != filepath.Join(dir, pack[1]) {
		t.Errorf("pack paths %q, %q", p.XLSX, p.HTML)
	}
	assertOnly(t, dir, append(append([]string{}, allFiles...), pack...)...)
	after := folderContent(t, dir)
	for name, data := range csvBefore {
		if after[name] != data {
			t.Errorf("%s changed when the pack was written beside it", name)
		}
	}

	// The pack again, and another session's pack: both kept, the CSV too.
	if _, err := WritePack(dir, d, "en"); err != nil {
		t.Fatalf("the pack a second time: %v", err)
	}
	if _, err := WritePack(dir, other, "id"); err != nil {
		t.Fatalf("another session's pack into the same folder: %v", err)
	}
	assertOnly(t, dir, append(append(append([]string{}, allFiles...), pack...), otherPack...)...)
	packs := folderContent(t, dir)

	// The CSV files again, plain this time: they are replaced, the packs kept.
	if _, err := Export(dir, d, Options{}); err != nil {
		t.Fatalf("the CSV files after the packs: %v", err)
	}
	assertOnly(t, dir, append(append(append([]string{}, allFiles...), pack...), otherPack...)...)
	final := folderContent(t, dir)
	for _, name := range append(append([]string{}, pack...), otherPack...) {
		if final[name] != packs[name] {
			t.Errorf("%s changed when the CSV files were written again", name)
		}
	}
	if final[ScoresFile] == csvBefore[ScoresFile] {
		t.Error("scores.csv is still the Excel one after a plain export")
	}
	for _, name := range append(append([]string{}, allFiles...), pack...) {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s is %v, want 0600", name, fi.Mode().Perm())
		}
	}
	assertOnly(t, filepath.Dir(dir), filepath.Base(dir))

	// A file of the user's own still keeps every export out.
	if err := os.WriteFile(filepath.Join(dir, "catatan.docx"), []byte("milik pengguna"), 0o600); err != nil {
		t.Fatal(err)
	}
	var nf *NotExportFolderError
	if _, err := WritePack(dir, d, "id"); !errors.As(err, &nf) || nf.Entry != "catatan.docx" {
		t.Errorf("a pack into a folder with the user's file: %v, want a NotExportFolderError naming it", err)
	}
}

// TestIsExportFile: the names exports write, and look-alikes that are not.
func TestIsExportFile(t *testing.T) {
	for name, want := range map[string]bool{
		ScoresFile: true, PrioritiesFile: true,
		"kota-bandung-tahap2.xlsx": true, "kota-bandung-tahap2.html": true, "kota-tahap1.html": true,
		"kota-tahap-1-tahap3.xlsx": true,
		"Kota-Bandung-tahap2.xlsx": false, "kota-bandung-tahap.xlsx": false, "kota-bandung-tahapII.xlsx": false,
		"-tahap2.xlsx": false, "kota-bandung-tahap2.docx": false, "laporan.html": false, "kota bandung-tahap2.html": false,
	} {
		if got := isExportFile(name); got != want {
			t.Errorf("isExportFile(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestCheckBaseFolder: the in-app export's folder must exist, be a folder
// and take a new file; the check creates nothing and leaves nothing.
func TestCheckBaseFolder(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		path string
		want FolderProblem
	}{
		{dir, 0},
		{filepath.Join(dir, "tidak", "ada"), FolderMissing},
		{file, FolderNotFolder},
		{filepath.Join(file, "x"), FolderNotWritable}, // a file on the way: not a missing folder to create
	}
	for _, c := range cases {
		err := CheckBaseFolder(c.path)
		var be *BaseFolderError
		switch {
		case c.want == 0 && err != nil:
			t.Errorf("%s: %v", c.path, err)
		case c.want != 0 && (!errors.As(err, &be) || be.Problem != c.want):
			t.Errorf("%s: %v, want problem %d", c.path, err, c.want)
		}
	}
	assertOnly(t, dir, "a.txt")

	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	if f, err := os.CreateTemp(ro, "probe"); err == nil {
		f.Close()
		os.Remove(f.Name())
		t.Skip("this user writes into a read-only folder (root?)")
	}
	var be *BaseFolderError
	if err := CheckBaseFolder(ro); !errors.As(err, &be) || be.Problem != FolderNotWritable {
		t.Errorf("a read-only folder: %v, want FolderNotWritable", err)
	}
}
