package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/i18n"
	"github.com/bimtek/bimtek/live"
	"github.com/bimtek/bimtek/phrase"
	"github.com/bimtek/bimtek/report"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/tui"
	"github.com/bimtek/bimtek/workshop"
)

type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer

	db    string
	theme string
	lang  string
	// now is the clock (fixed by tests).
	now func() time.Time
	// listen is `bimtek open --listen`: room mode starts at once there.
	listen string
}

// runProgram runs the terminal UI of m until the user quits. Tests replace
// it, so that run() is tested up to the moment a terminal would be needed
// (the session is already loaded and locked by tui.New).
var runProgram = func(ctx context.Context, m *tui.Model) error {
	p := tea.NewProgram(m, tea.WithContext(ctx))
	m.Listen(p.Send)
	_, err := p.Run()
	return err
}

// opener opens sessions of st through their owner (package live), which
// locks them and applies every change; the screens see only tui.Live.
func opener(st *store.Store, now func() time.Time) tui.Opener {
	return func(ctx context.Context, id int64, readOnly bool) (tui.Live, error) {
		s, err := live.Open(ctx, st, id, live.Options{ReadOnly: readOnly, Now: now})
		if err != nil {
			return nil, err
		}
		return s, nil
	}
}

func (a *app) t(key string, args ...any) string { return assets.T(a.lang, key, args...) }

func (a *app) clock() time.Time {
	if a.now != nil {
		return a.now()
	}
	return time.Now()
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "bimtek",
		Short: a.t("cli.short"),
		Long:  a.t("cli.long"),
		Args:  a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := a.terminal(); err != nil {
				return err
			}
			return a.withStore(cmd.Context(), false, func(st *store.Store) error {
				return a.tui(cmd.Context(), st, 0, false)
			})
		},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&a.db, "db", "", a.t("cli.flag.db"))
	pf.StringVar(&a.theme, "theme", "", a.t("cli.flag.theme"))
	pf.StringVar(&a.lang, "lang", a.lang, a.t("cli.flag.lang"))
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if a.lang != "id" && a.lang != "en" {
			return usagef("%s", a.t("cli.err.lang", a.lang))
		}
		if a.theme != "" && a.theme != "dark" && a.theme != "light" && a.theme != "contrast" {
			return usagef("%s", a.t("cli.err.theme", a.theme))
		}
		return nil
	}
	// pflag says what is wrong with a flag in English; say it in the UI
	// language, naming the command whose help lists the flags.
	root.SetFlagErrorFunc(a.flagError)
	root.AddCommand(a.newCmd(), a.openCmd(), a.listCmd(), a.exportCmd(), a.importCmd(),
		a.presentCmd(), a.editCmd(), a.deleteCmd(), a.demoCmd(), a.frameworksCmd(), a.frameworkCmd(), a.cardsCmd(), a.checkCmd(), a.backupCmd())
	root.AddCommand(a.reportCmd())
	a.translateHelp(root)
	return root
}

// translateHelp puts cobra's own help texts (the help command, -h and -v)
// in the UI language, like every other line of the help page.
func (a *app) translateHelp(root *cobra.Command) {
	root.Flags().BoolP("version", "v", false, a.t("cli.flag.version"))
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		if c.Name() == "help" {
			c.Short = a.t("cli.help")
		}
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = a.t("cli.flag.help", c.Name())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

func (a *app) noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%s", a.t("cli.err.extra_arg", args[0], cmd.CommandPath()))
	}
	return nil
}

