package room

import (
	"fmt"
	"net"
	"strconv"
	"strings"
)

// Address is one IPv4 address of the laptop that phones on the same
// network can reach, with the adapter it belongs to ("Wi-Fi", "wlan0").
type Address struct {
	Adapter string
	IP      net.IP
}

// virtualAdapters are name parts of adapters that no phone in the room is
// on: container and VM bridges, VPN tunnels, Apple's peer-to-peer links.
// The laptop's own hotspot stays: macOS Internet Sharing serves it on
// "bridge100", Windows on "Local Area Connection* N".
var virtualAdapters = []string{
	"docker", "veth", "br-", "virbr", "vmnet", "vboxnet", "virtualbox", "vmware", "hyper-v", "vethernet",
	"wsl", "loopback", "pseudo", "utun", "tun", "tap", "wg", "zt", "tailscale", "awdl", "llw", "lxc",
	"lxd", "cni", "flannel", "kube", "podman", "anpi", "ipsec", "npcap",
}

// virtual reports whether an adapter name is one of virtualAdapters.
func virtual(name string) bool {
	n := strings.ToLower(name)
	for _, v := range virtualAdapters {
		if strings.HasPrefix(n, v) || (len(v) > 3 && strings.Contains(n, v)) {
			return true
		}
	}
	return false
}

// usable reports whether an address of an adapter can be offered to the
// phones: IPv4, not loopback, not link-local (169.254: no DHCP answered),
// on an adapter that is up and not virtual.
func usable(name string, flags net.Flags, ip net.IP) bool {
	ip4 := ip.To4()
	switch {
	case ip4 == nil, flags&net.FlagUp == 0, flags&net.FlagLoopback != 0, virtual(name):
		return false
	case ip4.IsLoopback(), ip4.IsLinkLocalUnicast(), ip4.IsUnspecified(), ip4.IsMulticast():
		return false
	}
	return true
}

// Addresses lists the laptop's usable IPv4 addresses, adapter by adapter.
func Addresses() ([]Address, error) {
	ifs, err := net.Interfaces()
	if err != nil {
		return nil, fmt.Errorf("list the network adapters: %w", err)
	}
	var out []Address
	for _, i := range ifs {
		addrs, err := i.Addrs()
		if err != nil {
			continue // an adapter that vanished meanwhile
		}
		for _, a := range addrs {
			var ip net.IP
			switch v := a.(type) {
			case *net.IPNet:
				ip = v.IP
			case *net.IPAddr:
				ip = v.IP
			}
			if ip != nil && usable(i.Name, i.Flags, ip) {
				out = append(out, Address{Adapter: i.Name, IP: ip.To4()})
			}
		}
	}
	return out, nil
}

// Link is one address at which the phones find the form.
type Link struct {
	Adapter string // empty for the address the server was told to listen on
	URL     string
}

// Links are the URLs of a server listening on addr: one per usable address
// when it listens on all of them (0.0.0.0), else its own address.
func Links(addr net.Addr, all []Address) []Link {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return []Link{{URL: "http://" + addr.String() + "/"}}
	}
	port := strconv.Itoa(tcp.Port)
	if tcp.IP != nil && !tcp.IP.IsUnspecified() {
		return []Link{{URL: "http://" + net.JoinHostPort(tcp.IP.String(), port) + "/"}}
	}
	out := make([]Link, 0, len(all))
	for _, a := range all {
		out = append(out, Link{Adapter: a.Adapter, URL: "http://" + net.JoinHostPort(a.IP.String(), port) + "/"})
	}
	return out
}
