// Command bimtek runs a Smart City masterplan Bimtek from one laptop: the
// workshop phases on screen, the OPD self-assessment in a local SQLite
// file, live scores, and CSV exports for Excel.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime/debug"
	"strings"

	"charm.land/fang/v2"

	"github.com/bimtek/bimtek/phrase"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// memoryLimit is the heap the Go runtime aims to stay under (a soft
// limit: past it the collector runs more often, it never fails an
// allocation). The scale session, 80 OPDs x 90 indicators, lives in about
// half of it; GOMEMLIMIT set by the user wins.
const memoryLimit = 32 << 20

// collectOnlyNearLimit is for a command that reads, writes a few files
// and exits (an export): the collector no longer runs at every doubling
// of the heap (GOGC off), only when the heap nears the soft memory limit,
// which still bounds it. The scale session's export then runs no
// collection at all (TestExportCollectsOnlyNearTheMemoryLimit), which
// saves the collector's processor time (BENCHMARKS.md), and its resident
// memory stays about 26 MB, as it was. A GOGC set by the user wins, and
// with no memory limit in force (a test calling run, GOMEMLIMIT=off)
// nothing changes.
func collectOnlyNearLimit() {
	if os.Getenv("GOGC") != "" {
		return
	}
	if limit := debug.SetMemoryLimit(-1); limit <= 0 || limit == math.MaxInt64 {
		return
	}
	debug.SetGCPercent(-1)
}

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit code: 0 ok, 1 error,
// 2 usage.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := &app{stdin: stdin, stdout: stdout, stderr: stderr, lang: langFromArgs(args)}
	root := app.rootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := fang.Execute(ctx, root,
		fang.WithVersion(version),
		fang.WithoutManpage(),
		fang.WithoutCompletions(),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) {
			fmt.Fprintln(w, app.sentence(err))
		}),
	)
	if err == nil {
		return 0
	}
	if isUsage(err) {
		return 2
	}
	return 1
}

// usageError is a command line the program cannot read (exit code 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// saidError is an error already said in the UI language (exit code 1).
type saidError struct {
	msg   string
	cause error
}

func (e *saidError) Error() string { return e.msg }
func (e *saidError) Unwrap() error { return e.cause }

// isUsage tells a usage error: ours, or cobra's own (it has no type for
// them, so its fixed prefixes are matched).
func isUsage(err error) bool {
	var u *usageError
	if errors.As(err, &u) {
		return true
	}
	s := err.Error()
	for _, p := range []string{"flag needs an argument", "unknown flag", "unknown shorthand flag", "unknown command", "invalid argument", "accepts ", "requires at least", "required flag", "bad flag syntax"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// langFromArgs reads --lang before cobra parses, so even a usage error is
// said in the chosen language.
func langFromArgs(args []string) string {
	for i, a := range args {
		switch {
		case a == "--lang" && i+1 < len(args):
			return args[i+1]
		case strings.HasPrefix(a, "--lang="):
			return strings.TrimPrefix(a, "--lang=")
		}
	}
	if v := os.Getenv("BIMTEK_LANG"); v == "en" {
		return v
	}
	return "id"
}

func (a *app) sentence(err error) string {
	var u *usageError
	if errors.As(err, &u) {
		return u.msg
	}
	var s *saidError
	if errors.As(err, &s) {
		return s.msg
	}
	return phrase.Sentence(a.lang, err)
}
