package phrase

import (
	"errors"
	"time"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/workshop"
)

// fileSentence says the store's refusals about the database file and the
// session lock in the UI language; ok is false for any other error.
func fileSentence(lang string, err error) (msg string, ok bool) {
	t := func(k string, args ...any) string { return assets.T(lang, k, args...) }
	var pe *workshop.PathError
	if errors.As(err, &pe) {
		switch pe.Kind {
		case workshop.PathFolder:
			return t("err.db_folder", pe.Path), true
		case workshop.PathDanglingLink:
			return t("err.db_dangling", pe.Path, pe.Target), true
		case workshop.PathSpecial:
			switch pe.What {
			case workshop.SpecialFIFO:
				return t("err.db_fifo", pe.Path), true
			case workshop.SpecialDevice:
				return t("err.db_device", pe.Path), true
			case workshop.SpecialSocket:
				return t("err.db_socket", pe.Path), true
			}
			return t("err.db_special", pe.Path), true
		case workshop.PathUnreadable:
			return t("err.db_unreadable", pe.Path), true
		case workshop.PathParentNotFolder:
			return t("err.db_parent", pe.Path), true
		}
	}
	var le *workshop.LockedError
	if errors.As(err, &le) {
		present, takeOver := le.Commands()
		return t("err.locked", le.SessionID, le.Holder.PID, le.Holder.Host, clockTime(le.Holder.Since),
			present, takeOver, clockTime(le.FreesAt)), true
	}
	var ll *workshop.LockLostError
	if errors.As(err, &ll) {
		if ll.HolderKnown {
			return t("err.lock_lost", ll.SessionID, ll.Holder.PID, ll.Holder.Host, clockTime(ll.Holder.Since)), true
		}
		return t("err.lock_lost_gone", ll.SessionID), true
	}
	var fw *workshop.ForeignWALError
	if errors.As(err, &fw) {
		return t("err.foreign_wal", fw.Path, fw.Path, fw.Path), true
	}
	var ee *workshop.EmptyDatabaseError
	if errors.As(err, &ee) {
		return t("err.empty_database", ee.Path), true
	}
	return "", false
}

// clockTime is a time as the lock sentences say it: the clock time today,
// else the date too.
func clockTime(t time.Time) string {
	t = t.Local()
	if now := time.Now(); now.YearDay() != t.YearDay() || now.Year() != t.Year() {
		return t.Format("2006-01-02 15:04")
	}
	return t.Format("15:04")
}
