package tui

// The in-app export (x on home and on the wrap-up, ctrl+e anywhere in a
// session): a small dialog that offers what the command line offers
// (DESIGN 7 and 13) and the folder to write into, both remembered per
// database in its settings. The dialog, the reading of the remembered
// choice and the export itself live here together; the root only opens
// the dialog, routes keys to it and shows the answer.

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/report"
	"github.com/bimtek/bimtek/workshop"
)

// exportKinds are the choices in the order the dialog lists them.
var exportKinds = []ExportKind{ExportExcel, ExportCSV, ExportPack}

// The settings (per database) that remember the last choice and folder.
const (
	settingExportKind = "export.kind"
	settingExportDir  = "export.dir"
)

func parseExportKind(s string) (ExportKind, bool) {
	for _, k := range exportKinds {
		if string(k) == s {
			return k, true
		}
	}
	return ExportExcel, false
}

// exportPrefsMsg carries what the dialog starts with: the session and the
// remembered choice and folder.
type exportPrefsMsg struct {
	id   int64
	name string // "Kota Uji · Tahap II"
	kind ExportKind
	dir  string
}

// exportChosenMsg is Enter in the dialog: write this export now.
type exportChosenMsg struct {
	id   int64
	kind ExportKind
	dir  string
}

// exportCancelledMsg is Esc in the dialog.
type exportCancelledMsg struct{}

// readExportPrefs reads the remembered choice and folder in the
// background; without them (or when they cannot be read) the dialog
// offers Excel Indonesia in fallbackDir.
func readExportPrefs(st Sessions, id int64, name, fallbackDir string) tea.Cmd {
	return func() tea.Msg {
		msg := exportPrefsMsg{id: id, name: name, kind: ExportExcel, dir: fallbackDir}
		if st == nil {
			return msg
		}
		ctx := context.Background()
		if v, ok, err := st.Setting(ctx, settingExportKind); err == nil && ok {
			msg.kind, _ = parseExportKind(v)
		}
		if v, ok, err := st.Setting(ctx, settingExportDir); err == nil && ok && strings.TrimSpace(v) != "" {
			msg.dir = v
		}
		return msg
	}
}

// exportJob is everything one export needs, copied out of the model so
// the work runs in a tea.Cmd.
type exportJob struct {
	st       Sessions
	open     Live // the open session, exported from what its owner holds
	id       int64
	kind     ExportKind
	dir      string
	lang     string
	now      time.Time
	remember bool // false in the read-only projector view
}

// run writes the export: the folder is checked first (it must exist and
// take a new file, else one sentence and nothing written), then the files
// go into a new folder inside it named after the session and the time.
// A successful choice and folder are remembered for the next export.
func (j exportJob) run() tea.Msg {
	base := strings.TrimSpace(j.dir)
	if abs, err := filepath.Abs(base); err == nil {
		base = abs
	}
	if err := report.CheckBaseFolder(base); err != nil {
		return ExportedMsg{ID: j.id, Kind: j.kind, Err: err}
	}
	var d *workshop.Data
	if j.open != nil {
		d = j.open.Snapshot()
	} else {
		var err error
		if d, err = j.st.Load(context.Background(), j.id); err != nil {
			return ExportedMsg{ID: j.id, Kind: j.kind, Err: fmt.Errorf("export session %d: %w", j.id, err)}
		}
	}
	var msg ExportedMsg
	switch j.kind {
	case ExportPack:
		p, err := report.WritePack(report.DefaultPackDir(base, d, j.lang, j.now), d, j.lang)
		if err != nil {
			return ExportedMsg{ID: j.id, Kind: j.kind, Err: err}
		}
		msg = ExportedMsg{ID: j.id, Kind: j.kind, Dir: p.Dir, Files: p.Files()}
	default:
		res, err := report.Export(report.DefaultDir(base, d, j.now), d, report.Options{Lang: j.lang, Excel: j.kind != ExportCSV})
		if err != nil {
			return ExportedMsg{ID: j.id, Kind: j.kind, Err: err}
		}
		msg = ExportedMsg{ID: j.id, Kind: j.kind, Dir: res.Dir, Files: res.Files}
	}
	if j.remember && j.st != nil {
		// The files are written; a choice that cannot be remembered is only
		// asked again next time.
		ctx := context.Background()
		_ = j.st.SetSetting(ctx, settingExportKind, string(j.kind))
		_ = j.st.SetSetting(ctx, settingExportDir, base)
	}
	return msg
}

