package i18n

import "testing"

// A command that says only plain sentences (the command line's help, an
// export) must not pay for compiling the message catalogue: T of a plain
// entry reads its text from the plain table, and the catalogue is compiled
// at the first plural sentence.
func TestPlainSentencesLeaveTheCatalogueUncompiled(t *testing.T) {
	var plainKey, pluralKey string
	for _, k := range Keys() {
		if _, ok := Lookup(k); ok && plainKey == "" {
			plainKey = k
		}
		if _, ok := LookupPlural(k); ok && pluralKey == "" {
			pluralKey = k
		}
	}
	if plainKey == "" || pluralKey == "" {
		t.Fatalf("the catalogue needs a plain and a plural entry: %q %q", plainKey, pluralKey)
	}
	compiled.Store(nil)
	defer build()
	m, _ := Lookup(plainKey)
	if got := T("en", plainKey); got == plainKey || got == "" {
		t.Fatalf("T(en, %s) = %q", plainKey, got)
	}
	if got := T("id", plainKey); got == plainKey || got == "" {
		t.Fatalf("T(id, %s) = %q", plainKey, got)
	}
	if compiled.Load() != nil {
		t.Fatalf("saying the plain entry %s (%q) compiled the catalogue", plainKey, m.EN)
	}
	p, _ := LookupPlural(pluralKey)
	args := make([]any, p.Arg)
	for i := range args {
		args[i] = 2
	}
	if got := T("en", pluralKey, args...); got == pluralKey {
		t.Fatalf("T(en, %s) = %q", pluralKey, got)
	}
	if compiled.Load() == nil {
		t.Fatalf("the plural entry %s was said without the compiled catalogue", pluralKey)
	}
}
