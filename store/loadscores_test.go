package store

import (
	"database/sql"
	"fmt"
	"reflect"
	"strconv"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

// scoresSession stores a session of three OPDs with a mix of cells:
// levels, N/A, unanswered cells with notes, notes with spaces, line breaks
// and text beyond ASCII, and one OPD with no cell at all.
func scoresSession(t *testing.T) (*Store, int64) {
	t.Helper()
	s, _ := openTemp(t)
	id, opds := newSession(t, s, "DISKOMINFO", "BAPPEDA", "DINKES", "DISDIK")
	var rows []ScoreRow
	n := 0
	for _, o := range opds[:3] {
		for _, d := range smallFramework().Dimensions {
			for _, ind := range d.Indicators() {
				n++
				r := ScoreRow{OPDID: o.ID, IndicatorKey: ind.Key}
				switch n % 5 {
				case 0:
					r.Answer = workshop.Answer{NA: true}
				case 1:
					r.Note = fmt.Sprintf("catatan %d: dua kata", n)
				case 2:
					r.Answer.Level = n%5 + 1
					r.Note = "baris 1\nbaris 2 — Pemda “Kota”"
				default:
					r.Answer.Level = n%5 + 1
				}
				rows = append(rows, r)
			}
		}
	}
	if _, err := s.ImportScores(bg, id, rows); err != nil {
		t.Fatal(err)
	}
	return s, id
}

// bothReads reads the session's cells packed and one a row, in one
// read-only transaction.
func bothReads(t *testing.T, s *Store, id int64) (packed []ScoreRow, ok bool, packedErr error, byRow []ScoreRow, byRowErr error) {
	t.Helper()
	tx, err := s.db.BeginTx(bg, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	packed, ok, packedErr = loadScoresPacked(bg, tx, id, 0)
	byRow, byRowErr = loadScoresByRow(bg, tx, id, 0)
	return
}

// The packed read of a session's cells gives, cell for cell, what reading
// them one a row gives, ordered by OPD and key.
func TestPackedScoresAreTheRows(t *testing.T) {
	s, id := scoresSession(t)
	packed, ok, err, byRow, rowErr := bothReads(t, s, id)
	if err != nil || rowErr != nil || !ok {
		t.Fatalf("packed read: ok %v, %v; one a row: %v", ok, err, rowErr)
	}
	if len(byRow) != 3*8 {
		t.Fatalf("%d cells read one a row, want 24", len(byRow))
	}
	if !reflect.DeepEqual(packed, byRow) {
		t.Errorf("packed read differs from the rows:\n%+v\nwant\n%+v", packed, byRow)
	}
	d := mustLoad(t, s, id)
	if !reflect.DeepEqual(d.Scores, byRow) {
		t.Errorf("Load's cells differ from the rows")
	}
}

// A cell stored as bimtek never writes it (a note or key holding the
// packed read's separator (an empty key or a blob note it can take), a level that is text or a fraction, an N/A
// that is neither 0 nor 1, a time that is a fraction) makes the packed
// read give up, and Load reads the cells one a row: it gives the same
// cells, or fails with the same error, as the one-a-row read always did.
func TestOddStoredCellsAreReadOneARow(t *testing.T) {
	cases := []struct {
		name, set string
		fails     bool // the one-a-row read refuses the value
		packs     bool // the packed read may take it (and must give the same)
	}{
		{"note as a blob", `note = x'6369'`, false, true},
		{"note with a NUL", `note = 'a' || char(0) || 'b'`, false, true},
		{"note with the notes' separator", `note = 'a' || char(31) || 'b'`, false, false},
		{"key with a space", `indicator_key = indicator_key || ' x'`, false, false},
		{"empty key", `indicator_key = ''`, false, true},
		{"N/A as text", `na = 'true'`, false, false},
		{"level as text", `level = 'tiga'`, true, false},
		{"level as a fraction", `level = 2.5`, true, false},
		{"N/A of 2", `na = 2`, true, false},
		{"time as a fraction", `updated_at = 1.5`, true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, id := scoresSession(t)
			// The second cell of the second OPD: the packed read has
			// read a whole OPD already when it meets it.
			var opd int64
			var key string
			if err := s.db.QueryRow(`SELECT opd_id, indicator_key FROM scores WHERE session_id = ? ORDER BY opd_id, indicator_key LIMIT 1 OFFSET 9`, id).Scan(&opd, &key); err != nil {
				t.Fatal(err)
			}
			if _, err := s.db.Exec(`UPDATE scores SET `+c.set+` WHERE session_id = ? AND opd_id = ? AND indicator_key = ?`, id, opd, key); err != nil {
				t.Fatal(err)
			}
			packed, ok, err, byRow, rowErr := bothReads(t, s, id)
			if !c.packs && (ok || packed != nil || err != nil) {
				t.Errorf("packed read: ok %v, %d cells, %v; want it to give up", ok, len(packed), err)
			}
			if (rowErr != nil) != c.fails {
				t.Fatalf("one a row: %v, want failing %v", rowErr, c.fails)
			}
			tx, err := s.db.BeginTx(bg, &sql.TxOptions{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			got, err := loadScores(bg, tx, id, 0)
			if fmt.Sprint(err) != fmt.Sprint(rowErr) || !reflect.DeepEqual(got, byRow) {
				t.Errorf("loadScores: %d cells, %v; want %d cells, %v", len(got), err, len(byRow), rowErr)
			}
			if !c.fails && len(got) != 3*8 {
				t.Errorf("%d cells, want 24", len(got))
			}
		})
	}
}

// unpackCells takes one OPD's lists only when each holds exactly the
// cells counted, every number is whole and the keys ascend.
func TestUnpackCellsRefusesWhatItCannotBeSureOf(t *testing.T) {
	good := []string{"a b c", "1 0 5", "0 1 0", "x\x1f\x1fy z", "10 20 30"}
	out, ok := unpackCells(nil, 7, 3, good[0], good[1], good[2], good[3], good[4])
	if !ok || len(out) != 3 {
		t.Fatalf("good lists: ok %v, %d cells", ok, len(out))
	}
	if out[2].IndicatorKey != "c" || out[2].Answer.Level != 5 || out[1].Answer.NA != true || out[0].Note != "x" || out[1].Note != "" || out[2].Note != "y z" || out[2].UpdatedAt.UnixNano() != 30 || out[0].OPDID != 7 {
		t.Errorf("cells %+v", out)
	}
	bad := map[string][]string{
		"keys not ascending":  {"a c b", "1 0 5", "0 1 0", "\x1f\x1f", "1 2 3"},
		"a key twice":         {"a a b", "1 0 5", "0 1 0", "\x1f\x1f", "1 2 3"},
		"one value too many":  {"a b c d", "1 0 5", "0 1 0", "\x1f\x1f", "1 2 3"},
		"one value too few":   {"a b c", "1 0", "0 1 0", "\x1f\x1f", "1 2 3"},
		"a note too many":     {"a b c", "1 0 5", "0 1 0", "\x1f\x1f\x1f", "1 2 3"},
		"a level not whole":   {"a b c", "1 0.5 5", "0 1 0", "\x1f\x1f", "1 2 3"},
		"an empty level":      {"a b c", "1  5", "0 1 0", "\x1f\x1f", "1 2 3"},
		"N/A of 2":            {"a b c", "1 0 5", "0 2 0", "\x1f\x1f", "1 2 3"},
		"a time past int64":   {"a b c", "1 0 5", "0 1 0", "\x1f\x1f", "1 2 99999999999999999999"},
		"a time with a point": {"a b c", "1 0 5", "0 1 0", "\x1f\x1f", "1 2.0 3"},
	}
	for name, l := range bad {
		if _, ok := unpackCells(nil, 7, 3, l[0], l[1], l[2], l[3], l[4]); ok {
			t.Errorf("%s: taken", name)
		}
	}
	if _, ok := unpackCells(nil, 7, 0, "", "", "", "", ""); ok {
		t.Errorf("an OPD of no cells: taken")
	}
}

// wholeNumber reads what strconv.ParseInt reads, and refuses what it
// refuses.
func TestWholeNumberIsParseInt(t *testing.T) {
	for _, v := range []string{"0", "7", "007", "42", "-1", "+3", "", " 1", "1 ", "1.5", "1e3", "x",
		"999999999999999999", "1764633600123456789", "9223372036854775807", "9223372036854775808",
		"9999999999999999999", "18446744073709551616", "-9223372036854775808", "12345678901234567890"} {
		want, err := strconv.ParseInt(v, 10, 64)
		got, ok := wholeNumber(v)
		if ok != (err == nil) || (ok && got != want) {
			t.Errorf("wholeNumber(%q) = %d, %v; ParseInt says %d, %v", v, got, ok, want, err)
		}
	}
}
