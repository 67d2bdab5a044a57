package room

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/live"
	"github.com/bimtek/bimtek/workshop"
)

// The open session is what room mode serves from: its writes and reads
// (LiveOwner) and its access codes.
var (
	_ Session = (*live.Session)(nil)
	_ Codes   = (*live.Session)(nil)
)

// TestPhoneSaveThroughTheLiveSession: a phone's save is one change of the
// open session, with source phone, its OPD and device, committed in the
// file and in the score log, and told to subscribers (the TUI) before the
// phone hears "saved"; a keystroke on the same cell after it is logged
// after it and is what shows.
func TestPhoneSaveThroughTheLiveSession(t *testing.T) {
	e := newRoomEnv(t)
	ls, err := live.Open(bg, e.st, e.sid, live.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ls.Close()
	ch, stop := ls.Subscribe()
	defer stop()
	srv, err := New(Config{Codes: ls, Owner: LiveOwner(ls), Now: func() time.Time { return e.now }})
	if err != nil {
		t.Fatal(err)
	}
	e.srv = srv
	e.http.Config.Handler = srv.Handler()
	p := e.phone(t)
	o := e.opds[1].ID
	p.join(o)
	dim, keys := e.dimKeys(3)
	r := p.postJS("/save", url.Values{"d": {dim}, keys[1]: {"4"}, "note:" + keys[1]: {"dari ponsel"}})
	if r.status != http.StatusOK {
		t.Fatalf("save = %d %s", r.status, r.body)
	}
	// Already told: the change was queued before the reply was written.
	select {
	case c := <-ch:
		if c.Kind != workshop.AnswerChanged || c.Source.Kind != workshop.SourcePhone || c.Source.OPDID != o || c.Source.Device != "127.0.0.1 Android Chrome" ||
			c.OPDID != o || c.IndicatorKey != keys[1] || c.Answer.Level != 4 {
			t.Errorf("change = %+v", c)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no change reached the subscriber")
	}
	if a, note := e.stored(t, o, keys[1]); a.Level != 4 || note != "dari ponsel" {
		t.Errorf("stored %+v %q", a, note)
	}
	if _, err := ls.SetAnswer(bg, workshop.Keyboard, o, keys[1], workshop.Answer{Level: 2}); err != nil {
		t.Fatal(err)
	}
	evs, err := e.st.Events(bg, e.sid)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 3 || evs[0].Source.Kind != workshop.SourcePhone || evs[0].New.Level != 4 ||
		evs[1].Source.Kind != workshop.SourcePhone || evs[1].NewNote != "dari ponsel" ||
		evs[2].Source.Kind != workshop.SourceKeyboard || evs[2].Old.Level != 4 || evs[2].New.Level != 2 {
		t.Errorf("the log: %+v", evs)
	}
	if a, _ := e.stored(t, o, keys[1]); a.Level != 2 {
		t.Errorf("the last edit (the keyboard's 2) does not show: %+v", a)
	}
	page := p.get("/form?d=" + dim)
	if !strings.Contains(page.body, `name="`+keys[1]+`" value="2" checked`) || !strings.Contains(page.body, ">dari ponsel</textarea>") {
		t.Errorf("the phone's page does not show the cell as it is now")
	}
}