// flagError turns pflag's errors into one sentence in the UI language.
func (a *app) flagError(cmd *cobra.Command, err error) error {
	path := cmd.CommandPath()
	var (
		notExist *pflag.NotExistError
		needs    *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		name := "--" + notExist.GetSpecifiedName()
		if notExist.GetSpecifiedShortnames() != "" {
			name = "-" + notExist.GetSpecifiedName()
		}
		return usagef("%s", a.t("cli.err.flag_unknown", name, path))
	case errors.As(err, &needs):
		name := "--" + needs.GetSpecifiedName()
		if needs.GetSpecifiedShortnames() != "" {
			name = "-" + needs.GetSpecifiedName()
		}
		return usagef("%s", a.t("cli.err.flag_needs", name, name, path))
	case errors.As(err, &invalid):
		return usagef("%s", a.t("cli.err.flag_value", invalid.GetValue(), "--"+invalid.GetFlag().Name, path))
	case errors.As(err, &syntax):
		return usagef("%s", a.t("cli.err.flag_syntax", syntax.GetSpecifiedFlag()))
	}
	return usagef("%s", phrase.Sentence(a.lang, err))
}

// idArg reads the session id argument.
func (a *app) idArg(args []string) (int64, error) {
	if len(args) != 1 {
		return 0, usagef("%s", a.t("cli.err.need_id"))
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("%s", a.t("cli.err.bad_id", args[0]))
	}
	return id, nil
}

// mustExist refuses a database path where there is no file: open and
// import need a session, which a new file cannot hold, and a mistyped --db
// must not leave an empty database behind.
func (a *app) mustExist() error {
	path, err := store.ResolvePath(a.db)
	if err != nil {
		return err
	}
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &saidError{msg: a.t("cli.err.no_database", path), cause: err}
	}
	// A file of 0 bytes holds no session: say so, and leave it empty
	// (opening it for writing would make a database of it).
	if err == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
		if wal, err := os.Stat(path + "-wal"); err != nil || wal.Size() == 0 {
			return &saidError{msg: a.t("err.empty_database", path), cause: store.ErrEmptyDatabase}
		}
	}
	return nil
}

// withStore opens the database (read-only for commands that never write,
// so they work on a file another process holds and never change it).
func (a *app) withStore(ctx context.Context, readOnly bool, fn func(*store.Store) error) error {
	path, err := store.ResolvePath(a.db)
	if err != nil {
		return err
	}
	var st *store.Store
	if readOnly {
		// An empty file (0 bytes, or a first run stopped before its schema
		// was written) is a new database, not a damaged one: the store
		// says store.ErrEmptyDatabase.
		st, err = store.OpenReadOnly(ctx, path)
		var bad *store.PathError
		if errors.Is(err, fs.ErrNotExist) && !errors.As(err, &bad) {
			return &saidError{msg: a.t("cli.err.no_database", path), cause: err}
		}
	} else {
		st, err = store.Open(ctx, path)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st)
}

// tui runs the terminal UI on the home screen (id 0) or on a session.
func (a *app) tui(ctx context.Context, st *store.Store, id int64, readOnly bool) error {
	theme := a.theme
	if theme == "" {
		if v, ok, err := st.Setting(ctx, "theme"); err == nil && ok {
			theme = v
		}
	}
	cwd, _ := os.Getwd()
	def, _ := store.DefaultPath()
	opt := tui.Options{Sessions: st, Open: opener(st, a.now), Lang: a.lang, Theme: theme, Session: id, ReadOnly: readOnly,
		ExportBase: cwd, Now: a.now, DefaultDB: def, Listen: a.listen,
		StartRoom: roomStarter(a.now), PhoneCells: st.PhoneCells}
	m, err := tui.New(opt)
	if err != nil {
		return err
	}
	// After New: a session another process holds is said first (that
	// needs no terminal to fix); then no terminal, before any screen.
	if err := a.terminal(); err != nil {
		m.Close()
		return err
	}
	err = runProgram(ctx, m)
	closeErr := m.Close()
	if err != nil {
		return fmt.Errorf("terminal: %w", err)
	}
	if m.Opened != 0 && !readOnly {
		fmt.Fprintln(a.stdout, a.t("frame.quit_saved", tui.ReopenCommand(m.Opened, st.Path(), def)))
	}
	return closeErr
}

