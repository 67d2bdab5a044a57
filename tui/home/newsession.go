package home

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/phrase"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// Choices of the framework and OPD selects that are not a framework key.
const (
	choiceFile = "\x00file"
	opdsPreset = "preset"
	opdsCSV    = "csv"
	opdsNone   = "none"
)

// sessionCreatedMsg is the answer of the background CreateSession.
type sessionCreatedMsg struct {
	id  int64
	err error
}

// newSessionForm is the home screen's form for a new session, built with
// huh. Its values live here (huh writes them through pointers), so the
// form can be rebuilt with the same answers after a failed submit.
type newSessionForm struct {
	st     common.Sessions
	lang   string
	styles *common.Styles
	now    func() time.Time

	form *huh.Form

	city, date, venue, facilitator string
	stage                          int
	framework                      string // a built-in key or choiceFile
	frameworkPath                  string
	// The framework follows the tahap (pilar for Tahap I) until the
	// facilitator picks another: autoFramework is the last one it set,
	// autoStage the tahap it was set for.
	autoFramework string
	autoStage     int
	fwSelect      *huh.Select[string]
	opds          string // opdsPreset, opdsCSV or opdsNone
	csvPath       string

	// What the path validators read, kept so submit does not read again.
	loadedFramework *workshop.Framework
	loadedFrom      string
	csvRows         []workshop.OPDRow
	csvFrom         string

	// backing is true from a Shift+Tab until the next key: going back
	// must not be refused because the field being left is still empty.
	backing bool
	busy    bool   // CreateSession is running
	err     string // the last submit failure, one sentence
	sized   string // the size (and errors) the form was last laid out for

	// moving is the field huh is leaving after Enter/Tab, until its move
	// message arrives; keys typed meanwhile wait in queued.
	moving huh.Field
	queued []tea.KeyPressMsg
	waited int
}

func newNewSessionForm(st common.Sessions, lang string, styles *common.Styles, now func() time.Time) *newSessionForm {
	f := &newSessionForm{
		st: st, lang: lang, styles: styles, now: now,
		stage: 1,
		// The date starts empty with today as its placeholder: typing
		// replaces it, an empty field means today.
		opds: opdsPreset,
	}
	f.framework = frameworkForStage(f.stage)
	f.autoFramework, f.autoStage = f.framework, f.stage
	f.build()
	return f
}

func (f *newSessionForm) t(key string, args ...any) string { return assets.T(f.lang, key, args...) }

// build makes the huh form over the current values.
func (f *newSessionForm) build() {
	// Pad the inline labels to one width so the answers line up.
	labels := []string{f.t("new.city"), f.t("new.date"), f.t("new.venue"), f.t("new.facilitator")}
	lw := 0
	for _, l := range labels {
		lw = max(lw, lipgloss.Width(l))
	}
	pad := func(l string) string { return common.FitCell(l, lw) + " " }

	stages := make([]huh.Option[int], 0, 4)
	for i := 1; i <= 4; i++ {
		stages = append(stages, huh.NewOption(f.t("new.stage.option", common.Roman(i), common.StageShort(f.lang, i)), i))
	}
	var frameworks []huh.Option[string]
	for _, k := range assets.Frameworks() {
		label := k
		if fw, err := assets.Framework(k); err == nil {
			label = fmt.Sprintf("%s · %s", fw.Name.In(f.lang), k)
		}
		frameworks = append(frameworks, huh.NewOption(label, k))
	}
	frameworks = append(frameworks, huh.NewOption(f.t("new.framework.file"), choiceFile))
	opds := []huh.Option[string]{
		huh.NewOption(f.t("new.opds.preset", len(assets.PresetOPDs())), opdsPreset),
		huh.NewOption(f.t("new.opds.csv"), opdsCSV),
		huh.NewOption(f.t("new.opds.none"), opdsNone),
	}

	f.fwSelect = huh.NewSelect[string]().Title(f.t("new.framework")).Options(frameworks...).Value(&f.framework)
	form := huh.NewForm(
		huh.NewGroup(
			huh.NewInput().Title(pad(f.t("new.city"))).Inline(true).Value(&f.city).
				Placeholder(f.t("new.city.placeholder")).Validate(f.checkCity),
			huh.NewSelect[int]().Title(f.t("new.stage")).Options(stages...).Value(&f.stage),
			huh.NewInput().Title(pad(f.t("new.date"))).Inline(true).Value(&f.date).
				Placeholder(f.now().Format("2006-01-02")).Validate(f.checkDate),
			huh.NewInput().Title(pad(f.t("new.venue"))).Inline(true).Value(&f.venue).
				Placeholder(f.t("new.venue.placeholder")).Validate(f.checkVenue),
			huh.NewInput().Title(pad(f.t("new.facilitator"))).Inline(true).Value(&f.facilitator).Validate(f.checkFacilitator),
		).Title(f.t("new.group.session")),
		huh.NewGroup(f.fwSelect).Title(f.t("new.group.framework")),
		huh.NewGroup(
			huh.NewInput().Title(f.t("new.framework.path")).Description(f.t("new.framework.desc")).
				Value(&f.frameworkPath).Validate(f.checkFrameworkPath),
		).Title(f.t("new.group.framework")).WithHideFunc(func() bool { return f.framework != choiceFile }),
		huh.NewGroup(
			huh.NewSelect[string]().Title(f.t("new.opds")).Options(opds...).Value(&f.opds),
		).Title(f.t("new.group.opds")),
		huh.NewGroup(
			huh.NewInput().Title(f.t("new.csv.path")).Description(f.t("new.csv.desc")).
				Value(&f.csvPath).Validate(f.checkCSVPath),
		).Title(f.t("new.group.opds")).WithHideFunc(func() bool { return f.opds != opdsCSV }),
	)
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithDisabled()) // Esc and ctrl+c belong to the screen and the root
	km.Select.Filter.SetEnabled(false)
	km.Select.GotoTop.SetKeys("home")
	km.Select.GotoBottom.SetKeys("end")
	form = form.WithKeyMap(km).WithTheme(huhTheme(f.styles)).WithShowHelp(false).WithShowErrors(true)
	form.SubmitCmd, form.CancelCmd = nil, nil
	// A width before the first render: huh caches each page's content.
	f.form = form.WithWidth(78)
	f.sized = "" // apply the window's size at the next View
}

