package room

import (
	"context"

	"github.com/bimtek/bimtek/workshop"
)

// Session is what room mode needs of an open session (*live.Session is
// one): its ordered writes with their source, and a consistent read.
type Session interface {
	SaveCells(ctx context.Context, src workshop.Source, opdID int64, edits []workshop.CellEdit) ([]workshop.Event, error)
	Read(fn func(d *workshop.Data, b *workshop.Board))
}

// LiveOwner serves the form from an open session: each phone's answer is
// a change of source "phone" (its OPD and device) through the session's
// one ordered path, committed before the call returns.
func LiveOwner(s Session) Owner { return liveOwner{s} }

type liveOwner struct{ s Session }

func phoneSource(opdID int64, device string) workshop.Source {
	return workshop.Source{Kind: workshop.SourcePhone, OPDID: opdID, Device: device}
}

// Save is one group-committed save of the session (live.Session.SaveCells):
// the phones saving at once share one durable commit, each told "saved"
// only after the commit that holds its save.
func (o liveOwner) Save(ctx context.Context, opdID int64, device string, edits []Edit) error {
	_, err := o.s.SaveCells(ctx, phoneSource(opdID, device), opdID, edits)
	return err
}

func (o liveOwner) Read(fn func(View)) {
	o.s.Read(func(d *workshop.Data, b *workshop.Board) {
		// The notes of one read, indexed on first use: a page asks for
		// the notes of a few items of one OPD.
		var notes map[int64]map[string]string
		note := func(opd int64, key string) string {
			if notes == nil {
				notes = map[int64]map[string]string{}
				for _, r := range d.Scores {
					if r.Note == "" {
						continue
					}
					if notes[r.OPDID] == nil {
						notes[r.OPDID] = map[string]string{}
					}
					notes[r.OPDID][r.IndicatorKey] = r.Note
				}
			}
			return notes[opd][key]
		}
		fn(View{Framework: d.Session.Framework, OPDs: d.OPDs, Board: b, Note: note})
	})
}
