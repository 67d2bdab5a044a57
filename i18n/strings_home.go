package i18n

// Strings of the home screen (the list of sessions) and of the new-session
// form, plus the tahap names both use.
func init() {
	register(map[string]Msg{
		"home.title":         {"Sesi Bimtek", "Bimtek sessions"},
		"home.loading":       {"Memuat daftar sesi…", "Loading the sessions…"},
		"home.welcome":       {"Selamat datang di bimtek!", "Welcome to bimtek!"},
		"home.empty":         {"Belum ada sesi di basis data ini. Tekan n untuk membuat sesi baru, atau jalankan `bimtek demo` untuk mencoba sesi contoh.", "There is no session in this database yet. Press n to create a new session, or run `bimtek demo` to try a sample session."},
		"home.load_failed":   {"Daftar sesi tidak bisa dibaca: %s", "The sessions could not be read: %s"},
		"home.col.id":        {"No", "ID"},
		"home.col.city":      {"Kota/kabupaten", "City"},
		"home.col.stage":     {"Tahap", "Stage"},
		"home.col.date":      {"Tanggal", "Date"},
		"home.col.opds":      {"OPD hadir", "OPDs here"},
		"home.col.done":      {"Terisi", "Done"},
		"home.col.last":      {"Aktivitas", "Last activity"},
		"home.col.venue":     {"Tempat", "Venue"},
		"home.col.facil":     {"Fasilitator", "Facilitator"},
		"home.col.framework": {"Kerangka", "Framework"},
		"home.selected":      {"Sesi %d · %s · Tahap %s", "Session %d · %s · Stage %s"},
		"home.hint":          {"Enter membuka sesi ini · x mengekspornya · e mengubah datanya · d menghapusnya · n sesi baru", "Enter opens this session · x exports it · e corrects its details · d deletes it · n new session"},
		"home.last_export":   {"Ekspor terakhir sesi ini (%s):", "This session's last export (%s):"},
		"home.creating":      {"Membuat sesi…", "Creating the session…"},
		"home.create_failed": {"Sesi tidak bisa dibuat: %s", "The session could not be created: %s"},
		"home.key.move":      {"pilih sesi", "select a session"},
		"home.key.open":      {"buka sesi", "open the session"},
		"home.key.new":       {"sesi baru", "new session"},
		"home.key.export":    {"ekspor sesi terpilih", "export the selected session"},

		"ago.never":     {"—", "—"},
		"ago.now":       {"baru saja", "just now"},
		"ago.minutes":   {"%d menit lalu", "%d min ago"},
		"ago.today":     {"hari ini %s", "today %s"},
		"ago.yesterday": {"kemarin %s", "yesterday %s"},

		// Tahap: a short name for lists and the form, and a sentence for
		// the opening screen (DOMAIN.md, "The programme").
		"stage.short.1": {"Kesiapan dan analisis kesenjangan", "Readiness and gap analysis"},
		"stage.short.2": {"Pemetaan program dan quick win", "Programme mapping and quick wins"},
		"stage.short.3": {"Inovasi dan masterplan (Buku 2)", "Innovations and masterplan (Book 2)"},
		"stage.short.4": {"Quick win final dan komitmen", "Final quick wins and commitment"},
		"stage.long.1": {
			"Kesiapan daerah dan analisis kesenjangan: SWOT atas struktur, infrastruktur dan suprastruktur, lalu visi dan misi; hasilnya Buku 1, analisis strategis enam dimensi.",
			"Readiness and gap analysis: a SWOT over structure, infrastructure and superstructure, then vision and mission; the result is Book 1, a strategic analysis of the six dimensions.",
		},
		"stage.long.2": {
			"Memetakan program RPJMD dan Renstra setiap OPD ke enam dimensi; setiap OPD mengusulkan program per dimensi, strategi, dan rencana quick win 6-12 bulan.",
			"Mapping the RPJMD programmes and each OPD's Renstra onto the six dimensions; each OPD proposes programmes per dimension, strategies, and 6-12 month quick-win plans.",
		},
		"stage.long.3": {
			"Inovasi untuk setiap program dan Buku 2, masterplan: arah, strategi per dimensi, rencana aksi dan roadmap 1, 5 dan 10 tahun.",
			"Innovations attached to the programmes and Book 2, the masterplan: direction, strategy per dimension, action plan and a 1, 5 and 10 year roadmap.",
		},
		"stage.long.4": {
			"Quick win tahun pertama dan kedua dirampungkan, lalu komitmen ditandatangani.",
			"The quick wins for years one and two are finalised and the commitment is signed.",
		},

		"new.title":             {"Sesi baru", "New session"},
		"new.hint":              {"Enter lanjut · Shift+Tab kembali · Esc batal", "Enter next · Shift+Tab back · Esc cancel"},
		"new.group.session":     {"Sesi: daerah, tahap, tanggal dan tempat", "Session: city, stage, date and venue"},
		"new.city":              {"Kota / kabupaten", "City / regency"},
		"new.city.placeholder":  {"misalnya Kota Bandung", "e.g. Kota Bandung"},
		"new.city.required":     {"Isi nama kota atau kabupaten.", "Enter the name of the city or regency."},
		"new.stage":             {"Tahap Bimtek", "Bimtek stage"},
		"new.stage.option":      {"Tahap %s: %s", "Stage %s: %s"},
		"new.date":              {"Tanggal (TTTT-BB-HH)", "Date (YYYY-MM-DD)"},
		"new.date.bad":          {"Tanggal %q tidak dikenali: tulis seperti 2025-06-12.", "The date %q is not a date: write it like 2025-06-12."},
		"new.venue":             {"Tempat", "Venue"},
		"new.venue.placeholder": {"misalnya Aula Bappeda", "e.g. Bappeda hall"},
		"new.facilitator":       {"Fasilitator", "Facilitator"},
		"new.group.framework":   {"Kerangka penilaian", "Assessment framework"},
		"new.framework":         {"Kerangka", "Framework"},
		"new.framework.file":    {"Berkas YAML sendiri…", "My own YAML file…"},
		"new.framework.path":    {"Lokasi berkas kerangka (YAML)", "Framework file (YAML)"},
		"new.framework.desc":    {"Periksa berkasnya dulu dengan: bimtek framework check BERKAS", "Check the file first with: bimtek framework check FILE"},
		"new.framework.empty":   {"Isi lokasi berkas kerangka, atau kembali dengan Shift+Tab dan pilih kerangka bawaan.", "Enter the path of the framework file, or go back with Shift+Tab and pick a built-in framework."},
		"new.framework.bad":     {"Berkas kerangka tidak bisa dipakai:\n%s", "The framework file cannot be used:\n%s"},
		"new.group.opds":        {"OPD peserta", "Participating OPDs"},
		"new.opds":              {"Daftar OPD awal", "Initial OPD list"},
		"new.opds.preset":       {"Daftar OPD umum sebuah kota (%d OPD)", "Typical OPDs of a city (%d)"},
		"new.opds.csv":          {"Dari berkas CSV…", "From a CSV file…"},
		"new.opds.none":         {"Kosong: isi nanti di fase Daftar OPD", "Empty: fill it later in the OPD roster phase"},
		"new.csv.path":          {"Lokasi berkas CSV OPD", "OPD CSV file"},
		"new.csv.desc":          {"Dua kolom: kode dan nama OPD (baris judul boleh, pemisah , atau ;).", "Two columns: OPD code and name (a header row is fine, separator , or ;)."},
		"new.csv.empty":         {"Isi lokasi berkas CSV, atau kembali dengan Shift+Tab dan pilih pilihan lain.", "Enter the path of the CSV file, or go back with Shift+Tab and choose another option."},
		"new.csv.open":          {"Berkas %s tidak bisa dibuka: periksa lokasinya.", "The file %s cannot be opened: check its path."},
		"new.csv.nothing":       {"Berkas %s tidak berisi satu OPD pun.", "The file %s holds no OPD."},
		"new.key.next":          {"lanjut", "next"},
		"new.key.back":          {"kembali", "back"},
		"new.key.cancel":        {"batal, kembali ke daftar", "cancel, back to the list"},
		"new.cancelled":         {"Sesi baru dibatalkan; tidak ada yang disimpan.", "New session cancelled; nothing was saved."},
		"new.created":           {"Sesi %d dibuat.", "Session %d created."},
	})
}

// Sentences of this area that show a count: their words follow it.
func init() {
	registerPlural(map[string]Plural{
		"home.count": {Arg: 1,
			ID:    "%d sesi, aktivitas terbaru di atas",
			One:   "%d session, latest activity first",
			Other: "%d sessions, latest activity first"},
		"ago.days": {Arg: 1,
			ID:    "%d hari lalu",
			One:   "%d day ago",
			Other: "%d days ago"},
		"new.csv.bad": {Arg: 1,
			ID:    "Berkas CSV punya %d masalah; perbaiki lalu coba lagi:\n%s",
			One:   "The CSV file has %d problem; fix it and try again:\n%s",
			Other: "The CSV file has %d problems; fix them and try again:\n%s"},
	})
}
