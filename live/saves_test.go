package live

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// phoneSave is one phone's save of one cell: a level, and a note on every
// other one.
type phoneSave struct {
	opd   int64
	key   string
	level int
	note  string
}

func (p phoneSave) edits() []workshop.CellEdit {
	e := workshop.CellEdit{Key: p.key, SetAnswer: true, Answer: workshop.Answer{Level: p.level}}
	if p.note != "" {
		e.SetNote, e.Note = true, p.note
	}
	return []workshop.CellEdit{e}
}

func (p phoneSave) src() Source {
	return Source{Kind: KindPhone, OPDID: p.opd, Device: "10.0.0.7 Android Chrome"}
}

// allSaves is one save per cell of the fixture: 3 OPDs x 18 indicators.
func allSaves(fx *fixture) []phoneSave {
	var out []phoneSave
	var keys []string
	fx.s.Read(func(d *workshop.Data, _ *workshop.Board) {
		for _, dim := range d.Session.Framework.Dimensions {
			for _, ind := range dim.Indicators() {
				keys = append(keys, ind.Key)
			}
		}
	})
	for i, o := range fx.opds {
		for j, k := range keys {
			p := phoneSave{opd: o.ID, key: k, level: (i+j)%5 + 1}
			if j%2 == 0 {
				p.note = fmt.Sprintf("catatan %d/%d", i, j)
			}
			out = append(out, p)
		}
	}
	return out
}

