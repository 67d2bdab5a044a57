package common

import (
	"github.com/bimtek/bimtek/assets"
	"github.com/charmbracelet/x/ansi"
)

// ExportKind is what the in-app export writes.
type ExportKind string

const (
	// ExportExcel is the CSV files for Excel on an Indonesian locale: a
	// byte order mark, ';' between cells, a decimal comma. The default.
	ExportExcel ExportKind = "excel"
	// ExportCSV is the same files as plain CSV: ',' and a decimal point.
	ExportCSV ExportKind = "csv"
	// ExportPack is the report pack for Buku 1: the .xlsx and the one-page
	// .html.
	ExportPack ExportKind = "pack"
)

// Label is the choice's name in the UI language.
func (k ExportKind) Label(lang string) string { return assets.T(lang, "export.kind."+string(k)) }

// ShortLeft keeps the end of a path (the folder and file names that say
// what it is) within w columns, "…" standing for what was cut.
func ShortLeft(s string, w int) string {
	sw := ansi.StringWidth(s)
	if sw <= w {
		return s
	}
	if w < 2 {
		return "…"
	}
	return ansi.TruncateLeft(s, sw-w+1, "…")
}

// ExportFileLines lists the written files, one full path a line, each
// shortened from the left when it is wider than w.
func ExportFileLines(files []string, w int) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = ShortLeft(f, w)
	}
	return out
}
