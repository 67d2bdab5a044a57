// Package exportdialog is the in-app export (x on the home screen and on
// the wrap-up, ctrl+e anywhere in a session): a small dialog that offers
// what the command line offers (DESIGN 7 and 13) and the folder to write
// into, both remembered per database in its settings. The dialog, the
// reading of the remembered choice and the export itself live here
// together; the root only opens the dialog, routes keys to it and shows
// the answer. The home screen and the open session share it.
package exportdialog

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
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// exportKinds are the choices in the order the dialog lists them.
var exportKinds = []common.ExportKind{common.ExportExcel, common.ExportCSV, common.ExportPack}

// The settings (per database) that remember the last choice and folder.
const (
	settingExportKind = "export.kind"
	settingExportDir  = "export.dir"
)

func parseExportKind(s string) (common.ExportKind, bool) {
	for _, k := range exportKinds {
		if string(k) == s {
			return k, true
		}
	}
	return common.ExportExcel, false
}

// PrefsMsg carries what the dialog starts with: the session and the
// remembered choice and folder.
type PrefsMsg struct {
	id   int64
	name string // "Kota Uji · Tahap II"
	kind common.ExportKind
	dir  string
}

// ChosenMsg is Enter in the dialog: write this export now.
type ChosenMsg struct {
	ID   int64
	Kind common.ExportKind
	Dir  string
}

// CancelledMsg is Esc in the dialog.
type CancelledMsg struct{}