// exportDialog is the choice of what to export and where: the kinds as a
// list (the remembered one, else Excel Indonesia, highlighted), the folder
// as a text field. Arrows choose, Tab moves between the list and the
// folder, Enter exports, Esc closes it without writing anything.
type exportDialog struct {
	lang   string
	styles *Styles
	keys   exportKeys

	id   int64
	name string

	choice   int
	onFolder bool
	folder   textinput.Model

	busy bool   // the export is being written
	err  string // why the last Enter wrote nothing, one sentence

	w, h int // the body it is drawn in
}

type exportKeys struct {
	Choose, Field, Go, Cancel key.Binding
}

func newExportDialog(msg exportPrefsMsg, lang string, styles *Styles) *exportDialog {
	d := &exportDialog{lang: lang, styles: styles, id: msg.id, name: msg.name}
	d.keys = exportKeys{
		Choose: keyHelp(lang, "↑/↓", "export.key.choose", "up", "down"),
		Field:  keyHelp(lang, "Tab", "export.key.field", "tab", "shift+tab"),
		Go:     keyHelp(lang, "Enter", "export.key.go", "enter"),
		Cancel: keyHelp(lang, "Esc", "export.key.cancel", "esc"),
	}
	for i, k := range exportKinds {
		if k == msg.kind {
			d.choice = i
		}
	}
	d.folder = newTextField(styles, assets.T(lang, "export.folder_ph"))
	d.folder.CharLimit = 4096
	d.folder.SetValue(msg.dir)
	d.folder.CursorEnd()
	d.folder.Blur()
	return d
}

// Kind is the highlighted choice.
func (d *exportDialog) Kind() ExportKind { return exportKinds[d.choice] }

// SetSize gives the dialog the body's size; the folder field takes the
// box's width.
func (d *exportDialog) SetSize(w, h int) {
	d.w, d.h = w, h
	d.folder.SetWidth(max(10, d.inner()-3))
}

// inner is the width of the box's text: at most 96 columns with the
// border and a space each side.
func (d *exportDialog) inner() int { return min(d.w-2, 96) - 4 }

// ShortHelp lists the dialog's keys for the footer.
func (d *exportDialog) ShortHelp() []key.Binding {
	return []key.Binding{d.keys.Choose, d.keys.Field, d.keys.Go, d.keys.Cancel}
}

// Update takes every key while the dialog is open.
func (d *exportDialog) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if d.onFolder {
			var cmd tea.Cmd
			d.folder, cmd = d.folder.Update(msg)
			return cmd
		}
		return nil
	}
	if d.busy {
		return nil // one export at a time; its answer closes the dialog
	}
	switch k.String() {
	case "esc":
		return func() tea.Msg { return exportCancelledMsg{} }
	case "enter":
		dir := strings.TrimSpace(d.folder.Value())
		if dir == "" {
			d.err = assets.T(d.lang, "export.no_folder")
			d.focusFolder(true)
			return nil
		}
		d.busy, d.err = true, ""
		job := exportChosenMsg{id: d.id, kind: d.Kind(), dir: dir}
		return func() tea.Msg { return job }
	case "up":
		d.choice = (d.choice + len(exportKinds) - 1) % len(exportKinds)
		return nil
	case "down":
		d.choice = (d.choice + 1) % len(exportKinds)
		return nil
	case "tab", "shift+tab":
		d.focusFolder(!d.onFolder)
		return nil
	}
	if !d.onFolder {
		switch k.String() {
		case "k":
			d.choice = (d.choice + len(exportKinds) - 1) % len(exportKinds)
		case "j":
			d.choice = (d.choice + 1) % len(exportKinds)
		case "1", "2", "3":
			d.choice = int(k.String()[0] - '1')
		}
		return nil
	}
	var cmd tea.Cmd
	d.folder, cmd = d.folder.Update(k)
	d.err = ""
	return cmd
}

func (d *exportDialog) focusFolder(on bool) {
	d.onFolder = on
	if on {
		d.folder.Focus()
	} else {
		d.folder.Blur()
	}
}

// failed shows why the export wrote nothing; the dialog stays open so the
// folder can be corrected.
func (d *exportDialog) failed(sentence string) {
	d.busy, d.err = false, sentence
	d.focusFolder(true)
}

