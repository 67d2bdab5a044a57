package room

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

//go:embed web/*.html web/static/*
var webFiles embed.FS

// Limits of what a phone may send and how long it may take.
const (
	maxBody          = 64 << 10 // a whole dimension page of notes is far below
	maxHeader        = 8 << 10
	readHeaderTimout = 5 * time.Second
	readTimeout      = 10 * time.Second
	writeTimeout     = 15 * time.Second
	idleTimeout      = 60 * time.Second
	// A phone counts as connected while it was heard from this recently; the
	// page's script checks in every 15 s.
	connectedWithin = 45 * time.Second
	// Wrong codes: 5 at once, then one every 6 s per address.
	wrongBurst = 5
	wrongEvery = 6 * time.Second
	maxLimiter = 4096 // addresses remembered; the oldest are forgotten first
)

// The cookies the phone keeps.
const (
	cookieCode = "bimtek_code"
	cookieLang = "bimtek_lang"
)

// Config is what a room server serves.
type Config struct {
	Store     *store.Store
	SessionID int64
	Owner     Owner
	// Now is the clock (fixed in tests); nil means time.Now.
	Now func() time.Time
	// Random draws reissued codes; nil means crypto/rand.
	Random io.Reader
}

// Server is the room-mode web server of one open session.
type Server struct {
	cfg     Config
	handler http.Handler
	pages   *template.Template

	revealed atomic.Bool

	mu       sync.Mutex
	closed   map[string]bool // dimension keys whose entry the facilitator closed
	seen     map[int64]*contact
	limiters map[string]*addrLimiter
	srv      *http.Server
	ln       net.Listener
	started  time.Time
	reached  bool // a phone has loaded a page
}

// contact is what the facilitator sees of one OPD's phone.
type contact struct {
	lastSeen time.Time
	device   string
}

type addrLimiter struct {
	lim  *rate.Limiter
	used time.Time
}

// New builds the server; entry is open for every dimension.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil || cfg.Owner == nil {
		return nil, errors.New("room server: a store and the open session are needed")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	pages, err := template.New("").Funcs(template.FuncMap{
		"code": workshop.FormatAccessCode,
	}).ParseFS(webFiles, "web/*.html")
	if err != nil {
		return nil, fmt.Errorf("room server: read the embedded pages: %w", err)
	}
	s := &Server{cfg: cfg, pages: pages, closed: map[string]bool{}, seen: map[int64]*contact{}, limiters: map[string]*addrLimiter{}}
	static, err := fs.Sub(webFiles, "web/static")
	if err != nil {
		return nil, fmt.Errorf("room server: read the embedded files: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.join)
	mux.HandleFunc("POST /join", s.postJoin)
	mux.HandleFunc("GET /form", s.form)
	mux.HandleFunc("POST /save", s.save)
	mux.HandleFunc("POST /submit", s.submit)
	mux.HandleFunc("POST /leave", s.leave)
	mux.HandleFunc("GET /ping", s.ping)
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("/", s.notFound)

	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.refuse(w, r, http.StatusForbidden, formErr("room.err.cross_origin"))
	}))
	s.handler = s.guard(cop.Handler(mux))
	return s, nil
}

// Handler is the whole site, with every guard in front (for tests and for
// Start).
func (s *Server) Handler() http.Handler { return s.handler }

// guard sets the headers every answer carries and bounds what a request may
// send.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		// Nothing is loaded from outside the laptop, nothing runs inline.
		h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		if !strings.HasPrefix(r.URL.Path, "/static/") {
			h.Set("Cache-Control", "no-store")
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		next.ServeHTTP(w, r)
	})
}

