package common

import (
	"charm.land/bubbles/v2/key"

	"github.com/bimtek/bimtek/assets"
)

// GlobalKeys work on every phase screen (DESIGN section 5).
type GlobalKeys struct {
	Next, Prev, Jump   key.Binding
	Timer, Plus, Minus key.Binding
	Undo, Redo         key.Binding
	Room               key.Binding
	Export, Theme      key.Binding
	Help, Quit         key.Binding
}

// KeyHelp builds a binding whose help text comes from the catalogue.
func KeyHelp(lang, label, helpKey string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, assets.T(lang, helpKey)))
}

func NewGlobalKeys(lang string) GlobalKeys {
	return GlobalKeys{
		Next:   KeyHelp(lang, "]/PgDn", "key.next", "]", "pgdown"),
		Prev:   KeyHelp(lang, "[/PgUp", "key.prev", "[", "pgup"),
		Jump:   KeyHelp(lang, "g", "key.jump", "g"),
		Timer:  KeyHelp(lang, "t", "key.timer", "t"),
		Plus:   KeyHelp(lang, "+/-", "key.minute", "+", "="),
		Minus:  KeyHelp(lang, "-", "key.minute", "-"),
		Undo:   KeyHelp(lang, "ctrl+z", "key.undo", "ctrl+z"),
		Redo:   KeyHelp(lang, "ctrl+y", "key.redo", "ctrl+y"),
		Room:   KeyHelp(lang, "ctrl+r", "room.key.panel", "ctrl+r"),
		Export: KeyHelp(lang, "ctrl+e", "key.export", "ctrl+e"),
		Theme:  KeyHelp(lang, "ctrl+t", "key.theme", "ctrl+t"),
		Help:   KeyHelp(lang, "?", "key.help", "?"),
		Quit:   KeyHelp(lang, "q", "key.quit", "q", "ctrl+c"),
	}
}
