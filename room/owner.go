// Package room is room mode (DESIGN section 12): the facilitator's process
// serves a small web form on the local network, and each OPD answers its
// own self-assessment on a phone, with its own access code. Every answer
// goes through the open session's one ordered write path, the same durable
// commit and event log as a keystroke, and is acknowledged to the phone only
// after that commit.
package room

import (
	"context"
	"io"

	"github.com/bimtek/bimtek/workshop"
)

// Codes are the open session's access codes (*live.Session has them):
// room mode reads and changes them only through it, never the store.
type Codes interface {
	// AccessCodes lists the codes issued, in roster order.
	AccessCodes(ctx context.Context) ([]workshop.AccessCode, error)
	// AccessCodeOPD returns the code as typed and its OPD, or
	// workshop.ErrNoAccessCode.
	AccessCodeOPD(ctx context.Context, code string) (workshop.AccessCode, error)
	// ReissueAccessCode gives the OPD a new code drawn from random; the
	// old one stops working at once.
	ReissueAccessCode(ctx context.Context, opdID int64, random io.Reader) (string, error)
	// SetSubmitted marks the OPD's answers sent (on) or reopens them.
	SetSubmitted(ctx context.Context, opdID int64, on bool) error
}

// Owner is what the server needs of the open session: its one ordered write
// path (the answer is committed when the call returns) and a consistent read
// from any goroutine.
type Owner interface {
	// Save commits one save of an OPD's phone (device names it): its
	// edits all or nothing, committed when Save returns nil.
	Save(ctx context.Context, opdID int64, device string, edits []Edit) error
	// Read calls fn with the session as it is now; fn must not keep v.
	Read(fn func(v View))
}

// View is the open session as one read sees it.
type View struct {
	Framework *workshop.Framework
	OPDs      []workshop.OPD
	Board     *workshop.Board
	// Note returns one cell's note.
	Note func(opdID int64, indicatorKey string) string
}

// OPD returns the OPD with id from the roster.
func (v View) OPD(id int64) (workshop.OPD, bool) {
	for _, o := range v.OPDs {
		if o.ID == id {
			return o, true
		}
	}
	return workshop.OPD{}, false
}
