package tui

import (
	"errors"
	"io/fs"
	"strings"
	"time"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/store"
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
	var le *store.LockedError
	if errors.As(err, &le) {
		since := le.Holder.Since.Local()
		when := since.Format("15:04")
		if now := time.Now(); now.YearDay() != since.YearDay() || now.Year() != since.Year() {
			when = since.Format("2006-01-02 15:04")
		}
		return t("err.locked", le.SessionID, le.Holder.PID, le.Holder.Host, when, le.SessionID)
	}
	// Lists of problems (a framework file, an OPD or scores CSV) are shown
	// whole, one problem a line, in the UI language where they have it.
	var fe *workshop.FrameworkError
	if errors.As(err, &fe) {
		return fe.In(lang)
	}
	var oe *workshop.OPDCSVError
	if errors.As(err, &oe) {
		return oe.In(lang)
	}
	kinds := []struct {
		err error
		key string
	}{
		{store.ErrNoSession, "err.no_session"},
		{store.ErrNotDatabase, "err.not_database"},
		{store.ErrNewerSchema, "err.newer_schema"},
		{store.ErrReadOnly, "err.read_only"},
		{store.ErrDiskFull, "err.disk_full"},
		{store.ErrDuplicateCode, "err.duplicate_code"},
		{store.ErrOutOfScale, "err.out_of_scale"},
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
		}
	}
	msg := strings.TrimSpace(err.Error())
	if msg == "" {
		return msg
	}
	msg = strings.ToUpper(msg[:1]) + msg[1:]
	if !strings.ContainsAny(msg[len(msg)-1:], ".!?") && !strings.Contains(msg, "\n") {
		msg += "."
	}
	return msg
}
