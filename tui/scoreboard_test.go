package tui

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// bdFixture is a session in a real store: the "elemen" framework, ten
// present OPDs (one with a very long name, one with a non-Latin name, one
// with no answers, one half done) and one absent OPD, with varied answers.
type bdFixture struct {
	path string
	st   *store.Store
	id   int64
	sess *Sess
}

var bdClock = func() time.Time { return time.Date(2025, 3, 10, 9, 30, 0, 0, time.UTC) }

var bdOPDs = []store.OPDInput{
	{Code: "BAPPEDA", Name: "Badan Perencanaan Pembangunan Daerah"},
	{Code: "DISKOMINFO", Name: "Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Kepulauan Seribu Utara"},
	{Code: "DINKES", Name: "Dinas Kesehatan"},
	{Code: "DISDIK", Name: "Dinas Pendidikan"},
	{Code: "DLH", Name: "Dinas Lingkungan Hidup"},
	{Code: "DISHUB", Name: "Dinas Perhubungan"},
	{Code: "DISPAR", Name: "Dinas Pariwisata"},
	{Code: "DATA", Name: "数据与统计局"},
	{Code: "SATPOLPP", Name: "Satuan Polisi Pamong Praja"},
	{Code: "DPMPTSP", Name: "Dinas Penanaman Modal dan PTSP"},
	{Code: "INSPEKTORAT", Name: "Inspektorat Daerah"},
}

func newBdFixture(t *testing.T, lang string) *bdFixture {
	t.Helper()
	ctx := context.Background()
	st, path := openTestStore(t, "bimtek.db")
	f := elemenFramework(t)
	id, d := createTestSession(t, st, store.NewSession{City: "Kota Contoh", Stage: 1, Date: "2025-03-10",
		Venue: "Aula Bappeda", Facilitator: "Rina", Framework: f, OPDs: bdOPDs})
	var inds []string
	for _, dim := range f.Dimensions {
		for _, ind := range dim.Indicators() {
			inds = append(inds, ind.Key)
		}
	}
	for oi, o := range d.OPDs {
		switch o.Code {
		case "DPMPTSP": // nothing answered yet
			continue
		case "INSPEKTORAT": // absent today: its answers still count (DESIGN 3)
			o.Present = false
			if err := st.UpdateOPD(ctx, id, o); err != nil {
				t.Fatal(err)
			}
		}
		for ii, k := range inds {
			if o.Code == "SATPOLPP" && ii >= 6 { // half done: governance and branding only
				break
			}
			a := workshop.Answer{Level: 1 + (oi*7+ii*3+(oi*ii)/2+ii/6*oi)%5}
			switch {
			case (oi+ii)%11 == 0:
				a = workshop.Answer{NA: true}
			case (oi*5+ii)%13 == 0:
				continue // left unanswered
			}
			if _, err := st.SetAnswer(ctx, id, o.ID, k, a); err != nil {
				t.Fatal(err)
			}
		}
	}
	return &bdFixture{path: path, st: st, id: id, sess: testSess(t, st, loadTestSession(t, st, id), lang, NewStyles("dark"), bdClock)}
}

// reload reads the session from a freshly opened store, as a later day would.
func (fx *bdFixture) reload(t *testing.T) *store.Data { return reopenData(t, fx.path, fx.id) }

// bdRun sends keys to a screen and runs the commands they return, so
// errors surface in the test.
func bdRun(t *testing.T, sc Page, keys ...string) []tea.Msg {
	t.Helper()
	var msgs []tea.Msg
	for _, k := range keys {
		msgs = append(msgs, bdExec(upd(sc, phKey(k)))...)
	}
	for _, m := range msgs {
		if e, ok := m.(ErrMsg); ok {
			t.Fatalf("keys %v: %v", keys, e.Err)
		}
	}
	return msgs
}

func bdExec(c tea.Cmd) []tea.Msg {
	if c == nil {
		return nil
	}
	m := c()
	if b, ok := m.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, bdExec(c)...)
		}
		return out
	}
	if m == nil {
		return nil
	}
	return []tea.Msg{m}
}

