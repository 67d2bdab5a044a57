package tui

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/room"
	"github.com/bimtek/bimtek/tui/roompanel"
	"github.com/bimtek/bimtek/workshop"
)

// BenchmarkRoom80Phones is DESIGN section 10's room-mode load: the scale
// session (80 OPDs x 90 indicators) open in the whole app on its grid at
// 200x60, a room server on 127.0.0.1, and 80 phones (one per OPD, each its
// own HTTP client with its code's cookie, in a process of their own as
// phones are other devices: room_phones_test.go) that all save one answer
// at the same moment, once per iteration, each a change of its cell (the
// benchmark fails unless the log holds one phone event per acknowledged
// save). The app runs as Bubble Tea runs
// it: one loop takes every message from one unbuffered channel, the
// phones' changes (through Listen) and the facilitator's keys alike, each
// behind what was already waiting, and draws the frame after each. The
// facilitator types digits while the phones save, each as soon as the
// last is on screen. It reports the phones' save latency (request sent to
// "saved" received, after the commit), answers lost (acknowledged but not
// in the file or not on the facilitator's grid at the end, or not
// acknowledged), the key's own Update and frame under the load (key_load)
// beside the same key idle and beside its floor, BenchmarkStaticBlock's
// frame, drawn in the same loop between the keys (static_load), and the
// key as the facilitator sees it, from its arrival in the queue to its
// frame (key_queued).
func BenchmarkRoom80Phones(b *testing.B) {
	e := newGridScaleEnv(b)
	st, sid := e.st, e.id
	ctx := context.Background()
	var srv *room.Server
	start := func(l Live, addr string) (*room.Server, net.Addr, error) {
		if _, err := st.EnsureAccessCodes(ctx, l.ID(), nil); err != nil {
			return nil, nil, err
		}
		s, err := room.New(room.Config{Codes: l, Owner: room.LiveOwner(l)})
		if err != nil {
			return nil, nil, err
		}
		a, err := s.Start(addr)
		srv = s
		return s, a, err
	}
	m, err := New(withStore(st, Options{Lang: "id", Theme: "dark", Session: sid, Now: gridClock, StartRoom: start, Listen: "127.0.0.1:0"}))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { m.Close() })
	m.Update(tea.WindowSizeMsg{Width: benchW, Height: benchH})
	m.Update(roompanel.CloseMsg{})
	for m.ses().sess.State.Phase != gridPhase(m) {
		m.Update(phKey("]"))
	}
	addr := srv.Addr()
	base := "http://" + addr.String()
	codes, err := st.EnsureAccessCodes(ctx, sid, nil)
	if err != nil {
		b.Fatal(err)
	}
	// Phones answer the last dimension; the facilitator types in the
	// first, so no cell is written by both and every phone answer can be
	// checked in the file.
	fw := m.ses().sess.F()
	last := fw.Dimensions[len(fw.Dimensions)-1]
	var keys []string
	for _, ind := range last.Indicators() {
		keys = append(keys, ind.Key)
	}
	// The phones' process (room_phones_test.go), joined and ready.
	cfg := phonesConfig{Base: base, Dim: last.Key, Keys: keys}
	opdOf := make([]int64, len(codes))
	for i, c := range codes {
		cfg.Codes = append(cfg.Codes, c.Code)
		opdOf[i] = c.OPDID
		lv := make([]int, len(keys))
		for k, key := range keys {
			if a := m.ses().sess.Board.Answer(c.OPDID, key); !a.NA {
				lv[k] = a.Level
			}
		}
		cfg.Start = append(cfg.Start, lv)
	}
	evs0, err := st.Events(ctx, sid)
	if err != nil {
		b.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	proc := exec.Command(exe)
	proc.Env = append(os.Environ(), phonesEnv+"=1")
	proc.Stderr = os.Stderr
	toPhones, err := proc.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	fromPhones, err := proc.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := proc.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { toPhones.Close(); _ = proc.Wait() })
	line, _ := json.Marshal(cfg)
	if _, err := toPhones.Write(append(line, '\n')); err != nil {
		b.Fatal(err)
	}
	replies := bufio.NewScanner(fromPhones)
	replies.Buffer(make([]byte, 1<<20), 1<<20)
	if !replies.Scan() || replies.Text() != "ready" {
		b.Fatalf("the phones' process did not get ready: %q %v", replies.Text(), replies.Err())
	}

	keystroke := func(i int) time.Duration {
		t0 := time.Now()
		m.Update(benchDigits[i%len(benchDigits)])
		_ = m.View().Content
		d := time.Since(t0)
		walkBack(m)
		return d
	}
	// The floor of the keystroke's target (BenchmarkStaticBlock): the
	// app's frame as one lipgloss block of the same size, drawn in the
	// same loop as the keys, so under the same load.
	block := lipgloss.NewStyle().Foreground(lipgloss.Color("#E0E0E0")).Background(lipgloss.Color("#101418")).Width(benchW).Height(benchH)
	text := ansi.Strip(m.View().Content)
	static := func() time.Duration {
		t0 := time.Now()
		_ = block.Render(text)
		return time.Since(t0)
	}
	// Idle, in this run: the keystroke and its floor.
	var idle, idleStatic []time.Duration
	for i := range 200 {
		idle = append(idle, keystroke(i))
		idleStatic = append(idleStatic, static())
	}

	// The program's loop, as Bubble Tea runs it: one goroutine takes
	// every message from one unbuffered channel (tea.Program.Send blocks
	// until the loop takes the message), hands it to Update and draws
	// the frame. The phones' changes come through Listen, the keys from
	// the typist below, each behind what was already waiting.
	msgs := make(chan tea.Msg)
	quit := make(chan struct{})
	loopDone := make(chan struct{})
	type keyMsg struct {
		i    int
		own  *time.Duration
		done chan struct{}
	}
	type staticMsg struct {
		own  *time.Duration
		done chan struct{}
	}
	type doMsg struct {
		f    func()
		done chan struct{}
	}
	go func() {
		defer close(loopDone)
		for {
			select {
			case <-quit:
				return
			case msg := <-msgs:
				switch msg := msg.(type) {
				case keyMsg:
					*msg.own = keystroke(msg.i)
					close(msg.done)
				case staticMsg:
					*msg.own = static()
					close(msg.done)
				case doMsg:
					msg.f()
					close(msg.done)
				default:
					m.Update(msg)
					_ = m.View().Content // Bubble Tea draws after every message
				}
			}
		}
	}()
	send := func(msg tea.Msg) {
		select {
		case msgs <- msg:
		case <-quit:
		}
	}
	m.Listen(send)
	inLoop := func(f func()) {
		done := make(chan struct{})
		send(doMsg{f, done})
		<-done
	}

	type cell struct {
		opd int64
		key string
	}
	want := map[cell]int{}
	var saves, busyKeys, queuedKeys, busyStatic []time.Duration
	failed := 0
	b.ResetTimer()
	for it := 0; b.Loop(); it++ {
		done := make(chan phonesRound, 1)
		if _, err := fmt.Fprintf(toPhones, "go %d\n", it); err != nil {
			b.Fatal(err)
		}
		go func() {
			var r phonesRound
			if replies.Scan() {
				_ = json.Unmarshal(replies.Bytes(), &r)
			}
			done <- r
		}()
		// The facilitator keeps typing while the phones save, each key
		// as soon as the last one is on screen: queuedKeys is from the
		// key's arrival in the program's queue (behind the phones'
		// changes already waiting there) to its frame, busyKeys the
		// key's own Update and frame, busyStatic the floor between keys.
		var round phonesRound
		for k := 0; ; k++ {
			select {
			case round = <-done:
			default:
				var own, floor time.Duration
				t0 := time.Now()
				kd := make(chan struct{})
				send(keyMsg{it*1000 + k, &own, kd})
				<-kd
				queuedKeys = append(queuedKeys, time.Since(t0))
				busyKeys = append(busyKeys, own)
				sd := make(chan struct{})
				send(staticMsg{&floor, sd})
				<-sd
				busyStatic = append(busyStatic, floor)
				continue
			}
			break
		}
		if len(round.OK) != len(opdOf) {
			b.Fatalf("the phones' process answered round %d with %d saves, not %d", it, len(round.OK), len(opdOf))
		}
		for pi, ok := range round.OK {
			if !ok {
				failed++
				continue
			}
			saves = append(saves, time.Duration(round.Nanos[pi]))
			want[cell{opdOf[pi], round.Key[pi]}] = round.Level[pi]
		}
	}
	b.StopTimer()
	// Every acknowledged answer reaches the facilitator's window too.
	deadline := time.Now().Add(10 * time.Second)
	notShown := 0
	for time.Now().Before(deadline) {
		inLoop(func() {
			notShown = 0
			for c, lv := range want {
				if m.ses().sess.Board.Answer(c.opd, c.key).Level != lv {
					notShown++
				}
			}
		})
		if notShown == 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	close(quit)
	<-loopDone
	if notShown > 0 {
		b.Errorf("%d acknowledged phone answers are not in the facilitator's grid", notShown)
	}
	d, err := st.Load(ctx, sid)
	if err != nil {
		b.Fatal(err)
	}
	got := map[cell]int{}
	for _, r := range d.Scores {
		got[cell{r.OPDID, r.IndicatorKey}] = r.Answer.Level
	}
	lost := failed
	for c, lv := range want {
		if got[c] != lv {
			lost++
		}
	}
	if lost > 0 {
		b.Errorf("%d phone answers lost (%d not acknowledged)", lost, failed)
	}
	// Every acknowledged save was a change, so each is one phone event in
	// the log: a round that saved what a cell already held would be
	// acknowledged without a write and measure less than it says.
	evs, err := st.Events(ctx, sid)
	if err != nil {
		b.Fatal(err)
	}
	phoneEvents := 0
	for _, ev := range evs[len(evs0):] {
		if ev.Source.Kind == workshop.SourcePhone {
			phoneEvents++
		}
	}
	if phoneEvents != len(saves) {
		b.Errorf("%d phone events in the log for %d acknowledged saves: some saves changed nothing", phoneEvents, len(saves))
	}
	ms := func(ds []time.Duration, q float64) float64 {
		if len(ds) == 0 {
			return 0
		}
		s := slices.Clone(ds)
		slices.Sort(s)
		return float64(s[min(len(s)-1, int(q*float64(len(s))))]) / 1e6
	}
	b.ReportMetric(ms(saves, 0.50), "save_p50_ms")
	b.ReportMetric(ms(saves, 0.99), "save_p99_ms")
	b.ReportMetric(float64(lost), "lost")
	b.ReportMetric(float64(len(saves)), "saves")
	b.ReportMetric(ms(idle, 0.50), "key_idle_p50_ms")
	b.ReportMetric(ms(idleStatic, 0.50), "static_idle_p50_ms")
	b.ReportMetric(ms(busyStatic, 0.50), "static_load_p50_ms")
	b.ReportMetric(ms(busyKeys, 0.50)/ms(busyStatic, 0.50), "key_load/static_load")
	b.ReportMetric(ms(busyKeys, 0.50), "key_load_p50_ms")
	b.ReportMetric(ms(busyKeys, 0.99), "key_load_p99_ms")
	b.ReportMetric(ms(queuedKeys, 0.50), "key_queued_p50_ms")
	b.ReportMetric(ms(queuedKeys, 0.99), "key_queued_p99_ms")
	if testing.Verbose() {
		fmt.Printf("room: %d saves, %d keystrokes under load\n", len(saves), len(busyKeys))
	}
}
