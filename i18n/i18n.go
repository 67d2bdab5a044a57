// Package i18n is bimtek's one catalogue of sentences: every string of the
// command line, the screens, the exports and report pack, the phone form
// and the domain's problems, in Bahasa Indonesia (the default) and English,
// keyed by a dotted name ("grid.saved"). It is built on
// golang.org/x/text/message: the entries are compiled into one
// catalog.Builder, sentences that show a count choose their form with
// feature/plural (English one/other; Indonesian does not inflect a noun for
// number, but its entries take the same path), and each language has its
// own message.Printer.
//
// It imports nothing of bimtek, so every package (workshop included) can
// reach it, and each area keeps its strings in its own strings_<area>.go
// here, so a translator reads one folder.
package i18n

import (
	"fmt"
	"reflect"
	"sort"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Msg is one UI string in Bahasa Indonesia (the default) and English,
// written with fmt's verbs.
type Msg struct{ ID, EN string }

// Plural is a sentence that shows a count: the count is argument Arg
// (1-based, as in %[1]d), and the words around it follow it. English has a
// form for one (One) and one for every other count (Other, 0 included);
// Bahasa Indonesia does not inflect a noun for number ("1 sesi", "2 sesi"),
// so ID is its only form. Every form takes the same arguments.
type Plural struct {
	Arg   int
	ID    string
	One   string
	Other string
}

var (
	mu         sync.Mutex
	entries    = map[string]Msg{}
	plurals    = map[string]Plural{}
	duplicates []string
	plainTable atomic.Pointer[plain]
	compiled   atomic.Pointer[printers]
	buildErrs  []error
)

// plain is what T needs to say a plain entry: its text in each language,
// and every key of the catalogue. It is made from the entries in one pass
// of two maps, so a command that says only plain sentences (most of the
// command line: its help texts, an export) never compiles the catalogue.
type plain struct {
	keys map[string]bool
	// id and en hold the entries without a plural: said without
	// arguments, such a sentence is its text as written ("100%" stays
	// "100%").
	id, en map[string]string
}

// printers is the catalogue compiled: one message.Printer per language.
// Compiling every entry into a catalog.Builder is most of the cost of the
// catalogue (a few milliseconds at start), so it is done only when a
// plural sentence or a Printer is first asked for.
type printers struct {
	id, en *message.Printer
}

var (
	tagID = language.Indonesian
	tagEN = language.English
)

func seen(k string) bool {
	_, a := entries[k]
	_, b := plurals[k]
	return a || b
}

// Register adds plain entries to the catalogue (each area calls it from an
// init function).
func Register(m map[string]Msg) {
	mu.Lock()
	defer mu.Unlock()
	for k, v := range m {
		if seen(k) {
			duplicates = append(duplicates, k)
		}
		entries[k] = v
	}
	plainTable.Store(nil)
	compiled.Store(nil)
}

// RegisterPlural adds entries whose words follow a count.
func RegisterPlural(m map[string]Plural) {
	mu.Lock()
	defer mu.Unlock()
	for k, v := range m {
		if seen(k) {
			duplicates = append(duplicates, k)
		}
		plurals[k] = v
	}
	plainTable.Store(nil)
	compiled.Store(nil)
}

func register(m map[string]Msg) { Register(m) }

// plainEntries makes the plain table after the init functions, and again
// only if an entry is added later.
func plainEntries() *plain {
	if p := plainTable.Load(); p != nil {
		return p
	}
	mu.Lock()
	defer mu.Unlock()
	if p := plainTable.Load(); p != nil {
		return p
	}
	p := &plain{
		keys: make(map[string]bool, len(entries)+len(plurals)),
		id:   make(map[string]string, len(entries)),
		en:   make(map[string]string, len(entries)),
	}
	for k, m := range entries {
		p.keys[k] = true
		p.id[k], p.en[k] = m.ID, m.EN
	}
	for k := range plurals {
		p.keys[k] = true
	}
	plainTable.Store(p)
	return p
}

// build compiles the entries into a catalog.Builder and a printer per
// language. It runs once, when the first plural sentence or Printer is
// asked for, and again only if an entry is added later.
func build() *printers {
	if p := compiled.Load(); p != nil {
		return p
	}
	mu.Lock()
	defer mu.Unlock()
	if p := compiled.Load(); p != nil {
		return p
	}
	b := catalog.NewBuilder(catalog.Fallback(tagID))
	var errs []error
	set := func(tag language.Tag, key string, m catalog.Message) {
		if err := b.Set(tag, key, m); err != nil {
			errs = append(errs, fmt.Errorf("catalogue entry %s (%s): %w", key, tag, err))
		}
	}
	for k, m := range entries {
		set(tagID, k, catalog.String(m.ID))
		set(tagEN, k, catalog.String(m.EN))
	}
	for k, p := range plurals {
		set(tagID, k, plural.Selectf(p.Arg, "%d", plural.Other, p.ID))
		set(tagEN, k, plural.Selectf(p.Arg, "%d", plural.One, p.One, plural.Other, p.Other))
	}
	buildErrs = errs
	p := &printers{
		id: message.NewPrinter(tagID, message.Catalog(b)),
		en: message.NewPrinter(tagEN, message.Catalog(b)),
	}
	compiled.Store(p)
	return p
}

// Printer is the message.Printer of lang ("en" for English, anything else
// for Bahasa Indonesia, the UI default). Pass it arguments through Args so
// that numbers print as bimtek always writes them.
func Printer(lang string) *message.Printer {
	p := build()
	if lang == "en" {
		return p.en
	}
	return p.id
}

// T returns the sentence key in lang ("id" or "en"), formatted with args
// like fmt.Sprintf; a plural entry picks the form its count needs. An
// argument that is a Localized (a phrase of the catalogue itself, such as
// "the city" inside "the city is empty") is said in the same language. A
// missing key returns the key itself so a gap shows up on screen and in
// tests instead of an empty line.
//
// A plural entry is said by the language's message.Printer, which chooses
// the form. A plain entry has nothing to choose, and fmt writes exactly
// what that printer would (TestPrinterAsFmt holds every entry to it) at a
// twentieth of its cost: the screens say dozens of sentences a frame.
func T(lang, key string, args ...any) string {
	t := plainEntries()
	texts := t.id
	if lang == "en" {
		texts = t.en
	}
	if s, ok := texts[key]; ok {
		if len(args) == 0 {
			return s
		}
		return fmt.Sprintf(s, localize(lang, args)...)
	}
	if !t.keys[key] {
		return key
	}
	return Printer(lang).Sprintf(key, Args(lang, args)...)
}

// localize says every Localized argument in lang.
func localize(lang string, args []any) []any {
	var out []any
	for i, a := range args {
		if l, ok := a.(Localized); ok {
			if out == nil {
				out = append([]any(nil), args...)
			}
			out[i] = l.In(lang)
		}
	}
	if out == nil {
		return args
	}
	return out
}

// Has reports whether key is in the catalogue.
func Has(key string) bool {
	mu.Lock()
	defer mu.Unlock()
	return seen(key)
}

// Keys lists every key, plain and plural, sorted (for tests and
// translators).
func Keys() []string {
	mu.Lock()
	defer mu.Unlock()
	out := make([]string, 0, len(entries)+len(plurals))
	for k := range entries {
		out = append(out, k)
	}
	for k := range plurals {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Lookup returns the raw entry of a plain key.
func Lookup(key string) (Msg, bool) {
	mu.Lock()
	defer mu.Unlock()
	m, ok := entries[key]
	return m, ok
}

// LookupPlural returns the raw entry of a plural key.
func LookupPlural(key string) (Plural, bool) {
	mu.Lock()
	defer mu.Unlock()
	p, ok := plurals[key]
	return p, ok
}

// Localized is a phrase that can say itself in a language: a catalogue
// phrase with its arguments (M), or a text that brings both languages
// along (a framework's names).
type Localized interface {
	In(lang string) string
}

// Phrase is a catalogue key with its arguments, said in whatever language
// the sentence around it is said in. The domain hands phrases up instead
// of sentences; the UI says them.
type Phrase struct {
	Key  string
	Args []any
}

// M is the phrase key with args.
func M(key string, args ...any) Phrase { return Phrase{Key: key, Args: args} }

// In says the phrase in lang.
func (p Phrase) In(lang string) string { return T(lang, p.Key, p.Args...) }

// Args prepares arguments for a Printer of lang: a Localized argument is
// said in lang, and numbers are wrapped so that they print as fmt prints
// them (message.Printer would write 2026 as "2.026" in Indonesian, which
// would turn years, line numbers and pids into something else) while the
// plural rules still see their value.
func Args(lang string, args []any) []any {
	if len(args) == 0 {
		return nil
	}
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case Localized:
			out[i] = v.In(lang)
		case string, error, fmt.Stringer, fmt.Formatter:
			out[i] = a
		default:
			if isNumber(a) {
				out[i] = number{a}
			} else {
				out[i] = a
			}
		}
	}
	return out
}

func isNumber(a any) bool {
	if a == nil {
		return false
	}
	switch reflect.TypeOf(a).Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// number is a numeric argument printed by fmt, whose plural form follows
// its value.
type number struct{ v any }

func (n number) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, fmt.FormatString(f, verb), n.v)
}

// PluralForm implements plural.Interface: a whole number chooses by the
// language's cardinal rules; a fraction (never a count in bimtek) takes
// Other.
func (n number) PluralForm(t language.Tag, _ int) (plural.Form, int) {
	rv := reflect.ValueOf(n.v)
	var i int64
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i = rv.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		i = int64(rv.Uint())
	default:
		f := rv.Float()
		if f != float64(int64(f)) {
			return plural.Other, -1
		}
		i = int64(f)
	}
	if i < 0 {
		i = -i
	}
	// Cardinal rules take the integer digits; past an int's range the
	// form is Other in both languages.
	if i > 1<<31-1 {
		return plural.Other, -1
	}
	return plural.Cardinal.MatchPlural(t, int(i), 0, 0, 0, 0), int(i)
}

// UpperFirst gives a sentence its capital letter.
func UpperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func registerPlural(m map[string]Plural) { RegisterPlural(m) }
