package live

import (
	"errors"
	"sync"

	"github.com/bimtek/bimtek/workshop"
)

// queueMax is how far a subscriber may fall behind before its missed
// changes are replaced by one Reloaded (a variable so a test can reach it
// with few writes); outCap is its channel's buffer.
var queueMax = 1024

const outCap = 64

// subscriber is one Subscribe: writers append to queue under mu and wake
// the pump, which alone sends on out, so a writer never waits for a
// reader however slow it is.
type subscriber struct {
	out  chan Change
	wake chan struct{} // buffered 1: "the queue has something"
	done chan struct{} // closed by stop
	once sync.Once

	mu     sync.Mutex
	queue  []Change
	behind bool   // the queue overflowed: deliver one Reloaded instead
	last   uint64 // Seq of the newest change while behind
}

func newSubscriber() *subscriber {
	sub := &subscriber{out: make(chan Change, outCap), wake: make(chan struct{}, 1), done: make(chan struct{})}
	go sub.pump()
	return sub
}

// push queues c; it never blocks.
func (sub *subscriber) push(c Change) {
	sub.mu.Lock()
	switch {
	case sub.behind:
		sub.last = c.Seq
	case len(sub.queue) >= queueMax:
		sub.queue, sub.behind, sub.last = nil, true, c.Seq
	default:
		sub.queue = append(sub.queue, c)
	}
	sub.mu.Unlock()
	select {
	case sub.wake <- struct{}{}:
	default:
	}
}

// pump delivers the queue in order until stop; it closes out at the end.
func (sub *subscriber) pump() {
	defer close(sub.out)
	for {
		select {
		case <-sub.done:
			return
		case <-sub.wake:
		}
		for {
			sub.mu.Lock()
			q, behind, last := sub.queue, sub.behind, sub.last
			sub.queue, sub.behind = nil, false
			sub.mu.Unlock()
			if behind {
				q = []Change{{Seq: last, Kind: Reloaded}}
			}
			if len(q) == 0 {
				break
			}
			for _, c := range q {
				select {
				case sub.out <- c:
				case <-sub.done:
					return
				}
			}
		}
	}
}

// stop ends the subscription; out is closed once the pump has stopped.
func (sub *subscriber) stop() { sub.once.Do(func() { close(sub.done) }) }

// lockLost reports whether a write failed because this process no longer
// holds the session: another process took it over (the store confirms the
// lease in every write's transaction), or holds it now.
func lockLost(err error) bool {
	var le *workshop.LockedError
	return errors.Is(err, workshop.ErrLockLost) || errors.As(err, &le)
}