// Init focuses the first field.
func (f *newSessionForm) Init() tea.Cmd { return f.form.Init() }

// Update feeds the form; when it completes, the session is created in the
// background.
func (f *newSessionForm) Update(msg tea.Msg) tea.Cmd {
	if f.busy {
		return nil
	}
	k, isKey := msg.(tea.KeyPressMsg)
	if isKey && f.moving != nil {
		// huh moves to the next field through a message of its own; keys
		// typed before it arrives would land in the field just left
		// ("Hotel BahariB"), so they wait for the move.
		f.queued = append(f.queued, k)
		return nil
	}
	cmd := f.feed(msg)
	if f.moving != nil && !isKey {
		f.waited++
		if f.form.GetFocusedField() != f.moving || f.form.State != huh.StateNormal || f.waited > 8 {
			f.moving, f.waited = nil, 0
			cmds := []tea.Cmd{cmd}
			for len(f.queued) > 0 && f.moving == nil && !f.busy {
				next := f.queued[0]
				f.queued = f.queued[1:]
				cmds = append(cmds, f.Update(next))
			}
			return tea.Batch(cmds...)
		}
	}
	return cmd
}

// feed passes one message to the huh form; when the form completes, the
// session is created in the background.
func (f *newSessionForm) feed(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		f.backing = k.String() == "shift+tab"
		f.err = ""
	}
	before := f.form.GetFocusedField()
	m, cmd := f.form.Update(msg)
	if form, ok := m.(*huh.Form); ok {
		f.form = form
	}
	f.followStage()
	if k, ok := msg.(tea.KeyPressMsg); ok && cmd != nil && (k.String() == "enter" || k.String() == "tab") &&
		f.form.State == huh.StateNormal && before != nil && before.Error() == nil {
		f.moving = before // a move to the next field is on its way
	}
	if f.form.State != huh.StateCompleted {
		return cmd
	}
	n, err := f.session()
	if err != nil {
		return f.failed(err)
	}
	f.busy = true
	st := f.st
	return func() tea.Msg {
		id, err := st.CreateSession(context.Background(), n)
		if err != nil {
			return sessionCreatedMsg{err: fmt.Errorf("create session for %s: %w", n.City, err)}
		}
		return sessionCreatedMsg{id: id}
	}
}

// failed shows why the session was not created and opens the form again
// with the same answers.
func (f *newSessionForm) failed(err error) tea.Cmd {
	f.busy = false
	f.err = f.t("home.create_failed", phrase.Sentence(f.lang, err))
	f.build()
	return f.form.Init()
}