// queued waits until n saves wait in the queue.
func queued(s *Session, n int) {
	for {
		s.gmu.Lock()
		got := len(s.queue)
		s.gmu.Unlock()
		if got >= n {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// Saves that arrive while a commit is in flight go together into the next
// single transaction: 54 phones save while a drainer is busy, then all 54
// are one group commit. Each is answered only once its transaction has
// committed (a fresh open of the file already has it when SaveCells
// returns), the subscribers get the changes in the order of the score
// log, memory agrees with the file, and a reopened file has every answer
// and note with its phone as the source.
func TestGroupCommitConcurrentSavesLandInOrder(t *testing.T) {
	fx := newFixture(t)
	s := fx.s
	ch, stop := s.Subscribe()
	defer stop()
	other, err := store.Open(bg, fx.path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	saves := allSaves(fx)
	before, err := fx.st.Events(bg, fx.id)
	if err != nil {
		t.Fatal(err)
	}

	// A drainer is busy: every save queues behind it.
	s.gmu.Lock()
	s.draining = true
	s.gmu.Unlock()
	errs := make([]error, len(saves))
	var wg sync.WaitGroup
	for i, p := range saves {
		wg.Add(1)
		go func() {
			defer wg.Done()
			evs, err := s.SaveCells(bg, p.src(), p.opd, p.edits())
			if err == nil && (len(evs) != 1+btoi(p.note != "") || evs[0].ID == 0) {
				err = fmt.Errorf("events %+v", evs)
			}
			if err == nil {
				// Acknowledged: a fresh reader of the file has it.
				d, lerr := other.Load(bg, fx.id)
				if lerr != nil {
					err = lerr
				} else if a := d.Sheets()[p.opd][p.key]; a.Level != p.level {
					err = fmt.Errorf("acknowledged but the file has %+v", a)
				}
			}
			errs[i] = err
		}()
	}
	queued(s, len(saves))
	groupsBefore := s.groups.Load()
	s.drain()
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("save %d %+v: %v", i, saves[i], err)
		}
	}
	if g := s.groups.Load() - groupsBefore; g != 1 {
		t.Errorf("%d saves queued together took %d transactions, want 1", len(saves), g)
	}

	evs, err := fx.st.Events(bg, fx.id)
	if err != nil {
		t.Fatal(err)
	}
	evs = evs[len(before):]
	// One event per answer and one per note.
	wantEvents := 0
	for _, p := range saves {
		wantEvents += 1 + btoi(p.note != "")
	}
	if len(evs) != wantEvents {
		t.Fatalf("%d events logged, want %d", len(evs), wantEvents)
	}
	var logOrder, told []string
	for _, ev := range evs {
		if ev.Source.Kind != KindPhone || ev.Source.OPDID != ev.OPDID {
			t.Errorf("event %d source %+v", ev.ID, ev.Source)
		}
		logOrder = append(logOrder, fmt.Sprintf("%d/%s/%d/%q", ev.OPDID, ev.IndicatorKey, ev.New.Level, ev.NewNote))
	}
	var lastSeq uint64
	for range evs {
		c := next(t, ch)
		if c.Seq <= lastSeq {
			t.Fatalf("change %d after %d", c.Seq, lastSeq)
		}
		lastSeq = c.Seq
		told = append(told, fmt.Sprintf("%d/%s/%d/%q", c.OPDID, c.IndicatorKey, c.Answer.Level, c.Note))
	}
	if !slices.Equal(told, logOrder) {
		t.Fatalf("subscribers were told\n%v\nthe log holds\n%v", told, logOrder)
	}
	mem := memoryCells(t, s)
	if got := cells(fx.reopened(t)); !slices.Equal(got, mem) {
		t.Fatalf("reopened %v\nmemory %v", got, mem)
	}
	var want []string
	for _, p := range saves {
		v := fmt.Sprint(p.level)
		if p.note != "" {
			v += "[" + p.note + "]"
		}
		want = append(want, fmt.Sprintf("%d:%s=%s", p.opd, p.key, v))
	}
	slices.Sort(want)
	if !slices.Equal(mem, want) {
		t.Fatalf("cells %v\nwant %v", mem, want)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Phones saving at once with nothing held: every save is acknowledged
// and in the reopened file, in at most as many transactions as saves
// (fewer is likely but not certain: the machine may be fast).
func TestGroupCommitFreeRunning(t *testing.T) {
	fx := newFixture(t)
	s := fx.s
	saves := allSaves(fx)
	g0 := s.groups.Load()
	var wg sync.WaitGroup
	errs := make([]error, len(saves))
	start := make(chan struct{})
	for i, p := range saves {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, errs[i] = s.SaveCells(bg, p.src(), p.opd, p.edits())
		}()
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("save %d: %v", i, err)
		}
	}
	if g := s.groups.Load() - g0; g < 1 || g > int64(len(saves)) {
		t.Errorf("%d transactions for %d saves", g, len(saves))
	}
	d := fx.reopened(t)
	sheets := d.Sheets()
	for _, p := range saves {
		if sheets[p.opd][p.key].Level != p.level {
			t.Errorf("%d:%s = %+v after reopening, want %d", p.opd, p.key, sheets[p.opd][p.key], p.level)
		}
	}
	t.Logf("%d saves in %d transactions", len(saves), s.groups.Load()-g0)
}

// A group whose transaction fails (the session was taken over by another
// process) fails every save in it with the same sentence: none is
// acknowledged, none is in the file or in memory, no subscriber is told
// of any (only LockLost), and later saves are refused the same way.
func TestGroupCommitFailedGroupAcknowledgesNone(t *testing.T) {
	fx := newFixture(t)
	s := fx.s
	ch, stop := s.Subscribe()
	defer stop()
	takeOverElsewhere(t, fx.path, fx.id)
	d0 := fx.reopened(t)
	mem0 := memoryCells(t, s)
	saves := allSaves(fx)[:10]
	s.gmu.Lock()
	s.draining = true
	s.gmu.Unlock()
	errs := make([]error, len(saves))
	var wg sync.WaitGroup
	for i, p := range saves {
		wg.Add(1)
		go func() {
			defer wg.Done()
			evs, err := s.SaveCells(bg, p.src(), p.opd, p.edits())
			if err == nil {
				err = fmt.Errorf("acknowledged with %+v", evs)
			}
			errs[i] = err
		}()
	}
	queued(s, len(saves))
	g0 := s.groups.Load()
	s.drain()
	wg.Wait()
	if g := s.groups.Load() - g0; g != 1 {
		t.Fatalf("%d transactions, want the one that failed", g)
	}
	for i, err := range errs {
		if !errors.Is(err, workshop.ErrLockLost) {
			t.Errorf("save %d: %v, want ErrLockLost", i, err)
		}
		if err.Error() != errs[0].Error() {
			t.Errorf("save %d said %q, save 0 %q", i, err, errs[0])
		}
	}
	if got := cells(fx.reopened(t)); !slices.Equal(got, cells(d0)) {
		t.Fatalf("the file changed: %v, was %v", got, cells(d0))
	}
	if got := memoryCells(t, s); !slices.Equal(got, mem0) {
		t.Fatalf("memory changed: %v, was %v", got, mem0)
	}
	if c := next(t, ch); c.Kind != LockLost {
		t.Fatalf("told %+v, want LockLost", c)
	}
	p := saves[0]
	if _, err := s.SaveCells(bg, p.src(), p.opd, p.edits()); !errors.Is(err, workshop.ErrLockLost) {
		t.Fatalf("a later save: %v", err)
	}
	select {
	case c := <-ch:
		t.Fatalf("a refused save was told: %+v", c)
	default:
	}
}

// A keystroke never waits behind the phones' queue: while a transaction
// is in flight (here the ordered path is held) with more saves queued
// behind it, a keystroke that arrives is committed before every save that
// had not started yet, the one in flight's group included.
func TestKeystrokeGoesBeforeQueuedSaves(t *testing.T) {
	fx := newFixture(t)
	s := fx.s
	saves := allSaves(fx)[:6]
	s.wmu.Lock() // the transaction in flight
	var wg sync.WaitGroup
	saveIDs := make([]int64, len(saves))
	errs := make([]error, len(saves))
	for i, p := range saves {
		wg.Add(1)
		go func() {
			defer wg.Done()
			evs, err := s.SaveCells(bg, p.src(), p.opd, p.edits())
			errs[i] = err
			if err == nil {
				saveIDs[i] = evs[0].ID
			}
		}()
		if i == 0 {
			// The drainer took the first save and waits for the path.
			for s.groups.Load() == 0 && !drainerWaiting(s) {
				time.Sleep(time.Millisecond)
			}
		}
	}
	queued(s, len(saves)-1)
	var keyEv workshop.Event
	var keyErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		keyEv, keyErr = s.SetAnswer(bg, Keyboard, fx.opds[2].ID, fx.keys[5], workshop.Answer{Level: 4})
	}()
	for s.writers.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	s.wmu.Unlock()
	wg.Wait()
	if keyErr != nil {
		t.Fatal(keyErr)
	}
	for i, err := range errs {
		if err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
		if saveIDs[i] < keyEv.ID {
			t.Errorf("save %d committed as event %d before the keystroke's %d", i, saveIDs[i], keyEv.ID)
		}
	}
}

// riderWaiting reports whether a keystroke waits to ride the group
// transaction in flight.
func riderWaiting(s *Session) bool {
	s.gmu.Lock()
	defer s.gmu.Unlock()
	return s.rider != nil
}

// ridingKeystroke is a keystroke started by rideKeystroke: done is closed
// once SetAnswer has returned ev and err.
type ridingKeystroke struct {
	done chan struct{}
	ev   workshop.Event
	err  error
}

// rideKeystroke starts a keystroke (level of opd's key) and returns once
// it waits to ride the group transaction in flight.
func rideKeystroke(s *Session, opd int64, key string, level int) *ridingKeystroke {
	k := &ridingKeystroke{done: make(chan struct{})}
	go func() {
		defer close(k.done)
		k.ev, k.err = s.SetAnswer(bg, Keyboard, opd, key, workshop.Answer{Level: level})
	}()
	for !riderWaiting(s) {
		time.Sleep(time.Millisecond)
	}
	return k
}

// drainerWaiting reports whether a drainer has taken its group out of the
// queue (it then waits for the ordered path).
func drainerWaiting(s *Session) bool {
	s.gmu.Lock()
	defer s.gmu.Unlock()
	return s.draining && len(s.queue) == 0
}

// TestKeystrokeWaitsForOneSaveNotTheGroup: a keystroke that arrives while
// a group of saves is being written waits only for the save being written:
// it is written after that save in the same transaction, which then
// commits (one fsync for both), and the rest of the group follows in a
// later transaction, in its order. Six phones save while the path is
// busy: the first is a group alone, the other five the next group; the
// keystroke arrives after that group's first save.
func TestKeystrokeWaitsForOneSaveNotTheGroup(t *testing.T) {
	fx := newFixture(t)
	s := fx.s
	saves := allSaves(fx)[:6]
	var key *ridingKeystroke
	asked := 0
	s.keyWaits = func() bool {
		asked++
		// Asked once at the end of the group of one (a keystroke could
		// ride it too), then before the second save of the group of five.
		if asked == 2 {
			key = rideKeystroke(s, fx.opds[2].ID, fx.keys[5], 4)
		}
		return s.writers.Load() > 0
	}
	s.wmu.Lock() // a transaction in flight
	var wg sync.WaitGroup
	ids := make([]int64, len(saves))
	errs := make([]error, len(saves))
	for i, p := range saves {
		wg.Add(1)
		go func() {
			defer wg.Done()
			evs, err := s.SaveCells(bg, p.src(), p.opd, p.edits())
			errs[i] = err
			if err == nil {
				ids[i] = evs[0].ID
			}
		}()
		if i == 0 {
			for !drainerWaiting(s) {
				time.Sleep(time.Millisecond)
			}
		} else {
			queued(s, i) // in this order
		}
	}
	groupsBefore := s.groups.Load()
	s.wmu.Unlock()
	wg.Wait()
	if asked == 0 {
		t.Fatal("the group never asked whether a keystroke waits")
	}
	<-key.done
	if key.err != nil {
		t.Fatal(key.err)
	}
	keyEv := key.ev
	for i, err := range errs {
		if err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
	}
	// Saves 0 and 1 before the keystroke, 2-5 after it, each in its order.
	for i := 1; i < len(ids); i++ {
		if ids[i] <= ids[i-1] {
			t.Errorf("save %d is event %d, after save %d's %d", i, ids[i], i-1, ids[i-1])
		}
	}
	if !(ids[1] < keyEv.ID && keyEv.ID < ids[2]) {
		t.Errorf("the keystroke is event %d; saves are %v: it should come right after save 1", keyEv.ID, ids)
	}
	// three group transactions: {0}, {1} cut short with the keystroke, {2..5}
	if got := s.groups.Load() - groupsBefore; got != 3 {
		t.Errorf("%d group commits, want 3", got)
	}
	if got := s.rides.Load(); got != 1 {
		t.Errorf("%d keystrokes rode a group's transaction, want 1", got)
	}
	if a, _ := s.Cell(fx.opds[2].ID, fx.keys[5]); a.Level != 4 {
		t.Errorf("the keystroke's cell is %+v in memory, want level 4", a)
	}
	d := fx.reopened(t)
	for _, p := range saves {
		if got := d.Sheets()[p.opd][p.key]; got.Level != p.level {
			t.Errorf("OPD %d %s = %+v in the file, want level %d", p.opd, p.key, got, p.level)
		}
	}
}

// TestReadsNeverWaitForACommit: while a group of saves is being written
// (inside its transaction, before its fsync), the session's memory is not
// locked: a phone's page, the screens catching up with a batch, the error
// check, all read at once instead of waiting for the disk.
func TestReadsNeverWaitForACommit(t *testing.T) {
	fx := newFixture(t)
	s := fx.s
	saves := allSaves(fx)[:3] // a group of one, then a group of two
	inside := 0
	s.keyWaits = func() bool { // asked inside the transaction, between saves
		inside++
		if !s.mu.TryLock() {
			t.Error("the memory is locked while a transaction is in flight: a read would wait for the commit")
			return false
		}
		s.mu.Unlock()
		n := 0
		s.Read(func(d *workshop.Data, b *workshop.Board) { n = len(d.OPDs) })
		if n != len(fx.opds) {
			t.Errorf("Read inside the transaction saw %d OPDs, want %d", n, len(fx.opds))
		}
		s.Cells(func(cell func(int64, string) (workshop.Answer, string)) { _, _ = cell(fx.opds[0].ID, fx.keys[0]) })
		_ = s.Err()
		return false
	}
	s.wmu.Lock() // hold the path until the last two saves are queued together
	var wg sync.WaitGroup
	for i, p := range saves {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.SaveCells(bg, p.src(), p.opd, p.edits()); err != nil {
				t.Errorf("save %d: %v", i, err)
			}
		}()
		if i == 0 {
			for !drainerWaiting(s) {
				time.Sleep(time.Millisecond)
			}
		} else {
			queued(s, i)
		}
	}
	s.wmu.Unlock()
	wg.Wait()
	if inside == 0 {
		t.Fatal("the group never asked between its saves")
	}
}

