package report

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

// hardCells are cells whose encoding needs care: quotes, both separators,
// every kind of line break, a leading space of each kind (ASCII and
// Unicode), Postgres's end-of-data marker, the formula guard's apostrophe,
// and text beyond Latin.
var hardCells = []string{
	"", " ", "a", `\.`, `\.x`, `"`, `""`, `a"b`, "a,b", "a;b", ",", ";",
	"\n", "\r", "\r\n", "a\nb", "a\rb", "a\r\nb", "\"\n\"", "\tx", " x", "x ",
	"\u00a0x", "\u3000x", "\u2028x", "x\u00a0", "'=1+1", "=HYPERLINK(\"x\")",
	"Dinas Komunikasi, Informatika dan Persandian", "Pématang Siantar",
	"📡🏙 kota", "漢字;\"", "a\"\r\n;,b",
}

// TestCSVCellsAsEncodingCSV holds the export's CSV writer to encoding/csv
// (UseCRLF, ',' and the Excel flavour's ';'): the same records give the
// same bytes, so the files read back as they always did.
func TestCSVCellsAsEncodingCSV(t *testing.T) {
	records := [][]string{hardCells}
	for _, c := range hardCells {
		records = append(records, []string{c}, []string{c, c}, []string{"x", c, "y"})
	}
	for _, excel := range []bool{false, true} {
		want := encodingCSV(t, records, excel)
		o := newCSVOut(excel)
		for _, r := range records {
			o.row(r)
		}
		got, _ := o.finish()
		if !bytes.Equal(got, want) {
			t.Errorf("excel=%v: the writer differs from encoding/csv\n got %q\nwant %q", excel, got, want)
		}
	}
}

// The repeated parts of a row that scores.csv encodes once (cells) give
// the bytes that writing the whole row would.
func TestCSVCellRunsAsTheirRow(t *testing.T) {
	for _, excel := range []bool{false, true} {
		o := newCSVOut(excel)
		run := append(o.cells(hardCells[:10]...), o.cells(hardCells[10:]...)...)
		whole := newCSVOut(excel)
		whole.row(append(append([]string(nil), hardCells...), "end"))
		got := append(append(append([]byte(nil), o.buf...), run...), "end\r\n"...)
		if w, _ := whole.finish(); !bytes.Equal(got, w) {
			t.Errorf("excel=%v: runs %q, whole row %q", excel, got, w)
		}
	}
}

func FuzzCSVCellAsEncodingCSV(f *testing.F) {
	for _, c := range hardCells {
		f.Add(c, c+"x")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, excel := range []bool{false, true} {
			want := encodingCSV(t, [][]string{{a, b}, {b}}, excel)
			o := newCSVOut(excel)
			o.row([]string{a, b})
			o.row([]string{b})
			if got, _ := o.finish(); !bytes.Equal(got, want) {
				t.Fatalf("excel=%v %q %q: got %q want %q", excel, a, b, got, want)
			}
		}
	})
}

// TestExportedFilesAsEncodingCSV writes the scale session (notes on every
// seventh answer) and a session whose names, notes and codes hold every
// hard cell, in both flavours, and checks each file against encoding/csv
// writing the records that encoding/csv reads back from it.
func TestExportedFilesAsEncodingCSV(t *testing.T) {
	hard := testData()
	for i := range hard.Scores {
		hard.Scores[i].Note = hardCells[i%len(hardCells)]
	}
	for i := range hard.OPDs {
		hard.OPDs[i].Name = hardCells[(i*7+3)%len(hardCells)] + hard.OPDs[i].Name
	}
	hard.Session.City = "Kota \"Uji\"; Baru, " + hardCells[len(hardCells)-1]
	for name, d := range map[string]*workshop.Data{"scale": scaleData(), "hard": hard} {
		for _, excel := range []bool{false, true} {
			files, err := CSVFiles(d, Options{Excel: excel, Lang: "en"})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				data := f.Data
				if excel {
					if !hasBOM(data) {
						t.Fatalf("%s %s: no BOM", name, f.Name)
					}
					data = data[len(utf8BOM):]
				}
				r := csv.NewReader(bytes.NewReader(data))
				if excel {
					r.Comma = ';'
				}
				records, err := r.ReadAll()
				if err != nil {
					t.Fatalf("%s %s (excel=%v): %v", name, f.Name, excel, err)
				}
				var want bytes.Buffer
				w := csv.NewWriter(&want)
				w.UseCRLF = true
				if excel {
					w.Comma = ';'
				}
				if err := w.WriteAll(records); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(data, want.Bytes()) {
					t.Errorf("%s %s (excel=%v): differs from encoding/csv at %s", name, f.Name, excel, firstDiff(data, want.Bytes()))
				}
				if name == "scale" && f.Name == ScoresFile && len(records) != 1+80*90 {
					t.Errorf("scale scores.csv: %d records", len(records))
				}
			}
		}
	}
}

func encodingCSV(t *testing.T, records [][]string, excel bool) []byte {
	t.Helper()
	var b bytes.Buffer
	if excel {
		b.Write(utf8BOM)
	}
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if excel {
		w.Comma = ';'
	}
	if err := w.WriteAll(records); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
