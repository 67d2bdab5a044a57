package roompanel

import (
	"net"

	"github.com/bimtek/bimtek/room"
	"github.com/bimtek/bimtek/tui/common"
)

// Room mode writes through the open session's owner (Live): a phone's
// answer is committed there from the server's goroutine, in one order with
// the keystrokes, before the phone hears "saved"; it reaches the screens as
// a change of the session like any change made elsewhere.

// ServerStarter starts room mode's server for the open session on addr.
// The command line builds it (the server keeps the access codes in the
// database file).
type ServerStarter func(l common.Live, addr string) (*room.Server, net.Addr, error)

// errNoRoom is a program built without room mode (a test).
var errNoRoom = errorString("room mode is not available in this window")

type errorString string

func (e errorString) Error() string { return string(e) }

// startFunc starts room mode for the open session: the server, its
// listener and where phones find it. The projector view never starts it.
func startFunc(start ServerStarter, s *common.Sess) func(addr string) (*Mode, error) {
	l, ro := s.Live, s.ReadOnly
	return func(addr string) (*Mode, error) {
		if ro {
			return nil, common.ErrReadOnly
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
		return &Mode{Srv: srv, Addr: a, Links: room.Links(a, all), Local: tcp != nil && tcp.IP.IsLoopback()}, nil
	}
}