// session turns the answers into a workshop.NewSession (validating again: the
// form may be submitted by a test or the files may have changed).
func (f *newSessionForm) session() (workshop.NewSession, error) {
	for _, check := range []func() error{
		func() error { return f.checkCity(f.city) },
		func() error { return f.checkDate(f.date) },
		func() error { return f.checkVenue(f.venue) },
		func() error { return f.checkFacilitator(f.facilitator) },
	} {
		if err := check(); err != nil {
			return workshop.NewSession{}, err
		}
	}
	if err := workshop.CheckTahap(f.stage); err != nil {
		return workshop.NewSession{}, err
	}
	n := workshop.NewSession{
		City:        strings.TrimSpace(f.city),
		Stage:       f.stage,
		Date:        f.dateOrToday(),
		Venue:       strings.TrimSpace(f.venue),
		Facilitator: strings.TrimSpace(f.facilitator),
	}
	if f.framework == choiceFile {
		if err := f.checkFrameworkPath(f.frameworkPath); err != nil {
			return n, err
		}
		n.Framework = f.loadedFramework
	} else {
		fw, err := assets.Framework(f.framework)
		if err != nil {
			return n, fmt.Errorf("built-in framework %s: %w", f.framework, err)
		}
		n.Framework = fw
	}
	switch f.opds {
	case opdsPreset:
		for _, p := range assets.PresetOPDs() {
			n.OPDs = append(n.OPDs, workshop.OPDInput{Code: p.Code, Name: p.Name})
		}
	case opdsCSV:
		if err := f.checkCSVPath(f.csvPath); err != nil {
			return n, err
		}
		for _, r := range f.csvRows {
			n.OPDs = append(n.OPDs, workshop.OPDInput{Code: r.Code, Name: r.Name})
		}
	}
	return n, nil
}

func (f *newSessionForm) checkCity(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New(f.t("new.city.required"))
	}
	_, err := workshop.CheckCity(s)
	return f.refusal(err)
}

func (f *newSessionForm) checkDate(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil // today, the placeholder
	}
	_, err := workshop.CheckDate(s)
	return f.refusal(err)
}

// frameworkForStage is the built-in framework a tahap starts with: the
// readiness pillars for Tahap I, the element framework after it.
func frameworkForStage(stage int) string {
	if stage == 1 {
		if _, err := assets.Framework("pilar"); err == nil {
			return "pilar"
		}
	}
	return assets.DefaultFramework
}

// followStage moves the framework choice with the tahap while the
// facilitator has not picked one of their own.
func (f *newSessionForm) followStage() {
	if f.stage == f.autoStage {
		return
	}
	f.autoStage = f.stage
	if f.framework != f.autoFramework {
		return // chosen by hand: kept
	}
	f.framework = frameworkForStage(f.stage)
	f.autoFramework = f.framework
	f.fwSelect.Value(&f.framework)
}

func (f *newSessionForm) checkVenue(s string) error {
	_, err := workshop.CheckVenue(s)
	return f.refusal(err)
}

func (f *newSessionForm) checkFacilitator(s string) error {
	_, err := workshop.CheckFacilitator(s)
	return f.refusal(err)
}

// refusal says a value workshop refused in the form's language.
func (f *newSessionForm) refusal(err error) error {
	if err == nil {
		return nil
	}
	return errors.New(phrase.Sentence(f.lang, err))
}

// checkFrameworkPath reads and checks the framework file (a small local
// file, read when the field is left, never while drawing).
func (f *newSessionForm) checkFrameworkPath(s string) error {
	if f.backing {
		return nil
	}
	p := common.CleanPath(s)
	if p == "" {
		return errors.New(f.t("new.framework.empty"))
	}
	if f.loadedFramework != nil && f.loadedFrom == p {
		return nil
	}
	fw, err := assets.LoadFramework(p)
	if err != nil {
		f.loadedFramework = nil
		var fe *workshop.FrameworkError
		if errors.As(err, &fe) {
			return errors.New(f.t("new.framework.bad", firstLines(fe.In(f.lang), 6, f.lang)))
		}
		return errors.New(f.t("new.framework.bad", phrase.Sentence(f.lang, err)))
	}
	f.loadedFramework, f.loadedFrom = fw, p
	return nil
}

// checkCSVPath reads the OPD CSV and reports its problems with their lines.
func (f *newSessionForm) checkCSVPath(s string) error {
	if f.backing {
		return nil
	}
	p := common.CleanPath(s)
	if p == "" {
		return errors.New(f.t("new.csv.empty"))
	}
	if f.csvRows != nil && f.csvFrom == p {
		return nil
	}
	rows, err := readOPDCSV(p)
	if err != nil {
		f.csvRows = nil
		var ce *workshop.OPDCSVError
		if errors.As(err, &ce) {
			return errors.New(f.t("new.csv.bad", len(ce.Problems), firstLines(common.ProblemLines(ce.Problems, f.lang), 6, f.lang)))
		}
		return errors.New(f.t("new.csv.open", p))
	}
	f.csvRows, f.csvFrom = rows, p
	return nil
}

// readOPDCSV reads and parses an OPD list file.
func readOPDCSV(path string) ([]workshop.OPDRow, error) {
	data, err := assets.ReadInputFile(path, workshop.MaxOPDCSVBytes)
	if err != nil {
		return nil, fmt.Errorf("read OPD list %s: %w", path, err)
	}
	return workshop.ParseOPDCSV(filepath.Base(path), data)
}

