package room

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

var bg = context.Background()

// fakeOwner honours the contract of the live session owner for these
// tests: one write at a time, committed to the store before it returns,
// the board changed only after the commit, reads under the same lock, and
// every write recorded with its device (the source the real owner logs).
type fakeOwner struct {
	st  *store.Store
	sid int64

	mu      sync.Mutex
	d       *store.Data
	board   *workshop.Board
	notes   map[int64]map[string]string
	sources []string // "opd/key/device" per committed write, in order

	// onSave and onRead, when set, run as a save or a read begins.
	onSave, onRead func()
}

func newFakeOwner(t testing.TB, st *store.Store, sid int64) *fakeOwner {
	t.Helper()
	d, err := st.Load(bg, sid)
	if err != nil {
		t.Fatal(err)
	}
	o := &fakeOwner{st: st, sid: sid, d: d, board: workshop.NewBoard(d.Session.Framework, d.OPDs, d.Sheets(), d.Targets), notes: map[int64]map[string]string{}}
	for _, r := range d.Scores {
		o.setNote(r.OPDID, r.IndicatorKey, r.Note)
	}
	return o
}

func (o *fakeOwner) setNote(opd int64, key, note string) {
	if o.notes[opd] == nil {
		o.notes[opd] = map[string]string{}
	}
	o.notes[opd][key] = note
}

// Save writes one phone save whole, as the live owner does (one store
// transaction), and records each edit with its device.
func (o *fakeOwner) Save(ctx context.Context, opdID int64, device string, edits []Edit) error {
	if o.onSave != nil {
		o.onSave()
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	res, err := o.st.WriteSaves(ctx, o.sid, []store.Save{{Src: workshop.Source{Kind: workshop.SourcePhone, OPDID: opdID, Device: device}, OPDID: opdID, Edits: edits}})
	if err != nil {
		return err
	}
	if res[0].Err != nil {
		return res[0].Err
	}
	for _, ev := range res[0].Events {
		o.board.Set(opdID, ev.IndicatorKey, ev.New)
		o.setNote(opdID, ev.IndicatorKey, ev.NewNote)
		o.sources = append(o.sources, strings.Join([]string{itoa(opdID), ev.IndicatorKey, device}, "/"))
	}
	return nil
}

// SetAnswer is the facilitator's keystroke beside the phones.
func (o *fakeOwner) SetAnswer(ctx context.Context, opdID int64, device, key string, a workshop.Answer) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if _, err := o.st.SetAnswer(ctx, o.sid, opdID, key, a); err != nil {
		return err
	}
	o.board.Set(opdID, key, a)
	o.sources = append(o.sources, strings.Join([]string{itoa(opdID), key, device}, "/"))
	return nil
}

func (o *fakeOwner) SetNote(ctx context.Context, opdID int64, device, key, note string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if _, err := o.st.SetNote(ctx, o.sid, opdID, key, note); err != nil {
		return err
	}
	o.setNote(opdID, key, note)
	o.sources = append(o.sources, strings.Join([]string{itoa(opdID), key, device}, "/"))
	return nil
}