// View draws the dialog as a framed box in the middle of the body.
func (d *exportDialog) View() string {
	st := d.styles
	w, h := d.w, d.h
	inner := d.inner()
	var lines []string
	add := func(s string) { lines = append(lines, s) }
	wrapped := func(style lipgloss.Style, text string, indent int) {
		for _, l := range wrapText(text, inner-indent) {
			add(strings.Repeat(" ", indent) + style.Render(l))
		}
	}
	t := func(k string, args ...any) string { return assets.T(d.lang, k, args...) }

	wrapped(st.Title, t("export.title", d.name), 0)
	add("")
	add(st.Bold.Render(t("export.kind")))
	labelW := 0
	for _, k := range exportKinds {
		labelW = max(labelW, ansi.StringWidth(k.Label(d.lang)))
	}
	descW := inner - 2 - labelW - 2
	for i, k := range exportKinds {
		mark := "  "
		if i == d.choice {
			mark = "▶ "
		}
		desc := t("export.desc." + string(k))
		var descLines []string
		if descW >= 16 {
			descLines = wrapText(desc, descW)
		}
		head := mark + fitCell(k.Label(d.lang), labelW)
		style := st.Base
		if i == d.choice {
			style = st.Bold
			if !d.onFolder {
				style = st.Selected
			}
		}
		first := ""
		if len(descLines) > 0 {
			first = descLines[0]
		}
		add(style.Render(fitCell(head+"  "+first, inner)))
		for _, l := range descLines[min(1, len(descLines)):] {
			add(style.Render(fitCell(strings.Repeat(" ", 2+labelW+2)+l, inner)))
		}
		if descW < 16 {
			wrapped(st.Base, desc, 4)
		}
	}
	add("")
	add(st.Bold.Render(t("export.folder")))
	add(d.folder.View())
	where := t("export.where_csv")
	if d.Kind() == ExportPack {
		where = t("export.where_pack")
	}
	wrapped(st.Base, where, 2)
	switch {
	case d.busy:
		add("")
		wrapped(st.Bold, t("export.busy", d.Kind().Label(d.lang)), 0)
	case d.err != "":
		add("")
		wrapped(st.Bad, "✘ "+d.err, 0)
	}
	for i, l := range lines {
		lines[i] = fitCell(l, inner)
	}
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(st.P.Accent).Padding(0, 1).
		Render(strings.Join(lines, "\n"))
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box)
}

// exportStatus is the status line after an export: the choice, and which
// files went where, the folder shortened from the left when the line is
// too wide (then the file names go before the folder is cut further).
func exportStatus(lang string, msg ExportedMsg, w int) string {
	names := make([]string, len(msg.Files))
	for i, f := range msg.Files {
		names[i] = filepath.Base(f)
	}
	kind := msg.Kind.Label(lang)
	room := w - 2 // after "✔ "
	full := func(dir string) string {
		return assets.T(lang, "export.status", kind, dir, strings.Join(names, ", "))
	}
	short := func(dir string) string { return assets.T(lang, "export.status_short", kind, len(names), dir) }
	if ansi.StringWidth(full(msg.Dir)) <= room {
		return full(msg.Dir)
	}
	if over := ansi.StringWidth(full(msg.Dir)) - room; ansi.StringWidth(msg.Dir)-over >= 24 {
		return full(shortLeft(msg.Dir, ansi.StringWidth(msg.Dir)-over))
	}
	over := ansi.StringWidth(short(msg.Dir)) - room
	if over <= 0 {
		return short(msg.Dir)
	}
	return short(shortLeft(msg.Dir, max(8, ansi.StringWidth(msg.Dir)-over)))
}

// newTextField is a text field in the app's colours with a steady cursor
// (a blinking one is noise on a projector).
func newTextField(styles *Styles, placeholder string) textinput.Model {
	p := styles.P
	ti := textinput.New()
	ti.Prompt = "› "
	ti.Placeholder = placeholder
	sty := textinput.DefaultStyles(true)
	sty.Focused.Prompt = lipgloss.NewStyle().Foreground(p.Accent).Bold(true)
	sty.Focused.Text = lipgloss.NewStyle().Foreground(p.Fg).Bold(true)
	sty.Focused.Placeholder = lipgloss.NewStyle().Foreground(p.Muted)
	sty.Blurred.Prompt = lipgloss.NewStyle().Foreground(p.Fg)
	sty.Blurred.Text = lipgloss.NewStyle().Foreground(p.Fg)
	sty.Blurred.Placeholder = lipgloss.NewStyle().Foreground(p.Muted)
	sty.Cursor.Color = p.Accent
	sty.Cursor.Blink = false
	ti.SetStyles(sty)
	return ti
}
