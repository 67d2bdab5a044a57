// Package phrase turns an error into the one sentence a facilitator reads,
// in the UI language. The command line and the screens both phrase errors
// here, so neither imports the other for it, and it knows the failure kinds
// from workshop (where the store's sentinels are defined) and report
// without importing the store.
package phrase

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/report"
	"github.com/bimtek/bimtek/workshop"
)

// Sentence turns an error into what a facilitator reads: one sentence in
// the UI language saying what is wrong and what to do. Errors the store
// knows by kind get the catalogue's sentence; lists of problems (a
// framework file, a CSV) are shown whole, one problem a line; anything
// else is shown as its own text.
func Sentence(lang string, err error) string {
	if err == nil {
		return ""
	}
	t := func(k string, args ...any) string { return assets.T(lang, k, args...) }
	if msg, ok := fileSentence(lang, err); ok {
		return msg
	}
	// A value refused by workshop's checks (from a form, a flag or the
	// store) is said in the UI language.
	var input *workshop.InputError
	if errors.As(err, &input) {
		return input.In(lang) + "."
	}
	// Lists of problems (a framework file, an OPD or scores CSV) are shown
	// whole, one problem a line, each said from its code in the UI language.
	var fe *workshop.FrameworkError
	if errors.As(err, &fe) {
		return fe.In(lang)
	}
	var oe *workshop.OPDCSVError
	if errors.As(err, &oe) {
		return oe.In(lang)
	}
	var ie *report.ImportError
	if errors.As(err, &ie) {
		return importSentence(lang, ie)
	}
	var ose *report.OtherSessionError
	if errors.As(err, &ose) {
		unknown := func(s string) string {
			if s == "" {
				return "?"
			}
			return s
		}
		return t("err.import_other_session", ose.Name, unknown(ose.FileSession), unknown(ose.FileCity), unknown(ose.FileStage), ose.Line,
			ose.Session.ID, workshop.Visible(ose.Session.City), ose.Session.Stage)
	}
	var dfe *report.DiskFullError
	if errors.As(err, &dfe) {
		return t("err.export_disk_full", dfe.Dir)
	}
	var bfe *report.BaseFolderError
	if errors.As(err, &bfe) {
		switch bfe.Problem {
		case report.FolderMissing:
			return t("err.export_base_missing", bfe.Dir)
		case report.FolderNotFolder:
			return t("err.export_base_not_folder", bfe.Dir)
		}
		return t("err.export_base_not_writable", bfe.Dir)
	}
	var nfe *report.NotExportFolderError
	if errors.As(err, &nfe) {
		return t("err.export_not_folder", nfe.Dir, nfe.Entry)
	}
	// An error that knows its own sentence in both languages (room mode's
	// listener) says it.
	var own interface{ In(lang string) string }
	if errors.As(err, &own) {
		return own.In(lang)
	}
	var ue *assets.UnknownFrameworkError
	if errors.As(err, &ue) {
		return t("err.unknown_framework", ue.Key, strings.Join(assets.Frameworks(), ", "))
	}
	if errors.Is(err, workshop.ErrProjector) {
		return t("err.projector")
	}
	kinds := []struct {
		err error
		key string
	}{
		{workshop.ErrNoSession, "err.no_session"},
		{workshop.ErrNotDatabase, "err.not_database"},
		{workshop.ErrNewerSchema, "err.newer_schema"},
		{workshop.ErrReadOnly, "err.read_only"},
		{workshop.ErrDiskFull, "err.disk_full"},
		{workshop.ErrDuplicateCode, "err.duplicate_code"},
		{workshop.ErrOutOfScale, "err.out_of_scale"},
	}
	for _, k := range kinds {
		if errors.Is(err, k.err) {
			return t(k.key)
		}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return t("err.not_found", pe.Path)
		case errors.Is(err, fs.ErrPermission):
			return t("err.permission", pe.Path)
		case errors.Is(err, syscall.EISDIR):
			return t("err.is_folder", pe.Path)
		default:
			return t("err.file_failed", pe.Path, pe.Err)
		}
	}
	msg := strings.TrimSpace(err.Error())
	if msg == "" {
		return msg
	}
	// A sentence gets its capital, but a file name or path that opens it
	// ("scores.csv has ...", "/data/x.db is ...") stays as it is.
	if first, _, _ := strings.Cut(msg, " "); !strings.ContainsAny(first, `./\`) {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	if !strings.ContainsAny(msg[len(msg)-1:], ".!?") && !strings.Contains(msg, "\n") {
		msg += "."
	}
	return msg
}

// importSentence says that a scores file was refused as a whole, then
// every problem on its own line as "file:line: what to fix", each said
// from its catalogue code in the UI language.
func importSentence(lang string, e *report.ImportError) string {
	t := func(k string, args ...any) string { return assets.T(lang, k, args...) }
	// Enough problems to fix first; the rest come back on the next try.
	const shown = 20
	var b strings.Builder
	switch len(e.Problems) {
	case 0:
		return t("err.import_empty", e.Name)
	case 1:
		b.WriteString(t("err.import_one", e.Name))
	default:
		b.WriteString(t("err.import_many", e.Name, len(e.Problems)))
	}
	for i, p := range e.Problems {
		b.WriteByte('\n')
		if i == shown {
			b.WriteString(t("err.import_more", len(e.Problems)-shown))
			break
		}
		switch {
		case len(p.Lines) > 1:
			b.WriteString(t("err.import_lines", e.Name, len(p.Lines), report.LineList(p.Lines, 3, func(n int) string { return t("err.import_lines_more", n) }), p.In(lang)))
		case p.Line > 0:
			fmt.Fprintf(&b, "%s:%d: %s", e.Name, p.Line, p.In(lang))
		default:
			fmt.Fprintf(&b, "%s: %s", e.Name, p.In(lang))
		}
	}
	return b.String()
}