func (o *fakeOwner) Read(fn func(View)) {
	if o.onRead != nil {
		o.onRead()
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	fn(View{Framework: o.d.Session.Framework, OPDs: o.d.OPDs, Board: o.board,
		Note: func(opd int64, key string) string { return o.notes[opd][key] }})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// roomEnv is a session of the elemen framework with three OPDs, their
// codes, a room server in front of a fake owner, and a test clock.
type roomEnv struct {
	st    *store.Store
	sid   int64
	fw    *workshop.Framework
	opds  []workshop.OPD
	codes map[int64]string
	owner *fakeOwner
	srv   *Server
	now   time.Time
	http  *httptest.Server
}

func newRoomEnv(t testing.TB) *roomEnv {
	t.Helper()
	st, err := store.Open(bg, filepath.Join(t.TempDir(), "room.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	fw, err := assets.Framework("elemen")
	if err != nil {
		t.Fatal(err)
	}
	sid, err := st.CreateSession(bg, store.NewSession{City: "Kota Contoh", Stage: 1, Date: "2026-12-02", Venue: "Aula <Balai> Kota", Facilitator: "Rina",
		Framework: fw, OPDs: []store.OPDInput{{Code: "BAPPEDA", Name: "Badan Perencanaan <b>Pembangunan</b>"}, {Code: "DISKOMINFO", Name: "Dinas Komunikasi dan Informatika"}, {Code: "DLH", Name: "Dinas Lingkungan Hidup"}}})
	if err != nil {
		t.Fatal(err)
	}
	codes, err := st.EnsureAccessCodes(bg, sid, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := &roomEnv{st: st, sid: sid, fw: fw, codes: map[int64]string{}, now: time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)}
	for _, c := range codes {
		e.codes[c.OPDID] = c.Code
	}
	e.owner = newFakeOwner(t, st, sid)
	e.opds = e.owner.d.OPDs
	e.srv, err = New(Config{Codes: storeCodes{st, sid}, Owner: e.owner, Now: func() time.Time { return e.now }})
	if err != nil {
		t.Fatal(err)
	}
	e.http = httptest.NewServer(e.srv.Handler())
	t.Cleanup(e.http.Close)
	return e
}

// storeCodes are a session's access codes straight from the store, beside
// the fake owner (the real server gets them from the live session).
type storeCodes struct {
	st  *store.Store
	sid int64
}

func (c storeCodes) AccessCodes(ctx context.Context) ([]workshop.AccessCode, error) {
	return c.st.AccessCodes(ctx, c.sid)
}

func (c storeCodes) AccessCodeOPD(ctx context.Context, code string) (workshop.AccessCode, error) {
	return c.st.AccessCodeOPD(ctx, c.sid, code)
}

func (c storeCodes) ReissueAccessCode(ctx context.Context, opdID int64, random io.Reader) (string, error) {
	return c.st.ReissueAccessCode(ctx, c.sid, opdID, random)
}

func (c storeCodes) SetSubmitted(ctx context.Context, opdID int64, on bool) error {
	return c.st.SetSubmitted(ctx, c.sid, opdID, on)
}

// phone is a browser with its own cookie jar that does not follow
// redirects, so each answer can be looked at.
type phone struct {
	t  testing.TB
	e  *roomEnv
	c  *http.Client
	ua string
}

func (e *roomEnv) phone(t testing.TB) *phone {
	jar, _ := cookiejar.New(nil)
	return &phone{t: t, e: e, ua: "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36",
		c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

type reply struct {
	status int
	body   string
	loc    string
	header http.Header
}

func (p *phone) do(method, path string, form url.Values, extra map[string]string) reply {
	p.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, p.e.http.URL+path, body)
	if err != nil {
		p.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("User-Agent", p.ua)
	for k, v := range extra {
		req.Header.Set(k, v)
	}
	res, err := p.c.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return reply{status: res.StatusCode, body: string(b), loc: res.Header.Get("Location"), header: res.Header}
}

func (p *phone) get(path string) reply { return p.do("GET", path, nil, nil) }
func (p *phone) post(path string, form url.Values) reply {
	return p.do("POST", path, form, nil)
}
func (p *phone) postJS(path string, form url.Values) reply {
	return p.do("POST", path, form, map[string]string{"X-Bimtek": "1"})
}

// join signs the phone in with the OPD's code.
func (p *phone) join(opdID int64) {
	p.t.Helper()
	r := p.post("/join", url.Values{"code": {p.e.codes[opdID]}})
	if r.status != http.StatusSeeOther || r.loc != "/form" {
		p.t.Fatalf("join with the code of OPD %d: %d %s %s", opdID, r.status, r.loc, r.body)
	}
}

// stored is the committed answer of one cell, read back from the file.
func (e *roomEnv) stored(t testing.TB, opdID int64, key string) (workshop.Answer, string) {
	t.Helper()
	d, err := e.st.Load(bg, e.sid)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range d.Scores {
		if r.OPDID == opdID && r.IndicatorKey == key {
			return r.Answer, r.Note
		}
	}
	return workshop.Answer{}, ""
}

// firstKeys are the indicator keys of the first dimension.
func (e *roomEnv) dimKeys(i int) (string, []string) {
	d := e.fw.Dimensions[i]
	var keys []string
	for _, ind := range d.Indicators() {
		keys = append(keys, ind.Key)
	}
	return d.Key, keys
}