func TestSortOPDs(t *testing.T) {
	f, err := assets.Framework("elemen")
	if err != nil {
		t.Fatal(err)
	}
	// Each OPD answers every indicator of a dimension with one level, so
	// its dimension scores are exactly those levels.
	levels := map[int64][]int{ // per dimension in framework order; 0 = unanswered
		1: {3, 3, 3, 3, 3, 3}, // overall 3, weakest 3
		2: {1, 5, 5, 5, 5, 5}, // overall 4.33, weakest 1
		3: {4, 4, 4, 4, 4, 4}, // overall 4, weakest 4
		4: {0, 0, 0, 0, 0, 0}, // nothing: last in every score order
		5: {2, 2, 2, 2, 2, 2}, // overall 2, weakest 2
		6: {3, 3, 3, 3, 3, 3}, // ties with 1: the name decides
		7: {5, 5, 5, 5, 5, 2}, // overall 4.5, weakest 2 (ties with 5 on weakest)
	}
	opds := []workshop.OPD{
		{ID: 1, Code: "DINKES", Name: "Dinas Kesehatan", Present: true},
		{ID: 2, Code: "BAPPEDA", Name: "Badan Perencanaan", Present: true},
		{ID: 3, Code: "dlh", Name: "Dinas Lingkungan Hidup", Present: true},
		{ID: 4, Code: "DPMPTSP", Name: "Penanaman Modal", Present: true},
		{ID: 5, Code: "SATPOLPP", Name: "Satuan Polisi", Present: true},
		{ID: 6, Code: "DISDIK", Name: "Dinas Pendidikan", Present: true},
		{ID: 7, Code: "DISPAR", Name: "Dinas Pariwisata", Present: true},
	}
	sheets := map[int64]workshop.Sheet{}
	for id, lv := range levels {
		sh := workshop.Sheet{}
		for di, d := range f.Dimensions {
			if lv[di] == 0 {
				continue
			}
			for _, ind := range d.Indicators() {
				sh[ind.Key] = workshop.Answer{Level: lv[di]}
			}
		}
		sheets[id] = sh
	}
	b := workshop.NewBoard(f, opds, sheets, nil)
	tests := []struct {
		by   string
		want []int64
	}{
		// name: code then name, ignoring case ("dlh" among the D's).
		{SortName, []int64{2, 1, 6, 7, 3, 4, 5}},
		// overall high to low: 4.5, 4.33, 4, 3 (DINKES before DISDIK), 2, none.
		{SortOverall, []int64{7, 2, 3, 1, 6, 5, 4}},
		// weakest first: 1, 2 (DISPAR before SATPOLPP), 3, 3, 4, none.
		{SortWeakest, []int64{2, 7, 5, 1, 6, 3, 4}},
		// an unknown sort falls back to the name.
		{"", []int64{2, 1, 6, 7, 3, 4, 5}},
	}
	for _, tc := range tests {
		got := SortOPDs(f, b, opds, tc.by)
		var ids []int64
		for _, o := range got {
			ids = append(ids, o.ID)
		}
		if fmt.Sprint(ids) != fmt.Sprint(tc.want) {
			t.Errorf("sort %q: %v, want %v", tc.by, ids, tc.want)
		}
	}
	if opds[0].ID != 1 {
		t.Errorf("SortOPDs reordered its input")
	}
}

func bdSavedState(t *testing.T, d *store.Data) UIState {
	t.Helper()
	var u UIState
	if err := json.Unmarshal(d.UIState, &u); err != nil {
		t.Fatalf("saved UI state %q: %v", d.UIState, err)
	}
	return u
}

func TestScoreboardRevealAndSortPersist(t *testing.T) {
	fx := newBdFixture(t, "id")
	sb := NewScoreboard(fx.sess)
	if fx.sess.State.Revealed {
		t.Fatal("a new session starts with the results hidden")
	}
	hidden := ansi.Strip(view(sb, 120, 36))
	if !strings.Contains(hidden, assets.T("id", "board.hidden_title")) || strings.Contains(hidden, assets.T("id", "board.index")) {
		t.Fatalf("hidden view shows results:\n%s", hidden)
	}
	bdRun(t, sb, "r")
	if u := bdSavedState(t, fx.reload(t)); !u.Revealed {
		t.Errorf("reveal not saved: %+v", u)
	}
	shown := ansi.Strip(view(sb, 120, 36))
	if !strings.Contains(shown, assets.T("id", "board.index")) {
		t.Errorf("revealed view has no city index:\n%s", shown)
	}
	bdRun(t, sb, "s", "s")
	u := bdSavedState(t, fx.reload(t))
	if u.Sort != SortWeakest || !u.Revealed {
		t.Errorf("after two sorts saved %+v, want sort %q and revealed", u, SortWeakest)
	}
	bdRun(t, sb, "s", "r")
	u = bdSavedState(t, fx.reload(t))
	if u.Sort != SortName || u.Revealed {
		t.Errorf("after a third sort and hiding saved %+v, want sort %q and hidden", u, SortName)
	}
	// Reopening restores both.
	fx.sess.State.Sort, fx.sess.State.Revealed = SortOverall, true
	if err := fx.sess.SaveState(); err != nil {
		t.Fatal(err)
	}
	again := testSess(t, fx.st, fx.reload(t), "id", NewStyles("dark"), bdClock)
	if again.State.Sort != SortOverall || !again.State.Revealed {
		t.Errorf("reopened state %+v", again.State)
	}
}

