package roompanel

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/room"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/tui/common/pagetest"
	"github.com/bimtek/bimtek/workshop"
)

// starter is room mode as the command line starts it: every OPD gets an
// access code, then the server listens on addr.
func starter(t *testing.T) ServerStarter {
	return func(l common.Live, addr string) (*room.Server, net.Addr, error) {
		if _, err := l.EnsureAccessCodes(context.Background(), nil); err != nil {
			return nil, nil, err
		}
		s, err := room.New(room.Config{Codes: l, Owner: room.LiveOwner(l)})
		if err != nil {
			return nil, nil, err
		}
		a, err := s.Start(addr)
		return s, a, err
	}
}

// running is the panel of the fixed session with room mode started on
// 127.0.0.1 and the phones' state read once.
func running(t *testing.T, lang string) (*Panel, *tuitest.Env) {
	t.Helper()
	e := tuitest.NewEnv(t, lang, tuitest.OPDs, true)
	p := New(e.S, starter(t))
	if err := p.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Stop)
	for _, msg := range tuitest.Exec(p.Refresh()) {
		p.Update(msg)
	}
	return p, e
}

func statusText(t *testing.T, msgs []tea.Msg) string {
	t.Helper()
	for _, m := range msgs {
		if s, ok := m.(common.StatusMsg); ok {
			return s.Text
		}
	}
	return ""
}

// TestPanelKeepsThePageContract: off, running, and with the QR alone, in
// both languages and every theme, the panel draws within its body and the
// same frame twice.
func TestPanelKeepsThePageContract(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		for _, theme := range common.Themes {
			e := tuitest.NewEnv(t, lang, tuitest.OPDs, true)
			e.S.Styles = common.NewStyles(theme)
			off := New(e.S, starter(t))
			pagetest.Check(t, lang+" "+theme+" off", off)

			p, _ := running(t, lang)
			p.s.Styles = common.NewStyles(theme)
			pagetest.Check(t, lang+" "+theme+" running", p)
			tuitest.Run(t, p, "f")
			if !p.Full() {
				t.Fatalf("%s: f did not show the QR alone", lang)
			}
			pagetest.Check(t, lang+" "+theme+" full", p)
		}
	}
}

// TestPanelShowsWherePhonesGo: the running panel names the address the
// server listens on, says that 127.0.0.1 reaches no phone, and draws the
// QR code; the OPDs are listed with their answers.
func TestPanelShowsWherePhonesGo(t *testing.T) {
	p, e := running(t, "id")
	if !p.Running().Local {
		t.Fatalf("127.0.0.1 is not marked as this laptop only")
	}
	v := ansi.Strip(tuitest.View(p, 200, 56))
	url := "http://" + p.Running().Addr.String() + "/"
	for _, want := range []string{url, assets.T("id", "room.panel.local"), "█", e.S.Data.OPDs[0].Code} {
		if !strings.Contains(v, want) {
			t.Errorf("the panel lacks %q:\n%s", want, v)
		}
	}
}

// TestPanelEntryKeys: a digit closes or opens its dimension alone, c
// closes all, a opens all, a digit past the last dimension does nothing.
func TestPanelEntryKeys(t *testing.T) {
	p, e := running(t, "id")
	srv := p.Running().Srv
	fw := e.S.F()
	msgs := tuitest.Run(t, p, "2")
	if srv.EntryOpen(fw.Dimensions[1].Key) || !srv.EntryOpen(fw.Dimensions[0].Key) {
		t.Errorf("2 did not close the second dimension alone")
	}
	if got, want := statusText(t, (msgs)), assets.T("id", "room.entry_closed", e.S.Name(fw.Dimensions[1].Name)); got != want {
		t.Errorf("2 says %q, want %q", got, want)
	}
	tuitest.Run(t, p, "2")
	if !srv.EntryOpen(fw.Dimensions[1].Key) {
		t.Errorf("a second 2 did not open it again")
	}
	tuitest.Run(t, p, "c")
	for _, d := range fw.Dimensions {
		if srv.EntryOpen(d.Key) {
			t.Errorf("c left %s open", d.Key)
		}
	}
	tuitest.Run(t, p, "a")
	for _, d := range fw.Dimensions {
		if !srv.EntryOpen(d.Key) {
			t.Errorf("a left %s closed", d.Key)
		}
	}
	if len(fw.Dimensions) < 9 {
		if msgs := tuitest.Run(t, p, "9"); len(msgs) != 0 {
			t.Errorf("9 with %d dimensions answered %v", len(fw.Dimensions), msgs)
		}
	}
}

