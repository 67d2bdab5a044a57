package tui

import (
	"context"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/room"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/tui/roompanel"
	"github.com/bimtek/bimtek/workshop"
)

// roomApp is the whole app on the grid fixture with room mode started on
// 127.0.0.1 (as `bimtek open ID --listen 127.0.0.1:0`), and the changes
// made elsewhere delivered into an inbox that the test hands to Update,
// as the program would.
type roomApp struct {
	m     *Model
	st    *store.Store
	base  string
	inbox chan tea.Msg
}

func newRoomApp(t *testing.T, lang string) *roomApp {
	t.Helper()
	e := newGridEnv(t, lang, gridOPDs, gridAnswers)
	ra := &roomApp{st: e.st, inbox: make(chan tea.Msg, 256)}
	start := func(l Live, addr string) (*room.Server, net.Addr, error) {
		if _, err := e.st.EnsureAccessCodes(context.Background(), l.ID(), nil); err != nil {
			return nil, nil, err
		}
		s, err := room.New(room.Config{Codes: l, Owner: room.LiveOwner(l)})
		if err != nil {
			return nil, nil, err
		}
		a, err := s.Start(addr)
		return s, a, err
	}
	m, err := New(withStore(e.st, Options{Lang: lang, Theme: "dark", Session: e.id, Now: gridClock, StartRoom: start,
		PhoneCells: e.st.PhoneCells, Listen: "127.0.0.1:0"}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	m.Listen(func(msg tea.Msg) { ra.inbox <- msg })
	ra.m = m
	ra.base = "http://" + m.ses().roomPanel.Running().Addr.String()
	return ra
}

// setFull shows the QR code alone (full) or beside the list with the
// panel's f key, as the facilitator does.
func setFull(t *testing.T, m *Model, full bool) {
	t.Helper()
	if m.ses().roomPanel.Full() != full {
		m.Update(phKey("f"))
	}
	if m.ses().roomPanel.Full() != full {
		t.Fatalf("f did not make the QR full=%v", full)
	}
}

// pump hands the changes that arrived to Update until cond holds.
func (ra *roomApp) pump(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for !cond() {
		select {
		case msg := <-ra.inbox:
			ra.m.Update(msg)
		case <-deadline:
			t.Fatal("the change never reached the app")
		}
	}
}

// phoneSave joins with the OPD's code and saves one level, as the page's
// script does.
func (ra *roomApp) phoneSave(t *testing.T, opdID int64, dim, key, level string) {
	t.Helper()
	codes, err := ra.st.AccessCodes(context.Background(), ra.m.ses().sess.Data.Session.ID)
	if err != nil {
		t.Fatal(err)
	}
	code := ""
	for _, c := range codes {
		if c.OPDID == opdID {
			code = c.Code
		}
	}
	jar, _ := cookiejar.New(nil)
	cl := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := cl.PostForm(ra.base+"/join", url.Values{"code": {code}})
	if err != nil || res.StatusCode != http.StatusSeeOther {
		t.Fatalf("join: %v %v", err, res)
	}
	res.Body.Close()
	req, _ := http.NewRequest("POST", ra.base+"/save", strings.NewReader(url.Values{"d": {dim}, key: {level}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Bimtek", "1")
	res, err = cl.Do(req)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("save: %v %v", err, res)
	}
	res.Body.Close()
}

// TestRoomPhoneSaveReachesTheGrid: `open --listen` shows the panel with
// the address; a phone's save arrives in the facilitator's window, the
// grid shows it marked °, a keystroke on the same cell afterwards is the
// one that shows (both in the log, in order), and the mark goes.
func TestRoomPhoneSaveReachesTheGrid(t *testing.T) {
	ra := newRoomApp(t, "id")
	m := ra.m
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	frame := ansi.Strip(m.render())
	if !strings.Contains(frame, "Mode ruang: OPD mengisi di ponsel") || !strings.Contains(frame, ra.base+"/") || !strings.Contains(frame, "Hanya laptop ini") {
		t.Fatalf("the room panel with its address is not on screen:\n%s", frame)
	}
	m.Update(phKey("esc"))
	for m.ses().sess.State.Phase != gridPhase(m) {
		m.Update(phKey("]"))
	}
	o := m.ses().sess.Data.OPDs[0]
	dim := m.ses().sess.F().Dimensions[0]
	key := dim.Indicators()[0].Key
	ra.phoneSave(t, o.ID, dim.Key, key, "5")
	ra.pump(t, func() bool { return m.ses().sess.Board.Answer(o.ID, key).Level == 5 })
	if !m.ses().sess.FromPhone(o.ID, key) {
		t.Errorf("the phone's cell is not marked as a phone's")
	}
	if frame := ansi.Strip(m.render()); !strings.Contains(frame, "5"+phoneMark) {
		t.Errorf("the grid does not show 5%s:\n%s", phoneMark, frame)
	}
	// The facilitator types 2 on that very cell (the cursor is on it).
	m.ses().sess.State.Row, m.ses().sess.State.Col = 0, 0
	m.Update(phKey("2"))
	if a := m.ses().sess.Board.Answer(o.ID, key); a.Level != 2 || m.ses().sess.FromPhone(o.ID, key) {
		t.Errorf("after the keystroke: %+v, phone mark %v", a, m.ses().sess.FromPhone(o.ID, key))
	}
	evs, err := ra.st.Events(context.Background(), m.ses().sess.Data.Session.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := len(evs)
	if n < 2 || evs[n-2].Source.Kind != workshop.SourcePhone || evs[n-2].New.Level != 5 || evs[n-1].Source.Kind != workshop.SourceKeyboard || evs[n-1].New.Level != 2 {
		t.Errorf("the log does not hold the phone's 5 then the keyboard's 2: %+v", evs[max(0, n-2):])
	}
}

// TestRoomPhoneMarkComesBackOnReopen: a cell a phone wrote last is marked
// again when the session is opened the next day.
func TestRoomPhoneMarkComesBackOnReopen(t *testing.T) {
	ra := newRoomApp(t, "id")
	m := ra.m
	o := m.ses().sess.Data.OPDs[1]
	dim := m.ses().sess.F().Dimensions[1]
	key := dim.Indicators()[1].Key
	ra.phoneSave(t, o.ID, dim.Key, key, "4")
	ra.pump(t, func() bool { return m.ses().sess.Board.Answer(o.ID, key).Level == 4 })
	id := m.ses().sess.Data.Session.ID
	m.Close()
	m2, err := New(withStore(ra.st, Options{Lang: "id", Theme: "dark", Session: id, Now: gridClock, PhoneCells: ra.st.PhoneCells}))
	if err != nil {
		t.Fatal(err)
	}
	defer m2.Close()
	if !m2.ses().sess.FromPhone(o.ID, key) || m2.ses().sess.FromPhone(o.ID, dim.Indicators()[0].Key) {
		t.Errorf("after reopening: phone mark %v on the phone's cell", m2.ses().sess.FromPhone(o.ID, key))
	}
}

// TestRoomPanelFitsEverySizeAndKeys: the panel at 80x24, 120x40 and
// 200x60 in both languages and every theme keeps inside the window, and
// its keys close and open entry per dimension and for all.
func TestRoomPanelFitsEverySizeAndKeys(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		ra := newRoomApp(t, lang)
		m := ra.m
		for _, theme := range Themes {
			m.styles = NewStyles(theme)
			m.ses().sess.Styles = m.styles
			for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
				m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				for _, full := range []bool{false, true} {
					setFull(t, m, full)
					lines := strings.Split(m.render(), "\n")
					if len(lines) != size[1] {
						t.Errorf("%s %s %v full=%v: %d lines", lang, theme, size, full, len(lines))
					}
					for i, l := range lines {
						if w := ansi.StringWidth(l); w > size[0] {
							t.Errorf("%s %s %v full=%v: line %d is %d wide", lang, theme, size, full, i, w)
						}
					}
					if plain := ansi.Strip(strings.Join(lines, "\n")); !strings.Contains(plain, "█") {
						t.Errorf("%s %s %v full=%v: no QR on screen", lang, theme, size, full)
					}
				}
			}
		}
		setFull(t, m, false)
		srv := m.ses().roomPanel.Running().Srv
		fw := m.ses().sess.F()
		m.Update(phKey("2"))
		if srv.EntryOpen(fw.Dimensions[1].Key) || !srv.EntryOpen(fw.Dimensions[0].Key) {
			t.Errorf("2 did not close the second dimension alone")
		}
		m.Update(phKey("c"))
		for _, d := range fw.Dimensions {
			if srv.EntryOpen(d.Key) {
				t.Errorf("c left %s open", d.Key)
			}
		}
		m.Update(phKey("a"))
		for _, d := range fw.Dimensions {
			if !srv.EntryOpen(d.Key) {
				t.Errorf("a left %s closed", d.Key)
			}
		}
		m.Update(phKey("x"))
		if _, cmd := m.Update(roompanel.StoppedMsg{}); cmd != nil || m.ses().roomPanel.Running() != nil {
			t.Errorf("x did not stop room mode")
		}
		if _, err := http.Get(ra.base + "/"); err == nil {
			t.Errorf("the server still answers after x")
		}
	}
}

// TestRosterReissuesAccessCode: on the roster, c on the selected OPD asks
// first, naming the OPD; n keeps its code; y gives it a new one, shown in
// the panel until Esc. From then on the room server refuses the old code
// (typed, and as the cookie of a phone that had joined with it) and lets
// the new one in.
func TestRosterReissuesAccessCode(t *testing.T) {
	ra := newRoomApp(t, "id")
	m := ra.m
	ctx := context.Background()
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.Update(phKey("esc"))
	for m.ses().sess.Phases()[m.ses().sess.State.Phase].Key != "roster" {
		m.Update(phKey("]"))
	}
	m.ses().sess.State.RosterRow = 1
	o := m.ses().sess.Data.OPDs[1]
	codeOf := func() string {
		codes, err := ra.st.AccessCodes(ctx, m.ses().sess.Data.Session.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range codes {
			if c.OPDID == o.ID {
				return c.Code
			}
		}
		t.Fatalf("OPD %s has no code", o.Code)
		return ""
	}
	old := codeOf()
	jar, _ := cookiejar.New(nil)
	phone := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	join := func(cl *http.Client, code string) int {
		t.Helper()
		res, err := cl.PostForm(ra.base+"/join", url.Values{"code": {code}})
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	if got := join(phone, old); got != http.StatusSeeOther {
		t.Fatalf("join with the first code: %d", got)
	}

	m.Update(phKey("c"))
	frame := ansi.Strip(m.render())
	if !strings.Contains(frame, "Beri "+o.Code+" ("+o.Name+") kode akses baru?") {
		t.Fatalf("no question naming the OPD:\n%s", frame)
	}
	m.Update(phKey("n"))
	if codeOf() != old {
		t.Fatalf("n changed the code")
	}
	m.Update(phKey("c"))
	m.Update(phKey("y"))
	fresh := codeOf()
	if fresh == old {
		t.Fatalf("y kept the old code %s", old)
	}
	shown := workshop.FormatAccessCode(fresh)
	frame = ansi.Strip(m.render())
	if !strings.Contains(frame, "Kode akses baru "+o.Code) || !strings.Contains(frame, shown) {
		t.Fatalf("the new code %s is not shown:\n%s", shown, frame)
	}

	// The server: the old code is refused, typed or as a cookie; the
	// new one works.
	stranger := &http.Client{CheckRedirect: phone.CheckRedirect}
	if got := join(stranger, old); got != http.StatusUnauthorized {
		t.Errorf("join with the old code after the reissue: %d, want 401", got)
	}
	res, err := phone.Get(ra.base + "/form")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || !strings.Contains(loc, "gone=1") {
		t.Errorf("the phone with the old cookie got %d %q, want a redirect to join again", res.StatusCode, loc)
	}
	jar2, _ := cookiejar.New(nil)
	newPhone := &http.Client{Jar: jar2, CheckRedirect: phone.CheckRedirect}
	if got := join(newPhone, shown); got != http.StatusSeeOther {
		t.Errorf("join with the new code: %d, want 303", got)
	}
	res, err = newPhone.Get(ra.base + "/form")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("the form with the new code: %d", res.StatusCode)
	}

	m.Update(phKey("esc"))
	if frame := ansi.Strip(m.render()); strings.Contains(frame, shown) {
		t.Errorf("Esc left the code on screen:\n%s", frame)
	}
}

// TestRoomPanelPhaseKeys: with the room panel open (server running, the
// QR full screen or not), ] and [ close the panel and move the phase, as
// everywhere else, and the server keeps running; on the last phase ] is
// refused with a sentence and the panel stays.
func TestRoomPanelPhaseKeys(t *testing.T) {
	ra := newRoomApp(t, "id")
	m := ra.m
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	press := func(k string) {
		_, cmd := m.Update(phKey(k))
		runCmd(m, cmd)
	}
	for _, full := range []bool{false, true} {
		m.ses().roomOpen = true
		setFull(t, m, full)
		from := m.ses().sess.State.Phase
		press("]")
		if m.ses().roomOpen || m.ses().sess.State.Phase != from+1 {
			t.Errorf("full=%v ]: panel open %v, phase %d (was %d)", full, m.ses().roomOpen, m.ses().sess.State.Phase+1, from+1)
		}
		m.ses().roomOpen = true
		press("[")
		if m.ses().roomOpen || m.ses().sess.State.Phase != from {
			t.Errorf("full=%v [: panel open %v, phase %d (was %d)", full, m.ses().roomOpen, m.ses().sess.State.Phase+1, from+2)
		}
	}
	if m.ses().roomPanel.Running() == nil {
		t.Fatal("moving the phase stopped room mode")
	}
	m.ses().goPhase(len(m.ses().sess.Phases()) - 1)
	m.ses().roomOpen = true
	press("]")
	if !m.ses().roomOpen || !strings.Contains(screen(m), "Ini fase terakhir") {
		t.Errorf("] on the last phase with the panel open: open %v\n%s", m.ses().roomOpen, screen(m))
	}
}