// TestARiddenKeystrokeIsAnsweredAtItsCommit: a keystroke that rode a
// group's transaction returns once the transaction has committed, before
// the group's events go into memory and out to the subscribers (the
// facilitator's frame waits for the disk, not for the phones' work after
// it). Memory is locked from before the keystroke is answered until it
// holds every committed event, the keystroke's last, so no read made
// after the keystroke returned sees its commit missing.
func TestARiddenKeystrokeIsAnsweredAtItsCommit(t *testing.T) {
	fx := newFixture(t)
	s := fx.s
	save := allSaves(fx)[0]
	var key *ridingKeystroke
	asked := 0
	s.keyWaits = func() bool { // asked at the end of the group of one
		asked++
		if asked == 1 {
			key = rideKeystroke(s, fx.opds[2].ID, fx.keys[5], 4)
		}
		return false
	}
	applied := 0
	s.beforeApply = func() {
		applied++
		select {
		case <-key.done:
		case <-time.After(30 * time.Second):
			t.Error("the keystroke that rode was not answered before the group went into memory")
		}
		if s.mu.TryLock() {
			s.mu.Unlock()
			t.Error("memory is not locked when the keystroke is answered: a read could miss its commit")
		}
	}
	ch, stop := s.Subscribe()
	defer stop()
	evs, err := s.SaveCells(bg, save.src(), save.opd, save.edits())
	if err != nil {
		t.Fatal(err)
	}
	<-key.done
	if key.err != nil {
		t.Fatal(key.err)
	}
	keyEv := key.ev
	if applied != 1 || s.rides.Load() != 1 {
		t.Fatalf("%d groups applied, %d rides; want 1 and 1", applied, s.rides.Load())
	}
	if keyEv.ID <= evs[0].ID {
		t.Errorf("the keystroke is event %d, the save %d: it rode after the save", keyEv.ID, evs[0].ID)
	}
	if a, _ := s.Cell(fx.opds[2].ID, fx.keys[5]); a.Level != 4 {
		t.Errorf("the keystroke's cell is %+v in memory, want level 4", a)
	}
	if a, _ := s.Cell(save.opd, save.key); a.Level != save.level {
		t.Errorf("the save's cell is %+v in memory, want level %d", a, save.level)
	}
	// The subscribers hear the save, then the keystroke: the log's order.
	var want, heard []string
	for _, ev := range evs {
		want = append(want, string(save.src().Kind)+" "+ev.IndicatorKey)
	}
	want = append(want, "keyboard "+fx.keys[5])
	for len(heard) < len(want) {
		select {
		case c := <-ch:
			heard = append(heard, string(c.Source.Kind)+" "+c.IndicatorKey)
		case <-time.After(30 * time.Second):
			t.Fatalf("heard only %v", heard)
		}
	}
	if !slices.Equal(heard, want) {
		t.Errorf("subscribers heard %v, want %v", heard, want)
	}
}
