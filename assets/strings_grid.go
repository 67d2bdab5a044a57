package assets

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
			"Level %d tidak ada pada skala %d-%d: ketik %d-%d, 0 untuk N/A, atau Backspace untuk mengosongkan.",
			"Level %d is not on the %d-%d scale: type %d-%d, 0 for N/A, or Backspace to clear.",
		},

		"grid.opd":         {"OPD", "OPD"},
		"grid.rows":        {"OPD %d-%d/%d", "OPD %d-%d/%d"},
		"grid.cols":        {"item %d-%d/%d", "items %d-%d/%d"},
		"grid.score":       {"Skor", "Score"},
		"grid.predikat":    {"Predikat", "Rating"},
		"grid.done":        {"Terisi", "Done"},
		"grid.city_row":    {"Rata-rata kota", "City mean"},
		"grid.city_n":      {"n=%d", "n=%d"},
		"grid.summary":     {"%s: skor kota %s %s (n=%d OPD) · kelengkapan %d/%d (%d%%)", "%s: city score %s %s (OPDs: %d) · completion %d/%d (%d%%)"},
		"grid.na":          {"N/A", "N/A"},
		"grid.na_long":     {"N/A (tidak berlaku)", "N/A (not applicable)"},
		"grid.unanswered":  {"belum diisi", "not answered"},
		"grid.note_label":  {"Catatan", "Note"},
		"grid.item":        {"Item %d/%d", "Item %d/%d"},
		"grid.levels":      {"Skala level (ketik angkanya; 0 = N/A)", "Level scale (type its number; 0 = N/A)"},
		"grid.legend":      {"Item dimensi ini", "Items of this dimension"},
		"grid.note_title":  {"Catatan untuk sel ini", "Note for this cell"},
		"grid.note_hint":   {"Enter atau ctrl+s: simpan · Esc: batal (isi kosong menghapus catatan)", "Enter or ctrl+s: save · Esc: cancel (empty text removes the note)"},
		"grid.note_ph":     {"Tulis catatan singkat…", "Write a short note…"},
		"grid.last_cell":   {"Sel terakhir dimensi ini sudah diisi; Tab ke dimensi berikutnya.", "The last cell of this dimension is filled; Tab goes to the next dimension."},
		"grid.note_saved":  {"Catatan tersimpan.", "Note saved."},
		"grid.note_gone":   {"Catatan dihapus.", "Note removed."},
		"grid.detail_hint": {"Spasi atau Esc: tutup", "Space or Esc: close"},
		"grid.opd_label":   {"OPD", "OPD"},
		"grid.answer":      {"Jawaban", "Answer"},
		"grid.space":       {"Spasi", "Space"},
	})
}