// TestPanelReissueAsksFirst: n on an OPD asks and keeps its code; n again
// at once gives it a new one and says it; another key in between asks
// again instead.
func TestPanelReissueAsksFirst(t *testing.T) {
	p, e := running(t, "id")
	ctx := context.Background()
	o := e.S.Data.OPDs[0]
	codeOf := func() string {
		codes, err := e.S.Live.AccessCodes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range codes {
			if c.OPDID == o.ID {
				return c.Code
			}
		}
		t.Fatalf("%s has no code", o.Code)
		return ""
	}
	old := codeOf()
	if got, want := statusText(t, (tuitest.Run(t, p, "n"))), assets.T("id", "room.reissue_ask", o.Code); got != want {
		t.Errorf("n says %q, want %q", got, want)
	}
	tuitest.Run(t, p, "u", "n")
	if codeOf() != old {
		t.Fatalf("n after another key gave a new code")
	}
	msgs := (tuitest.Run(t, p, "n"))
	fresh := codeOf()
	if fresh == old {
		t.Fatalf("n twice kept the code")
	}
	if got := statusText(t, msgs); !strings.Contains(got, o.Code) || !strings.Contains(got, workshop.FormatAccessCode(fresh)) {
		t.Errorf("the new code is not said: %q (code %s)", got, fresh)
	}
}

// TestPanelLeavesAndStops: Esc leaves the QR alone first, then asks the
// root to close the panel; x asks to stop; Stop closes the server.
func TestPanelLeavesAndStops(t *testing.T) {
	p, _ := running(t, "id")
	tuitest.Run(t, p, "f")
	if msgs := tuitest.Run(t, p, "esc"); p.Full() || len(msgs) != 0 {
		t.Errorf("Esc on the full QR: full %v, messages %v", p.Full(), msgs)
	}
	if _, ok := tuitest.Has[CloseMsg](tuitest.Run(t, p, "esc")); !ok {
		t.Errorf("Esc did not ask to close the panel")
	}
	if _, ok := tuitest.Has[StoppedMsg](tuitest.Run(t, p, "x")); !ok {
		t.Errorf("x did not ask to stop room mode")
	}
	url := "http://" + p.Running().Addr.String() + "/"
	p.Stop()
	if p.Running() != nil {
		t.Errorf("Stop kept the server on show")
	}
	if res, err := http.Get(url); err == nil {
		res.Body.Close()
		t.Errorf("the server still answers after Stop")
	}
	if got := p.ShortHelp(); len(got) != 2 {
		t.Errorf("after Stop the footer offers %d keys, want Enter and Esc", len(got))
	}
}

// TestPanelRefusesToStart: the projector view never starts room mode,
// and a window built without it says so; neither leaves a server.
func TestPanelRefusesToStart(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, true)
	e.S.ReadOnly = true
	p := New(e.S, starter(t))
	msgs := tuitest.Exec(tuitest.Update(p, tuitest.Key("enter")))
	var em common.ErrMsg
	for _, m := range msgs {
		if v, ok := m.(common.ErrMsg); ok {
			em = v
		}
	}
	if !errors.Is(em.Err, common.ErrReadOnly) || p.Running() != nil {
		t.Errorf("the projector view: error %v, running %v", em.Err, p.Running())
	}

	e2 := tuitest.NewEnv(t, "id", tuitest.OPDs, true)
	none := New(e2.S, nil)
	if err := none.Start("127.0.0.1:0"); !errors.Is(err, errNoRoom) || none.Running() != nil {
		t.Errorf("no room mode: %v, running %v", err, none.Running())
	}
}
