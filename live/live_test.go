package live

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

var bg = context.Background()

// fixture is a database file with one session of the elemen framework and
// three OPDs, opened through a Session.
type fixture struct {
	path string
	st   *store.Store
	id   int64
	opds []workshop.OPD
	keys []string // the framework's first indicators
	s    *Session
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	path := filepath.Join(t.TempDir(), "live.db")
	st, err := store.Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f, err := assets.Framework("elemen")
	if err != nil {
		t.Fatal(err)
	}
	id, err := st.CreateSession(bg, workshop.NewSession{City: "Kota Uji", Stage: 1, Date: "2026-03-02", Framework: f,
		OPDs: []workshop.OPDInput{{Code: "BAPPEDA", Name: "Bappeda"}, {Code: "DISKOMINFO", Name: "Diskominfo"}, {Code: "DINKES", Name: "Dinas Kesehatan"}}})
	if err != nil {
		t.Fatal(err)
	}
	fx := &fixture{path: path, st: st, id: id}
	for _, d := range f.Dimensions {
		fx.keys = append(fx.keys, d.Indicators()[0].Key)
	}
	fx.s = fx.open(t, Options{})
	fx.s.Read(func(d *workshop.Data, _ *workshop.Board) { fx.opds = slices.Clone(d.OPDs) })
	return fx
}

