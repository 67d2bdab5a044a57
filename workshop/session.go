package workshop

import (
	"strings"
	"time"
)

// Session is one Bimtek event for one city and one tahap, with its own copy
// of the framework taken when it was created.
type Session struct {
	ID          int64
	City        string
	Stage       int    // tahap 1..4
	Date        string // YYYY-MM-DD
	Venue       string
	Facilitator string
	Framework   *Framework
	CreatedAt   time.Time
	UpdatedAt   time.Time // last activity: any write to the session
}

// SessionSummary is one line of the home screen and of `bimtek list`.
type SessionSummary struct {
	ID           int64
	City         string
	Stage        int
	Date         string
	Venue        string
	Facilitator  string
	FrameworkKey string
	OPDs         int // all OPDs of the session
	Present      int // OPDs marked present
	Completion   Completion
	LastActivity time.Time
}

// NewSession is what `bimtek new` and the home-screen form create.
type NewSession struct {
	City        string
	Stage       int
	Date        string
	Venue       string
	Facilitator string
	Framework   *Framework
	OPDs        []OPDInput // created present, in this order
}

// SessionDetails are what `bimtek edit` and the edit form correct on a
// session: everything but its framework and its OPDs.
type SessionDetails struct {
	City        string
	Stage       int
	Date        string // YYYY-MM-DD or blank
	Venue       string
	Facilitator string
}

// Details returns the correctable details of s.
func (s Session) Details() SessionDetails {
	return SessionDetails{City: s.City, Stage: s.Stage, Date: s.Date, Venue: s.Venue, Facilitator: s.Facilitator}
}

// Check checks every field with the same rules as a new session and
// returns them trimmed.
func (d SessionDetails) Check() (SessionDetails, error) {
	var err error
	if d.City, err = CheckCity(d.City); err != nil {
		return d, err
	}
	if err = CheckTahap(d.Stage); err != nil {
		return d, err
	}
	if d.Date = strings.TrimSpace(d.Date); d.Date != "" {
		if d.Date, err = CheckDate(d.Date); err != nil {
			return d, err
		}
	}
	if d.Venue, err = CheckVenue(d.Venue); err != nil {
		return d, err
	}
	if d.Facilitator, err = CheckFacilitator(d.Facilitator); err != nil {
		return d, err
	}
	return d, nil
}

// OPDInput is an OPD before it has an id.
type OPDInput struct {
	Code string
	Name string
}

// ScoreRow is the stored answer of one OPD to one indicator.
type ScoreRow struct {
	OPDID        int64
	IndicatorKey string
	Answer       Answer
	Note         string
	UpdatedAt    time.Time
}

// Event is one entry of the append-only score log: what a cell was and
// what it became. Undo appends a new event that restores Old.
type Event struct {
	ID           int64
	SessionID    int64
	OPDID        int64
	IndicatorKey string
	Old, New     Answer
	OldNote      string
	NewNote      string
	At           time.Time
	Undo         bool   // this event undid an earlier one
	Redo         bool   // this event re-applied what an undo reverted
	Source       Source // who made the change (an undo or redo: the keyboard)
}

// Data is everything a screen or an export needs of a session at once.
type Data struct {
	Session    Session
	OPDs       []OPD // roster order
	Scores     []ScoreRow
	Targets    map[string]float64 // per dimension key; defaults filled in
	Priorities []string           // element keys marked as priority, in marking order
	UIState    []byte             // opaque JSON owned by the TUI; nil when never saved
}

// Sheets groups the scores per OPD for NewBoard.
func (d *Data) Sheets() map[int64]Sheet {
	out := make(map[int64]Sheet, len(d.OPDs))
	// The rows of one OPD come together (a loaded session's are ordered
	// by OPD): each run is counted first, so that a sheet is made at its
	// size instead of growing cell by cell.
	for i := 0; i < len(d.Scores); {
		id := d.Scores[i].OPDID
		j, n := i, 0
		for ; j < len(d.Scores) && d.Scores[j].OPDID == id; j++ {
			if d.Scores[j].Answer.Answered() {
				n++
			}
		}
		s := out[id]
		if s == nil {
			s = make(Sheet, n)
			out[id] = s
		}
		for _, r := range d.Scores[i:j] {
			if r.Answer.Answered() {
				s[r.IndicatorKey] = r.Answer
			}
		}
		i = j
	}
	return out
}

// Clone is a deep copy of d: the copy and d share only the framework,
// which never changes once a session exists.
func (d *Data) Clone() *Data {
	c := *d
	c.OPDs = append([]OPD(nil), d.OPDs...)
	c.Scores = append([]ScoreRow(nil), d.Scores...)
	c.Priorities = append([]string(nil), d.Priorities...)
	if d.Targets != nil {
		c.Targets = make(map[string]float64, len(d.Targets))
		for k, v := range d.Targets {
			c.Targets[k] = v
		}
	}
	if d.UIState != nil {
		c.UIState = append([]byte{}, d.UIState...)
	}
	return &c
}

// Holder names the process that holds a session for writing.
type Holder struct {
	PID   int
	Host  string
	Since time.Time
}
