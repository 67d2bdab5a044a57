package i18n

// Strings of the in-app export dialog (x on home and the wrap-up, ctrl+e
// in a session) and of what it says afterwards.
func init() {
	register(map[string]Msg{
		"export.title":        {"Ekspor · %s", "Export · %s"},
		"export.kind":         {"Jenis", "Kind"},
		"export.kind.excel":   {"Excel Indonesia", "Excel Indonesia"},
		"export.kind.csv":     {"CSV biasa", "Plain CSV"},
		"export.kind.pack":    {"Paket laporan", "Report pack"},
		"export.desc.excel":   {"4 berkas CSV untuk Excel berbahasa Indonesia: pemisah ; dan koma desimal (bawaan)", "4 CSV files for Excel on an Indonesian locale: ; separator and decimal comma (the default)"},
		"export.desc.csv":     {"4 berkas CSV dengan pemisah , dan titik desimal, untuk program lain", "4 CSV files with , separator and decimal point, for other programs"},
		"export.desc.pack":    {"buku kerja .xlsx dan laporan satu halaman .html untuk Buku 1", "an .xlsx workbook and a one-page .html report for Buku 1"},
		"export.folder":       {"Folder tujuan", "Folder"},
		"export.folder_ph":    {"folder yang sudah ada, mis. C:\\Users\\nama\\Documents", "a folder that exists, e.g. C:\\Users\\name\\Documents"},
		"export.where_csv":    {"Di dalamnya dibuat folder baru bimtek-<kota>-tahap<N>-<no>-<waktu>.", "A new folder bimtek-<city>-tahap<N>-<id>-<time> is made inside it."},
		"export.where_pack":   {"Di dalamnya dibuat folder baru laporan-<kota>-tahap<N>-<no>-<waktu>.", "A new folder report-<city>-tahap<N>-<id>-<time> is made inside it."},
		"export.busy":         {"Menulis %s…", "Writing %s…"},
		"export.no_folder":    {"Ketik folder tujuan ekspor; tidak ada yang diekspor.", "Type the folder to export into; nothing was exported."},
		"export.cancelled":    {"Ekspor dibatalkan; tidak ada berkas yang ditulis.", "Export cancelled; no file was written."},
		"export.status":       {"%s di %s: %s", "%s in %s: %s"},
		"export.status_short": {"%s: %d berkas di %s", "%s: %d files in %s"},
		"export.key.choose":   {"pilih jenis", "choose the kind"},
		"export.key.field":    {"jenis/folder", "kind/folder"},
		"export.key.go":       {"ekspor", "export"},
		"export.key.cancel":   {"batal", "cancel"},
	})
}
