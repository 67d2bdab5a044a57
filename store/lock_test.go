package store

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/workshop"
)

// deadPID returns the pid of a process that has exited and been reaped.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatalf("run a short-lived process: %v", err)
	}
	return cmd.Process.Pid
}

func insertLock(t *testing.T, s *Store, id int64, pid int, host string, since, beat time.Time) {
	t.Helper()
	if _, err := s.db.Exec(`INSERT INTO locks (session_id, pid, host, since, heartbeat, holds, token, started) VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
		id, pid, host, since.UnixNano(), beat.UnixNano(), fmt.Sprintf("token-of-%d", pid), processStart(pid)); err != nil {
		t.Fatal(err)
	}
}

func lockOf(t *testing.T, s *Store, id int64) (pid int, host string, holds int, found bool) {
	t.Helper()
	err := s.db.QueryRow(`SELECT pid, host, holds FROM locks WHERE session_id = ?`, id).Scan(&pid, &host, &holds)
	if err != nil {
		return 0, "", 0, false
	}
	return pid, host, holds, true
}

func TestAcquire(t *testing.T) {
	live := os.Getppid() // the go command or the shell: alive while we run
	dead := deadPID(t)
	now := time.Now()
	since := now.Add(-90 * time.Minute)
	tests := []struct {
		name   string
		pid    int    // 0: no lock row
		host   string // "": this host
		beat   time.Time
		locked bool
	}{
		{"free", 0, "", now, false},
		{"live process here", live, "", now, true},
		{"dead process here", dead, "", now, false},
		{"live process here, silent", live, "", now.Add(-2 * time.Minute), false},
		{"other host", 4242, "laptop-b", now, true},
		{"other host, silent", 4242, "laptop-b", now.Add(-2 * time.Minute), false},
		{"this process (re-entrant)", os.Getpid(), "", now, false},
		// A clock set wrong (or gone back) never keeps a lock for ever.
		{"other host, heartbeat an hour ahead", 4242, "laptop-b", now.Add(time.Hour), false},
		{"other host, heartbeat half a minute ahead (clocks differ)", 4242, "laptop-b", now.Add(30 * time.Second), true},
		{"live process here, heartbeat an hour ahead", live, "", now.Add(time.Hour), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := openTemp(t)
			id, _ := newSession(t, s)
			host := tt.host
			if host == "" {
				host = s.host
			}
			if tt.pid != 0 {
				insertLock(t, s, id, tt.pid, host, since, tt.beat)
			}
			release, err := s.Acquire(bg, id)
			if tt.locked {
				var le *LockedError
				if !errors.As(err, &le) {
					t.Fatalf("Acquire = %v, want *LockedError", err)
				}
				want := Holder{PID: tt.pid, Host: host, Since: time.Unix(0, since.UnixNano())}
				if le.SessionID != id || !le.Holder.Since.Equal(want.Since) || le.Holder.PID != want.PID || le.Holder.Host != want.Host {
					t.Fatalf("LockedError = %+v, want session %d held by %+v", le, id, want)
				}
				for _, w := range []string{fmt.Sprintf("session %d", id), fmt.Sprintf("pid %d", tt.pid), host, since.Local().Format("15:04")} {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("message %q does not name %q", err, w)
					}
				}
				if pid, _, _, _ := lockOf(t, s, id); pid != tt.pid {
					t.Fatalf("the refused Acquire changed the lock to pid %d", pid)
				}
				return
			}
			if err != nil {
				t.Fatalf("Acquire: %v", err)
			}
			pid, h, holds, found := lockOf(t, s, id)
			wantHolds := 1
			if tt.pid == os.Getpid() {
				wantHolds = 2
			}
			if !found || pid != os.Getpid() || h != s.host || holds != wantHolds {
				t.Fatalf("lock row = pid %d host %q holds %d (found %v), want ours with %d holds", pid, h, holds, found, wantHolds)
			}
			if err := release(); err != nil {
				t.Fatal(err)
			}
			if err := release(); err != nil {
				t.Fatalf("second release: %v", err)
			}
			_, _, holds, found = lockOf(t, s, id)
			if found != (wantHolds == 2) || (found && holds != 1) {
				t.Fatalf("after release: found %v, holds %d", found, holds)
			}
		})
	}
}

// Two handles on one file: one pretends to be another process.
func TestAcquireBetweenHandles(t *testing.T) {
	a, path := openTemp(t)
	id, _ := newSession(t, a)
	b, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	b.pid, b.started = os.Getppid(), processStart(os.Getppid())

	release, err := a.Acquire(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.Acquire(bg, id)
	var le *LockedError
	if !errors.As(err, &le) || le.Holder.PID != os.Getpid() {
		t.Fatalf("second process Acquire = %v, want locked by pid %d", err, os.Getpid())
	}
	if err := b.DeleteSession(bg, id); !errors.As(err, &le) {
		t.Fatalf("DeleteSession of a held session = %v, want *LockedError", err)
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
	releaseB, err := b.Acquire(bg, id)
	if err != nil {
		t.Fatalf("Acquire after release: %v", err)
	}
	defer releaseB()
	if _, err := a.Acquire(bg, id); !errors.As(err, &le) || le.Holder.PID != os.Getppid() {
		t.Fatalf("Acquire while b holds = %v", err)
	}
	// Close gives the lock back.
	b.Close()
	if _, _, _, found := lockOf(t, a, id); found {
		t.Fatal("Close left the lock row")
	}
	_, err = a.Acquire(bg, id+1)
	wantErr(t, err, ErrNoSession)
}

func TestHeartbeat(t *testing.T) {
	s, _ := openTemp(t)
	id, _ := newSession(t, s)
	s.heartbeatEvery = time.Millisecond
	release, err := s.Acquire(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	var first int64
	if err := s.db.QueryRow(`SELECT heartbeat FROM locks WHERE session_id = ?`, id).Scan(&first); err != nil {
		t.Fatal(err)
	}
	for {
		var beat int64
		if err := s.db.QueryRow(`SELECT heartbeat FROM locks WHERE session_id = ?`, id).Scan(&beat); err != nil {
			t.Fatal(err)
		}
		if beat > first {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

func TestLockedErrorMessage(t *testing.T) {
	today := time.Now()
	old := time.Date(2024, 11, 2, 9, 12, 0, 0, time.Local)
	tests := []struct {
		since time.Time
		want  string
	}{
		{today, fmt.Sprintf("session 7 is open in another bimtek (pid 1234 on laptop-a, since %s); ", today.Format("15:04"))},
		{old, "session 7 is open in another bimtek (pid 1234 on laptop-a, since 2 Nov 2024 09:12); "},
	}
	for _, tt := range tests {
		err := &LockedError{SessionID: 7, Holder: Holder{PID: 1234, Host: "laptop-a", Since: tt.since}}
		if !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("message %q, want it to start with %q", err, tt.want)
		}
	}
}

// asOtherProcess makes b stand for another bimtek process on this host
// (the parent of the test, which is alive while it runs).
func asOtherProcess(b *Store) {
	b.pid, b.started = os.Getppid(), processStart(os.Getppid())
}

// A pid that is alive but belongs to an unrelated program started since
// (another start time on this host) does not keep the session locked.
func TestReusedPIDDoesNotLock(t *testing.T) {
	if processStart(os.Getpid()) == "" {
		t.Skip("process start times are read on Linux only; elsewhere the heartbeat age frees such a lock")
	}
	s, _ := openTemp(t)
	id, _ := newSession(t, s)
	live := os.Getppid()
	if _, err := s.db.Exec(`INSERT INTO locks (session_id, pid, host, since, heartbeat, holds, token, started) VALUES (?, ?, ?, ?, ?, 1, 'old', ?)`,
		id, live, s.host, time.Now().UnixNano(), time.Now().UnixNano(), "another-boot/12345"); err != nil {
		t.Fatal(err)
	}
	release, err := s.Acquire(bg, id)
	if err != nil {
		t.Fatalf("Acquire over a reused pid: %v", err)
	}
	release()
}

// The refusal says when the lock frees itself and how to take over now.
func TestLockedErrorSaysHowToTakeOver(t *testing.T) {
	a, path := openTemp(t)
	id, _ := newSession(t, a)
	b, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	asOtherProcess(b)
	release, err := b.Acquire(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	_, err = a.Acquire(bg, id)
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("Acquire = %v, want *LockedError", err)
	}
	if le.FreesAt.Before(time.Now().Add(a.staleAfter-5*time.Second)) || le.FreesAt.After(time.Now().Add(a.staleAfter+time.Second)) {
		t.Errorf("FreesAt %v, want about a minute from now", le.FreesAt)
	}
	for _, w := range []string{fmt.Sprintf("bimtek open %d --take-over", id), "frees itself at " + le.FreesAt.Local().Format("15:04")} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("message %q does not say %q", err, w)
		}
	}
}

// A process whose session was taken over (it was paused, the other took
// over) finds out before its next write: every write of it is refused
// with ErrLockLost naming the new holder, and none reaches the file (its
// undo does not undo the other's change).
func TestLockLostBeforeNextWrite(t *testing.T) {
	first, path := openTemp(t)
	id, opds := newSession(t, first, "A", "B")
	release, err := first.Acquire(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if _, err := first.SetAnswerAndState(bg, id, opds[0].ID, "governance.e1.i1", workshop.Answer{Level: 2}, []byte(`{"row":0}`)); err != nil {
		t.Fatal(err)
	}

	second, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	asOtherProcess(second)
	releaseSecond, err := second.TakeOver(bg, id)
	if err != nil {
		t.Fatalf("TakeOver: %v", err)
	}
	defer releaseSecond()
	if _, err := second.SetAnswer(bg, id, opds[1].ID, "governance.e1.i2", workshop.Answer{Level: 5}); err != nil {
		t.Fatal(err)
	}
	before := mustEvents(t, second, id)

	writes := map[string]func() error{
		"SetAnswerAndState": func() error {
			_, err := first.SetAnswerAndState(bg, id, opds[0].ID, "governance.e1.i1", workshop.Answer{Level: 4}, []byte(`{"row":1}`))
			return err
		},
		"SetAnswer": func() error {
			_, err := first.SetAnswer(bg, id, opds[0].ID, "governance.e1.i1", workshop.Answer{Level: 4})
			return err
		},
		"SetNote": func() error {
			_, err := first.SetNote(bg, id, opds[0].ID, "governance.e1.i1", "catatan")
			return err
		},
		"Undo": func() error {
			_, _, err := first.Undo(bg, id)
			return err
		},
		"SaveUIState": func() error { return first.SaveUIState(bg, id, []byte(`{"phase":3}`)) },
		"SetTarget":   func() error { return first.SetTarget(bg, id, "governance", 4) },
		"SetPriority": func() error { return first.SetPriority(bg, id, "governance.e1", true) },
		"AddOPD": func() error {
			_, err := first.AddOPD(bg, id, OPDInput{Code: "C", Name: "Dinas C"})
			return err
		},
		"RemoveOPD": func() error { return first.RemoveOPD(bg, id, opds[1].ID) },
		"ImportScores": func() error {
			_, err := first.ImportScores(bg, id, []ScoreRow{{OPDID: opds[0].ID, IndicatorKey: "economy.e1.i1", Answer: workshop.Answer{Level: 1}}})
			return err
		},
	}
	for name, write := range writes {
		err := write()
		if !errors.Is(err, ErrLockLost) {
			t.Errorf("%s after the take-over = %v, want ErrLockLost", name, err)
			continue
		}
		var ll *LockLostError
		if !errors.As(err, &ll) || !ll.HolderKnown || ll.Holder.PID != second.pid {
			t.Errorf("%s: %v, want the new holder pid %d named", name, err, second.pid)
		}
		if !strings.Contains(err.Error(), fmt.Sprintf("pid %d", second.pid)) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: message %q", name, err)
		}
	}
	after := mustEvents(t, second, id)
	if len(after) != len(before) {
		t.Fatalf("refused writes reached the file: %d events, had %d", len(after), len(before))
	}
	d := mustLoad(t, second, id)
	if len(d.OPDs) != 2 || string(d.UIState) != `{"row":0}` {
		t.Fatalf("refused writes reached the file: %d OPDs, state %s", len(d.OPDs), d.UIState)
	}
	log, err := second.TakeOvers(bg, id)
	if err != nil || len(log) != 1 || !log[0].Forced || log[0].From.PID != first.pid || log[0].By.PID != second.pid {
		t.Fatalf("lock log = %+v, %v; want one forced take-over from pid %d", log, err, first.pid)
	}
	// The first process letting go leaves the new holder's lock alone.
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if pid, _, _, found := lockOf(t, second, id); !found || pid != second.pid {
		t.Fatalf("after the first released: lock row pid %d (found %v), want %d", pid, found, second.pid)
	}
}

// The heartbeat that touches no row is the first sign: the lease knows it
// lost the session before any write is tried.
func TestHeartbeatNoticesTakeOver(t *testing.T) {
	first, path := openTemp(t)
	id, _ := newSession(t, first)
	first.heartbeatEvery = time.Millisecond
	release, err := first.Acquire(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	second, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	asOtherProcess(second)
	if _, err := second.TakeOver(bg, id); err != nil {
		t.Fatal(err)
	}
	l := first.leaseOf(id)
	for !l.lost.Load() {
		time.Sleep(time.Millisecond) // the test's own timeout guards a beat that never notices
	}
	<-l.done // and it stopped beating
}
