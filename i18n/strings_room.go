package i18n

// Strings of room mode: the phone form the OPDs fill in, and the
// facilitator's side of it.
func init() {
	register(map[string]Msg{
		// The phone pages.
		"room.title":       {"Penilaian mandiri OPD", "OPD self-assessment"},
		"room.join.title":  {"Masuk dengan kode akses", "Enter your access code"},
		"room.join.intro":  {"Ketik kode akses OPD Anda yang tertera di kartu dari fasilitator.", "Type your OPD's access code from the card the facilitator gave you."},
		"room.join.label":  {"Kode akses", "Access code"},
		"room.join.button": {"Masuk", "Enter"},
		"room.join.hint":   {"Huruf besar atau kecil sama saja; tanda hubung boleh dilewati.", "Capital or small letters both work; the dash may be left out."},
		"room.back":        {"Kembali", "Back"},
		"room.progress":    {"Terjawab", "Answered"},
		"room.dims":        {"Dimensi", "Dimensions"},
		"room.na":          {"Tidak berlaku", "Not applicable"},
		"room.note":        {"Catatan (boleh kosong)", "Note (optional)"},
		"room.save":        {"Simpan", "Save"},
		"room.saved":       {"Tersimpan", "Saved"},
		"room.prev":        {"‹ Sebelumnya", "‹ Previous"},
		"room.next":        {"Berikutnya ›", "Next ›"},
		"room.send":        {"Kirim", "Send"},
		"room.send_intro":  {"Sudah selesai semua dimensi? Tekan Kirim; fasilitator dapat membukanya kembali bila perlu.", "Done with every dimension? Press Send; the facilitator can reopen it if needed."},
		"room.sent":        {"Terima kasih: jawaban %s terkirim (%d / %d terjawab).", "Thank you: the answers of %s are sent (%d / %d answered)."},
		"room.sent_locked": {"Jawaban sudah dikirim. Untuk mengubahnya, minta fasilitator membuka kembali formulir OPD Anda.", "The answers are sent. To change them, ask the facilitator to reopen your OPD's form."},
		"room.closed":      {"Pengisian dimensi %s sedang ditutup oleh fasilitator; jawaban tampil tetapi tidak dapat diubah.", "Entry for %s is closed by the facilitator; the answers show but cannot be changed."},
		"room.score":       {"Skor dimensi ini untuk OPD Anda: %s", "Your OPD's score for this dimension: %s"},
		"room.leave":       {"Keluar dari perangkat ini", "Sign out on this device"},
		"room.js.saving":   {"Menyimpan…", "Saving…"},
		"room.js.offline":  {"Tidak tersimpan: laptop fasilitator tidak terjangkau. Periksa Wi-Fi lalu coba lagi.", "Not saved: the facilitator's laptop cannot be reached. Check the Wi-Fi and try again."},
		"room.js.confirm":  {"Kirim jawaban sekarang? Fasilitator dapat membukanya kembali.", "Send the answers now? The facilitator can reopen the form."},

		// Refusals on the phone: one sentence, what is wrong and what to do.
		"room.err.wrong_code":      {"Kode akses itu tidak dikenal; periksa kartu OPD Anda dan ketik lagi.", "That access code is not known; check your OPD's card and type it again."},
		"room.err.no_code":         {"Masuk dulu dengan kode akses OPD Anda.", "Enter your OPD's access code first."},
		"room.err.code_gone":       {"Kode akses ini tidak berlaku lagi (fasilitator menerbitkan kode baru); masuk dengan kode yang baru.", "This access code no longer works (the facilitator issued a new one); enter the new code."},
		"room.err.no_dimension":    {"Dimensi itu tidak ada di penilaian ini; pilih dimensi dari daftar.", "That dimension is not in this assessment; pick a dimension from the list."},
		"room.err.other_dimension": {"Item %s bukan bagian dari dimensi halaman ini; isi dari halaman dimensinya.", "Item %s is not part of this page's dimension; answer it on its own dimension's page."},
		"room.err.unknown_field":   {"Formulir mengirim isian yang tidak dikenal (%s); muat ulang halaman lalu coba lagi.", "The form sent a field that is not known (%s); reload the page and try again."},
		"room.err.twice":           {"Isian %s terkirim lebih dari sekali; muat ulang halaman lalu coba lagi.", "Field %s was sent more than once; reload the page and try again."},
		"room.err.too_many":        {"Formulir mengirim terlalu banyak isian; muat ulang halaman lalu coba lagi.", "The form sent too many fields; reload the page and try again."},
		"room.err.not_level":       {"Level %s tidak ada di skala; pilih level %d sampai %d atau N/A.", "Level %s is not on the scale; choose a level from %d to %d or N/A."},
		"room.err.sent":            {"Jawaban OPD Anda sudah dikirim; minta fasilitator membuka kembali formulirnya untuk mengubah.", "Your OPD's answers are already sent; ask the facilitator to reopen the form to change them."},
		"room.err.closed":          {"Pengisian dimensi %s sedang ditutup oleh fasilitator; tunggu sampai dibuka lagi.", "Entry for %s is closed by the facilitator; wait until it opens again."},
		"room.err.cross_origin":    {"Permintaan dari situs lain ditolak; buka formulir langsung dari alamat laptop fasilitator.", "A request from another site was refused; open the form straight from the facilitator's laptop address."},
		"room.err.too_big":         {"Kiriman terlalu besar (lebih dari %d KB); persingkat catatan lalu coba lagi.", "What was sent is too large (over %d KB); shorten the notes and try again."},
		"room.err.not_found":       {"Halaman itu tidak ada; buka alamat yang tertera di layar atau di kartu.", "There is no such page; open the address shown on the screen or on the card."},
		"room.err.not_saved":       {"Jawaban tidak tersimpan karena kesalahan di laptop fasilitator; beri tahu fasilitator lalu coba lagi.", "The answer was not saved because of a problem on the facilitator's laptop; tell the facilitator and try again."},
	})
}

