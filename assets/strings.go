package assets

import "github.com/bimtek/bimtek/i18n"

// The UI strings live in package i18n, the one catalogue every package
// reaches (workshop included, which cannot import assets); a new strings
// file belongs there (i18n/strings_<area>.go). These names keep the callers
// of assets.T working.

// Msg is one UI string in Bahasa Indonesia (the default) and English.
type Msg = i18n.Msg

// T returns the string for key in lang ("id" or "en"), formatted with args
// like fmt.Sprintf (see i18n.T).
func T(lang, key string, args ...any) string { return i18n.T(lang, key, args...) }

// Has reports whether key is in the catalogue.
func Has(key string) bool { return i18n.Has(key) }

// Keys lists every key, sorted.
func Keys() []string { return i18n.Keys() }

// Lookup returns the raw entry of a plain key.
func Lookup(key string) (Msg, bool) { return i18n.Lookup(key) }
