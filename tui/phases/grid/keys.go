package grid

import (
	"fmt"
	"strconv"

	"charm.land/bubbles/v2/key"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

type keyMap struct {
	Up, Down, Left, Right key.Binding
	Move                  key.Binding // for the help: every move key
	MoveItem, MoveOPD     key.Binding // the same keys in the per-OPD view: items, OPDs
	Level, NA, Clear      key.Binding
	Note                  key.Binding
	NextTab, PrevTab      key.Binding
	Tabs                  key.Binding // for the help
	Home, End             key.Binding
	PageUp, PageDown      key.Binding
	Page                  key.Binding // for the help
	Detail, Close         key.Binding
	Save, Cancel          key.Binding // in the note editor
	NextEmpty             key.Binding // the next unanswered cell
	AllOPDs               key.Binding // every OPD as a row, or only the present ones
	ByOPD                 key.Binding // one OPD's items on one screen
	ByOPDBack             key.Binding // the same key in that view: back to the table
	Reveal                key.Binding // show or hide the results (scores) to the room
	// Marks is no key: the ? help explains the marks a cell may carry
	// (* a note, ° a phone's answer) beside the keys.
	Marks key.Binding
}

func newKeyMap(lang string, f *workshop.Framework) keyMap {
	var digits []string
	for d := 1; d <= 9; d++ {
		if _, ok := f.LevelOf(d); ok {
			digits = append(digits, strconv.Itoa(d))
		}
	}
	levels := fmt.Sprintf("%d-%d", f.MinLevel(), f.MaxLevel())
	if len(digits) == 0 {
		digits = []string{"1"} // a scale beyond one digit: the key is refused with a sentence
	}
	return keyMap{
		Up:        key.NewBinding(key.WithKeys("up", "k")),
		Down:      key.NewBinding(key.WithKeys("down", "j")),
		Left:      key.NewBinding(key.WithKeys("left", "h")),
		Right:     key.NewBinding(key.WithKeys("right", "l")),
		Move:      common.KeyHelp(lang, "←↓↑→/hjkl", "grid.key.move", "up", "down", "left", "right", "h", "j", "k", "l"),
		MoveItem:  common.KeyHelp(lang, "↑/↓", "grid.key.move_item", "up", "down", "j", "k"),
		MoveOPD:   common.KeyHelp(lang, "←/→", "grid.key.move_opd", "left", "right", "h", "l"),
		Level:     common.KeyHelp(lang, levels, "grid.key.level", digits...),
		NA:        common.KeyHelp(lang, "0", "grid.key.na", "0"),
		Clear:     common.KeyHelp(lang, "⌫/Del", "grid.key.clear", "backspace", "delete"),
		Note:      common.KeyHelp(lang, "Enter", "grid.key.note", "enter"),
		NextTab:   key.NewBinding(key.WithKeys("tab")),
		PrevTab:   key.NewBinding(key.WithKeys("shift+tab")),
		Tabs:      common.KeyHelp(lang, "Tab/⇧Tab", "grid.key.tab", "tab", "shift+tab"),
		Home:      common.KeyHelp(lang, "Home/End", "grid.key.ends", "home"),
		End:       key.NewBinding(key.WithKeys("end")),
		PageUp:    key.NewBinding(key.WithKeys("ctrl+u", "shift+up")),
		PageDown:  key.NewBinding(key.WithKeys("ctrl+d", "shift+down")),
		Page:      common.KeyHelp(lang, "ctrl+u/ctrl+d", "grid.key.page", "ctrl+u", "ctrl+d", "shift+up", "shift+down"),
		Detail:    common.KeyHelp(lang, assets.T(lang, "grid.space"), "grid.key.detail", "space"),
		Close:     key.NewBinding(key.WithKeys("esc")),
		Save:      common.KeyHelp(lang, "Enter/ctrl+s", "grid.key.save", "enter", "ctrl+s"),
		Cancel:    common.KeyHelp(lang, "Esc", "grid.key.cancel", "esc"),
		NextEmpty: common.KeyHelp(lang, "n", "grid.key.next_empty", "n"),
		AllOPDs:   common.KeyHelp(lang, "a", "grid.key.all", "a"),
		ByOPD:     common.KeyHelp(lang, "o", "grid.key.by_opd", "o"),
		ByOPDBack: common.KeyHelp(lang, "o", "grid.key.by_opd_back", "o"),
		Reveal:    common.KeyHelp(lang, "r", "board.key.reveal", "r"),
		Marks:     key.NewBinding(key.WithHelp("* "+PhoneMark, assets.T(lang, "grid.marks_help"))),
	}
}

// FullHelp is the ? help: the footer's keys.
func (g *Grid) FullHelp() [][]key.Binding {
	return [][]key.Binding{g.ShortHelp(), {g.keys.Marks}}
}

// ShortHelp lists the keys of the page for the footer.
func (g *Grid) ShortHelp() []key.Binding {
	k := g.keys
	if g.note != nil {
		return []key.Binding{k.Save, k.Cancel}
	}
	if g.s.ReadOnly { // the projector: nothing to score here
		return []key.Binding{k.Move, k.Tabs, k.Home, k.Page, k.Detail}
	}
	if g.s.State.ByOPD {
		return []key.Binding{k.MoveItem, k.MoveOPD, k.Level, k.NA, k.Clear, k.Note, k.Tabs, k.NextEmpty, k.ByOPDBack, k.AllOPDs, k.Reveal, k.Home}
	}
	return []key.Binding{k.Move, k.Level, k.NA, k.Clear, k.Note, k.Tabs, k.NextEmpty, k.ByOPD, k.AllOPDs, k.Reveal, k.Home, k.Page, k.Detail}
}
