package workshop

import (
	"fmt"
	"strings"

	"github.com/bimtek/bimtek/i18n"
)

// Problem is one thing wrong with an input (a framework file, an OPD CSV,
// a typed value), as a code of the catalogue (package i18n) with its
// arguments, said in the UI language by In as "what is wrong — what to
// fix". Line is 1-based; 0 when unknown (a framework built in code, or a
// problem about the whole file).
type Problem struct {
	File string
	Line int
	Code string
	Args []any
}

// Text is the problem itself in lang ("en" for English, anything else
// for Bahasa Indonesia, the UI default), without file and line.
func (p Problem) Text(lang string) string { return i18n.T(lang, p.Code, p.Args...) }

// In renders the problem as "file:line: message" in lang.
func (p Problem) In(lang string) string {
	m := p.Text(lang)
	switch {
	case p.File != "" && p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, m)
	case p.File != "":
		return p.File + ": " + m
	case p.Line > 0:
		return i18n.T(lang, "fw.line_prefix", p.Line, m)
	}
	return m
}

// String is the English rendering.
func (p Problem) String() string { return p.In("en") }

func renderProblems(ps []Problem, lang string) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.In(lang))
	}
	return b.String()
}

// FrameworkError lists every problem found in a framework file, one per
// line, in file order.
type FrameworkError struct {
	Problems []Problem
}

// Error prints one "file:line: what is wrong — what to fix" per line, in
// English; use In for the UI language.
func (e *FrameworkError) Error() string { return renderProblems(e.Problems, "en") }

// In renders the problems in lang ("en" or Indonesian).
func (e *FrameworkError) In(lang string) string { return renderProblems(e.Problems, lang) }
