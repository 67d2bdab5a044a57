package opening

import (
	"flag"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/tui/common/pagetest"
)

var _ = flag.Bool("update", false, "rewrite the golden files")

func TestOpeningGolden(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		e := tuitest.NewEnv(t, lang, tuitest.OPDs, true)
		name := "opening"
		if lang == "en" {
			name += "-en"
		}
		tuitest.GoldenSizes(t, name, New(e.S))
	}
}

func TestOpeningAgenda(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, false)
	v := ansi.Strip(tuitest.View(New(e.S), 120, 36))
	for _, want := range []string{
		"Tahap II", "Kamis, 12 Juni 2025", "Aula Bappeda Kota Bandung", "Dr. Siti Rahmawati",
		"6 dari 7",             // present of all
		"20 mnt (+5)", "17:05", // adjusted opening, its time used
		"05:30",   // the roster clock: 4 min + 90 s running
		"230 mnt", // 15+15+30+75+30+45+15 planned and the +5
	} {
		if !strings.Contains(v, want) && !strings.Contains(v, strings.ToUpper(want)) {
			t.Errorf("opening lacks %q:\n%s", want, v)
		}
	}
}

func TestOpeningFitsEverySize(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, true)
	o := New(e.S)
	for w := 80; w <= 220; w += 7 {
		for h := 16; h <= 60; h += 5 {
			tuitest.CheckSize(t, "opening", tuitest.View(o, w, h), w, h)
		}
	}
	if got := tuitest.Update(o, tuitest.Key("a")); got != nil {
		t.Errorf("the opening has no keys, got a command")
	}
	if o.Capturing() || len(o.ShortHelp()) != 0 {
		t.Errorf("the opening neither captures nor lists keys")
	}
}

func TestLongDate(t *testing.T) {
	cases := []struct{ lang, in, want string }{
		{"id", "2025-06-12", "Kamis, 12 Juni 2025"},
		{"en", "2025-06-12", "Thursday, 12 June 2025"},
		{"id", "2024-02-29", "Kamis, 29 Februari 2024"},
		{"id", "12/06/2025", "12/06/2025"},
	}
	for _, c := range cases {
		if got := longDate(c.lang, c.in); got != c.want {
			t.Errorf("longDate(%s, %s) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}

func TestOpeningKeepsThePageContract(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		pagetest.Check(t, lang, New(tuitest.NewEnv(t, lang, tuitest.OPDs, true).S))
	}
}
