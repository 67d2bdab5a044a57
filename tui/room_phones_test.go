package tui

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The 80 phones of BenchmarkRoom80Phones are another process: in a room
// they are other devices, so their HTTP clients must not compete with
// the facilitator's program inside its own Go scheduler (the laptop's
// CPU they still share, as the phones' radio traffic does). The test
// binary runs as that process when phonesEnv is set.
const phonesEnv = "BIMTEK_BENCH_PHONES"

func TestMain(m *testing.M) {
	if os.Getenv(phonesEnv) != "" {
		os.Exit(runPhones(os.Stdin, os.Stdout))
	}
	os.Exit(m.Run())
}

// phonesConfig is the phones' process's first input line.
type phonesConfig struct {
	Base  string   // the room server's URL
	Dim   string   // the dimension every phone answers
	Keys  []string // its indicators
	Codes []string // one access code per phone
	Start [][]int  // each phone's levels of Keys before the first round (0: blank)
}

// phonesRound is the phones' answer to one "go" line: each phone's save,
// in the order of Codes.
type phonesRound struct {
	Key   []string
	Level []int
	OK    []bool
	Nanos []int64 // request sent to "saved" received
}

// roundSave is the answer phone pi saves in round it: every phone a
// different indicator, and a level other than the one the cell holds
// (levels, phone pi's levels of keys, is moved on), so every save of
// every round is a real change that is written and logged, however many
// rounds run.
func roundSave(keys []string, levels []int, it, pi int) (string, int) {
	k := (it + pi) % len(keys)
	levels[k] = levels[k]%5 + 1
	return keys[k], levels[k]
}

// runPhones joins every phone with its code, says "ready", then for each
// line "go N" on in makes every phone save its answer of round N at once
// and writes the round's results as one JSON line.
func runPhones(in io.Reader, out io.Writer) int {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var cfg phonesConfig
	if !sc.Scan() || json.Unmarshal(sc.Bytes(), &cfg) != nil {
		fmt.Fprintln(os.Stderr, "phones: no configuration")
		return 2
	}
	if len(cfg.Start) != len(cfg.Codes) {
		fmt.Fprintln(os.Stderr, "phones: no start levels for every phone")
		return 2
	}
	clients := make([]*http.Client, len(cfg.Codes))
	for i, code := range cfg.Codes {
		jar, _ := cookiejar.New(nil)
		cl := &http.Client{Jar: jar, Timeout: 30 * time.Second,
			Transport:     &http.Transport{MaxIdleConnsPerHost: 2},
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		res, err := cl.PostForm(cfg.Base+"/join", url.Values{"code": {code}})
		if err != nil || res.StatusCode != http.StatusSeeOther {
			fmt.Fprintf(os.Stderr, "phones: phone %d cannot join: %v %v\n", i, err, res)
			return 2
		}
		res.Body.Close()
		clients[i] = cl
	}
	w := bufio.NewWriter(out)
	fmt.Fprintln(w, "ready")
	w.Flush()
	for sc.Scan() {
		it, err := strconv.Atoi(strings.TrimPrefix(sc.Text(), "go "))
		if err != nil {
			fmt.Fprintf(os.Stderr, "phones: %q is not a round\n", sc.Text())
			return 2
		}
		n := len(clients)
		r := phonesRound{Key: make([]string, n), Level: make([]int, n), OK: make([]bool, n), Nanos: make([]int64, n)}
		start := make(chan struct{})
		var wg sync.WaitGroup
		for pi, cl := range clients {
			key, level := roundSave(cfg.Keys, cfg.Start[pi], it, pi)
			r.Key[pi], r.Level[pi] = key, level
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				t0 := time.Now()
				req, _ := http.NewRequest("POST", cfg.Base+"/save", strings.NewReader(url.Values{"d": {cfg.Dim}, key: {strconv.Itoa(level)}}.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("X-Bimtek", "1")
				res, err := cl.Do(req)
				if err != nil {
					return
				}
				body, _ := io.ReadAll(res.Body)
				res.Body.Close()
				var rep struct{ OK bool }
				r.OK[pi] = res.StatusCode == http.StatusOK && json.Unmarshal(body, &rep) == nil && rep.OK
				r.Nanos[pi] = int64(time.Since(t0))
			}()
		}
		close(start)
		wg.Wait()
		line, _ := json.Marshal(r)
		w.Write(append(line, '\n'))
		w.Flush()
	}
	return 0
}