// Start listens on addr ("0.0.0.0:8080", "127.0.0.1:0") and serves until
// Close. It returns the address it listens on.
func (s *Server) Start(addr string) (net.Addr, error) {
	if _, port, err := net.SplitHostPort(addr); err != nil || port == "" {
		return nil, &ListenError{Addr: addr, Err: fmt.Errorf("not host:port: %w", err), Bad: true}
	}
	ln, err := net.Listen("tcp4", addr)
	if err != nil {
		return nil, &ListenError{Addr: addr, Err: err}
	}
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: readHeaderTimout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeader,
		ErrorLog:          nil,
	}
	srv.ErrorLog = quietLog()
	s.mu.Lock()
	s.srv, s.ln, s.started = srv, ln, s.cfg.Now()
	s.mu.Unlock()
	go srv.Serve(ln)
	return ln.Addr(), nil
}

// ListenError is room mode that could not listen on Addr: a malformed
// address (Bad), or one taken or not on this laptop.
type ListenError struct {
	Addr string
	Err  error
	Bad  bool
}

func (e *ListenError) Error() string {
	return fmt.Sprintf("listen on %s for the phones: %v", e.Addr, e.Err)
}
func (e *ListenError) Unwrap() error { return e.Err }

// In says it in lang.
func (e *ListenError) In(lang string) string {
	if e.Bad {
		return assets.T(lang, "room.err.listen_bad", clip(e.Addr))
	}
	return assets.T(lang, "room.err.listen", clip(e.Addr))
}

// Addr is where the server listens, nil before Start.
func (s *Server) Addr() net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln == nil {
		return nil
	}
	return s.ln.Addr()
}

// Close stops the server: phones get no answer any more. Answers already
// acknowledged are committed.
func (s *Server) Close() error {
	s.mu.Lock()
	srv := s.srv
	s.srv = nil
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		return srv.Close()
	}
	return nil
}

// ---------------------------------------------------------------------
// What the facilitator controls

// SetRevealed says whether the results are on show (DESIGN 4): while they
// are hidden no phone sees a score.
func (s *Server) SetRevealed(on bool) { s.revealed.Store(on) }

// SetEntryOpen opens or closes entry for one dimension.
func (s *Server) SetEntryOpen(dimensionKey string, open bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if open {
		delete(s.closed, dimensionKey)
	} else {
		s.closed[dimensionKey] = true
	}
}

// SetAllOpen opens or closes entry for every dimension of fw.
func (s *Server) SetAllOpen(fw *workshop.Framework, open bool) {
	for _, d := range fw.Dimensions {
		s.SetEntryOpen(d.Key, open)
	}
}

// EntryOpen reports whether phones may change the dimension's answers.
func (s *Server) EntryOpen(dimensionKey string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.closed[dimensionKey]
}

// Reopen lets an OPD that sent its answers change them again.
func (s *Server) Reopen(ctx context.Context, opdID int64) error {
	return s.cfg.Store.SetSubmitted(ctx, s.cfg.SessionID, opdID, false)
}

// Reissue gives the OPD a new code; its old card and its phone's cookie stop
// working at once.
func (s *Server) Reissue(ctx context.Context, opdID int64) (string, error) {
	code, err := s.cfg.Store.ReissueAccessCode(ctx, s.cfg.SessionID, opdID, s.cfg.Random)
	if err != nil {
		return "", err
	}
	s.mu.Lock()
	delete(s.seen, opdID)
	s.mu.Unlock()
	return code, nil
}

// OPDStatus is one line of the facilitator's room panel.
type OPDStatus struct {
	OPD       workshop.OPD
	Code      string
	Connected bool
	LastSeen  time.Time // zero: never
	Device    string
	Answered  int
	Total     int
	Submitted bool
}

