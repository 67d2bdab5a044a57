package tui

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/room"
	"github.com/bimtek/bimtek/tui/roompanel"
	"github.com/bimtek/bimtek/workshop"
)

// BenchmarkRoom80Phones is DESIGN section 10's room-mode load: the scale
// session (80 OPDs x 90 indicators) open in the whole app on its grid at
// 200x60, a room server on 127.0.0.1, and 80 phones (one per OPD, each its
// own HTTP client with its code's cookie) that all save one answer at the
// same moment, once per iteration. Meanwhile the facilitator types digits
// in the grid (root Update with its durable commit, plus the full frame).
// It reports the phones' save latency (request sent to "saved" received,
// after the commit), answers lost (a save acknowledged but not in the file
// at the end, or not acknowledged), and the keystroke's latency under the
// load beside the same keystroke measured idle in the same run, and the
// key as the facilitator sees it: with the wait for the phones' changes
// queued before it in the program (key_queued).
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
	// The program's part: changes made by phones arrive as messages,
	// which the facilitator's loop below hands to Update between keys.
	inbox := make(chan tea.Msg, 4096)
	m.Listen(func(msg tea.Msg) { inbox <- msg })
	drain := func() int {
		n := 0
		for {
			select {
			case msg := <-inbox:
				m.Update(msg)
				_ = m.View().Content // as the program draws after every message
				n++
			default:
				return n
			}
		}
	}
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
	type phone struct {
		opd int64
		c   *http.Client
	}
	phones := make([]phone, len(codes))
	for i, c := range codes {
		jar, _ := cookiejar.New(nil)
		cl := &http.Client{Jar: jar, Timeout: 30 * time.Second,
			Transport:     &http.Transport{MaxIdleConnsPerHost: 2},
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		res, err := cl.PostForm(base+"/join", url.Values{"code": {c.Code}})
		if err != nil || res.StatusCode != http.StatusSeeOther {
			b.Fatalf("phone %d cannot join: %v %v", i, err, res)
		}
		res.Body.Close()
		phones[i] = phone{opd: c.OPDID, c: cl}
	}

	keystroke := func(i int) time.Duration {
		t0 := time.Now()
		m.Update(benchDigits[i%len(benchDigits)])
		_ = m.View().Content
		d := time.Since(t0)
		walkBack(m)
		return d
	}
	// The keystroke idle, in this run, as the floor.
	var idle []time.Duration
	for i := range 200 {
		idle = append(idle, keystroke(i))
	}

	type cell struct {
		opd int64
		key string
	}
	want := map[cell]int{}
	var saves, busyKeys, queuedKeys []time.Duration
	failed := 0
	var mu sync.Mutex
	b.ResetTimer()
	for it := 0; b.Loop(); it++ {
		start := make(chan struct{})
		var wg sync.WaitGroup
		for pi, p := range phones {
			key := keys[(it+pi)%len(keys)]
			level := (it+pi)%5 + 1
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				t0 := time.Now()
				req, _ := http.NewRequest("POST", base+"/save", strings.NewReader(url.Values{"d": {last.Key}, key: {strconv.Itoa(level)}}.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("X-Bimtek", "1")
				res, err := p.c.Do(req)
				ok := false
				if err == nil {
					body, _ := io.ReadAll(res.Body)
					res.Body.Close()
					var rep struct{ OK bool }
					ok = res.StatusCode == http.StatusOK && json.Unmarshal(body, &rep) == nil && rep.OK
				}
				d := time.Since(t0)
				mu.Lock()
				defer mu.Unlock()
				if !ok {
					failed++
					return
				}
				saves = append(saves, d)
				want[cell{p.opd, key}] = level
			}()
		}
		done := make(chan struct{})
		go func() { wg.Wait(); close(done) }()
		close(start)
		// The facilitator keeps typing while the phones save.
		for k := 0; ; k++ {
			select {
			case <-done:
			default:
				// A key typed now waits for the messages already queued
				// before it (the phones' changes, each Update with its
				// frame), then has its own: queuedKeys is that whole
				// time, busyKeys the key's own part.
				t0 := time.Now()
				drain()
				own := keystroke(it*1000 + k)
				busyKeys = append(busyKeys, own)
				queuedKeys = append(queuedKeys, time.Since(t0))
				continue
			}
			break
		}
	}
	b.StopTimer()
	// Every acknowledged answer reaches the facilitator's window too.
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		drain()
		missing := 0
		for c, lv := range want {
			if m.ses().sess.Board.Answer(c.opd, c.key).Level != lv {
				missing++
			}
		}
		if missing == 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	notShown := 0
	for c, lv := range want {
		if m.ses().sess.Board.Answer(c.opd, c.key).Level != lv {
			notShown++
		}
	}
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
	b.ReportMetric(ms(busyKeys, 0.50), "key_load_p50_ms")
	b.ReportMetric(ms(busyKeys, 0.99), "key_load_p99_ms")
	b.ReportMetric(ms(queuedKeys, 0.50), "key_queued_p50_ms")
	b.ReportMetric(ms(queuedKeys, 0.99), "key_queued_p99_ms")
	if testing.Verbose() {
		fmt.Printf("room: %d saves, %d keystrokes under load\n", len(saves), len(busyKeys))
	}
	_ = workshop.Answer{}
}
