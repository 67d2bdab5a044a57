package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// The screens still in this package name the shared pieces of
// tui/common by their old names; each page that moves to a package of
// its own imports tui/common directly.

type (
	Styles           = common.Styles
	Palette          = common.Palette
	GlobalKeys       = common.GlobalKeys
	Live             = common.Live
	Sessions         = common.Sessions
	Opener           = common.Opener
	Sess             = common.Sess
	UIState          = common.UIState
	Timer            = common.Timer
	Page             = common.Page
	ErrMsg           = common.ErrMsg
	StatusMsg        = common.StatusMsg
	ScoresChangedMsg = common.ScoresChangedMsg
	RosterChangedMsg = common.RosterChangedMsg
	CellChangedMsg   = common.CellChangedMsg
	ExportRequestMsg = common.ExportRequestMsg
	ExportedMsg      = common.ExportedMsg
	OpenSessionMsg   = common.OpenSessionMsg
	ExportSessionMsg = common.ExportSessionMsg
	ExportKind       = common.ExportKind
)

// Themes are the names accepted by --theme and cycled by the theme key.
var Themes = common.Themes

// errReadOnly refuses a change in the projector view.
var errReadOnly = common.ErrReadOnly

// changesMsg is the Changes of the open session that were waiting, in Seq
// order, delivered together on the program's goroutine: 80 phones saving
// at once cost the facilitator's screen one update and one frame, not 80,
// so a key typed meanwhile waits behind one frame at most.
type changesMsg struct{ cs []workshop.Change }

// maxChangesPerMsg bounds one changesMsg.
const maxChangesPerMsg = 1024

func NewStyles(theme string) *Styles { return common.NewStyles(theme) }
func NextTheme(t string) string      { return common.NextTheme(t) }

func NewSess(l Live, d *workshop.Data, lang string, styles *Styles, now func() time.Time) *Sess {
	return common.NewSess(l, d, lang, styles, now)
}

func newGlobalKeys(lang string) GlobalKeys { return common.NewGlobalKeys(lang) }

func lineWidth(s string) int                 { return common.LineWidth(s) }
func exactLines(s string, w, h int) []string { return common.ExactLines(s, w, h) }
func exactWidth(l string, w int) string      { return common.ExactWidth(l, w) }
func fitCell(s string, w int) string         { return common.FitCell(s, w) }
func fitCellRight(s string, w int) string    { return common.FitCellRight(s, w) }

func errCmd(err error) tea.Cmd      { return common.ErrCmd(err) }
func statusCmd(text string) tea.Cmd { return common.StatusCmd(text) }
func noticeCmd(text string) tea.Cmd { return common.NoticeCmd(text) }

func wrapText(s string, w int) []string { return common.WrapText(s, w) }
func clock(d time.Duration) string      { return common.Clock(d) }
func roman(n int) string                { return common.Roman(n) }

// The export choices, by their old names.
const (
	ExportExcel = common.ExportExcel
	ExportCSV   = common.ExportCSV
	ExportPack  = common.ExportPack
)
