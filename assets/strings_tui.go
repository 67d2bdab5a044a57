package assets

// Strings of the frame around every screen: header, footer, help, timer,
// status line, size guard.
func init() {
	register(map[string]Msg{
		"key.next":   {"fase berikutnya", "next phase"},
		"key.prev":   {"fase sebelumnya", "previous phase"},
		"key.jump":   {"lompat ke fase", "jump to phase"},
		"key.timer":  {"timer mulai/jeda", "timer start/pause"},
		"key.minute": {"tambah/kurang 1 menit", "add/remove 1 minute"},
		"key.undo":   {"batalkan perubahan skor terakhir", "undo the last score change"},
		"key.export": {"ekspor CSV", "export CSV"},
		"key.theme":  {"ganti tema", "change theme"},
		"key.help":   {"bantuan", "help"},
		"key.quit":   {"keluar", "quit"},
		"key.back":   {"kembali", "back"},

		"frame.stage":        {"Tahap %s", "Stage %s"},
		"frame.too_small":    {"Jendela terlalu kecil (%dx%d): perbesar sampai minimal 80x24.", "The window is too small (%dx%d): enlarge it to at least 80x24."},
		"frame.over_time":    {"lewat waktu %s", "over time %s"},
		"frame.left":         {"sisa %s", "%s left"},
		"frame.paused":       {"jeda", "paused"},
		"frame.saved":        {"Tersimpan.", "Saved."},
		"frame.undone":       {"Dibatalkan: %s.", "Undone: %s."},
		"frame.nothing_undo": {"Tidak ada perubahan skor untuk dibatalkan.", "There is no score change to undo."},
		"frame.exported":     {"Ekspor tersimpan di %s", "Export written to %s"},
		"frame.jump_title":   {"Lompat ke fase: tekan nomornya, Esc untuk batal", "Jump to phase: press its number, Esc to cancel"},
		"frame.help_title":   {"Tombol", "Keys"},
		"frame.help_global":  {"Di semua layar", "On every screen"},
		"frame.help_screen":  {"Di layar ini", "On this screen"},
		"frame.help_close":   {"Tekan ? atau Esc untuk menutup bantuan.", "Press ? or Esc to close the help."},
		"frame.theme":        {"Tema: %s", "Theme: %s"},
		"frame.readonly":     {"TAMPILAN PROYEKTOR (baca saja)", "PROJECTOR VIEW (read-only)"},
		"theme.dark":         {"gelap", "dark"},
		"theme.light":        {"terang", "light"},
		"theme.contrast":     {"kontras tinggi", "high contrast"},
		"frame.undone_note":  {"catatan dipulihkan", "note restored"},
		"frame.jump_keys":    {"lompat ke fase nomor itu", "jump to that phase"},
		"frame.cancel":       {"batal", "cancel"},
		"err.projector":      {"Ini tampilan proyektor (baca saja); lakukan perubahan di jendela fasilitator.", "This is the read-only projector view; make changes in the facilitator's window."},
		"frame.quit_saved":   {"Semua sudah tersimpan. Buka lagi dengan: %s", "Everything is saved. Reopen with: %s"},
	})
}