func TestScoreboardReadOnlyRefusesReveal(t *testing.T) {
	fx := newBdFixture(t, "id")
	fx.sess.ReadOnly = true
	sb := NewScoreboard(fx.sess)
	msgs := bdExec(upd(sb, phKey("r")))
	if len(msgs) != 1 || fx.sess.State.Revealed {
		t.Fatalf("read-only reveal: %v, revealed=%v", msgs, fx.sess.State.Revealed)
	}
	if _, ok := msgs[0].(ErrMsg); !ok {
		t.Errorf("read-only reveal answered %T, want ErrMsg", msgs[0])
	}
}

func TestScoreboardScrollAndLiveUpdate(t *testing.T) {
	// 80 OPDs x 90 indicators: the heatmap scrolls, and a changed answer
	// shows at once.
	fx := newBdFixture(t, "id")
	s := fx.sess
	f := workshop.ScaleFramework()
	opds := workshop.ScaleOPDs(80)
	s.Data.Session.Framework = f
	s.Board = workshop.NewBoard(f, opds, workshop.ScaleSheets(f, opds, 1), nil)
	s.State.Revealed = true
	sb := NewScoreboard(s)
	v := ansi.Strip(view(sb, 120, 36))
	if !strings.Contains(v, "OPD 1–") || !strings.Contains(v, "dari 80") {
		t.Fatalf("no scroll position in:\n%s", v)
	}
	first := sb.rows[0]
	bdRun(t, sb, "down", "down", "j")
	if sb.offset != 3 {
		t.Errorf("offset after 3 downs = %d", sb.offset)
	}
	bdRun(t, sb, "k")
	if sb.offset != 2 {
		t.Errorf("offset after up = %d", sb.offset)
	}
	bdRun(t, sb, "end")
	_ = view(sb, 120, 36)
	if last := sb.offset + sb.heatVisible; last != 80 {
		t.Errorf("end shows rows up to %d, want 80", last)
	}
	bdRun(t, sb, "down")
	if sb.offset+sb.heatVisible > 80 {
		t.Errorf("scrolled past the last OPD")
	}
	// A changed answer (the board is what the grid writes through) shows
	// without any message: the frame is rebuilt from the new numbers.
	before := view(sb, 120, 36)
	for _, ind := range f.Dimensions[0].Indicators() {
		s.Board.Set(first.ID, ind.Key, workshop.Answer{Level: 5})
	}
	if after := view(sb, 120, 36); after == before {
		t.Errorf("the view did not change after new answers")
	}
}

// TestBoardViewsFit renders both screens at many sizes, languages, states
// and themes: never wider than the body, never taller.
func TestBoardViewsFit(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		fx := newBdFixture(t, lang)
		s := fx.sess
		s.Data.Priorities = []string{"governance.layanan_publik", "living.mobilitas"}
		sb := NewScoreboard(s)
		gp := NewGaps(s)
		for _, revealed := range []bool{false, true} {
			s.State.Revealed = revealed
			for _, bv := range []int{viewSummary, viewHeatmap, viewRadar} {
				s.State.BoardView = bv
				for w := 60; w <= 220; w += 16 {
					for h := 12; h <= 64; h += 8 {
						for name, v := range map[string]string{"scoreboard": view(sb, w, h), "gaps": view(gp, w, h)} {
							lines := strings.Split(v, "\n")
							if len(lines) > h {
								t.Errorf("%s %s %dx%d: %d lines", name, lang, w, h, len(lines))
							}
							for i, l := range lines {
								if lw := ansi.StringWidth(l); lw > w {
									t.Errorf("%s %s %dx%d line %d: width %d: %q", name, lang, w, h, i, lw, ansi.Strip(l))
								}
							}
						}
					}
				}
			}
		}
	}
}

func TestScoreboardGolden(t *testing.T) {
	fx := newBdFixture(t, "id")
	s := fx.sess
	sb := NewScoreboard(s)
	for _, revealed := range []bool{true, false} {
		s.State.Revealed = revealed
		for _, sz := range phSizes {
			name := fmt.Sprintf("scoreboard-%dx%d", sz[0], sz[1])
			if !revealed {
				name = fmt.Sprintf("scoreboard-hidden-%dx%d", sz[0], sz[1])
			}
			golden(t, name, view(sb, sz[0], sz[1]))
		}
	}
	// The small window shows one panel at a time.
	s.State.Revealed = true
	bdRun(t, sb, "v")
	golden(t, "scoreboard-heatmap-80x20", view(sb, 80, 20))
	bdRun(t, sb, "v")
	golden(t, "scoreboard-radar-80x20", view(sb, 80, 20))
	// Sorted by weakest dimension, in English.
	en := newBdFixture(t, "en")
	en.sess.State.Revealed = true
	en.sess.State.Sort = SortWeakest
	golden(t, "scoreboard-en-weakest-120x36", view(NewScoreboard(en.sess), 120, 36))
}

