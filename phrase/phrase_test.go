package phrase

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/bimtek/bimtek/workshop"
)

func TestSentence(t *testing.T) {
	since := time.Now()
	cases := []struct {
		name string
		lang string
		err  error
		want string
	}{
		{"nil is nothing", "id", nil, ""},
		{"a wrapped store kind gets the catalogue's sentence", "id",
			fmt.Errorf("load session 9: %w", workshop.ErrNoSession),
			"Sesi itu tidak ada di database ini; lihat daftar dengan: bimtek list."},
		{"the same kind in English", "en",
			fmt.Errorf("load session 9: %w", workshop.ErrNoSession),
			"That session is not in this database; see the list with: bimtek list."},
		{"the projector view refuses in the UI language", "en",
			fmt.Errorf("set answer: %w", workshop.ErrProjector),
			"This is the read-only projector view; make changes in the facilitator's window."},
		{"a locked session names the holder", "en",
			&workshop.LockedError{SessionID: 3, Holder: workshop.Holder{PID: 4711, Host: "laptop", Since: since}, FreesAt: since.Add(time.Minute)},
			"Session 3 is open in another bimtek (pid 4711 on laptop, since " + since.Local().Format("15:04") + "); close it there first, watch it with: bimtek present 3, or take it over now with: bimtek open 3 --take-over (if that bimtek has stopped, the lock frees itself at " + since.Add(time.Minute).Local().Format("15:04") + ")."},
		{"a locked session in another database file names it in both commands", "id",
			fmt.Errorf("edit session 3: %w", &workshop.LockedError{SessionID: 3, Holder: workshop.Holder{PID: 4711, Host: "laptop", Since: since}, FreesAt: since.Add(time.Minute), DB: `C:\Users\Siti\Bimtek Bengkulu\b.db`}),
			"Sesi 3 sedang dibuka di bimtek lain (pid 4711 di laptop, sejak " + since.Local().Format("15:04") + `); tutup di sana dulu, tampilkan dengan: bimtek present 3 --db "C:\Users\Siti\Bimtek Bengkulu\b.db", atau ambil alih sekarang dengan: bimtek open 3 --take-over --db "C:\Users\Siti\Bimtek Bengkulu\b.db" (bila bimtek itu sudah berhenti, kuncinya lepas sendiri pukul ` + since.Add(time.Minute).Local().Format("15:04") + ")."},
		{"a lost lock names the new holder", "id",
			fmt.Errorf("the answer: %w", &workshop.LockLostError{SessionID: 3, Holder: workshop.Holder{PID: 99, Host: "laptop-b", Since: since}, HolderKnown: true}),
			"Sesi 3 sudah diambil alih oleh bimtek lain (pid 99 di laptop-b, sejak " + since.Local().Format("15:04") + "), jadi perubahan ini tidak tersimpan; tutup jendela ini dan lanjutkan di sana."},
		{"a foreign -wal names both files", "en",
			&workshop.ForeignWALError{Path: "/data/bimtek.db", Reason: "x"},
			"/data/bimtek.db-wal does not belong to /data/bimtek.db (it comes from another database file), so it was not applied and both files were left as they are; move /data/bimtek.db-wal elsewhere and open again."},
		{"a FIFO as database", "id",
			&workshop.PathError{Path: "/tmp/p", Kind: workshop.PathSpecial, What: workshop.SpecialFIFO},
			"/tmp/p adalah pipa bernama (FIFO), bukan file database; pilih file biasa dengan --db."},
		{"any other error gets a capital and a full stop", "id",
			errors.New("the venue is too long"), "The venue is too long."},
		{"a path that opens the message keeps its case", "id",
			errors.New("scores.csv has no header"), "scores.csv has no header."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Sentence(c.lang, c.err); got != c.want {
				t.Errorf("Sentence(%q, %v)\n got %q\nwant %q", c.lang, c.err, got, c.want)
			}
		})
	}
}