// Status lists every OPD of the session with its phone's state, in roster
// order.
func (s *Server) Status(ctx context.Context) ([]OPDStatus, error) {
	codes, err := s.cfg.Store.AccessCodes(ctx, s.cfg.SessionID)
	if err != nil {
		return nil, err
	}
	byOPD := make(map[int64]store.AccessCode, len(codes))
	for _, c := range codes {
		byOPD[c.OPDID] = c
	}
	now := s.cfg.Now()
	var out []OPDStatus
	s.cfg.Owner.Read(func(v View) {
		total := v.Framework.ItemCount()
		for _, o := range v.OPDs {
			st := OPDStatus{OPD: o, Total: total, Answered: len(v.Board.Sheet(o.ID))}
			if c, ok := byOPD[o.ID]; ok {
				st.Code, st.Submitted = c.Code, !c.Submitted.IsZero()
			}
			out = append(out, st)
		}
	})
	s.mu.Lock()
	for i := range out {
		if c := s.seen[out[i].OPD.ID]; c != nil {
			out[i].LastSeen, out[i].Device = c.lastSeen, c.device
			out[i].Connected = now.Sub(c.lastSeen) < connectedWithin
		}
	}
	s.mu.Unlock()
	return out, nil
}

// Reached reports whether any phone has loaded a page, and since when the
// server runs (for the hint when none has after a minute).
func (s *Server) Reached() (reached bool, since time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reached, s.started
}

// ---------------------------------------------------------------------
// Requests

// lang is the phone's language: ?lang= switches it (and is remembered in a
// cookie), Indonesian by default.
func (s *Server) lang(w http.ResponseWriter, r *http.Request) string {
	if q := r.URL.Query().Get("lang"); q == "id" || q == "en" {
		http.SetCookie(w, &http.Cookie{Name: cookieLang, Value: q, Path: "/", MaxAge: 30 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteStrictMode})
		return q
	}
	if c, err := r.Cookie(cookieLang); err == nil && (c.Value == "id" || c.Value == "en") {
		return c.Value
	}
	return "id"
}

// wantsJSON tells the page's script (which saves on tap) from a plain form.
func wantsJSON(r *http.Request) bool { return r.Header.Get("X-Bimtek") == "1" }

// clientAddr is the phone's address without the port.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// limiter returns the wrong-code limiter of an address.
func (s *Server) limiter(addr string) *rate.Limiter {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.cfg.Now()
	l := s.limiters[addr]
	if l == nil {
		if len(s.limiters) >= maxLimiter {
			s.forgetOldestLimiters()
		}
		l = &addrLimiter{lim: rate.NewLimiter(rate.Every(wrongEvery), wrongBurst)}
		s.limiters[addr] = l
	}
	l.used = now
	return l.lim
}

// forgetOldestLimiters drops the quarter of limiters used longest ago, so
// a flood of addresses cannot grow the map without end.
func (s *Server) forgetOldestLimiters() {
	type aged struct {
		addr string
		used time.Time
	}
	all := make([]aged, 0, len(s.limiters))
	for a, l := range s.limiters {
		all = append(all, aged{a, l.used})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].used.Before(all[j].used) })
	for _, a := range all[:len(all)/4+1] {
		delete(s.limiters, a.addr)
	}
}

// blocked reports whether the address used up its wrong codes.
func (s *Server) blocked(r *http.Request) bool {
	return s.limiter(clientAddr(r)).TokensAt(s.cfg.Now()) < 1
}

// wrongCode counts a wrong code against the address.
func (s *Server) wrongCode(r *http.Request) {
	s.limiter(clientAddr(r)).AllowN(s.cfg.Now(), 1)
}

// errNoCookie and errBadCookie say why a request has no OPD.
var (
	errNoCookie  = formErr("room.err.no_code")
	errBadCookie = formErr("room.err.code_gone")
)