// bdScaleSess is the 80 OPD x 90 indicator fixture without a store (the
// views only read the board).
func bdScaleSess(b testing.TB) *Sess {
	f := workshop.ScaleFramework()
	opds := workshop.ScaleOPDs(80)
	d := &store.Data{Session: store.Session{ID: 1, City: "Kota Skala", Framework: f}, OPDs: opds}
	s := NewSess(nil, d, "id", NewStyles("dark"), bdClock)
	s.Board = workshop.NewBoard(f, opds, workshop.ScaleSheets(f, opds, 1), nil)
	s.State.Revealed = true
	return s
}

// BenchmarkScoreboardChange is one answer changing while the scoreboard
// is on screen (a projector view following the grid): rescoring plus a
// full redraw at 200x60.
func BenchmarkScoreboardChange(b *testing.B) {
	s := bdScaleSess(b)
	sb := NewScoreboard(s)
	ind := s.F().Dimensions[0].Indicators()[0].Key
	_ = view(sb, 200, 56)
	for i := 0; b.Loop(); i++ {
		s.Board.Set(1, ind, workshop.Answer{Level: 1 + i%5})
		_ = view(sb, 200, 56)
	}
}

// BenchmarkScoreboardFrame is a frame with nothing changed (the cache).
func BenchmarkScoreboardFrame(b *testing.B) {
	s := bdScaleSess(b)
	sb := NewScoreboard(s)
	_ = view(sb, 200, 56)
	for b.Loop() {
		_ = view(sb, 200, 56)
	}
}

// BenchmarkGapsChange is one answer changing with the gaps screen shown.
func BenchmarkGapsChange(b *testing.B) {
	s := bdScaleSess(b)
	g := NewGaps(s)
	ind := s.F().Dimensions[0].Indicators()[0].Key
	_ = view(g, 200, 56)
	for i := 0; b.Loop(); i++ {
		s.Board.Set(1, ind, workshop.Answer{Level: 1 + i%5})
		_ = view(g, 200, 56)
	}
}

// TestRadarLegendInTheChartColours: the chart is braille dots, so "━" and
// "╌" in the legend only say which is which through their colour; each
// legend entry is drawn in the colour of its polygon.
func TestRadarLegendInTheChartColours(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		fx := newBdFixture(t, lang)
		s := fx.sess
		s.State.Revealed = true
		b := NewScoreboard(s)
		out := strings.Join(b.radarPanel(60, 30), "\n")
		city := s.Styles.Accent.Render(assets.T(lang, "board.radar_city"))
		target := s.Styles.Warn.Render(assets.T(lang, "board.radar_target"))
		if !strings.Contains(out, city) || !strings.Contains(out, target) {
			t.Errorf("%s: legend not in the chart colours:\n%q", lang, out)
		}
	}
}

// TestScoreboardFooterKeepsItsKeysAt80x24: on the smallest window the
// scoreboard shows one panel at a time and every key of the screen, v
// first, is on the footer (the room sees the footer, not the help).
func TestScoreboardFooterKeepsItsKeysAt80x24(t *testing.T) {
	st, id, _ := demoSession(t)
	for _, lang := range []string{"id", "en"} {
		m, err := New(withStore(st, Options{Lang: lang, Theme: "dark", Session: id, Now: bdClock}))
		if err != nil {
			t.Fatal(err)
		}
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		for p, ph := range m.sess.Phases() {
			if ph.Kind == workshop.PhaseScoreboard {
				m.goPhase(p)
			}
		}
		m.sess.State.Revealed = true
		m.render() // the first frame decides the layout
		lines := strings.Split(ansi.Strip(m.render()), "\n")
		footer := strings.Join(lines[len(lines)-2:], "\n")
		b := m.current().(*Scoreboard)
		if !b.compact {
			t.Fatalf("%s: not the one-panel layout at 80x24", lang)
		}
		for _, k := range b.ShortHelp() {
			if want := k.Help().Key + " " + k.Help().Desc; !strings.Contains(footer, want) {
				t.Errorf("%s: footer lacks %q:\n%s", lang, want, footer)
			}
		}
		m.Close()
	}
}