// ReadPrefs reads the remembered choice and folder in the
// background; without them (or when they cannot be read) the dialog
// offers Excel Indonesia in fallbackDir.
func ReadPrefs(st common.Sessions, id int64, name, fallbackDir string) tea.Cmd {
	return func() tea.Msg {
		msg := PrefsMsg{id: id, name: name, kind: common.ExportExcel, dir: fallbackDir}
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

// Job is everything one export needs, copied out of the model so
// the work runs in a tea.Cmd.
type Job struct {
	Sessions common.Sessions
	Open     common.Live // the open session, exported from what its owner holds
	ID       int64
	Kind     common.ExportKind
	Dir      string
	Lang     string
	Now      time.Time
	Remember bool // false in the read-only projector view
}

// Run writes the export: the folder is checked first (it must exist and
// take a new file, else one sentence and nothing written), then the files
// go into a new folder inside it named after the session and the time.
// A successful choice and folder are remembered for the next export.
func (j Job) Run() tea.Msg {
	base := strings.TrimSpace(j.Dir)
	if abs, err := filepath.Abs(base); err == nil {
		base = abs
	}
	if err := report.CheckBaseFolder(base); err != nil {
		return common.ExportedMsg{ID: j.ID, Kind: j.Kind, Err: err}
	}
	var d *workshop.Data
	if j.Open != nil {
		d = j.Open.Snapshot()
	} else {
		var err error
		if d, err = j.Sessions.Load(context.Background(), j.ID); err != nil {
			return common.ExportedMsg{ID: j.ID, Kind: j.Kind, Err: fmt.Errorf("export session %d: %w", j.ID, err)}
		}
	}
	var msg common.ExportedMsg
	switch j.Kind {
	case common.ExportPack:
		p, err := report.WritePack(report.DefaultPackDir(base, d, j.Lang, j.Now), d, j.Lang)
		if err != nil {
			return common.ExportedMsg{ID: j.ID, Kind: j.Kind, Err: err}
		}
		msg = common.ExportedMsg{ID: j.ID, Kind: j.Kind, Dir: p.Dir, Files: p.Files()}
	default:
		res, err := report.Export(report.DefaultDir(base, d, j.Now), d, report.Options{Lang: j.Lang, Excel: j.Kind != common.ExportCSV})
		if err != nil {
			return common.ExportedMsg{ID: j.ID, Kind: j.Kind, Err: err}
		}
		msg = common.ExportedMsg{ID: j.ID, Kind: j.Kind, Dir: res.Dir, Files: res.Files}
	}
	if j.Remember && j.Sessions != nil {
		// The files are written; a choice that cannot be remembered is only
		// asked again next time.
		ctx := context.Background()
		_ = j.Sessions.SetSetting(ctx, settingExportKind, string(j.Kind))
		_ = j.Sessions.SetSetting(ctx, settingExportDir, base)
	}
	return msg
}

// Dialog is the choice of what to export and where: the kinds as a
// list (the remembered one, else Excel Indonesia, highlighted), the folder
// as a text field. Arrows choose, Tab moves between the list and the
// folder, Enter exports, Esc closes it without writing anything.
type Dialog struct {
	lang   string
	styles *common.Styles
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

func New(msg PrefsMsg, lang string, styles *common.Styles) *Dialog {
	d := &Dialog{lang: lang, styles: styles, id: msg.id, name: msg.name}
	d.keys = exportKeys{
		Choose: common.KeyHelp(lang, "↑/↓", "export.key.choose", "up", "down"),
		Field:  common.KeyHelp(lang, "Tab", "export.key.field", "tab", "shift+tab"),
		Go:     common.KeyHelp(lang, "Enter", "export.key.go", "enter"),
		Cancel: common.KeyHelp(lang, "Esc", "export.key.cancel", "esc"),
	}
	for i, k := range exportKinds {
		if k == msg.kind {
			d.choice = i
		}
	}
	d.folder = common.NewTextField(styles, assets.T(lang, "export.folder_ph"))
	d.folder.CharLimit = 4096
	d.folder.SetValue(msg.dir)
	d.folder.CursorEnd()
	d.folder.Blur()
	return d
}

// Kind is the highlighted choice.
func (d *Dialog) Kind() common.ExportKind { return exportKinds[d.choice] }

// SetSize gives the dialog the body's size; the folder field takes the
// box's width.
func (d *Dialog) SetSize(w, h int) {
	d.w, d.h = w, h
	d.folder.SetWidth(max(10, d.inner()-3))
}

// inner is the width of the box's text: at most 96 columns with the
// border and a space each side.
func (d *Dialog) inner() int { return min(d.w-2, 96) - 4 }

// ShortHelp lists the dialog's keys for the footer.
func (d *Dialog) ShortHelp() []key.Binding {
	return []key.Binding{d.keys.Choose, d.keys.Field, d.keys.Go, d.keys.Cancel}
}

// Update takes every key while the dialog is open.
func (d *Dialog) Update(msg tea.Msg) tea.Cmd {
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
		return func() tea.Msg { return CancelledMsg{} }
	case "enter":
		dir := strings.TrimSpace(d.folder.Value())
		if dir == "" {
			d.err = assets.T(d.lang, "export.no_folder")
			d.focusFolder(true)
			return nil
		}
		d.busy, d.err = true, ""
		job := ChosenMsg{ID: d.id, Kind: d.Kind(), Dir: dir}
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

func (d *Dialog) focusFolder(on bool) {
	d.onFolder = on
	if on {
		d.folder.Focus()
	} else {
		d.folder.Blur()
	}
}

// Failed shows why the export wrote nothing; the dialog stays open so the
// folder can be corrected.
func (d *Dialog) Failed(sentence string) {
	d.busy, d.err = false, sentence
	d.focusFolder(true)
}

// View draws the dialog as a framed box in the middle of the body.
func (d *Dialog) View() string {
	st := d.styles
	w, h := d.w, d.h
	inner := d.inner()
	var lines []string
	add := func(s string) { lines = append(lines, s) }
	wrapped := func(style lipgloss.Style, text string, indent int) {
		for _, l := range common.WrapText(text, inner-indent) {
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
			descLines = common.WrapText(desc, descW)
		}
		head := mark + common.FitCell(k.Label(d.lang), labelW)
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
		add(style.Render(common.FitCell(head+"  "+first, inner)))
		for _, l := range descLines[min(1, len(descLines)):] {
			add(style.Render(common.FitCell(strings.Repeat(" ", 2+labelW+2)+l, inner)))
		}
		if descW < 16 {
			wrapped(st.Base, desc, 4)
		}
	}
	add("")
	add(st.Bold.Render(t("export.folder")))
	add(d.folder.View())
	where := t("export.where_csv")
	if d.Kind() == common.ExportPack {
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
		lines[i] = common.FitCell(l, inner)
	}
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(st.P.Accent).Padding(0, 1).
		Render(strings.Join(lines, "\n"))
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box)
}

// Status is the status line after an export: the choice, and which
// files went where, the folder shortened from the left when the line is
// too wide (then the file names go before the folder is cut further).
func Status(lang string, msg common.ExportedMsg, w int) string {
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
		return full(common.ShortLeft(msg.Dir, ansi.StringWidth(msg.Dir)-over))
	}
	over := ansi.StringWidth(short(msg.Dir)) - room
	if over <= 0 {
		return short(msg.Dir)
	}
	return short(common.ShortLeft(msg.Dir, max(8, ansi.StringWidth(msg.Dir)-over)))
}
