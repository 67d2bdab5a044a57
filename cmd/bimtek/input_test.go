package main

import (
	"os"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

// sentenceOf is what the UI says for a value workshop refuses.
func sentenceOf(t *testing.T, lang string, err error) string {
	t.Helper()
	ie, ok := err.(*workshop.InputError)
	if !ok {
		t.Fatalf("want an *InputError, got %T %v", err, err)
	}
	return ie.In(lang) + "."
}

func TestNewRefusesHostileText(t *testing.T) {
	cleanEnv(t)
	_, cityCtl := workshop.CheckCity("Kota \x1b[2J\x1b]0;PWNED\a")
	_, cityLong := workshop.CheckCity(strings.Repeat("K", 10000))
	_, venueLink := workshop.CheckVenue("\x1b]8;;http://x\x1b\\Aula\x1b]8;;\x1b\\")
	_, facBidi := workshop.CheckFacilitator("Sari \u202eilatnA")
	_, cityNL := workshop.CheckCity("Kota\nBogor")
	cases := []struct {
		name string
		args []string
		err  error
	}{
		{"city that clears the screen and retitles the terminal", []string{"--city", "Kota \x1b[2J\x1b]0;PWNED\a", "--stage", "1"}, cityCtl},
		{"10k-character city", []string{"--city", strings.Repeat("K", 10000), "--stage", "1"}, cityLong},
		{"venue with a hyperlink", []string{"--city", "X", "--stage", "1", "--venue", "\x1b]8;;http://x\x1b\\Aula\x1b]8;;\x1b\\"}, venueLink},
		{"facilitator with a right-to-left override", []string{"--city", "X", "--stage", "1", "--facilitator", "Sari \u202eilatnA"}, facBidi},
		{"city on two lines", []string{"--city", "Kota\nBogor", "--stage", "1"}, cityNL},
	}
	for _, c := range cases {
		for _, lang := range langs {
			t.Run(c.name+"/"+lang, func(t *testing.T) {
				db := dbPath(t)
				r := bt(t, append([]string{"--db", db, "--lang", lang, "new"}, c.args...)...)
				said(t, r, 2, sentenceOf(t, lang, c.err))
				if strings.ContainsFunc(r.stderr, func(r rune) bool { return r != '\n' && workshop.Unsafe(r) }) {
					t.Errorf("stderr carries a control character: %q", r.stderr)
				}
				if _, err := os.Stat(db); !os.IsNotExist(err) {
					t.Errorf("a refused new left a database file (%v)", err)
				}
			})
		}
	}
}

func TestNewTakesTahapInRomanNumerals(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	for i, st := range []string{"I", "ii", "III", "Tahap IV", "3"} {
		if id := mustNew(t, db, "--city", "Kota Bogor", "--stage", st, "--opds", "none"); id != int64(i+1) {
			t.Fatalf("--stage %s: id %d", st, id)
		}
	}
	r := bt(t, "--db", db, "list", "--json")
	mustOK(t, r)
	for _, want := range []string{`"stage": 1`, `"stage": 2`, `"stage": 3`, `"stage": 4`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("list lacks %s:\n%s", want, r.stdout)
		}
	}
}
