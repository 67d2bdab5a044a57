package i18n

// Strings of the assessment grid (phase "Penilaian mandiri").
func init() {
	register(map[string]Msg{
		"grid.key.move":   {"pindah sel", "move"},
		"grid.key.level":  {"isi level lalu maju", "set the level and advance"},
		"grid.key.na":     {"N/A (tidak berlaku) lalu maju", "N/A (not applicable) and advance"},
		"grid.key.clear":  {"kosongkan sel", "clear the cell"},
		"grid.key.note":   {"catatan", "note"},
		"grid.key.tab":    {"dimensi berikut/sebelumnya", "next/previous dimension"},
		"grid.key.ends":   {"item pertama/terakhir", "first/last item"},
		"grid.key.page":   {"gulir satu halaman OPD", "scroll one page of OPDs"},
		"grid.key.detail": {"uraian item dan skala level", "item description and level scale"},
		"grid.key.save":   {"simpan catatan", "save the note"},
		"grid.key.cancel": {"batal", "cancel"},

		"grid.no_present": {
			"Belum ada OPD yang hadir: tandai OPD yang hadir di fase Daftar OPD, lalu kembali ke sini.",
			"No OPD is present yet: mark the OPDs present in the OPD roster phase, then come back here.",
		},
		"grid.no_items": {
			"Dimensi ini tidak punya indikator: pilih dimensi lain dengan Tab.",
			"This dimension has no indicators: choose another dimension with Tab.",
		},
		"grid.out_of_scale": {
			"Level %d tidak ada pada skala %d-%d dan tidak dicatat; angka berikutnya ditahan sampai Esc atau pindah sel, lalu ketik %d-%d atau 0 untuk N/A.",
			"Level %d is not on the %d-%d scale and was not recorded; the next digits are held until Esc or a move, then type %d-%d or 0 for N/A.",
		},

		"grid.opd":             {"OPD", "OPD"},
		"grid.rows":            {"OPD %d-%d/%d", "OPD %d-%d/%d"},
		"grid.cols":            {"item %d-%d/%d", "items %d-%d/%d"},
		"grid.score":           {"Skor", "Score"},
		"grid.predikat":        {"Predikat", "Rating"},
		"grid.done":            {"Terisi", "Done"},
		"grid.city_row":        {"Rata-rata kota", "City mean"},
		"grid.city_n":          {"n=%d", "n=%d"},
		"grid.na":              {"N/A", "N/A"},
		"grid.na_long":         {"N/A (tidak berlaku)", "N/A (not applicable)"},
		"grid.unanswered":      {"belum diisi", "not answered"},
		"grid.note_label":      {"Catatan", "Note"},
		"grid.item":            {"Item %d/%d", "Item %d/%d"},
		"grid.levels":          {"Skala level (ketik angkanya; 0 = N/A)", "Level scale (type its number; 0 = N/A)"},
		"grid.legend":          {"Item dimensi ini", "Items of this dimension"},
		"grid.marks":           {"Tanda: * ada catatan (Enter membukanya) · %s diisi dari ponsel OPD", "Marks: * a note (Enter opens it) · %s answered on the OPD's phone"},
		"grid.marks_help":      {"catatan · dari ponsel", "a note · from a phone"},
		"grid.note_title":      {"Catatan untuk sel ini", "Note for this cell"},
		"grid.note_hint":       {"Enter atau ctrl+s: simpan · Esc: batal (isi kosong menghapus catatan)", "Enter or ctrl+s: save · Esc: cancel (empty text removes the note)"},
		"grid.note_ph":         {"Tulis catatan singkat…", "Write a short note…"},
		"grid.last_cell":       {"Sel terakhir dimensi ini terisi dan tidak ada sel berikutnya, jadi angka berikutnya ditahan sampai Esc, pindah sel, atau Tab.", "The last cell of this dimension is filled and there is no next cell, so the next digits are held until Esc, a move or Tab."},
		"grid.opd_last":        {"Item terakhir OPD ini terisi dan tidak ada item berikutnya, jadi angka berikutnya ditahan sampai Esc atau → ke OPD berikutnya.", "The last item of this OPD is filled and there is no next item, so the next digits are held until Esc or → to the next OPD."},
		"grid.all_answered":    {"Semua sel sudah terisi.", "Every cell is answered."},
		"grid.all_opds":        {"Semua OPD ditampilkan (○ = tidak hadir).", "Every OPD is shown (○ = not present)."},
		"grid.only_present":    {"Hanya OPD yang hadir ditampilkan.", "Only the present OPDs are shown."},
		"grid.hidden":          {"skor disembunyikan dari ruangan (r untuk menampilkan)", "scores hidden from the room (r shows them)"},
		"grid.summary_hidden":  {"%s: skor disembunyikan · kelengkapan %d/%d (%d%%)", "%s: scores hidden · completion %d/%d (%d%%)"},
		"grid.absent":          {"tidak hadir", "not present"},
		"grid.opd_pos":         {"OPD %d/%d", "OPD %d/%d"},
		"grid.opd_done":        {"terisi %d/%d", "done %d/%d"},
		"grid.key.move_item":   {"item sebelumnya/berikutnya", "previous/next item"},
		"grid.key.move_opd":    {"OPD sebelumnya/berikutnya", "previous/next OPD"},
		"grid.key.by_opd_back": {"kembali ke tabel semua OPD", "back to the table of all OPDs"},
		"grid.key.next_empty":  {"sel kosong berikutnya", "next unanswered cell"},
		"grid.key.all":         {"semua OPD / hanya yang hadir", "every OPD / only those present"},
		"grid.key.by_opd":      {"tampilan per OPD (satu formulir)", "per-OPD view (one paper form)"},
		"grid.note_saved":      {"Catatan tersimpan.", "Note saved."},
		"grid.note_gone":       {"Catatan dihapus.", "Note removed."},
		"grid.detail_hint":     {"Spasi atau Esc: tutup", "Space or Esc: close"},
		"grid.opd_label":       {"OPD", "OPD"},
		"grid.answer":          {"Jawaban", "Answer"},
		"grid.space":           {"Spasi", "Space"},
	})
}

// Sentences of this area that show a count: their words follow it.
func init() {
	registerPlural(map[string]Plural{
		"grid.summary": {Arg: 4,
			ID:    "%s: skor kota %s %s (n=%d OPD) · kelengkapan %d/%d (%d%%)",
			One:   "%s: city score %s %s (%d OPD) · completion %d/%d (%d%%)",
			Other: "%s: city score %s %s (%d OPDs) · completion %d/%d (%d%%)"},
	})
}
