package room

import (
	"net"
	"testing"
)

func TestUsableAddresses(t *testing.T) {
	up := net.FlagUp | net.FlagBroadcast
	cases := []struct {
		name  string
		flags net.Flags
		ip    string
		want  bool
	}{
		{"wlan0", up, "192.168.1.23", true},
		{"Wi-Fi", up, "10.0.0.5", true},
		{"Ethernet 2", up, "172.20.10.2", true},
		{"en0", up, "192.168.43.100", true},
		{"bridge100", up, "192.168.2.1", true},                   // macOS Internet Sharing: the hotspot itself
		{"Local Area Connection* 10", up, "192.168.137.1", true}, // the Windows hotspot
		{"wlan0", net.FlagBroadcast, "192.168.1.23", false},      // down
		{"lo", net.FlagUp | net.FlagLoopback, "127.0.0.1", false},
		{"wlan0", up, "169.254.3.4", false}, // no DHCP answered
		{"wlan0", up, "fe80::1", false},     // IPv6
		{"docker0", up, "172.17.0.1", false},
		{"br-5f2a", up, "172.18.0.1", false},
		{"vEthernet (WSL)", up, "172.29.0.1", false},
		{"VirtualBox Host-Only Network", up, "192.168.56.1", false},
		{"vmnet8", up, "192.168.100.1", false},
		{"utun3", up, "100.64.0.1", false},
		{"tailscale0", up, "100.101.1.2", false},
		{"wg0", up, "10.6.0.2", false},
		{"virbr0", up, "192.168.122.1", false},
	}
	for _, c := range cases {
		if got := usable(c.name, c.flags, net.ParseIP(c.ip)); got != c.want {
			t.Errorf("usable(%q, %s) = %v, want %v", c.name, c.ip, got, c.want)
		}
	}
}

func TestLinks(t *testing.T) {
	all := []Address{{"wlan0", net.IPv4(192, 168, 1, 23).To4()}, {"eth0", net.IPv4(10, 0, 0, 5).To4()}}
	got := Links(&net.TCPAddr{IP: net.IPv4zero, Port: 8080}, all)
	if len(got) != 2 || got[0] != (Link{"wlan0", "http://192.168.1.23:8080/"}) || got[1] != (Link{"eth0", "http://10.0.0.5:8080/"}) {
		t.Errorf("0.0.0.0:8080 = %+v", got)
	}
	got = Links(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 41234}, all)
	if len(got) != 1 || got[0].URL != "http://127.0.0.1:41234/" {
		t.Errorf("127.0.0.1:41234 = %+v", got)
	}
}