func (a *app) openCmd() *cobra.Command {
	var takeOver, yes bool
	c := &cobra.Command{
		Use:   "open ID",
		Short: a.t("cli.open"),
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := a.idArg(args)
			if err != nil {
				return err
			}
			if err := a.mustExist(); err != nil {
				return err
			}
			return a.withStore(cmd.Context(), false, func(st *store.Store) error {
				if takeOver {
					release, err := a.takeOver(cmd, st, id, yes)
					if err != nil {
						return err
					}
					defer release()
				}
				return a.tui(cmd.Context(), st, id, false)
			})
		},
	}
	c.Flags().BoolVar(&takeOver, "take-over", false, a.t("cli.flag.take_over"))
	c.Flags().BoolVar(&yes, "yes", false, a.t("cli.flag.yes"))
	c.Flags().StringVar(&a.listen, "listen", "", a.t("cli.flag.listen"))
	return c
}

// takeOver holds the session for `open --take-over`: free, it is simply
// taken; held by another live process, the user confirms (or gave --yes)
// and the store takes it over and logs it. The TUI's own Acquire is then
// re-entrant.
func (a *app) takeOver(cmd *cobra.Command, st *store.Store, id int64, yes bool) (func() error, error) {
	release, err := st.Acquire(cmd.Context(), id)
	var le *store.LockedError
	if !errors.As(err, &le) {
		return release, err
	}
	if !yes {
		ok, err := a.confirm(a.t("cli.takeover.ask", id, le.Holder.PID, le.Holder.Host, le.Holder.Since.Local().Format("2006-01-02 15:04")))
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, &saidError{msg: a.t("cli.takeover.no", id), cause: err}
		}
	}
	return st.TakeOver(cmd.Context(), id)
}

func (a *app) presentCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "present ID",
		Short: a.t("cli.present"),
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := a.idArg(args)
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), true, func(st *store.Store) error {
				return a.tui(cmd.Context(), st, id, true)
			})
		},
	}
}

func (a *app) newCmd() *cobra.Command {
	var n struct {
		city, date, venue, facilitator, framework, opds string
		stage                                           string
	}
	c := &cobra.Command{
		Use:   "new",
		Short: a.t("cli.new"),
		Args:  a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if strings.TrimSpace(n.city) == "" {
				return usagef("%s", a.t("cli.err.city"))
			}
			city, err := workshop.CheckCity(n.city)
			if err != nil {
				return usagef("%s", phrase.Sentence(a.lang, err))
			}
			if strings.TrimSpace(n.stage) == "" {
				return usagef("%s", a.t("cli.err.stage_missing"))
			}
			stage, err := workshop.ParseTahap(n.stage)
			if err != nil {
				return usagef("%s", a.t("cli.err.stage", workshop.Visible(strings.TrimSpace(n.stage))))
			}
			date := n.date
			if date == "" {
				date = a.clock().Format("2006-01-02")
			} else if date, err = workshop.CheckDate(date); err != nil {
				return usagef("%s", a.t("cli.err.date", workshop.Visible(n.date)))
			}
			venue, err := workshop.CheckVenue(n.venue)
			if err != nil {
				return usagef("%s", phrase.Sentence(a.lang, err))
			}
			facilitator, err := workshop.CheckFacilitator(n.facilitator)
			if err != nil {
				return usagef("%s", phrase.Sentence(a.lang, err))
			}
			f, err := assets.LoadFramework(n.framework)
			var unknown *assets.UnknownFrameworkError
			if errors.As(err, &unknown) {
				return usagef("%s", phrase.Sentence(a.lang, err)) // a word --framework does not take
			}
			if err != nil {
				return err
			}
			opds, err := loadOPDs(n.opds)
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), false, func(st *store.Store) error {
				id, err := st.CreateSession(cmd.Context(), store.NewSession{
					City: city, Stage: stage, Date: date, Venue: venue,
					Facilitator: facilitator, Framework: f, OPDs: opds,
				})
				if err != nil {
					return err
				}
				fmt.Fprintln(a.stdout, id)
				return nil
			})
		},
	}
	fl := c.Flags()
	fl.StringVar(&n.city, "city", "", a.t("cli.flag.city"))
	fl.StringVar(&n.stage, "stage", "", a.t("cli.flag.stage"))
	fl.StringVar(&n.date, "date", "", a.t("cli.flag.date"))
	fl.StringVar(&n.venue, "venue", "", a.t("cli.flag.venue"))
	fl.StringVar(&n.facilitator, "facilitator", "", a.t("cli.flag.facilitator"))
	fl.StringVar(&n.framework, "framework", "elemen", a.t("cli.flag.framework"))
	fl.StringVar(&n.opds, "opds", "preset", a.t("cli.flag.opds"))
	return c
}