// Strings of the printed access cards.
func init() {
	register(map[string]Msg{
		"room.cards.title": {"Kartu akses penilaian mandiri · %s · Tahap %d", "Self-assessment access cards · %s · Tahap %d"},
		"room.cards.intro": {"Gunting per kartu dan berikan satu kartu kepada setiap OPD. Kode hanya membuka formulir OPD itu.", "Cut along the lines and give one card to each OPD. A code opens only that OPD's form."},
		"room.cards.city":  {"%s · Tahap %d", "%s · Tahap %d"},
		"room.cards.code":  {"Kode akses", "Access code"},
		"room.cards.step1": {"Sambungkan ponsel ke Wi-Fi ruangan.", "Join the room's Wi-Fi on your phone."},
		"room.cards.step2": {"Pindai QR atau buka %s", "Scan the QR or open %s"},
		"room.cards.step3": {"Ketik kode akses, lalu tekan Masuk.", "Type the access code, then press Enter."},
	})
}

// Strings of the command line for room mode.
func init() {
	register(map[string]Msg{
		"cli.cards":          {"Tulis kartu akses OPD (cards.html untuk dicetak) dan daftar kode (codes.csv)", "Write the OPDs' access cards (cards.html to print) and the list of codes (codes.csv)"},
		"cli.flag.cards_dir": {"folder tujuan (bawaan: bimtek-cards-ID di direktori ini)", "target folder (default: bimtek-cards-ID in the current directory)"},
		"cli.flag.cards_url": {"alamat formulir yang dicetak di kartu (bawaan: alamat laptop ini, port 8080)", "the form's address printed on the cards (default: this laptop's address, port 8080)"},
		"cli.err.cards_url":  {"--url %q bukan alamat http seperti http://192.168.1.10:8080; tulis alamat laptop di jaringan ruangan.", "--url %q is not an http address such as http://192.168.1.10:8080; give the laptop's address on the room's network."},
	})
}

