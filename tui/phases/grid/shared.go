package grid

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/tui/common"
)

// The grid came from package tui, which names the shared pieces of
// tui/common by these short names.

type (
	Styles           = common.Styles
	Sess             = common.Sess
	ScoresChangedMsg = common.ScoresChangedMsg
	RosterChangedMsg = common.RosterChangedMsg
	CellChangedMsg   = common.CellChangedMsg
)

var errReadOnly = common.ErrReadOnly

func keyHelp(lang, label, helpKey string, keys ...string) key.Binding {
	return common.KeyHelp(lang, label, helpKey, keys...)
}

func cellWidth(s string) int                     { return common.CellWidth(s) }
func cellTrunc(s string, w int, t string) string { return common.CellTrunc(s, w, t) }
func fitCell(s string, w int) string             { return common.FitCell(s, w) }
func fitCellRight(s string, w int) string        { return common.FitCellRight(s, w) }
func centerCell(s string, w int) string          { return common.CenterCell(s, w) }
func clamp(v, lo, hi int) int                    { return common.Clamp(v, lo, hi) }

const margin = common.Margin

func withMargin(body string) string { return common.WithMargin(body) }

func errCmd(err error) tea.Cmd      { return common.ErrCmd(err) }
func statusCmd(text string) tea.Cmd { return common.StatusCmd(text) }

func bdFmt2(v float64) string { return common.Fmt2(v) }

func toggleReveal(s *Sess) tea.Cmd { return common.ToggleReveal(s) }