// loadOPDs reads --opds: "preset", "none", or a CSV file.
func loadOPDs(v string) ([]store.OPDInput, error) {
	switch v {
	case "none", "":
		return nil, nil
	case "preset":
		var out []store.OPDInput
		for _, p := range assets.PresetOPDs() {
			out = append(out, store.OPDInput{Code: p.Code, Name: p.Name})
		}
		return out, nil
	}
	data, err := assets.ReadInputFile(v, workshop.MaxOPDCSVBytes)
	if err != nil {
		return nil, fmt.Errorf("read OPD list: %w", err)
	}
	rows, err := workshop.ParseOPDCSV(v, data)
	if err != nil {
		return nil, err
	}
	out := make([]store.OPDInput, 0, len(rows))
	for _, r := range rows {
		out = append(out, store.OPDInput{Code: r.Code, Name: r.Name})
	}
	return out, nil
}

func (a *app) listCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "list",
		Short: a.t("cli.list"),
		Args:  a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			err := a.withStore(cmd.Context(), true, func(st *store.Store) error {
				ss, err := st.ListSessions(cmd.Context())
				if err != nil {
					return err
				}
				return a.printList(ss, asJSON)
			})
			if errors.Is(err, store.ErrEmptyDatabase) {
				return a.printList(nil, asJSON)
			}
			return err
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, a.t("cli.flag.json"))
	return c
}

// printList prints the sessions as a table or as JSON.
func (a *app) printList(ss []store.SessionSummary, asJSON bool) error {
	if asJSON {
		return a.listJSON(ss)
	}
	if len(ss) == 0 {
		fmt.Fprintln(a.stdout, a.t("cli.list.empty"))
		return nil
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, a.t("cli.list.header"))
	for _, s := range ss {
		// A city stored before entry had its limit may be of any length:
		// the table keeps its shape.
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d/%d\t%.0f%%\t%s\n", s.ID, ansi.Truncate(s.City, workshop.MaxCityRunes, "…"), roman(s.Stage), ansi.Truncate(s.Date, 10, "…"),
			s.Present, s.OPDs, 100*s.Completion.Ratio(), s.LastActivity.Local().Format("2006-01-02 15:04"))
	}
	return tw.Flush()
}

