package main

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bimtek/bimtek/room"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/tui"
	"github.com/bimtek/bimtek/tui/roompanel"
)

// defaultRoomPort is where room mode listens unless --listen says
// otherwise; the cards print it.
const defaultRoomPort = "8080"

// roomStarter starts room mode's server on an open session: the codes
// of OPDs that have none are issued first, so every OPD can join.
func roomStarter(now func() time.Time) roompanel.ServerStarter {
	return func(l tui.Live, addr string) (*room.Server, net.Addr, error) {
		ctx := context.Background()
		if _, err := l.EnsureAccessCodes(ctx, nil); err != nil {
			return nil, nil, err
		}
		srv, err := room.New(room.Config{Codes: l, Owner: room.LiveOwner(l), Now: now})
		if err != nil {
			return nil, nil, err
		}
		a, err := srv.Start(addr)
		if err != nil {
			return nil, nil, err
		}
		return srv, a, nil
	}
}

// cardsCmd is `bimtek cards ID [--dir DIR] [--url URL]`: the printable
// access cards and the list of codes.
func (a *app) cardsCmd() *cobra.Command {
	var dir, base string
	c := &cobra.Command{
		Use:   "cards ID",
		Short: a.t("cli.cards"),
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := a.idArg(args)
			if err != nil {
				return err
			}
			if base != "" {
				if base, err = a.formURL(base); err != nil {
					return err
				}
			} else {
				base = a.defaultFormURL()
			}
			if err := a.mustExist(); err != nil {
				return err
			}
			return a.withStore(cmd.Context(), false, func(st *store.Store) error {
				d, err := st.Load(cmd.Context(), id)
				if err != nil {
					return err
				}
				// Codes already issued stay: cards printed earlier still work.
				codes, err := st.EnsureAccessCodes(cmd.Context(), id, nil)
				if err != nil {
					return err
				}
				target := dir
				if target == "" {
					cwd, _ := os.Getwd()
					target = filepath.Join(cwd, fmt.Sprintf("bimtek-cards-%d", id))
				}
				paths, err := room.WriteCards(target, d, codes, base, a.lang)
				if err != nil {
					return err
				}
				for _, p := range paths {
					abs, _ := filepath.Abs(p)
					fmt.Fprintln(a.stdout, abs)
				}
				fmt.Fprintln(a.stdout, a.t("cli.cards.done", len(codes), base, id))
				return nil
			})
		},
	}
	c.Flags().StringVar(&dir, "dir", "", a.t("cli.flag.cards_dir"))
	c.Flags().StringVar(&base, "url", "", a.t("cli.flag.cards_url"))
	return c
}

// formURL checks a --url: an http address with a host, nothing after the
// path.
func (a *app) formURL(s string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", usagef("%s", a.t("cli.err.cards_url", s))
	}
	return strings.TrimRight(u.String(), "/") + "/", nil
}

// defaultFormURL is the form on this laptop's first usable address at the
// default port, or on localhost when the laptop is on no network yet.
func (a *app) defaultFormURL() string {
	addrs, _ := room.Addresses()
	host := "127.0.0.1"
	if len(addrs) > 0 {
		host = addrs[0].IP.String()
	}
	return "http://" + net.JoinHostPort(host, defaultRoomPort) + "/"
}
