package tui

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

// keyHelp builds a binding whose help text comes from the catalogue.
func keyHelp(lang, label, helpKey string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, assets.T(lang, helpKey)))
}

func newGlobalKeys(lang string) GlobalKeys {
	return GlobalKeys{
		Next:   keyHelp(lang, "]/PgDn", "key.next", "]", "pgdown"),
		Prev:   keyHelp(lang, "[/PgUp", "key.prev", "[", "pgup"),
		Jump:   keyHelp(lang, "g", "key.jump", "g"),
		Timer:  keyHelp(lang, "t", "key.timer", "t"),
		Plus:   keyHelp(lang, "+/-", "key.minute", "+", "="),
		Minus:  keyHelp(lang, "-", "key.minute", "-"),
		Undo:   keyHelp(lang, "ctrl+z", "key.undo", "ctrl+z"),
		Redo:   keyHelp(lang, "ctrl+y", "key.redo", "ctrl+y"),
		Room:   keyHelp(lang, "ctrl+r", "room.key.panel", "ctrl+r"),
		Export: keyHelp(lang, "ctrl+e", "key.export", "ctrl+e"),
		Theme:  keyHelp(lang, "ctrl+t", "key.theme", "ctrl+t"),
		Help:   keyHelp(lang, "?", "key.help", "?"),
		Quit:   keyHelp(lang, "q", "key.quit", "q", "ctrl+c"),
	}
}