func (a *app) listJSON(ss []store.SessionSummary) error {
	type row struct {
		ID           int64     `json:"id"`
		City         string    `json:"city"`
		Stage        int       `json:"stage"`
		Date         string    `json:"date"`
		Venue        string    `json:"venue"`
		Facilitator  string    `json:"facilitator"`
		Framework    string    `json:"framework"`
		OPDs         int       `json:"opds"`
		Present      int       `json:"present"`
		Completion   float64   `json:"completion"`
		LastActivity time.Time `json:"last_activity"`
	}
	out := make([]row, 0, len(ss))
	for _, s := range ss {
		out = append(out, row{s.ID, s.City, s.Stage, s.Date, s.Venue, s.Facilitator, s.FrameworkKey,
			s.OPDs, s.Present, workshop.Round2(s.Completion.Ratio()), s.LastActivity.UTC()})
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// importCounts are the counts of an import's summary (cli.import.done and
// .dry) as phrases, each said in its plural form: rows read, cells
// changed, levels set, levels cleared, cells marked N/A, notes changed,
// answers and notes kept because the file leaves them empty.
func importCounts(rows, cells, set, cleared, na, notes, kept, keptNotes int) []any {
	return []any{i18n.M("count.rows", rows), i18n.M("count.cells", cells), i18n.M("count.levels", set), i18n.M("count.levels", cleared),
		i18n.M("count.cells", na), i18n.M("count.notes", notes), i18n.M("count.answers", kept), i18n.M("count.notes", keptNotes)}
}

func (a *app) exportCmd() *cobra.Command {
	var dir string
	var excel bool
	c := &cobra.Command{
		Use:   "export ID",
		Short: a.t("cli.export"),
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			collectOnlyNearLimit()
			id, err := a.idArg(args)
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), true, func(st *store.Store) error {
				d, err := st.Load(cmd.Context(), id)
				if err != nil {
					return err
				}
				// The export needs nothing more of the database: it is
				// closed (a -wal left beside it folded in, as on every
				// read-only close) while the files are made and synced,
				// on the other core and while the disk syncs, instead of
				// after them. withStore's own Close then finds it closed.
				closed := make(chan struct{})
				go func() {
					defer close(closed)
					_ = st.Close()
				}()
				defer func() { <-closed }()
				target := dir
				if target == "" {
					cwd, _ := os.Getwd()
					target = report.DefaultDir(cwd, d, a.clock())
				}
				res, err := report.Export(target, d, report.Options{Excel: excel, Lang: a.lang})
				if err != nil {
					return err
				}
				abs, _ := filepath.Abs(res.Dir)
				fmt.Fprintln(a.stdout, abs)
				return nil
			})
		},
	}
	c.Flags().StringVar(&dir, "dir", "", a.t("cli.flag.dir"))
	c.Flags().BoolVar(&excel, "excel", false, a.t("cli.flag.excel"))
	return c
}

// reportCmd writes the report pack (DESIGN section 13): the workbook and
// the one-page report, in the UI language.
func (a *app) reportCmd() *cobra.Command {
	var dir string
	c := &cobra.Command{
		Use:   "report ID",
		Short: a.t("cli.report"),
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := a.idArg(args)
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), true, func(st *store.Store) error {
				d, err := st.Load(cmd.Context(), id)
				if err != nil {
					return err
				}
				target := dir
				if target == "" {
					cwd, _ := os.Getwd()
					target = report.DefaultPackDir(cwd, d, a.lang, a.clock())
				}
				p, err := report.WritePack(target, d, a.lang)
				if err != nil {
					return err
				}
				fmt.Fprintln(a.stdout, p.Dir)
				return nil
			})
		},
	}
	c.Flags().StringVar(&dir, "dir", "", a.t("cli.flag.report_dir"))
	return c
}

func (a *app) importCmd() *cobra.Command {
	var dryRun, clearBlank, force bool
	c := &cobra.Command{
		Use:   "import ID FILE.csv",
		Short: a.t("cli.import"),
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usagef("%s", a.t("cli.err.import_args"))
			}
			id, err := a.idArg(args[:1])
			if err != nil {
				return err
			}
			data, err := assets.ReadInputFile(args[1], report.MaxScoresBytes)
			if err != nil {
				return fmt.Errorf("read %s: %w", args[1], err)
			}
			if err := a.mustExist(); err != nil {
				return err
			}
			// A dry run writes nothing, so it needs neither a writable
			// file nor the session's writer lock.
			return a.withStore(cmd.Context(), dryRun, func(st *store.Store) error {
				if !dryRun {
					release, err := st.Acquire(cmd.Context(), id)
					if err != nil {
						return err
					}
					defer release()
				}
				d, err := st.Load(cmd.Context(), id)
				if err != nil {
					return err
				}
				sf, err := report.ReadScores(args[1], data, d.Session.Framework, d.OPDs)
				if err != nil {
					return err
				}
				if !force {
					if err := sf.CheckSession(d.Session); err != nil {
						return err
					}
				}
				plan := report.PlanImport(sf, d.Scores, clearBlank)
				counts := importCounts(plan.Rows, len(plan.Changes), plan.Levels, plan.Cleared, plan.NA, plan.Notes, plan.Kept, plan.KeptNotes)
				if dryRun {
					a.printPlan(plan)
					fmt.Fprintln(a.stdout, a.t("cli.import.dry", counts...))
					return nil
				}
				if len(plan.Changes) > 0 {
					if _, err := st.ImportScores(cmd.Context(), id, plan.ScoreRows()); err != nil {
						return err
					}
				}
				fmt.Fprintln(a.stdout, a.t("cli.import.done", counts...))
				return nil
			})
		},
	}
	c.Flags().BoolVar(&dryRun, "dry-run", false, a.t("cli.flag.dry_run"))
	c.Flags().BoolVar(&clearBlank, "clear-blank", false, a.t("cli.flag.clear_blank"))
	c.Flags().BoolVar(&force, "force", false, a.t("cli.flag.force"))
	return c
}