// firstLines keeps the first n lines of s and says how many were left out.
func firstLines(s string, n int, lang string) string {
	lines := strings.Split(s, "\n")
	if len(lines) <= n {
		return s
	}
	return strings.Join(lines[:n], "\n") + "\n" + assets.T(lang, "wrap.more", len(lines)-n)
}

// size lays huh's page out for a body of w x h, after every message
// (Home.place): huh does it when it gets a window size, and its height is
// what the tallest page needs, at most the room below the title (the
// current errors included).
func (f *newSessionForm) size(w, h int) {
	fw := max(20, min(w-2, 110))
	formH := max(5, h-4)
	if key := fmt.Sprint(fw, formH, f.form.Errors()); key != f.sized {
		f.sized = key
		f.form = f.form.WithWidth(fw)
		if m, _ := f.form.Update(tea.WindowSizeMsg{Width: fw, Height: formH}); m != nil {
			f.form = m.(*huh.Form)
		}
	}
}

// View draws the form: its title, the current page, the last failure and
// the keys.
func (f *newSessionForm) View(w, h int) string {
	st := f.styles
	out := []string{common.FitCell(st.Title.Render(" "+f.t("new.title")), w), ""}
	if f.busy {
		out = append(out, " "+st.Base.Render(f.t("home.creating")))
		return strings.Join(out, "\n")
	}
	for _, l := range strings.Split(f.form.View(), "\n") {
		out = append(out, " "+ansi.Truncate(l, w-1, "…"))
	}
	if len(out) > h-2 {
		out = out[:max(0, h-2)]
	}
	if f.err != "" {
		out = append(out, " "+st.Bad.Render(ansi.Truncate("✘ "+f.err, w-2, "…")))
	} else {
		out = append(out, "")
	}
	out = append(out, " "+st.Base.Render(ansi.Truncate(f.t("new.hint"), w-2, "…")))
	return strings.Join(out, "\n")
}

// huhTheme dresses the form in the app's palette: bold titles, no faint
// grey for anything that matters, errors in the warning colour with a
// symbol.
func huhTheme(st *common.Styles) huh.Theme {
	return huh.ThemeFunc(func(isDark bool) *huh.Styles {
		p := st.P
		t := huh.ThemeBase(isDark)
		t.FieldSeparator = lipgloss.NewStyle().SetString("\n")
		fs := &t.Focused
		fs.Base = fs.Base.BorderForeground(p.Accent)
		fs.Title = lipgloss.NewStyle().Foreground(p.Accent).Bold(true)
		fs.Description = lipgloss.NewStyle().Foreground(p.Muted)
		fs.ErrorIndicator = lipgloss.NewStyle().Foreground(p.Bad).Bold(true).SetString(" ✘")
		fs.ErrorMessage = lipgloss.NewStyle().Foreground(p.Bad).Bold(true).SetString("✘")
		fs.SelectSelector = lipgloss.NewStyle().Foreground(p.Accent).Bold(true).SetString("▶ ")
		fs.Option = lipgloss.NewStyle().Foreground(p.Fg)
		fs.UnselectedOption = lipgloss.NewStyle().Foreground(p.Fg)
		fs.SelectedOption = lipgloss.NewStyle().Foreground(p.Accent).Bold(true)
		fs.TextInput.Cursor = lipgloss.NewStyle().Foreground(p.Accent)
		fs.TextInput.Placeholder = lipgloss.NewStyle().Foreground(p.Muted)
		fs.TextInput.Prompt = lipgloss.NewStyle().Foreground(p.Accent).Bold(true)
		fs.TextInput.Text = lipgloss.NewStyle().Foreground(p.Fg).Bold(true)
		t.Blurred = t.Focused
		t.Blurred.Base = t.Focused.Base.BorderStyle(lipgloss.HiddenBorder())
		t.Blurred.Title = lipgloss.NewStyle().Foreground(p.Fg).Bold(true)
		t.Blurred.SelectSelector = lipgloss.NewStyle().Foreground(p.Fg).SetString("✔ ")
		t.Blurred.SelectedOption = lipgloss.NewStyle().Foreground(p.Fg).Bold(true)
		t.Blurred.TextInput.Prompt = lipgloss.NewStyle().Foreground(p.Fg)
		t.Group.Title = lipgloss.NewStyle().Foreground(p.Fg).Bold(true).Underline(true)
		t.Group.Description = lipgloss.NewStyle().Foreground(p.Muted)
		return t
	})
}

// dateOrToday is the typed date, or today when the field was left empty.
func (f *newSessionForm) dateOrToday() string {
	if d := strings.TrimSpace(f.date); d != "" {
		return d
	}
	return f.now().Format("2006-01-02")
}
