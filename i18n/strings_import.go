package i18n

// Problems of an imported scores file (`bimtek import`, the report
// package's reader), "what is wrong; what to do".
func init() {
	register(map[string]Msg{
		"import.utf_16_text":                  {`file ini teks UTF-16; simpan dari Excel sebagai "CSV UTF-8" lalu impor lagi`, `the file is UTF-16 text; save it from Excel as "CSV UTF-8" and import it again`},
		"import.not_utf_8_text":               {`file ini bukan teks UTF-8; simpan dari Excel sebagai "CSV UTF-8" lalu impor lagi`, `the file is not UTF-8 text; save it from Excel as "CSV UTF-8" and import it again`},
		"import.empty":                        {"file ini kosong; ekspor skor dulu lalu isi file itu", "the file is empty; export the scores first and fill in that file"},
		"import.header_but_no_rows":           {"file ini punya baris judul tetapi tidak ada baris skor; isi baris-baris scores.csv hasil ekspor", "the file has a header but no rows of scores; fill in the rows of an exported scores.csv"},
		"import.header_row_cannot_read":       {"baris judul tidak terbaca (%v); ekspor skor lagi dan mulai dari file itu", "the header row cannot be read (%v); export the scores again and start from that file"},
		"import.column_appears_twice":         {"kolom %s muncul dua kali; sisakan satu", "the column %s appears twice; keep one of them"},
		"import.column_missing":               {"kolom %s tidak ada; pakai baris judul dari scores.csv hasil ekspor", "the column %s is missing; keep the header row of an exported scores.csv"},
		"import.quoting_broken":               {"tanda kutip rusak (%s); beri kutip hanya di sekeliling sel utuh dan gandakan kutip di dalam sel", "the quoting is broken (%s); put quotes only around whole cells and double any quote inside a cell"},
		"import.row_cells_but_header":         {"baris ini punya %d sel sedangkan judul punya %d; periksa pemisah di dalam sel yang tidak diberi kutip", "the row has %d cells but the header has %d; check for a separator inside a cell that is not quoted"},
		"import.opd_code_empty":               {"opd_code kosong; isi dengan kode OPD sesi ini", "the opd_code is empty; fill in the code of an OPD of this session"},
		"import.opd_code_not_session":         {"kode OPD %q tidak ada di sesi ini; pakai kode dari daftar OPD sesi", "the OPD code %q is not in this session; use a code from the session's roster"},
		"import.indicator_key_empty":          {"indicator_key kosong; isi dengan kunci indikator dari kerangka", "the indicator_key is empty; fill in the key of an indicator of the framework"},
		"import.indicator_key_not_session":    {"kunci indikator %q tidak ada di kerangka sesi; pakai kunci dari scores.csv hasil ekspor", "the indicator key %q is not in the session's framework; use a key from an exported scores.csv"},
		"import.note_cannot_read":             {"catatan tidak terbaca (%v); tulis ulang", "the note cannot be read (%v); write it again"},
		"import.opd_indicator_already_appear": {"OPD %s dan indikator %s sudah ada di baris %d; sisakan satu dari dua baris itu", "OPD %s and indicator %s already appear on line %d; keep only one of the two rows"},
		"import.level_not_scale":              {"level %q tidak ada di skala %s; pakai salah satu level itu atau kosongkan", "the level %q is not on the scale %s; use one of those levels or leave it empty"},
		"import.not_applicable_value_not":     {"nilai not_applicable %q tidak dikenal; pakai 1 atau 0", "the not_applicable value %q is not understood; use 1 or 0"},
		"import.row_marked_not_applicable":    {"baris ini ditandai N/A dan juga punya level; kosongkan level atau isi not_applicable dengan 0", "the row is marked not applicable and also has a level; clear the level or set not_applicable to 0"},
		"import.more_than_scores_any":         {"file ini berukuran %s, lebih besar dari file skor sesi mana pun (paling besar %s); periksa apakah filenya benar", "the file is %s, more than a scores file of any session can be (at most %s); check that it is the right file"},
	})
}
