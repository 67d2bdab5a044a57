package room

import (
	"context"
	"time"

	"github.com/bimtek/bimtek/workshop"
)

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
	return s.cfg.Codes.SetSubmitted(ctx, opdID, false)
}

// Reissue gives the OPD a new code; its old card and its phone's cookie stop
// working at once.
func (s *Server) Reissue(ctx context.Context, opdID int64) (string, error) {
	code, err := s.cfg.Codes.ReissueAccessCode(ctx, opdID, s.cfg.Random)
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
	codes, err := s.cfg.Codes.AccessCodes(ctx)
	if err != nil {
		return nil, err
	}
	byOPD := make(map[int64]workshop.AccessCode, len(codes))
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
		// A phone seen with a code reissued since (here or from the
		// roster) is not this OPD's phone any more.
		if c := s.seen[out[i].OPD.ID]; c != nil && c.code == out[i].Code {
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
