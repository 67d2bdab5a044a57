package tui

import (
	"net"

	"github.com/bimtek/bimtek/room"
	"github.com/bimtek/bimtek/workshop"
)

// Room mode writes through the open session's owner (Live): a phone's
// answer is committed there from the server's goroutine, in one order with
// the keystrokes, before the phone hears "saved"; it reaches the screens as
// a changeMsg like any change made elsewhere.

// RoomStarter starts room mode's server for the open session on addr. The
// command line builds it (the server keeps the access codes in the
// database file).
type RoomStarter func(l Live, addr string) (*room.Server, net.Addr, error)

// errNoRoom is a program built without room mode (a test).
var errNoRoom = errorString("room mode is not available in this window")

type errorString string

func (e errorString) Error() string { return string(e) }

// markSource remembers which cells a phone wrote last.
func (s *Sess) markSource(src workshop.Source, opdID int64, key string) {
	if s.phone == nil {
		s.phone = map[int64]map[string]bool{}
	}
	if src.Kind != workshop.SourcePhone {
		delete(s.phone[opdID], key)
		return
	}
	if s.phone[opdID] == nil {
		s.phone[opdID] = map[string]bool{}
	}
	s.phone[opdID][key] = true
}

// FromPhone reports whether the cell's last change came from the OPD's
// phone in room mode (the grid marks it).
func (s *Sess) FromPhone(opdID int64, key string) bool { return s.phone[opdID][key] }

// roomStarter starts room mode for the open session: the server, its
// listener and where phones find it.
func (m *Model) roomStarter() StartRoomFunc {
	start, l, ro := m.opt.StartRoom, m.sess.Live, m.sess.ReadOnly
	return func(addr string) (*RoomMode, error) {
		if ro {
			return nil, errReadOnly
		}
		if start == nil {
			return nil, errNoRoom
		}
		srv, a, err := start(l, addr)
		if err != nil {
			return nil, err
		}
		all, _ := room.Addresses()
		tcp, _ := a.(*net.TCPAddr)
		return &RoomMode{Srv: srv, Addr: a, Links: room.Links(a, all), Local: tcp != nil && tcp.IP.IsLoopback()}, nil
	}
}

// loadPhoneMarks reads which cells a phone wrote last; a failed read only
// loses the marks, never an answer.
func (s *Sess) loadPhoneMarks() {
	if s.PhoneCells == nil {
		return
	}
	if m, err := s.PhoneCells(s.ctx, s.Data.Session.ID); err == nil {
		s.phone = m
	}
}
