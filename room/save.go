package room

import (
	"encoding/json"
	"net/http"
	"net/url"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/workshop"
)

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

// save takes one save of the form: every field checked first, then all
// its changes as one save through the session's one write path (grouped
// with the other phones' saves into one commit); the phone hears "saved"
// only once that commit is done, and nothing of a refused save is written.
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
	// One save, all or nothing; a page that changed nothing writes
	// nothing and is still answered "saved".
	if len(edits) > 0 {
		<-s.busy // the commit is waited for without a slot
		err := s.cfg.Owner.Save(r.Context(), ac.OPDID, device(r), edits)
		s.busy <- struct{}{}
		if err != nil {
			s.refuse(w, r, http.StatusInternalServerError, err)
			return
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
	if err := s.cfg.Codes.SetSubmitted(r.Context(), ac.OPDID, true); err != nil {
		s.refuse(w, r, http.StatusInternalServerError, err)
		return
	}
	_ = lang
	http.Redirect(w, r, "/form?sent=1", http.StatusSeeOther)
}
