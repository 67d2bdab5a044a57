package live

import (
	"context"
	"runtime"

	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// Group commit of the phones' saves (DESIGN 12: 80 phones saving at
// once). Each save waits in a queue; one goroutine at a time (the
// drainer) takes everything queued, writes it in one store transaction
// (one fsync however many saves) under the ordered path's mutex (wmu), puts the
// events into memory and numbers them in that one order, and only then
// answers each waiting save. Saves that arrive while a transaction is in
// flight go together into the next one. The keyboard does not queue: a
// keystroke takes the mutex as before, and a transaction in flight
// commits after the save it is writing when a keystroke waits, so the
// keystroke waits for one save and one commit at most, never for the
// rest of the group or the queue behind it. A keystroke written in the
// group's transaction is answered at the commit, before the group's
// events go into memory.

// maxGroup bounds the saves of one transaction, so a keystroke that
// arrives meanwhile waits for a bounded commit.
const maxGroup = 128

// pendingSave is one save waiting for its group's commit.
type pendingSave struct {
	save store.Save
	done chan savedResult
}

type savedResult struct {
	events []workshop.Event
	err    error
}

// SaveCells writes one save of one OPD made by src (a phone's tap, or a
// dimension page sent without JavaScript): its edits all or nothing,
// grouped with the saves that arrive meanwhile into one durable commit.
// It returns once the transaction holding the save has committed (or
// failed: then nothing of the save was written and err says why), with
// the save's events in the order of its edits; by then they are in the
// session's memory and on their way to the subscribers.
func (s *Session) SaveCells(ctx context.Context, src Source, opdID int64, edits []workshop.CellEdit) ([]workshop.Event, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(edits) == 0 {
		return nil, nil
	}
	p := &pendingSave{save: store.Save{Src: src, OPDID: opdID, Edits: edits}, done: make(chan savedResult, 1)}
	s.gmu.Lock()
	s.queue = append(s.queue, p)
	start := !s.draining
	s.draining = true
	s.gmu.Unlock()
	if start {
		go s.drain()
	}
	// The drainer always answers: waiting here is bounded by the
	// transactions ahead of this one.
	r := <-p.done
	return r.events, r.err
}

// drain commits the queue, group by group, until it is empty.
func (s *Session) drain() {
	for {
		s.gmu.Lock()
		n := min(len(s.queue), maxGroup)
		if n == 0 {
			s.draining = false
			s.gmu.Unlock()
			return
		}
		group := s.queue[:n:n]
		s.queue = s.queue[n:]
		if len(s.queue) == 0 {
			s.queue = nil
		}
		s.gmu.Unlock()
		s.commitGroup(group)
	}
}

// commitGroup writes one group in one transaction and answers each save
// of it after the commit.
func (s *Session) commitGroup(group []*pendingSave) {
	results := make([]savedResult, len(group))
	var taken *rider // the keystroke that rode the transaction
	s.lockGroup()
	s.groups.Add(1)
	if err := s.writable(); err != nil {
		for i := range results {
			results[i].err = err
		}
	} else {
		saves := make([]store.Save, len(group))
		for i, p := range group {
			saves[i] = p.save
		}
		// The phones' requests each have their own context; the group's
		// transaction belongs to none of them, so one phone hanging up
		// cannot fail the others' saves.
		// A keystroke that starts waiting meanwhile ends the transaction
		// after the save being written: it then waits for that save and
		// the commit, not for the rest of the group, which goes back to
		// the front of the queue.
		waits := s.keyWaits
		if waits == nil {
			waits = func() bool { return s.writers.Load() > 0 }
		}
		// A keystroke that arrives meanwhile rides this transaction: it
		// is written after the save being written and committed with it,
		// one fsync for both (the rest of the group waits for the next).
		s.gmu.Lock()
		s.rideOpen = true
		s.gmu.Unlock()
		res, n, _, err := s.st.WriteSavesWith(context.Background(), s.id, saves, func() (bool, *store.KeyWrite) {
			stop := waits()
			s.gmu.Lock()
			r := s.rider
			if r != nil {
				s.rider, s.rideOpen, taken = nil, false, r
				s.rides.Add(1)
			}
			s.gmu.Unlock()
			if r != nil {
				return true, &r.kw
			}
			return stop, nil
		})
		s.gmu.Lock()
		late := s.rider // arrived after the last chance: it goes on its own
		s.rider, s.rideOpen = nil, false
		s.gmu.Unlock()
		if late != nil {
			close(late.done)
		}
		if err != nil {
			err = s.failed(err)
			for i := range results {
				results[i].err = err
			}
			if taken != nil {
				taken.taken, taken.err = true, err
				close(taken.done)
			}
		} else {
			if n < len(group) {
				s.requeue(group[n:])
				group, results = group[:n], results[:n]
			}
			s.mu.Lock()
			// The keystroke that rode is answered at its commit, before
			// the group's events go into memory and out to the
			// subscribers: the facilitator's frame waits for the disk
			// and for nothing of the phones' work after it (the
			// program shows its own keystroke from its own copy). The
			// memory's lock is taken first, so a read made after the
			// keystroke returned waits until memory holds everything
			// committed, the keystroke too.
			var keyState []byte // copied now: the caller owns its slice once answered
			if taken != nil {
				if taken.kw.State != nil {
					keyState = append([]byte{}, taken.kw.State...)
				}
				taken.taken, taken.err = true, taken.kw.Err
				close(taken.done)
				runtime.Gosched() // the keystroke's goroutine goes on now
			}
			if s.beforeApply != nil {
				s.beforeApply()
			}
			for i, p := range group {
				results[i] = savedResult{events: res[i].Events, err: res[i].Err}
				if res[i].Err != nil {
					continue
				}
				for _, ev := range res[i].Events {
					s.applyEvent(p.save.Src, ev)
				}
			}
			if taken != nil && taken.kw.Err == nil {
				if keyState != nil {
					s.data.UIState = keyState
				}
				s.applyEvent(taken.kw.Src, taken.kw.Event)
			}
			s.mu.Unlock()
		}
	}
	s.wmu.Unlock()
	for i, p := range group {
		p.done <- results[i]
	}
}

// rider is a keystroke handed to the group transaction in flight.
type rider struct {
	kw    store.KeyWrite
	done  chan struct{} // closed once taken and committed, or not taken
	taken bool          // written in the group's transaction (set before done)
	err   error         // the transaction's failure, or the keystroke's refusal
}

// ride hands kw to the group transaction being written, when there is one
// that can still take it. It returns false when the keystroke is to be
// written on its own (no transaction in flight, or it ended before it took
// the keystroke), and otherwise the keystroke's committed event or why it
// failed.
func (s *Session) ride(kw store.KeyWrite) (workshop.Event, bool, error) {
	s.gmu.Lock()
	if !s.rideOpen || s.rider != nil {
		s.gmu.Unlock()
		return workshop.Event{}, false, nil
	}
	r := &rider{kw: kw, done: make(chan struct{})}
	s.rider = r
	s.gmu.Unlock()
	<-r.done
	if !r.taken {
		return workshop.Event{}, false, nil
	}
	return r.kw.Event, true, r.err
}

// requeue puts saves a transaction left out back at the front of the
// queue, in their order, before the saves that arrived meanwhile.
func (s *Session) requeue(rest []*pendingSave) {
	s.gmu.Lock()
	s.queue = append(append([]*pendingSave(nil), rest...), s.queue...)
	s.gmu.Unlock()
}

// lockWrite takes the ordered path's mutex (wmu) for a write that does not
// queue (a keystroke, the roster, an undo): the drainer lets it go first
// (lockGroup), so such a write waits for the one transaction in flight at
// most, never for the phones' queue behind it.
func (s *Session) lockWrite() {
	s.writers.Add(1)
	s.wmu.Lock()
	s.writers.Add(-1)
}

// lockGroup takes the mutex for the next group commit, but not while a
// write waits for it in lockWrite: the drainer steps back until every such
// write has had its turn.
func (s *Session) lockGroup() {
	for {
		s.wmu.Lock()
		if s.writers.Load() == 0 {
			return
		}
		s.wmu.Unlock()
		runtime.Gosched()
	}
}