func (fx *fixture) open(t *testing.T, opt Options) *Session {
	t.Helper()
	s, err := Open(bg, fx.st, fx.id, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// reopened is the session as a fresh process reads the file.
func (fx *fixture) reopened(t *testing.T) *workshop.Data {
	t.Helper()
	st, err := store.Open(bg, fx.path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	d, err := st.Load(bg, fx.id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// cells is a session's cells as "OPD:indicator=level[note]", sorted.
func cells(d *workshop.Data) []string {
	var out []string
	for _, r := range d.Scores {
		v := fmt.Sprint(r.Answer.Level)
		if r.Answer.NA {
			v = "NA"
		}
		if r.Note != "" {
			v += "[" + r.Note + "]"
		}
		out = append(out, fmt.Sprintf("%d:%s=%s", r.OPDID, r.IndicatorKey, v))
	}
	slices.Sort(out)
	return out
}

// memoryCells is what the Session holds, checked against its own board.
func memoryCells(t *testing.T, s *Session) []string {
	t.Helper()
	var out []string
	s.Read(func(d *workshop.Data, b *workshop.Board) {
		out = cells(d)
		for _, r := range d.Scores {
			if got := b.Answer(r.OPDID, r.IndicatorKey); got != r.Answer {
				t.Errorf("board %d:%s = %+v, data %+v", r.OPDID, r.IndicatorKey, got, r.Answer)
			}
		}
	})
	return out
}

func next(t *testing.T, ch <-chan Change) Change {
	t.Helper()
	c, ok := <-ch
	if !ok {
		t.Fatal("the subscription closed")
	}
	return c
}

// Every write reaches every subscriber in commit order with its source and
// the cell as it is now; memory and the reopened file agree.
func TestChangesReachSubscribersInOrder(t *testing.T) {
	fx := newFixture(t)
	s := fx.s
	ch1, stop1 := s.Subscribe()
	defer stop1()
	ch2, stop2 := s.Subscribe()
	defer stop2()
	a, b := fx.opds[0].ID, fx.opds[1].ID
	phone := Source{Kind: KindPhone, OPDID: b, Device: "HP Rina"}

	if _, err := s.SetAnswer(bg, Keyboard, a, fx.keys[0], workshop.Answer{Level: 3}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetAnswer(bg, phone, b, fx.keys[0], workshop.Answer{Level: 4}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetNote(bg, phone, b, fx.keys[0], "dari HP"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetAnswerAndState(bg, Keyboard, a, fx.keys[1], workshop.Answer{NA: true}, []byte(`{"row":1}`)); err != nil {
		t.Fatal(err)
	}
	// The same answer again changes nothing and is not told.
	if ev, err := s.SetAnswer(bg, phone, b, fx.keys[0], workshop.Answer{Level: 4}); err != nil || ev.ID != 0 {
		t.Fatalf("repeat = %+v, %v", ev, err)
	}
	if err := s.SetTarget(bg, "governance", 4); err != nil {
		t.Fatal(err)
	}
	want := []Change{
		{Seq: 1, Kind: AnswerChanged, Source: Keyboard, OPDID: a, IndicatorKey: fx.keys[0], Answer: workshop.Answer{Level: 3}},
		{Seq: 2, Kind: AnswerChanged, Source: phone, OPDID: b, IndicatorKey: fx.keys[0], Answer: workshop.Answer{Level: 4}},
		{Seq: 3, Kind: NoteChanged, Source: phone, OPDID: b, IndicatorKey: fx.keys[0], Answer: workshop.Answer{Level: 4}, Note: "dari HP"},
		{Seq: 4, Kind: AnswerChanged, Source: Keyboard, OPDID: a, IndicatorKey: fx.keys[1], Answer: workshop.Answer{NA: true}},
		{Seq: 5, Kind: TargetsChanged, Source: Keyboard},
	}
	for _, ch := range []<-chan Change{ch1, ch2} {
		for _, w := range want {
			if got := next(t, ch); got != w {
				t.Fatalf("change = %+v\nwant     %+v", got, w)
			}
		}
	}
	d := fx.reopened(t)
	if got, disk := memoryCells(t, s), cells(d); !slices.Equal(got, disk) {
		t.Fatalf("memory %q, file %q", got, disk)
	}
	var target float64
	s.Read(func(_ *workshop.Data, b *workshop.Board) { target = b.Target("governance") })
	if target != 4 || d.Targets["governance"] != 4 || string(d.UIState) != `{"row":1}` {
		t.Fatalf("target %v on the board, %v in the file; state %q", target, d.Targets["governance"], d.UIState)
	}
	evs, err := fx.st.Events(bg, fx.id)
	if err != nil {
		t.Fatal(err)
	}
	var srcs []Source
	for _, e := range evs {
		srcs = append(srcs, e.Source)
	}
	if !slices.Equal(srcs, []Source{Keyboard, phone, phone, Keyboard}) {
		t.Fatalf("logged sources %+v", srcs)
	}
}

// A write the store refuses changes nothing in memory and tells nobody.
func TestRefusedWritesChangeNothing(t *testing.T) {
	fx := newFixture(t)
	s := fx.s
	ch, stop := s.Subscribe()
	defer stop()
	a := fx.opds[0].ID
	other, err := fx.st.CreateSession(bg, workshop.NewSession{City: "Kota Lain", Stage: 2, Date: "2026-03-03", Framework: s.Snapshot().Session.Framework,
		OPDs: []workshop.OPDInput{{Code: "X", Name: "X"}}})
	if err != nil {
		t.Fatal(err)
	}
	od, err := fx.st.Load(bg, other)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		do   func() error
		want error
	}{
		{"a level off the scale", func() error {
			_, err := s.SetAnswer(bg, Keyboard, a, fx.keys[0], workshop.Answer{Level: 9})
			return err
		}, workshop.ErrOutOfScale},
		{"an OPD of another session", func() error {
			_, err := s.SetAnswer(bg, Keyboard, od.OPDs[0].ID, fx.keys[0], workshop.Answer{Level: 2})
			return err
		}, workshop.ErrNoOPD},
		{"an indicator the framework lacks", func() error {
			_, err := s.SetNote(bg, Keyboard, a, "no.such.indicator", "x")
			return err
		}, workshop.ErrNoIndicator},
		{"a phone without its OPD", func() error {
			_, err := s.SetAnswer(bg, Source{Kind: KindPhone}, a, fx.keys[0], workshop.Answer{Level: 2})
			return err
		}, workshop.ErrInvalid},
		{"a target off the scale", func() error { return s.SetTarget(bg, "governance", 7) }, workshop.ErrOutOfScale},
		{"a repeated OPD code", func() error {
			_, err := s.AddOPD(bg, workshop.OPDInput{Code: "bappeda", Name: "again"})
			return err
		}, workshop.ErrDuplicateCode},
	}
	for _, c := range cases {
		if err := c.do(); !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
		}
	}
	if got := memoryCells(t, s); len(got) != 0 {
		t.Fatalf("memory after refusals: %q", got)
	}
	// The next change told is number 1: nothing refused was numbered.
	if _, err := s.SetAnswer(bg, Keyboard, a, fx.keys[0], workshop.Answer{Level: 1}); err != nil {
		t.Fatal(err)
	}
	if c := next(t, ch); c.Seq != 1 || c.Kind != AnswerChanged {
		t.Fatalf("first change told = %+v", c)
	}
}

// Undo and redo are session-wide (a phone's change is undone from the
// keyboard), come from the log, and carry on in a session reopened from
// the file; a new change after an undo leaves nothing to redo.
func TestUndoRedoFromTheLogAcrossReopen(t *testing.T) {
	fx := newFixture(t)
	s := fx.s
	a, b := fx.opds[0].ID, fx.opds[1].ID
	phone := Source{Kind: KindPhone, OPDID: b}
	if _, err := s.SetAnswer(bg, Keyboard, a, fx.keys[0], workshop.Answer{Level: 2}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetAnswer(bg, phone, b, fx.keys[0], workshop.Answer{Level: 5}); err != nil {
		t.Fatal(err)
	}
	ev, ok, err := s.Undo(bg)
	if err != nil || !ok || ev.OPDID != b || ev.New != (workshop.Answer{}) {
		t.Fatalf("undo = %+v, %v, %v; want the phone's answer reverted", ev, ok, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetAnswer(bg, Keyboard, a, fx.keys[0], workshop.Answer{Level: 3}); !errors.Is(err, ErrClosed) {
		t.Fatalf("write after Close: %v", err)
	}

	s2 := fx.open(t, Options{})
	ch, stop := s2.Subscribe()
	defer stop()
	ev, ok, err = s2.Redo(bg)
	if err != nil || !ok || !ev.Redo || ev.OPDID != b || ev.New != (workshop.Answer{Level: 5}) {
		t.Fatalf("redo after reopen = %+v, %v, %v", ev, ok, err)
	}
	if c := next(t, ch); c.Kind != AnswerChanged || c.OPDID != b || c.Answer != (workshop.Answer{Level: 5}) {
		t.Fatalf("redo told as %+v", c)
	}
	want := []string{fmt.Sprintf("%d:%s=2", a, fx.keys[0]), fmt.Sprintf("%d:%s=5", b, fx.keys[0])}
	if got := memoryCells(t, s2); !slices.Equal(got, want) {
		t.Fatalf("memory after redo %q, want %q", got, want)
	}
	if _, _, err := s2.Redo(bg); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s2.Redo(bg); ok {
		t.Fatal("a second redo found something to redo")
	}
	if _, _, err := s2.Undo(bg); err != nil {
		t.Fatal(err)
	}
	if _, err := s2.SetAnswer(bg, Keyboard, a, fx.keys[1], workshop.Answer{Level: 1}); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s2.Redo(bg); ok || err != nil {
		t.Fatalf("redo after a new change: %v, %v; want nothing to redo", ok, err)
	}
	if got, disk := memoryCells(t, s2), cells(fx.reopened(t)); !slices.Equal(got, disk) {
		t.Fatalf("memory %q, file %q", got, disk)
	}
}

// Roster, priorities and imports go the same path: memory equals the file
// after each, and each is told.
func TestRosterPrioritiesAndImport(t *testing.T) {
	fx := newFixture(t)
	s := fx.s
	ch, stop := s.Subscribe()
	defer stop()
	a, c := fx.opds[0].ID, fx.opds[2].ID
	if _, err := s.SetAnswer(bg, Keyboard, c, fx.keys[0], workshop.Answer{Level: 4}); err != nil {
		t.Fatal(err)
	}
	o, err := s.AddOPD(bg, workshop.OPDInput{Code: "DISDIK", Name: "Dinas Pendidikan"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveOPD(bg, c); err != nil {
		t.Fatal(err)
	}
	o.Present = false
	if err := s.UpdateOPD(bg, o); err != nil {
		t.Fatal(err)
	}
	f := s.Snapshot().Session.Framework
	e1, e2 := f.Dimensions[0].Elements[0].Key, f.Dimensions[1].Elements[0].Key
	for _, p := range []struct {
		key string
		on  bool
	}{{e1, true}, {e2, true}, {e1, false}} {
		if err := s.SetPriority(bg, p.key, p.on); err != nil {
			t.Fatal(err)
		}
	}
	n, err := s.ImportScores(bg, workshop.Import, []workshop.ScoreRow{
		{OPDID: a, IndicatorKey: fx.keys[0], Answer: workshop.Answer{Level: 2}, Note: "dari Excel"},
		{OPDID: o.ID, IndicatorKey: fx.keys[1], Answer: workshop.Answer{Level: 3}},
	})
	if err != nil || n != 2 {
		t.Fatalf("import = %d, %v", n, err)
	}
	var kinds []ChangeKind
	for range 8 {
		kinds = append(kinds, next(t, ch).Kind)
	}
	wantKinds := []ChangeKind{AnswerChanged, RosterChanged, RosterChanged, RosterChanged, PrioritiesChanged, PrioritiesChanged, PrioritiesChanged, Reloaded}
	if !slices.Equal(kinds, wantKinds) {
		t.Fatalf("told %v, want %v", kinds, wantKinds)
	}
	disk := fx.reopened(t)
	mem := s.Snapshot()
	if got, want := cells(mem), cells(disk); !slices.Equal(got, want) {
		t.Fatalf("memory %q, file %q", got, want)
	}
	if !slices.Equal(mem.OPDs, disk.OPDs) || !slices.Equal(mem.Priorities, disk.Priorities) || !slices.Equal(disk.Priorities, []string{e2}) {
		t.Fatalf("memory roster %v priorities %v; file %v %v", mem.OPDs, mem.Priorities, disk.OPDs, disk.Priorities)
	}
	var present int
	s.Read(func(_ *workshop.Data, b *workshop.Board) { present = len(b.Present()) })
	if present != 2 {
		t.Fatalf("%d present on the board, want 2 (BAPPEDA, DISKOMINFO)", present)
	}
}

// A subscriber that never reads does not hold up a writer; once it has
// fallen behind it gets one Reloaded for everything it missed, after the
// changes it had room for.
func TestSlowSubscriberGetsReloaded(t *testing.T) {
	old := queueMax
	queueMax = 4
	defer func() { queueMax = old }()
	fx := newFixture(t)
	s := fx.s
	ch, stop := s.Subscribe()
	defer stop()
	writes := outCap + queueMax + 20
	levels := []int{1, 2, 3, 4, 5}
	for i := range writes {
		if _, err := s.SetAnswer(bg, Keyboard, fx.opds[0].ID, fx.keys[0], workshop.Answer{Level: levels[i%len(levels)]}); err != nil {
			t.Fatal(err)
		}
	}
	// The pump may deliver a Reloaded early (while the writer still goes
	// on) and then the changes after it; what must hold is the order, at
	// least one Reloaded (more was written than the channel and the queue
	// hold), and that the newest change is the last thing delivered.
	prev, reloaded := uint64(0), false
	for prev != uint64(writes) {
		c := next(t, ch)
		if c.Seq <= prev {
			t.Fatalf("change %d after %d: out of order", c.Seq, prev)
		}
		prev = c.Seq
		reloaded = reloaded || c.Kind == Reloaded
	}
	if !reloaded {
		t.Fatalf("%d writes to a subscriber that read none, and no Reloaded", writes)
	}
}

// The projector's read-only Session refuses every write, and Refresh
// follows what the facilitator's Session wrote.
func TestReadOnlyFollows(t *testing.T) {
	fx := newFixture(t)
	ro, err := store.OpenReadOnly(bg, fx.path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	p, err := Open(bg, ro, fx.id, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	ch, stop := p.Subscribe()
	defer stop()
	if _, err := p.SetAnswer(bg, Keyboard, fx.opds[0].ID, fx.keys[0], workshop.Answer{Level: 2}); !errors.Is(err, workshop.ErrProjector) {
		t.Fatalf("read-only write: %v", err)
	}
	if changed, err := p.Refresh(bg); changed || err != nil {
		t.Fatalf("refresh with nothing new = %v, %v", changed, err)
	}
	if _, err := fx.s.SetAnswer(bg, Keyboard, fx.opds[0].ID, fx.keys[0], workshop.Answer{Level: 5}); err != nil {
		t.Fatal(err)
	}
	if changed, err := p.Refresh(bg); !changed || err != nil {
		t.Fatalf("refresh after a write = %v, %v", changed, err)
	}
	if c := next(t, ch); c.Kind != Reloaded {
		t.Fatalf("told %+v, want Reloaded", c)
	}
	if a, _ := p.Cell(fx.opds[0].ID, fx.keys[0]); a.Level != 5 {
		t.Fatalf("projector sees %+v", a)
	}
}

// Phones write from many goroutines while another reads: every write is
// committed once, memory equals the file, and Seq has no gap. Run with
// -race.
func TestConcurrentPhonesAndReader(t *testing.T) {
	fx := newFixture(t)
	s := fx.s
	ch, stop := s.Subscribe()
	const perPhone = 12
	var wg sync.WaitGroup
	for i, o := range fx.opds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			src := Source{Kind: KindPhone, OPDID: o.ID, Device: fmt.Sprint("hp", i)}
			for j := range perPhone {
				key := fx.keys[j%len(fx.keys)]
				if _, err := s.SetAnswer(bg, src, o.ID, key, workshop.Answer{Level: 1 + j%5}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 50 {
			s.Read(func(d *workshop.Data, b *workshop.Board) { _ = b.City(); _ = len(d.Scores) })
		}
	}()
	wg.Wait()
	<-done
	if got, disk := memoryCells(t, s), cells(fx.reopened(t)); !slices.Equal(got, disk) {
		t.Fatalf("memory %q\nfile   %q", got, disk)
	}
	evs, err := fx.st.Events(bg, fx.id)
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(evs) {
		if c := next(t, ch); c.Seq != uint64(n+1) || c.Source.Kind != KindPhone {
			t.Fatalf("change %d told as %+v", n+1, c)
		}
	}
	stop()
	if c, ok := <-ch; ok {
		t.Fatalf("a change more than the log holds: %+v", c)
	}
}
