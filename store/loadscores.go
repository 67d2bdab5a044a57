package store

import (
	"context"
	"database/sql"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/bimtek/bimtek/workshop"
)

// packedScoresSQL reads a session's stored cells one OPD a row: SQLite
// joins each column of the OPD's cells into one string, the values
// separated by a space (the notes, which hold spaces, by a control
// character, unitSep), in the order of the table's primary key. The
// driver takes a lock for every value it hands over, three for a text; the
// scale session's 7,200 cells of 6 values each were most of its load, and
// are now 80 rows of 7.
const packedScoresSQL = `SELECT opd_id, count(*), group_concat(indicator_key, ' '),
	group_concat(level, ' '), group_concat(na, ' '),
	group_concat(note, char(31)), group_concat(updated_at, ' ')
	FROM scores WHERE session_id = ? GROUP BY opd_id ORDER BY opd_id`

// unitSep separates the notes in packedScoresSQL (char(31)).
const unitSep = '\x1f'

// rowScoresSQL reads the same cells one a row.
const rowScoresSQL = `SELECT opd_id, indicator_key, level, na, note, updated_at
	FROM scores WHERE session_id = ? ORDER BY opd_id, indicator_key`

// loadScores reads the session's stored cells, ordered by OPD id and
// indicator key, with room for want of them at once. The packed read
// gives the rows the row-by-row read would; where it cannot be sure of
// that (a value holding its separator, a value stored as another type
// than bimtek writes, the joined cells not in key order), the cells are
// read again one a row, which then says what it always said about them.
func loadScores(ctx context.Context, tx *sql.Tx, sessionID int64, want int) ([]ScoreRow, error) {
	out, ok, err := loadScoresPacked(ctx, tx, sessionID, want)
	if err != nil || ok {
		return out, err
	}
	return loadScoresByRow(ctx, tx, sessionID, want)
}

// loadScoresPacked reads the cells by packedScoresSQL; ok is false when
// they must be read one a row instead.
func loadScoresPacked(ctx context.Context, tx *sql.Tx, sessionID int64, want int) (out []ScoreRow, ok bool, err error) {
	rows, err := tx.QueryContext(ctx, packedScoresSQL, sessionID)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	if want > 0 {
		out = make([]ScoreRow, 0, want+16)
	}
	for rows.Next() {
		var opd, n int64
		var keys, levels, nas, notes, ats sql.NullString
		if err := rows.Scan(&opd, &n, &keys, &levels, &nas, &notes, &ats); err != nil {
			return nil, false, err
		}
		if !keys.Valid || !levels.Valid || !nas.Valid || !notes.Valid || !ats.Valid {
			return nil, false, nil
		}
		if out, ok = unpackCells(out, opd, int(n), keys.String, levels.String, nas.String, notes.String, ats.String); !ok {
			return nil, false, nil
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, false, err
	}
	return out, true, nil
}

// unpackCells appends the n cells of one OPD, as packedScoresSQL joined
// them, to out. Each list must hold exactly n values: n-1 separators were
// put between them, so one more means a value holds its separator. It
// reports false, and the cells must be read one a row, unless each list
// holds n values, every number is a whole number of base 10 (what SQLite
// writes of an INTEGER value; a REAL is written with a point or an
// exponent, a text there holds no number), every N/A is 0 or 1 and the
// keys ascend: then each cell is what the row-by-row read scans.
func unpackCells(out []ScoreRow, opd int64, n int, keys, levels, nas, notes, ats string) ([]ScoreRow, bool) {
	if n <= 0 {
		return out, false
	}
	kl, lv, na, nl, at := values{s: keys, sep: ' '}, values{s: levels, sep: ' '}, values{s: nas, sep: ' '}, values{s: notes, sep: unitSep}, values{s: ats, sep: ' '}
	prev := ""
	for i := 0; i < n; i++ {
		key, ok1 := kl.next()
		level, ok2 := lv.number()
		isNA, ok3 := na.number()
		note, ok4 := nl.next()
		updated, ok5 := at.number()
		if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || (isNA != 0 && isNA != 1) || (i > 0 && key <= prev) {
			return out, false
		}
		prev = key
		out = append(out, ScoreRow{
			OPDID:        opd,
			IndicatorKey: key,
			Answer:       workshop.Answer{Level: int(level), NA: isNA == 1},
			Note:         workshop.VisibleLines(note),
			UpdatedAt:    time.Unix(0, updated),
		})
	}
	if !kl.done() || !lv.done() || !na.done() || !nl.done() || !at.done() {
		return out, false
	}
	return out, true
}

// values reads a list of values joined by single separators.
type values struct {
	s    string
	sep  byte
	read bool // a value has been read: the next one follows a separator
	end  bool // the last value has been read
}

// next reads the next value; false when there is none.
func (l *values) next() (string, bool) {
	if l.end {
		return "", false
	}
	if l.read {
		l.s = l.s[1:] // the separator
	}
	l.read = true
	i := strings.IndexByte(l.s, l.sep)
	if i < 0 {
		v := l.s
		l.s, l.end = "", true
		return v, true
	}
	v := l.s[:i]
	l.s = l.s[i:]
	return v, true
}

// number reads the next value as a whole number of base 10 that fits an
// int64; false when there is none or it is not one.
func (l *values) number() (int64, bool) {
	v, ok := l.next()
	if !ok {
		return 0, false
	}
	return wholeNumber(v)
}

// wholeNumber is strconv.ParseInt(v, 10, 64) without its error: digits
// alone, up to 19 of them (which fit a uint64), are read here when they
// fit an int64, every other text by ParseInt. Most of a session's numbers
// are times of 19 digits and levels of one; reading them (ParseInt and
// the split) was about a seventh of the load's processor time.
func wholeNumber(v string) (int64, bool) {
	if len(v) > 0 && len(v) <= 19 {
		var x uint64
		i := 0
		for ; i < len(v); i++ {
			c := v[i] - '0'
			if c > 9 {
				break
			}
			x = x*10 + uint64(c)
		}
		if i == len(v) && x <= math.MaxInt64 {
			return int64(x), true
		}
	}
	x, err := strconv.ParseInt(v, 10, 64)
	return x, err == nil
}

// done says whether every value has been read.
func (l *values) done() bool { return l.end }

// loadScoresByRow reads the cells one a row.
func loadScoresByRow(ctx context.Context, tx *sql.Tx, sessionID int64, want int) ([]ScoreRow, error) {
	rows, err := tx.QueryContext(ctx, rowScoresSQL, sessionID)
	if err != nil {
		return nil, err
	}
	var out []ScoreRow
	// The answered cells (kept on the session row) are nearly all the
	// stored rows: room for them at once instead of growing 7,200 rows
	// by doubling.
	if want > 0 {
		out = make([]ScoreRow, 0, want+16)
	}
	for rows.Next() {
		var r ScoreRow
		// level is scanned as an int64: database/sql fills an int64
		// straight from the driver's value, an int through a string.
		var level, at int64
		if err := rows.Scan(&r.OPDID, &r.IndicatorKey, &level, &r.Answer.NA, &r.Note, &at); err != nil {
			rows.Close()
			return nil, err
		}
		r.Answer.Level = int(level)
		r.UpdatedAt = time.Unix(0, at)
		r.Note = workshop.VisibleLines(r.Note)
		out = append(out, r)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	return out, nil
}