// Strings of the facilitator's room-mode panel.
func init() {
	register(map[string]Msg{
		"room.key.start":     {"mulai mode ruang", "start room mode"},
		"room.key.full":      {"QR layar penuh", "full-screen QR"},
		"room.key.link":      {"alamat lain", "other address"},
		"room.key.move":      {"pilih OPD", "pick an OPD"},
		"room.key.reopen":    {"buka kembali OPD terkirim", "reopen a sent OPD"},
		"room.key.reissue":   {"kode baru (tekan 2x)", "new code (press twice)"},
		"room.key.toggle":    {"buka/tutup dimensi", "open/close a dimension"},
		"room.key.open_all":  {"buka semua", "open all"},
		"room.key.close_all": {"tutup semua", "close all"},
		"room.key.stop":      {"hentikan mode ruang", "stop room mode"},
		"room.key.back":      {"kembali", "back"},
		"room.key.panel":     {"mode ruang (ponsel OPD)", "room mode (OPD phones)"},

		"room.panel.title":      {"Mode ruang: OPD mengisi di ponsel", "Room mode: OPDs answer on their phones"},
		"room.panel.off1":       {"Laptop ini melayani formulir penilaian di jaringan ruangan (Wi-Fi, router, atau hotspot laptop), tanpa internet.", "This laptop serves the assessment form on the room's network (Wi-Fi, a travel router or the laptop's hotspot), with no internet."},
		"room.panel.off2":       {"Setiap OPD masuk dengan kode aksesnya sendiri; setiap jawaban langsung tersimpan dan tampil di grid.", "Each OPD enters with its own access code; every answer is saved at once and shows in the grid."},
		"room.panel.cards":      {"Kartu akses untuk dicetak: bimtek cards %d", "Access cards to print: bimtek cards %d"},
		"room.panel.start":      {"mulai di %s", "start on %s"},
		"room.panel.local":      {"Hanya laptop ini yang dapat membuka alamat ini; mulai dengan --listen 0.0.0.0:8080 untuk ponsel.", "Only this laptop can open this address; start with --listen 0.0.0.0:8080 for phones."},
		"room.panel.no_network": {"Laptop tidak terhubung ke jaringan mana pun: sambungkan ke Wi-Fi ruangan atau nyalakan hotspot laptop.", "The laptop is on no network: join the room's Wi-Fi or turn on the laptop's hotspot."},
		"room.panel.open_on":    {"Buka di ponsel (pindai QR atau ketik):", "Open on a phone (scan the QR or type):"},
		"room.panel.entry":      {"Pengisian per dimensi (✔ buka, ✘ tutup):", "Entry per dimension (✔ open, ✘ closed):"},
		"room.panel.never":      {"belum", "never"},
		"room.panel.sent":       {"✓", "✓"},

		"room.hint.title":     {"Belum ada ponsel yang tersambung. Yang biasanya menghalangi:", "No phone has connected yet. What usually blocks them:"},
		"room.hint.isolation": {"Isolasi klien (AP/client isolation) di Wi-Fi tamu memisahkan ponsel dari laptop: pakai jaringan lain, router sendiri, atau hotspot laptop.", "Client (AP) isolation on a guest Wi-Fi keeps phones from the laptop: use another network, your own router, or the laptop's hotspot."},
		"room.hint.firewall":  {"Windows Firewall memblokir jaringan \"Publik\": ubah profil jaringan ke Privat, atau izinkan bimtek saat Windows bertanya.", "Windows Firewall blocks a \"Public\" network: set the network profile to Private, or allow bimtek when Windows asks."},
		"room.hint.android":   {"Android meninggalkan Wi-Fi tanpa internet: ketuk \"Tetap sambungkan\" atau matikan data seluler sebentar.", "Android leaves a Wi-Fi without internet: tap \"Stay connected\" or turn mobile data off for a while."},

		"room.starting":     {"Memulai mode ruang…", "Starting room mode…"},
		"room.started":      {"Mode ruang berjalan: %s", "Room mode is running: %s"},
		"room.stopped":      {"Mode ruang dihentikan; semua jawaban sudah tersimpan.", "Room mode stopped; every answer is saved."},
		"room.entry_opened": {"Pengisian %s dibuka.", "Entry for %s is open."},
		"room.entry_closed": {"Pengisian %s ditutup.", "Entry for %s is closed."},
		"room.opened_all":   {"Pengisian semua dimensi dibuka.", "Entry for every dimension is open."},
		"room.closed_all":   {"Pengisian semua dimensi ditutup.", "Entry for every dimension is closed."},
		"room.reopened":     {"Formulir %s dibuka kembali.", "The form of %s is open again."},
		"room.reissue_ask":  {"Tekan n sekali lagi untuk kode baru %s (kartu lamanya tidak berlaku lagi).", "Press n again for a new code for %s (its old card stops working)."},
		"room.reissued":     {"Kode baru %s: %s", "New code for %s: %s"},
		"room.phone_saved":  {"Ponsel %s: %s", "Phone of %s: %s"},
	})
}

func init() {
	register(map[string]Msg{
		"cli.flag.listen": {"mulai mode ruang di alamat ini, mis. 0.0.0.0:8080 (ponsel OPD mengisi formulir)", "start room mode on this address, e.g. 0.0.0.0:8080 (OPDs answer on their phones)"},
	})
}

func init() {
	register(map[string]Msg{
		"room.err.listen_bad": {"Alamat %q bukan host:port seperti 0.0.0.0:8080; tulis alamat dan port untuk mode ruang.", "Address %q is not host:port such as 0.0.0.0:8080; give an address and a port for room mode."},
		"room.err.listen":     {"Mode ruang tidak dapat mendengarkan di %s (port sudah dipakai program lain, atau alamat itu bukan milik laptop ini); pilih port lain, mis. 0.0.0.0:8081.", "Room mode cannot listen on %s (the port is taken by another program, or the address is not this laptop's); choose another port, e.g. 0.0.0.0:8081."},
	})
}

// Sentences of this area that show a count: their words follow it.
func init() {
	registerPlural(map[string]Plural{
		"room.err.slow_down": {Arg: 1,
			ID:    "Terlalu banyak kode salah dari perangkat ini; tunggu %d detik lalu coba lagi.",
			One:   "Too many wrong codes from this device; wait %d second and try again.",
			Other: "Too many wrong codes from this device; wait %d seconds and try again."},
		"cli.cards.done": {Arg: 1,
			ID:    "%d kartu akses; formulir di %s (jalankan `bimtek open %d --listen 0.0.0.0:8080` di ruangan).",
			One:   "%d access card; the form at %s (run `bimtek open %d --listen 0.0.0.0:8080` in the room).",
			Other: "%d access cards; the form at %s (run `bimtek open %d --listen 0.0.0.0:8080` in the room)."},
		"room.panel.counts": {Arg: 3,
			ID:    "Terhubung %d · terkirim %d · dari %d OPD",
			One:   "Connected %d · sent %d · of %d OPD",
			Other: "Connected %d · sent %d · of %d OPDs"},
	})
}
