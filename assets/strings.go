package assets

import (
	"fmt"
	"sort"
)

// Msg is one UI string in Bahasa Indonesia (the default) and English.
type Msg struct{ ID, EN string }

// catalogue holds every UI string of bimtek, keyed by a dotted name
// ("grid.saved"). Each area registers its strings from its own
// strings_<area>.go file in this package, so the whole catalogue stays in
// one place and a translator reads one folder.
var catalogue = map[string]Msg{}

// duplicates records keys registered twice; TestCatalogue fails on any.
var duplicates []string

func register(m map[string]Msg) {
	for k, v := range m {
		if _, ok := catalogue[k]; ok {
			duplicates = append(duplicates, k)
		}
		catalogue[k] = v
	}
}

// T returns the string for key in lang ("id" or "en"), formatted with args
// like fmt.Sprintf. A missing key returns the key itself so a gap shows up
// on screen and in tests instead of an empty line.
func T(lang, key string, args ...any) string {
	m, ok := catalogue[key]
	if !ok {
		return key
	}
	s := m.ID
	if lang == "en" && m.EN != "" {
		s = m.EN
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Has reports whether key is in the catalogue.
func Has(key string) bool { _, ok := catalogue[key]; return ok }

// Keys lists every key, sorted (for tests and translators).
func Keys() []string {
	out := make([]string, 0, len(catalogue))
	for k := range catalogue {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Lookup returns the raw entry of key.
func Lookup(key string) (Msg, bool) { m, ok := catalogue[key]; return m, ok }