// opd checks the phone's code (its cookie) on every request and returns the
// OPD it opens, noting that the phone was seen.
func (s *Server) opd(w http.ResponseWriter, r *http.Request) (store.AccessCode, error) {
	c, err := r.Cookie(cookieCode)
	if err != nil || c.Value == "" {
		return store.AccessCode{}, errNoCookie
	}
	if s.blocked(r) {
		return store.AccessCode{}, formErr("room.err.slow_down", int(wrongEvery/time.Second))
	}
	ac, err := s.cfg.Store.AccessCodeOPD(r.Context(), s.cfg.SessionID, c.Value)
	if errors.Is(err, store.ErrNoAccessCode) {
		s.wrongCode(r)
		http.SetCookie(w, &http.Cookie{Name: cookieCode, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
		return store.AccessCode{}, errBadCookie
	}
	if err != nil {
		return store.AccessCode{}, err
	}
	s.mu.Lock()
	s.reached = true
	s.seen[ac.OPDID] = &contact{lastSeen: s.cfg.Now(), device: device(r)}
	s.mu.Unlock()
	return ac, nil
}

// device names a phone for the facilitator from its address and the kind
// of system and browser it says it is. Only fixed words are taken from the
// User-Agent: nothing a phone sends reaches the terminal as it is.
func device(r *http.Request) string {
	ua := r.UserAgent()
	sys := ""
	for _, k := range []struct{ in, name string }{
		{"iPhone", "iPhone"}, {"iPad", "iPad"}, {"Android", "Android"}, {"Windows", "Windows"},
		{"Mac OS X", "Mac"}, {"CrOS", "ChromeOS"}, {"Linux", "Linux"},
	} {
		if strings.Contains(ua, k.in) {
			sys = k.name
			break
		}
	}
	browser := ""
	for _, k := range []struct{ in, name string }{
		{"SamsungBrowser", "Samsung"}, {"Edg/", "Edge"}, {"OPR/", "Opera"}, {"Firefox/", "Firefox"},
		{"HeadlessChrome", "Chrome"}, {"Chrome/", "Chrome"}, {"Safari/", "Safari"},
	} {
		if strings.Contains(ua, k.in) {
			browser = k.name
			break
		}
	}
	parts := []string{clientAddr(r)}
	if sys != "" {
		parts = append(parts, sys)
	}
	if browser != "" {
		parts = append(parts, browser)
	}
	return strings.Join(parts, " ")
}

// refuse answers a refused request with its one sentence: JSON for the
// page's script, a page otherwise.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, status int, err error) {
	lang := s.lang(w, r)
	msg := s.sentence(lang, err)
	if wantsJSON(r) {
		writeJSON(w, status, saveReply{OK: false, Message: msg})
		return
	}
	s.render(w, status, "message", messagePage{base: s.base(lang, r), Message: msg, Bad: true})
}

// sentence turns an error into one sentence in lang.
func (s *Server) sentence(lang string, err error) string {
	var fe *FormError
	if errors.As(err, &fe) {
		return assets.T(lang, fe.Key, fe.Args...)
	}
	var ie *workshop.InputError
	if errors.As(err, &ie) {
		return ie.In(lang)
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return assets.T(lang, "room.err.too_big", maxBody>>10)
	}
	switch {
	case errors.Is(err, store.ErrDiskFull):
		return assets.T(lang, "err.disk_full")
	case errors.Is(err, store.ErrOutOfScale):
		return assets.T(lang, "err.out_of_scale")
	}
	return assets.T(lang, "room.err.not_saved")
}

// ---------------------------------------------------------------------
// Pages

// base is what every page needs.
type base struct {
	Lang     string
	T        func(key string, args ...any) string
	Switch   string // the other language
	SwitchTo string // the URL that switches to it
}

func (s *Server) base(lang string, r *http.Request) base {
	other := "en"
	if lang == "en" {
		other = "id"
	}
	q := url.Values{}
	for k, v := range r.URL.Query() {
		if k != "lang" && k != "code" && (k == "d") {
			q[k] = v
		}
	}
	q.Set("lang", other)
	path := r.URL.Path
	if r.Method != http.MethodGet {
		path = "/form"
	}
	return base{Lang: lang, T: func(k string, a ...any) string { return assets.T(lang, k, a...) },
		Switch: strings.ToUpper(other), SwitchTo: path + "?" + q.Encode()}
}

type messagePage struct {
	base
	Message string
	Bad     bool
}

type joinPage struct {
	base
	Code    string
	Message string
}

func (s *Server) render(w http.ResponseWriter, status int, name string, data any) {
	var b strings.Builder
	if err := s.pages.ExecuteTemplate(&b, name, data); err != nil {
		http.Error(w, "page error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	io.WriteString(w, b.String())
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.refuse(w, r, http.StatusNotFound, formErr("room.err.not_found"))
}

// join shows the join form, or the form itself when the phone already has a
// code that works. ?code= (the QR of an access card) fills the field.
func (s *Server) join(w http.ResponseWriter, r *http.Request) {
	lang := s.lang(w, r)
	if c, err := r.Cookie(cookieCode); err == nil && c.Value != "" {
		if _, err := s.opd(w, r); err == nil {
			http.Redirect(w, r, "/form", http.StatusSeeOther)
			return
		}
	}
	s.mu.Lock()
	s.reached = true
	s.mu.Unlock()
	code, _ := workshop.NormalizeAccessCode(r.URL.Query().Get("code"))
	s.render(w, http.StatusOK, "join", joinPage{base: s.base(lang, r), Code: workshop.FormatAccessCode(code)})
}

// postJoin checks a typed code: a wrong one counts against the address.
func (s *Server) postJoin(w http.ResponseWriter, r *http.Request) {
	lang := s.lang(w, r)
	if err := r.ParseForm(); err != nil {
		s.refuse(w, r, http.StatusRequestEntityTooLarge, err)
		return
	}
	typed := r.PostForm.Get("code")
	page := func(status int, err error) {
		shown := typed
		if len(shown) > 2*workshop.AccessCodeLen {
			shown = ""
		}
		s.render(w, status, "join", joinPage{base: s.base(lang, r), Code: shown, Message: s.sentence(lang, err)})
	}
	if s.blocked(r) {
		page(http.StatusTooManyRequests, formErr("room.err.slow_down", int(wrongEvery/time.Second)))
		return
	}
	ac, err := s.cfg.Store.AccessCodeOPD(r.Context(), s.cfg.SessionID, typed)
	if errors.Is(err, store.ErrNoAccessCode) {
		s.wrongCode(r)
		page(http.StatusUnauthorized, formErr("room.err.wrong_code"))
		return
	}
	if err != nil {
		page(http.StatusInternalServerError, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: cookieCode, Value: ac.Code, Path: "/", MaxAge: 12 * 3600, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	s.mu.Lock()
	s.reached = true
	s.seen[ac.OPDID] = &contact{lastSeen: s.cfg.Now(), device: device(r)}
	s.mu.Unlock()
	http.Redirect(w, r, "/form", http.StatusSeeOther)
}

// leave forgets the code on this phone.
func (s *Server) leave(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: cookieCode, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// ping is the page script's check-in: the facilitator sees the phone as
// connected while it comes.
func (s *Server) ping(w http.ResponseWriter, r *http.Request) {
	if _, err := s.opd(w, r); err != nil {
		s.refuse(w, r, http.StatusUnauthorized, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// formPage is one dimension of one OPD's form.
type formPage struct {
	base
	OPD       workshop.OPD
	Code      string
	Dims      []dimTab
	Dim       dimTab
	Desc      string
	Items     []formItem
	Answered  int
	Total     int
	Prev      string
	Next      string
	Open      bool
	Submitted bool
	Saved     bool
	JustSent  bool
	Message   string
	Bad       bool
	// Score is the OPD's own score of this dimension, set only while the
	// facilitator shows the results.
	Score string
	// NoteLimit is the longest note, in characters.
	NoteLimit int
}

type dimTab struct {
	Key, Name   string
	Done, Total int
	Open        bool
	Current     bool
}

type formItem struct {
	Key, Name, Desc, Element string
	Choices                  []choice
	NA                       bool
	Was                      string // "", "na" or the level the page shows
	Note                     string
	Number                   int
}

type choice struct {
	Value   int
	Label   string
	Desc    string
	Checked bool
}

// form shows one dimension of the phone's OPD: ?d= names it; by default the
// first open dimension with an unanswered item.
func (s *Server) form(w http.ResponseWriter, r *http.Request) {
	lang := s.lang(w, r)
	ac, err := s.opd(w, r)
	if err != nil {
		if err == errNoCookie || err == errBadCookie {
			q := url.Values{}
			if err == errBadCookie {
				q.Set("gone", "1")
			}
			http.Redirect(w, r, "/?"+q.Encode(), http.StatusSeeOther)
			return
		}
		s.refuse(w, r, http.StatusTooManyRequests, err)
		return
	}
	p, ok := s.formPage(lang, r, ac, r.URL.Query().Get("d"))
	if !ok {
		s.refuse(w, r, http.StatusNotFound, formErr("room.err.no_dimension"))
		return
	}
	p.Saved = r.URL.Query().Get("saved") == "1"
	p.JustSent = r.URL.Query().Get("sent") == "1" && p.Submitted
	s.render(w, http.StatusOK, "form", p)
}

func (s *Server) formPage(lang string, r *http.Request, ac store.AccessCode, dimKey string) (formPage, bool) {
	p := formPage{base: s.base(lang, r), Code: ac.Code, Submitted: !ac.Submitted.IsZero(), NoteLimit: MaxNoteRunes}
	found := true
	revealed := s.revealed.Load()
	s.cfg.Owner.Read(func(v View) {
		fw := v.Framework
		o, ok := v.OPD(ac.OPDID)
		if !ok {
			found = false
			return
		}
		p.OPD = o
		sheet := v.Board.Sheet(o.ID)
		p.Total = fw.ItemCount()
		p.Answered = len(sheet)
		current := -1
		for i, d := range fw.Dimensions {
			t := dimTab{Key: d.Key, Name: d.Name.In(lang), Total: d.ItemCount(), Open: s.EntryOpen(d.Key)}
			for _, ind := range d.Indicators() {
				if sheet[ind.Key].Answered() {
					t.Done++
				}
			}
			if d.Key == dimKey {
				current = i
			}
			p.Dims = append(p.Dims, t)
		}
		if dimKey != "" && current < 0 {
			found = false
			return
		}
		if current < 0 {
			current = 0
			for i, t := range p.Dims {
				if t.Open && t.Done < t.Total {
					current = i
					break
				}
			}
		}
		p.Dims[current].Current = true
		p.Dim = p.Dims[current]
		p.Open = p.Dim.Open && !p.Submitted
		if current > 0 {
			p.Prev = p.Dims[current-1].Key
		}
		if current+1 < len(p.Dims) {
			p.Next = p.Dims[current+1].Key
		}
		d := &fw.Dimensions[current]
		p.Desc = d.Description.In(lang)
		n := 0
		for _, e := range d.Elements {
			for _, ind := range e.Indicators {
				n++
				a := sheet[ind.Key]
				it := formItem{Key: ind.Key, Name: ind.Name.In(lang), Desc: ind.Description.In(lang), Element: e.Name.In(lang),
					NA: a.NA, Note: v.Note(o.ID, ind.Key), Number: n}
				switch {
				case a.NA:
					it.Was = valueNA
				case a.Level > 0:
					it.Was = strconv.Itoa(a.Level)
				}
				for _, l := range fw.Scale {
					it.Choices = append(it.Choices, choice{Value: l.Value, Label: l.Label.In(lang), Desc: l.Description.In(lang), Checked: !a.NA && a.Level == l.Value})
				}
				p.Items = append(p.Items, it)
			}
		}
		if revealed {
			if sc := v.Board.OPDResult(o.ID).Dimensions[d.Key]; sc.OK {
				p.Score = fmt.Sprintf("%.2f", workshop.Round2(sc.Value))
				if pr, ok := fw.Predikat(sc.Value); ok {
					p.Score += " · " + pr.In(lang)
				}
			}
		}
	})
	return p, found
}

// saveReply is what the page's script reads after a tap.
type saveReply struct {
	OK       bool   `json:"ok"`
	Message  string `json:"message"`
	Answered int    `json:"answered"`
	Total    int    `json:"total"`
	Done     int    `json:"done"`
	DimTotal int    `json:"dim_total"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// save takes one save of the form: every field checked first, then each
// change through the session's one write path; the phone hears "saved"
// only once all of them are committed.
func (s *Server) save(w http.ResponseWriter, r *http.Request) {
	lang := s.lang(w, r)
	if err := r.ParseForm(); err != nil {
		s.refuse(w, r, http.StatusRequestEntityTooLarge, err)
		return
	}
	ac, err := s.opd(w, r)
	if err != nil {
		s.refuse(w, r, http.StatusUnauthorized, err)
		return
	}
	var fw *workshop.Framework
	s.cfg.Owner.Read(func(v View) { fw = v.Framework })
	dim, edits, err := ParseSave(fw, r.PostForm)
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, err)
		return
	}
	if !ac.Submitted.IsZero() {
		s.refuse(w, r, http.StatusConflict, formErr("room.err.sent"))
		return
	}
	if !s.EntryOpen(dim) {
		d, _ := fw.Dimension(dim)
		s.refuse(w, r, http.StatusForbidden, formErr("room.err.closed", d.Name.In(lang)))
		return
	}
	dev := device(r)
	for _, e := range edits {
		if e.SetAnswer {
			if err := s.cfg.Owner.SetAnswer(r.Context(), ac.OPDID, dev, e.Key, e.Answer); err != nil {
				s.refuse(w, r, http.StatusInternalServerError, err)
				return
			}
		}
		if e.SetNote {
			if err := s.cfg.Owner.SetNote(r.Context(), ac.OPDID, dev, e.Key, e.Note); err != nil {
				s.refuse(w, r, http.StatusInternalServerError, err)
				return
			}
		}
	}
	if !wantsJSON(r) {
		http.Redirect(w, r, "/form?"+url.Values{"d": {dim}, "saved": {"1"}}.Encode(), http.StatusSeeOther)
		return
	}
	rep := saveReply{OK: true, Message: assets.T(lang, "room.saved")}
	s.cfg.Owner.Read(func(v View) {
		sheet := v.Board.Sheet(ac.OPDID)
		rep.Answered, rep.Total = len(sheet), v.Framework.ItemCount()
		if d, ok := v.Framework.Dimension(dim); ok {
			rep.DimTotal = d.ItemCount()
			for _, ind := range d.Indicators() {
				if sheet[ind.Key].Answered() {
					rep.Done++
				}
			}
		}
	})
	writeJSON(w, http.StatusOK, rep)
}

// submit is "Kirim": the OPD is done and its form is closed until the
// facilitator reopens it.
func (s *Server) submit(w http.ResponseWriter, r *http.Request) {
	lang := s.lang(w, r)
	if err := r.ParseForm(); err != nil {
		s.refuse(w, r, http.StatusRequestEntityTooLarge, err)
		return
	}
	ac, err := s.opd(w, r)
	if err != nil {
		s.refuse(w, r, http.StatusUnauthorized, err)
		return
	}
	if err := s.cfg.Store.SetSubmitted(r.Context(), s.cfg.SessionID, ac.OPDID, true); err != nil {
		s.refuse(w, r, http.StatusInternalServerError, err)
		return
	}
	_ = lang
	http.Redirect(w, r, "/form?sent=1", http.StatusSeeOther)
}
