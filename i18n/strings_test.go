package i18n

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// verbs finds fmt's verbs in a format ("%%" is a literal percent sign).
var verbs = regexp.MustCompile(`%(\[\d+\])?[-+# 0-9.]*[a-zA-Z%]`)

// argsOf lists the verbs of s that take an argument, in argument order
// (explicit indexes such as %[2]s put the verb at that place).
func argsOf(s string) map[int]string {
	out := map[int]string{}
	n := 0
	for _, m := range verbs.FindAllStringSubmatch(s, -1) {
		v := m[0]
		if strings.HasSuffix(v, "%") {
			continue
		}
		if m[1] != "" {
			fmt.Sscanf(m[1], "[%d]", &n)
		} else {
			n++
		}
		out[n] = v[len(v)-1:]
	}
	return out
}

func sameArgs(a, b map[int]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestCatalogue(t *testing.T) {
	if len(duplicates) > 0 {
		t.Fatalf("keys registered twice: %v", duplicates)
	}
	build()
	if len(buildErrs) > 0 {
		t.Fatalf("the catalogue does not compile: %v", buildErrs)
	}
	for _, k := range Keys() {
		if m, ok := Lookup(k); ok {
			if strings.TrimSpace(m.ID) == "" || strings.TrimSpace(m.EN) == "" {
				t.Errorf("%s: both Indonesian and English are needed: %+v", k, m)
			}
			if !sameArgs(argsOf(m.ID), argsOf(m.EN)) {
				t.Errorf("%s: the two languages take different arguments: %q vs %q", k, m.ID, m.EN)
			}
			continue
		}
		p, _ := LookupPlural(k)
		forms := []string{p.ID, p.One, p.Other}
		for i, f := range forms {
			if strings.TrimSpace(f) == "" {
				t.Errorf("%s: plural entries need ID, One and Other: %+v", k, p)
			}
			if !sameArgs(argsOf(f), argsOf(forms[0])) {
				t.Errorf("%s: form %d takes other arguments than the Indonesian: %q vs %q", k, i, f, forms[0])
			}
		}
		if v, ok := argsOf(p.ID)[p.Arg]; !ok || v != "d" {
			t.Errorf("%s: the count (argument %d) must be an integer verb of every form: %q", k, p.Arg, p.ID)
		}
	}
	if T("en", "no.such.key") != "no.such.key" {
		t.Errorf("a missing key must show itself")
	}
}

// sample gives each verb of a format a value of its kind.
func sample(s string) []any {
	a := argsOf(s)
	out := make([]any, len(a))
	for i := range out {
		switch a[i+1] {
		case "d":
			out[i] = 2026 + i
		case "f":
			out[i] = 1234.5 + float64(i)
		default:
			out[i] = fmt.Sprintf("x%d", i)
		}
	}
	return out
}

// TestPrinterAsFmt holds every plain entry, said by its language's
// message.Printer, to fmt's output of the same format: T may take the
// cheaper fmt path for them, and the printer changes no number (no "2.026"
// for a year, no "1.234,50" for a score) and no verb.
func TestPrinterAsFmt(t *testing.T) {
	for _, k := range Keys() {
		m, ok := Lookup(k)
		if !ok {
			continue
		}
		for _, c := range []struct{ lang, format string }{{"id", m.ID}, {"en", m.EN}} {
			args := sample(c.format)
			if len(args) == 0 {
				continue
			}
			want := fmt.Sprintf(c.format, args...)
			if got := Printer(c.lang).Sprintf(k, Args(c.lang, args)...); got != want {
				t.Errorf("%s (%s) by the printer:\n got %q\nwant %q", k, c.lang, got, want)
			}
			if got := T(c.lang, k, args...); got != want {
				t.Errorf("%s (%s) by T:\n got %q\nwant %q", k, c.lang, got, want)
			}
		}
	}
}
