package workshop

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseOPDCSVAccepts(t *testing.T) {
	long120 := strings.Repeat("ꦗ", 120) // 120 runes, 360 bytes
	tests := []struct {
		name string
		data string
		want []OPDRow
	}{
		{"comma with header", "code,name\nDISKOMINFO,Dinas Komunikasi dan Informatika\nBAPPEDA,Badan Perencanaan Pembangunan Daerah\n",
			[]OPDRow{{2, "DISKOMINFO", "Dinas Komunikasi dan Informatika"}, {3, "BAPPEDA", "Badan Perencanaan Pembangunan Daerah"}}},
		{"semicolon with Indonesian header in capitals", "KODE;Nama\nDINKES;Dinas Kesehatan\n",
			[]OPDRow{{2, "DINKES", "Dinas Kesehatan"}}},
		{"no header", "DINKES,Dinas Kesehatan\nRSUD,Rumah Sakit Umum Daerah\n",
			[]OPDRow{{1, "DINKES", "Dinas Kesehatan"}, {2, "RSUD", "Rumah Sakit Umum Daerah"}}},
		{"byte order mark, semicolons and CRLF (Excel)", "\xef\xbb\xbfkode;nama\r\nDLH;Dinas Lingkungan Hidup\r\nDISHUB;Dinas Perhubungan\r\n",
			[]OPDRow{{2, "DLH", "Dinas Lingkungan Hidup"}, {3, "DISHUB", "Dinas Perhubungan"}}},
		{"no final newline", "DLH,Dinas Lingkungan Hidup",
			[]OPDRow{{1, "DLH", "Dinas Lingkungan Hidup"}}},
		{"spaces trimmed, code upper-cased", "  diskominfo ,  Dinas Komunikasi dan Informatika  \n",
			[]OPDRow{{1, "DISKOMINFO", "Dinas Komunikasi dan Informatika"}}},
		{"blank lines and empty trailing columns skipped", "kode;nama;;\n\nDLH;Dinas Lingkungan Hidup;;\n;;\n  \nDISHUB;Dinas Perhubungan\n",
			[]OPDRow{{3, "DLH", "Dinas Lingkungan Hidup"}, {6, "DISHUB", "Dinas Perhubungan"}}},
		{"comma inside a semicolon file", "DISKOPUKM;Dinas Koperasi, Usaha Kecil dan Menengah\n",
			[]OPDRow{{1, "DISKOPUKM", "Dinas Koperasi, Usaha Kecil dan Menengah"}}},
		{"quoted comma in a comma file", "DISKOPUKM,\"Dinas Koperasi, Usaha Kecil dan Menengah\"\n",
			[]OPDRow{{1, "DISKOPUKM", "Dinas Koperasi, Usaha Kecil dan Menengah"}}},
		{"quotes inside a name", "DP3A,Dinas \"P3A\" Kota\n",
			[]OPDRow{{1, "DP3A", "Dinas \"P3A\" Kota"}}},
		{"non-Latin names", "JAWA,ꦢꦶꦤꦱ꧀ꦏꦧꦸꦢꦪꦤ꧀\nZH,通信与信息局\nAR,دائرة الاتصالات والمعلومات\nLATIN,Dinas Pariwisata dan Ekonomi Kreatif — Kota Tua\n",
			[]OPDRow{{1, "JAWA", "ꦢꦶꦤꦱ꧀ꦏꦧꦸꦢꦪꦤ꧀"}, {2, "ZH", "通信与信息局"}, {3, "AR", "دائرة الاتصالات والمعلومات"}, {4, "LATIN", "Dinas Pariwisata dan Ekonomi Kreatif — Kota Tua"}}},
		{"name of exactly 120 characters", "PANJANG," + long120 + "\n",
			[]OPDRow{{1, "PANJANG", long120}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseOPDCSV("opd.csv", []byte(tt.data))
			if err != nil {
				t.Fatalf("want rows, got:\n%v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseOPDCSVRejects(t *testing.T) {
	long121 := strings.Repeat("ꦗ", 121)
	type want struct {
		line int
		msg  string
	}
	tests := []struct {
		name string
		data string
		want []want
	}{
		{"empty file", "", []want{{0, "the file lists no OPDs"}}},
		{"header only", "kode;nama\r\n", []want{{0, "the file lists no OPDs"}}},
		{"empty code", "code,name\n,Dinas Kesehatan\n", []want{{2, "the code is empty"}}},
		{"empty name", "DINKES,\"  \"\n", []want{{1, "the name of DINKES is empty"}}},
		{"only a code", "DINKES\n", []want{{1, "this row has only one column"}}},
		{"code and separator only", "DINKES;\n", []want{{1, "the name of DINKES is empty"}}},
		{"three columns", "DINKES,Dinas Kesehatan,Jl. Merdeka 1\n", []want{{1, "this row has 3 columns"}}},
		{"duplicate code, any case", "DISKOMINFO,Dinas Komunikasi dan Informatika\nDINKES,Dinas Kesehatan\ndiskominfo,Diskominfo lagi\n", []want{{3, "code DISKOMINFO is already used on line 1"}}},
		{"name of 121 characters", "PANJANG," + long121 + "\n", []want{{1, "the name of PANJANG is 121 characters long — shorten it to at most 120"}}},
		{"code too long", "DINASKOMUNIKASIDANINFORMATIKA,Dinas Komunikasi dan Informatika\n", []want{{1, "is 29 characters long — shorten it to at most 24"}}},
		{"line break inside a quoted name", "DINKES,\"Dinas\nKesehatan\"\nRSUD,Rumah Sakit\n", []want{{1, "contains a tab or line break"}}},
		{"Latin-1 instead of UTF-8", "DINKES,Dinas Kesehatan\nDISBUD,Dinas Kebudayaan \xe9\n", []want{{2, "not valid UTF-8"}}},
		{"every bad row at once, CRLF", "kode;nama\r\n;Tanpa Kode\r\nDINKES;\r\nDLH;Dinas Lingkungan Hidup\r\nDLH;Dinas Lingkungan Hidup lagi\r\nX;Y;Z\r\nOK;Baik\r\n",
			[]want{{2, "the code is empty"}, {3, "the name of DINKES is empty"}, {5, "code DLH is already used on line 4"}, {6, "this row has 3 columns"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := ParseOPDCSV("opd.csv", []byte(tt.data))
			if rows != nil {
				t.Errorf("all or nothing: no rows may come back with an error, got %+v", rows)
			}
			var ce *OPDCSVError
			if !errors.As(err, &ce) {
				t.Fatalf("want *OPDCSVError, got %T %v", err, err)
			}
			if len(ce.Problems) != len(tt.want) {
				t.Errorf("want %d problems, got:\n%v", len(tt.want), err)
			}
			for _, w := range tt.want {
				if !hasProblem(ce.Problems, w.line, w.msg) {
					t.Errorf("missing problem on line %d: %q; got:\n%v", w.line, w.msg, err)
				}
			}
			for _, p := range ce.Problems {
				if p.File != "opd.csv" || !strings.Contains(p.Text("en"), " — ") || !strings.Contains(p.Text("id"), " — ") || p.Text("en") == p.Text("id") {
					t.Errorf("each problem names the file and says what to fix in both languages: %+v", p)
				}
			}
		})
	}
}

func TestOPDCSVErrorRendering(t *testing.T) {
	_, err := ParseOPDCSV("daftar.csv", []byte("A,Satu\nA,Dua\n,Tiga\n"))
	want := "daftar.csv:2: code A is already used on line 1 — give each OPD its own code\n" +
		"daftar.csv:3: the code is empty — write the OPD's short code (e.g. DISKOMINFO) in the first column"
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
	var ce *OPDCSVError
	errors.As(err, &ce)
	if got := ce.In("id"); !strings.HasPrefix(got, "daftar.csv:2: kode A sudah dipakai di baris 1") {
		t.Errorf("Indonesian rendering: %s", got)
	}
}

func TestDetectSeparator(t *testing.T) {
	tests := []struct {
		first string
		want  rune
	}{
		{"code,name\n", ','},
		{"kode;nama\n", ';'},
		{"A;Dinas Koperasi, UKM\n", ';'},
		{"A,\"Dinas; dua\"\n", ','},
		{"\n\nA;B\n", ';'},
		{"A;B;C\n", ';'},
		{"A,B,C\n", ','},
		{"single\n", ','},
	}
	for _, tt := range tests {
		if got := detectSeparator([]byte(tt.first)); got != tt.want {
			t.Errorf("%q: got %q want %q", tt.first, got, tt.want)
		}
	}
}

// FuzzParseOPDCSV: whatever bytes an OPD list holds, ParseOPDCSV never
// panics and either refuses it with an *OPDCSVError or returns rows that
// every other way into a session accepts too. Seeds:
// testdata/fuzz/FuzzParseOPDCSV (run by plain go test).
func FuzzParseOPDCSV(f *testing.F) {
	f.Add([]byte("kode;nama\r\nDLH;Dinas Lingkungan Hidup\r\n"))
	f.Add([]byte("\xef\xbb\xbfA,\"B\nC\"\n\"unterminated\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := ParseOPDCSV("fuzz.csv", data)
		if err != nil {
			var ce *OPDCSVError
			if rows != nil || !errors.As(err, &ce) || len(ce.Problems) == 0 {
				t.Fatalf("rows %v with error %v, want none and an *OPDCSVError with problems", rows, err)
			}
			return
		}
		seen := map[string]bool{}
		for _, r := range rows {
			if r.Code == "" || r.Name == "" || seen[r.Code] || r.Code != strings.ToUpper(r.Code) || r.Line < 1 {
				t.Fatalf("bad row accepted: %+v", r)
			}
			seen[r.Code] = true
			if c, err := CheckOPDCode(r.Code); err != nil || c != r.Code {
				t.Fatalf("accepted code %q that CheckOPDCode refuses: %v", r.Code, err)
			}
			if n, err := CheckOPDName(r.Name); err != nil || n != r.Name {
				t.Fatalf("accepted name %q that CheckOPDName refuses: %v", r.Name, err)
			}
		}
	})
}

// utf16LE encodes s as UTF-16 little-endian, with the byte order mark
// when bom (as Excel's "Unicode Text" and Notepad write it).
func utf16LE(s string, bom bool) []byte {
	var out []byte
	if bom {
		out = append(out, 0xff, 0xfe)
	}
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			hi, lo := 0xd800+(r>>10), 0xdc00+(r&0x3ff)
			out = append(out, byte(hi), byte(hi>>8), byte(lo), byte(lo>>8))
			continue
		}
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func TestParseOPDCSVUTF16(t *testing.T) {
	text := "kode,nama\r\nDINKES,Dinas Kesehatan\r\nJAWA,ꦢꦶꦤꦱ꧀\r\n"
	want := []OPDRow{{2, "DINKES", "Dinas Kesehatan"}, {3, "JAWA", "ꦢꦶꦤꦱ꧀"}}
	le := utf16LE(text, true)
	be := []byte{0xfe, 0xff}
	for i := 2; i+1 < len(le); i += 2 {
		be = append(be, le[i+1], le[i])
	}
	for name, data := range map[string][]byte{"little-endian": le, "big-endian": be} {
		got, err := ParseOPDCSV("opd.csv", data)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s with byte order mark: got %+v, %v; want %+v", name, got, err, want)
		}
	}
	_, err := ParseOPDCSV("opd.csv", utf16LE(text, false))
	if err == nil || !strings.Contains(err.Error(), "opd.csv: the file is saved as UTF-16 text without a byte order mark — save it again as \"CSV UTF-8\"") {
		t.Errorf("UTF-16 without a mark: %v", err)
	}
	var ce *OPDCSVError
	if errors.As(err, &ce) && len(ce.Problems) != 1 {
		t.Errorf("one sentence for the whole file, got %d", len(ce.Problems))
	}
}

func TestParseOPDCSVMessages(t *testing.T) {
	tests := []struct {
		name, data, want, wantID string
	}{
		{"one column names the separator once", "DINKES\n",
			`opd.csv:1: this row has only one column — write the code and the name separated by ","`,
			`opd.csv:1: baris ini hanya berisi satu kolom — tulis kode dan nama dipisahkan ","`},
		{"a NUL byte is a control character, not a line break", "DINKES,Dinas\x00Kesehatan\n",
			`opd.csv:1: the name of DINKES contains the control character \x00, which a terminal would act on — write it again without it`,
			`opd.csv:1: nama DINKES berisi karakter kendali \x00 yang akan dijalankan terminal — tulis ulang tanpa karakter itu`},
		{"an escape sequence in a code", "DIS\x1b[2JKOMINFO,Dinas Komunikasi\n",
			`opd.csv:1: the OPD code contains the control character \x1b, which a terminal would act on — write it again without it`,
			`opd.csv:1: kode OPD berisi karakter kendali \x1b yang akan dijalankan terminal — tulis ulang tanpa karakter itu`},
		{"a bidi override in a name", "DINKES,Dinas \u202eKesehatan\n",
			`opd.csv:1: the name of DINKES contains the control character \u202e, which a terminal would act on — write it again without it`,
			`opd.csv:1: nama DINKES berisi karakter kendali \u202e yang akan dijalankan terminal — tulis ulang tanpa karakter itu`},
		{"a tab in a name", "DINKES;Dinas\tKesehatan\n",
			`opd.csv:1: the name of DINKES contains a tab or line break — write it on one line`,
			`opd.csv:1: nama DINKES berisi tab atau pindah baris — tulis dalam satu baris`},
		{"header code,code is a header, not an OPD called CODE", "code,code\nDINKES,Dinas Kesehatan\n",
			`opd.csv:1: the header row reads "code,code" — the columns are the code, then the name: write code,name (or kode,nama)`,
			`opd.csv:1: baris judul berbunyi "code,code" — kolomnya kode, lalu nama: tulis kode,nama (atau code,name)`},
		{"header in the wrong order", "nama;kode\nDINKES;Dinas Kesehatan\n",
			`opd.csv:1: the header row reads "nama;kode" — the columns are the code, then the name: write code;name (or kode;nama)`,
			`opd.csv:1: baris judul berbunyi "nama;kode" — kolomnya kode, lalu nama: tulis kode;nama (atau code;name)`},
		{"a file larger than any OPD list", "A,B\n" + strings.Repeat("x", MaxOPDCSVBytes),
			`opd.csv: the file is 1.0 MB, more than an OPD list can be (at most 1.0 MB) — check that it is the right file`,
			`opd.csv: berkas ini berukuran 1.0 MB, lebih besar dari daftar OPD mana pun (paling besar 1.0 MB) — periksa apakah berkasnya benar`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := ParseOPDCSV("opd.csv", []byte(tt.data))
			var ce *OPDCSVError
			if rows != nil || !errors.As(err, &ce) {
				t.Fatalf("want an *OPDCSVError and no rows, got %+v, %v", rows, err)
			}
			if got := ce.In("en"); got != tt.want {
				t.Errorf("en:\ngot  %s\nwant %s", got, tt.want)
			}
			if got := ce.In("id"); got != tt.wantID {
				t.Errorf("id:\ngot  %s\nwant %s", got, tt.wantID)
			}
		})
	}
}
