package tui

import (
	"net"

	"github.com/bimtek/bimtek/room"
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
