package room

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"

	"github.com/bimtek/bimtek/assets"
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
	// Codes are the session's access codes (live.Session keeps them).
	Codes Codes
	Owner Owner
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

	// busy bounds the requests being worked on at once (a slot each,
	// given back while a save waits for its commit), so the phones never
	// take every core from the facilitator's screen.
	busy chan struct{}

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
	code     string // the code the phone came with: a phone of a reissued code is not the OPD's any more
}

type addrLimiter struct {
	lim  *rate.Limiter
	used time.Time
}

// New builds the server; entry is open for every dimension.
func New(cfg Config) (*Server, error) {
	if cfg.Codes == nil || cfg.Owner == nil {
		return nil, errors.New("room server: the open session and its access codes are needed")
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
	s := &Server{cfg: cfg, pages: pages, closed: map[string]bool{}, seen: map[int64]*contact{}, limiters: map[string]*addrLimiter{},
		busy: make(chan struct{}, max(1, runtime.GOMAXPROCS(0)-1))}
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
		// The body is read before a slot is taken: a phone that sends
		// slowly holds its own request up, never the others'.
		body, err := io.ReadAll(r.Body)
		r.Body = &readBody{Reader: bytes.NewReader(body), err: err}
		select {
		case s.busy <- struct{}{}:
		case <-r.Context().Done():
			return
		}
		defer func() { <-s.busy }()
		next.ServeHTTP(w, r)
	})
}

// readBody is a request body already read: its bytes, then the error
// the read ended with (the body too large), as the handler would have
// met it reading the body itself.
type readBody struct {
	*bytes.Reader
	err error
}

func (b *readBody) Read(p []byte) (int, error) {
	n, err := b.Reader.Read(p)
	if err == io.EOF && b.err != nil {
		return n, b.err
	}
	return n, err
}

func (b *readBody) Close() error { return nil }

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
