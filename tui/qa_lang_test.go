package tui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/workshop"
)

// TestNoWordOfTheOtherLanguage renders every phase of the demo session,
// its help overlay and its empty states in each UI language and looks for
// words that belong only to the other language: the room reads one
// language, and framework names follow it.
func TestNoWordOfTheOtherLanguage(t *testing.T) {
	st, id, _ := demoSession(t)
	clock := func() time.Time { return time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC) }
	foreign := map[string]*regexp.Regexp{
		// English UI: no Indonesian UI words (OPD, N/A, Bimtek and the
		// Indonesian names of the agencies themselves are fine).
		"en": regexp.MustCompile(`\b(Predikat|Daftar OPD|Penilaian mandiri|Papan skor|Kesenjangan|Kelengkapan|Selisih|Skor|Rerata|hadir|Tahap|Dimensi|Elemen|Layanan Publik|belum|dan prioritas)\b`),
		// Indonesian UI: no English UI words.
		"id": regexp.MustCompile(`\b(Gap|Score|Rating|Overall|Completion|Stage|Element|Dimension|Target city|present|absent|below target|reached)\b`),
	}
	for _, lang := range []string{"id", "en"} {
		for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
			m, err := New(withStore(st, Options{Lang: lang, Theme: "dark", Session: id, Now: clock}))
			if err != nil {
				t.Fatal(err)
			}
			m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			for p, ph := range m.ses().sess.Phases() {
				m.ses().goPhase(p)
				for _, revealed := range []bool{false, true} {
					if ph.Kind != workshop.PhaseScoreboard && revealed {
						continue
					}
					m.ses().sess.State.Revealed = revealed
					for _, help := range []bool{false, true} {
						m.showHelp = help
						frame := ansi.Strip(m.render())
						for _, line := range strings.Split(frame, "\n") {
							if w := foreign[lang].FindString(line); w != "" {
								t.Errorf("%s %dx%d %s (help %v): %q in %q", lang, size[0], size[1], ph.Kind, help, w, strings.TrimSpace(line))
							}
						}
					}
				}
			}
			m.showHelp = false
			m.Close()
		}
	}
}

// TestCatalogueEnglishNamesNoIndonesianPhase: an English sentence that
// sends the facilitator to a phase names it as the English header does.
func TestCatalogueEnglishNamesNoIndonesianPhase(t *testing.T) {
	indonesian := regexp.MustCompile(`\b(Pembukaan|Daftar OPD|Pengantar dimensi|Penilaian mandiri|Papan skor|Kesenjangan dan prioritas|Penutup|Predikat)\b`)
	for _, k := range assets.Keys() {
		m, _ := assets.Lookup(k)
		if w := indonesian.FindString(m.EN); w != "" {
			t.Errorf("%s: English text %q names %q", k, m.EN, w)
		}
	}
}

// TestEnglishCountsReadWithOne: the catalogue has no plural forms, so an
// English count is written so that it reads with 1 too ("OPDs: 1", not
// "1 OPDs").
func TestEnglishCountsReadWithOne(t *testing.T) {
	plural := regexp.MustCompile(`%(\[\d\])?d (more )?OPDs`)
	for _, k := range assets.Keys() {
		m, _ := assets.Lookup(k)
		if plural.MatchString(m.EN) {
			t.Errorf("%s: %q reads \"1 OPDs\" for one", k, m.EN)
		}
	}
}
