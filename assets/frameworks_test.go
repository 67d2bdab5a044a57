package assets

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

var domainDimensions = []string{"governance", "branding", "economy", "living", "society", "environment"}

// wantElements are the element keys each built-in framework must keep:
// sessions and exports refer to them.
var wantElements = map[string][]string{
	"elemen": {
		"governance.layanan_publik", "governance.manajemen_birokrasi", "governance.kebijakan_publik",
		"branding.pariwisata", "branding.bisnis", "branding.wajah_kota",
		"economy.industri", "economy.kesejahteraan", "economy.transaksi_keuangan",
		"living.tata_wilayah", "living.kesehatan", "living.mobilitas",
		"society.komunitas", "society.ekosistem_belajar", "society.keamanan",
		"environment.proteksi_lingkungan", "environment.sampah_limbah", "environment.energi",
	},
	"pilar": func() []string {
		var out []string
		for _, d := range domainDimensions {
			for _, p := range []string{"struktur", "infrastruktur", "suprastruktur"} {
				out = append(out, d+"."+p)
			}
		}
		return out
	}(),
}

func bothLanguages(t *testing.T, where string, x workshop.Text) {
	t.Helper()
	if strings.TrimSpace(x.ID) == "" || strings.TrimSpace(x.EN) == "" {
		t.Errorf("%s: needs Indonesian and English text, got %+v", where, x)
	}
}

func TestBuiltInFrameworks(t *testing.T) {
	if got := Frameworks(); !reflect.DeepEqual(got, []string{"elemen", "pilar"}) {
		t.Fatalf("Frameworks() = %v", got)
	}
	if !slices.Contains(Frameworks(), DefaultFramework) {
		t.Fatalf("the default framework %q is not built in", DefaultFramework)
	}
	for _, key := range Frameworks() {
		t.Run(key, func(t *testing.T) {
			f, err := Framework(key)
			if err != nil {
				t.Fatalf("embedded framework does not parse:\n%v", err)
			}
			if ps := f.Validate(); len(ps) != 0 {
				t.Fatalf("embedded framework has problems: %v", ps)
			}
			if f.Key != key {
				t.Errorf("key %q inside file %s.yaml", f.Key, key)
			}
			if f.ItemCount() != 18 || len(f.Dimensions) != 6 {
				t.Errorf("want 6 dimensions and 18 items, got %d and %d", len(f.Dimensions), f.ItemCount())
			}
			var dims, els []string
			bothLanguages(t, "framework name", f.Name)
			bothLanguages(t, "framework description", f.Description)
			for _, d := range f.Dimensions {
				dims = append(dims, d.Key)
				bothLanguages(t, d.Key+" name", d.Name)
				bothLanguages(t, d.Key+" description", d.Description)
				// every dimension counts the same, and says so (weight 1),
				// so that framework show tells that weights exist
				if d.Target < 1 || d.Target > 5 || d.Weight != 1 {
					t.Errorf("%s: target %v weight %v", d.Key, d.Target, d.Weight)
				}
				if len(d.Elements) != 3 {
					t.Errorf("%s: %d elements", d.Key, len(d.Elements))
				}
				for _, e := range d.Elements {
					els = append(els, e.Key)
					bothLanguages(t, e.Key+" name", e.Name)
					bothLanguages(t, e.Key+" description", e.Description)
					if len(e.Indicators) != 1 {
						t.Errorf("%s: %d indicators, want one", e.Key, len(e.Indicators))
						continue
					}
					in := e.Indicators[0]
					if in.Key != e.Key+".1" {
						t.Errorf("indicator key %q, want %q", in.Key, e.Key+".1")
					}
					bothLanguages(t, in.Key+" name", in.Name)
					bothLanguages(t, in.Key+" description", in.Description)
					if !strings.HasSuffix(in.Name.ID, ".") || !strings.HasSuffix(in.Name.EN, ".") {
						t.Errorf("%s: an indicator is a statement the OPD rates, ending with a full stop: %+v", in.Key, in.Name)
					}
				}
			}
			if !reflect.DeepEqual(dims, domainDimensions) {
				t.Errorf("dimensions %v, want %v", dims, domainDimensions)
			}
			if !reflect.DeepEqual(els, wantElements[key]) {
				t.Errorf("elements %v, want %v", els, wantElements[key])
			}
			for _, l := range f.Scale {
				bothLanguages(t, "level label", l.Label)
				bothLanguages(t, "level description", l.Description)
			}
			// The code copies in workshop (used by the benchmark fixture)
			// must stay equal to the files.
			if !reflect.DeepEqual(f.Scale, workshop.SPBEScale()) {
				t.Errorf("scale differs from workshop.SPBEScale()")
			}
			if !reflect.DeepEqual(f.Bands, workshop.SPBEBands()) {
				t.Errorf("bands differ from workshop.SPBEBands()")
			}
			if !reflect.DeepEqual(f.Agenda, workshop.DefaultAgenda()) {
				t.Errorf("agenda differs from workshop.DefaultAgenda()")
			}
			minutes := 0
			for i, p := range f.Agenda {
				minutes += p.Minutes
				bothLanguages(t, p.Key+" name", p.Name)
				if p.Kind != workshop.PhaseKinds[i] {
					t.Errorf("phase %d is %q, want %q", i, p.Kind, workshop.PhaseKinds[i])
				}
			}
			if minutes < 180 || minutes > 240 {
				t.Errorf("the agenda plans %d minutes; a half day is 3 to 4 hours", minutes)
			}
			for _, tt := range []struct {
				score float64
				want  string
			}{{1, "Kurang"}, {1.79, "Kurang"}, {1.8, "Cukup"}, {2.595, "Baik"}, {3.49, "Baik"}, {3.5, "Sangat Baik"}, {4.195, "Memuaskan"}, {5, "Memuaskan"}} {
				if p, ok := f.Predikat(tt.score); !ok || p.ID != tt.want {
					t.Errorf("predikat(%v) = %q, want %q", tt.score, p.ID, tt.want)
				}
			}

			// The file round-trips through MarshalFramework (bimtek framework show).
			out, err := workshop.MarshalFramework(f)
			if err != nil {
				t.Fatal(err)
			}
			back, err := workshop.ParseFramework("show.yaml", out)
			if err != nil {
				t.Fatalf("shown framework does not parse:\n%v", err)
			}
			if !reflect.DeepEqual(f, back) {
				t.Errorf("round trip changed the framework")
			}
		})
	}
}

