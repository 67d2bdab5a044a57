package room

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/workshop"
)

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
	case errors.Is(err, workshop.ErrDiskFull):
		return assets.T(lang, "err.disk_full")
	case errors.Is(err, workshop.ErrOutOfScale):
		return assets.T(lang, "err.out_of_scale")
	}
	return assets.T(lang, "room.err.not_saved")
}

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

func (s *Server) formPage(lang string, r *http.Request, ac workshop.AccessCode, dimKey string) (formPage, bool) {
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