// printPlan says, one line a cell, what an import would change: the
// answer old -> new and the note old -> new.
func (a *app) printPlan(p report.Plan) {
	answer := func(x workshop.Answer) string {
		switch {
		case x.NA:
			return "N/A"
		case x.Level != 0:
			return strconv.Itoa(x.Level)
		}
		return a.t("cli.import.unanswered")
	}
	note := func(s string) string {
		if s == "" {
			return a.t("cli.import.unanswered")
		}
		if r := []rune(s); len(r) > 60 {
			s = string(r[:59]) + "…"
		}
		return strconv.Quote(s)
	}
	for _, c := range p.Changes {
		if c.AnswerChanged() {
			fmt.Fprintln(a.stdout, a.t("cli.import.change", c.OPDCode, c.IndicatorKey, c.Line, answer(c.Old), answer(c.New)))
		}
		if c.NoteChanged() {
			fmt.Fprintln(a.stdout, a.t("cli.import.change_note", c.OPDCode, c.IndicatorKey, c.Line, note(c.OldNote), note(c.NewNote)))
		}
	}
}

func (a *app) frameworksCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "frameworks",
		Short: a.t("cli.frameworks"),
		Args:  a.noArgs,
		RunE: func(*cobra.Command, []string) error {
			tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			for _, k := range assets.Frameworks() {
				f, err := assets.Framework(k)
				if err != nil {
					return err
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\n", k, f.Name.In(a.lang), a.t("cli.frameworks.items", i18n.M("count.dimensions", len(f.Dimensions)), i18n.M("count.items", f.ItemCount())))
			}
			return tw.Flush()
		},
	}
}

func (a *app) frameworkCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "framework",
		Short: a.t("cli.framework"),
		Args:  cobra.ArbitraryArgs,
		// Runnable, so that a mistyped subcommand is a usage error rather
		// than the help page with exit code 0.
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			return usagef("%s", a.t("cli.err.subcommand", args[0], cmd.CommandPath(), "show, check"))
		},
	}
	show := &cobra.Command{
		Use:   "show KEY",
		Short: a.t("cli.framework.show"),
		Args:  cobra.ArbitraryArgs,
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("%s", a.t("cli.err.need_key"))
			}
			b, err := assets.FrameworkYAML(args[0])
			var unknown *assets.UnknownFrameworkError
			if errors.As(err, &unknown) {
				return usagef("%s", phrase.Sentence(a.lang, err))
			}
			if err != nil {
				return err
			}
			_, err = a.stdout.Write(b)
			return err
		},
	}
	check := &cobra.Command{
		Use:   "check FILE",
		Short: a.t("cli.framework.check"),
		Args:  cobra.ArbitraryArgs,
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("%s", a.t("cli.err.need_file"))
			}
			data, err := assets.ReadInputFile(args[0], workshop.MaxFrameworkBytes)
			if err != nil {
				return fmt.Errorf("read %s: %w", args[0], err)
			}
			f, err := workshop.ParseFramework(args[0], data)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, a.t("cli.framework.ok", args[0], i18n.M("count.dimensions", len(f.Dimensions)), i18n.M("count.items", f.ItemCount())))
			return nil
		},
	}
	c.AddCommand(show, check)
	return c
}
