package store

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
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
	if _, err := s.db.Exec(`INSERT INTO locks (session_id, pid, host, since, heartbeat, holds) VALUES (?, ?, ?, ?, ?, 1)`,
		id, pid, host, since.UnixNano(), beat.UnixNano()); err != nil {
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
	b.pid = os.Getppid()

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
