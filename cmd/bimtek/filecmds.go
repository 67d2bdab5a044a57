package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	xterm "github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/bimtek/bimtek/store"
)

// errNoTerminal: the terminal UI was asked for where there is none (a
// cron job, a pipe, ssh without -t).
var errNoTerminal = errors.New("no terminal")

// needTerminal refuses to start the terminal UI without a terminal, before
// anything is opened or written. Bubble Tea reads keys from stdin when it
// is a terminal, else from the controlling terminal. Tests replace it.
var needTerminal = func(stdin io.Reader) error {
	if f, ok := stdin.(*os.File); ok && xterm.IsTerminal(f.Fd()) {
		return nil
	}
	name := "/dev/tty"
	if runtime.GOOS == "windows" {
		name = "CONIN$"
	}
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return errNoTerminal
	}
	f.Close()
	return nil
}

func (a *app) terminal() error {
	if err := needTerminal(a.stdin); err != nil {
		return &saidError{msg: a.t("err.need_terminal"), cause: err}
	}
	return nil
}

// confirm asks question on the terminal and reports a yes. Without a
// terminal it refuses (noTTY).
func (a *app) confirm(question string) (yes bool, err error) {
	f, ok := a.stdin.(*os.File)
	if !ok || !xterm.IsTerminal(f.Fd()) {
		return false, &saidError{msg: a.t("cli.takeover.no_tty"), cause: errNoTerminal}
	}
	fmt.Fprint(a.stderr, question)
	line, err := bufio.NewReader(f).ReadString('\n')
	if err != nil && line == "" {
		return false, nil
	}
	ans := strings.ToLower(strings.TrimSpace(line))
	return ans == "y" || ans == "ya" || ans == "yes", nil
}

func (a *app) checkCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: a.t("cli.check"),
		Args:  a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withStore(cmd.Context(), true, func(st *store.Store) error {
				problems, err := st.Check(cmd.Context())
				if err != nil {
					return err
				}
				if len(problems) > 0 {
					var b strings.Builder
					b.WriteString(a.t("cli.check.problems", st.Path(), len(problems)))
					for _, p := range problems {
						b.WriteString("\n" + p)
					}
					return &saidError{msg: b.String(), cause: store.ErrNotDatabase}
				}
				ss, err := st.ListSessions(cmd.Context())
				if err != nil {
					return err
				}
				fmt.Fprintln(a.stdout, a.t("cli.check.ok", st.Path(), len(ss)))
				return nil
			})
		},
	}
}

func (a *app) backupCmd() *cobra.Command {
	var all bool
	c := &cobra.Command{
		Use:   "backup ID|--all FILE",
		Short: a.t("cli.backup"),
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var id int64
			switch {
			case all && len(args) == 1:
			case !all && len(args) == 2:
				var err error
				if id, err = a.idArg(args[:1]); err != nil {
					return err
				}
			default:
				return usagef("%s", a.t("cli.err.backup_args"))
			}
			to := args[len(args)-1]
			return a.withStore(cmd.Context(), true, func(st *store.Store) error {
				res, err := st.Backup(cmd.Context(), id, to)
				var ex *store.ExistsError
				if errors.As(err, &ex) {
					return &saidError{msg: a.t("err.backup_exists", ex.Path), cause: err}
				}
				if err != nil {
					return err
				}
				fmt.Fprintln(a.stdout, a.t("cli.backup.done", res.Path, res.Sessions, res.Path))
				return nil
			})
		},
	}
	c.Flags().BoolVar(&all, "all", false, a.t("cli.flag.all"))
	return c
}
