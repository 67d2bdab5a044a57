package room

import (
	"errors"
	"net"
	"net/http"
	"sort"
	"strings"
	"time"

	"golang.org/x/time/rate"

	"github.com/bimtek/bimtek/workshop"
)

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
func (s *Server) opd(w http.ResponseWriter, r *http.Request) (workshop.AccessCode, error) {
	c, err := r.Cookie(cookieCode)
	if err != nil || c.Value == "" {
		return workshop.AccessCode{}, errNoCookie
	}
	if s.blocked(r) {
		return workshop.AccessCode{}, formErr("room.err.slow_down", int(wrongEvery/time.Second))
	}
	ac, err := s.cfg.Codes.AccessCodeOPD(r.Context(), c.Value)
	if errors.Is(err, workshop.ErrNoAccessCode) {
		s.wrongCode(r)
		http.SetCookie(w, &http.Cookie{Name: cookieCode, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
		return workshop.AccessCode{}, errBadCookie
	}
	if err != nil {
		return workshop.AccessCode{}, err
	}
	s.mu.Lock()
	s.reached = true
	s.seen[ac.OPDID] = &contact{lastSeen: s.cfg.Now(), device: device(r), code: ac.Code}
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
	ac, err := s.cfg.Codes.AccessCodeOPD(r.Context(), typed)
	if errors.Is(err, workshop.ErrNoAccessCode) {
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
	s.seen[ac.OPDID] = &contact{lastSeen: s.cfg.Now(), device: device(r), code: ac.Code}
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