func TestFrameworkIsAFreshCopy(t *testing.T) {
	a, _ := Framework("elemen")
	a.Dimensions[0].Target = 1
	b, _ := Framework("elemen")
	if b.Dimensions[0].Target == 1 {
		t.Error("a change to one copy leaked into the next")
	}
}

func TestUnknownFramework(t *testing.T) {
	for _, call := range []func() error{
		func() error { _, err := Framework("elemen2"); return err },
		func() error { _, err := FrameworkYAML("../opds.csv"); return err },
		func() error { _, err := LoadFramework("pilarr"); return err },
	} {
		err := call()
		var ue *UnknownFrameworkError
		if !errors.As(err, &ue) {
			t.Errorf("want UnknownFrameworkError, got %T %v", err, err)
			continue
		}
		if !strings.Contains(err.Error(), "elemen or pilar") {
			t.Errorf("the error must name the built-in frameworks: %v", err)
		}
	}
}

func TestLoadFramework(t *testing.T) {
	dir := t.TempDir()
	good, _ := Framework("pilar")
	good.Key = "pilar_kota"
	out, err := workshop.MarshalFramework(good)
	if err != nil {
		t.Fatal(err)
	}
	goodPath := filepath.Join(dir, "kota.yaml")
	badPath := filepath.Join(dir, "rusak.yaml")
	if err := os.WriteFile(goodPath, out, 0o600); err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(out), "minutes: 15", "minutes: 0", 1)
	if err := os.WriteFile(badPath, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}

	f, err := LoadFramework("elemen")
	if err != nil || f.Key != "elemen" {
		t.Errorf("built-in key: %v %v", f, err)
	}
	f, err = LoadFramework(goodPath)
	if err != nil || f.Key != "pilar_kota" || f.ItemCount() != 18 {
		t.Errorf("file: %v", err)
	}

	_, err = LoadFramework(badPath)
	var fe *workshop.FrameworkError
	if !errors.As(err, &fe) {
		t.Fatalf("bad file: want FrameworkError, got %T %v", err, err)
	}
	if !strings.HasPrefix(err.Error(), badPath+":") || !strings.Contains(err.Error(), "0 minutes") {
		t.Errorf("the problem must name the file and line: %v", err)
	}

	_, err = LoadFramework(filepath.Join(dir, "tidak-ada.yaml"))
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "tidak-ada.yaml") {
		t.Errorf("missing file: %v", err)
	}
}

func TestPresetOPDs(t *testing.T) {
	ps := PresetOPDs()
	if len(ps) < 25 || len(ps) > 32 {
		t.Errorf("%d preset OPDs, want about 28", len(ps))
	}
	codes := map[string]bool{}
	for _, p := range ps {
		if codes[p.Code] || p.Name == "" || p.Code != strings.ToUpper(p.Code) {
			t.Errorf("bad preset %+v", p)
		}
		codes[p.Code] = true
	}
	for _, c := range []string{"BAPPEDA", "BAPENDA", "BPKAD", "BKPSDM", "INSPEKTORAT", "KESBANGPOL", "BPBD", "ORGANISASI", "HUKUM", "PEREKONOMIAN", "DISKOMINFO", "DISDIK", "DINKES", "RSUD", "DPUPR", "DISPERKIM", "DLH", "DISHUB", "DISDUKCAPIL", "DPMPTSP", "DINSOS", "SATPOLPP", "DISPAR", "DISBUD", "DISPERINDAG", "DISKOPUKM", "DISNAKER", "DISPUSIP", "DP3A"} {
		if !codes[c] {
			t.Errorf("preset %s missing", c)
		}
	}
	if ps[0] != (OPDPreset{"BAPPEDA", "Badan Perencanaan Pembangunan Daerah"}) {
		t.Errorf("first preset %+v", ps[0])
	}
	ps[0].Name = "changed"
	if PresetOPDs()[0].Name == "changed" {
		t.Error("PresetOPDs must return the caller's own copy")
	}
}
