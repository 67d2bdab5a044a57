package i18n

// The database file and the session lock: what the store refuses, and the
// commands that look after the file (check, backup, open --take-over).
func init() {
	register(map[string]Msg{
		"err.lock_lost": {"Sesi %d sudah diambil alih oleh bimtek lain (pid %d di %s, sejak %s), jadi perubahan ini tidak tersimpan; tutup jendela ini dan lanjutkan di sana.",
			"Session %d was taken over by another bimtek (pid %d on %s, since %s), so this change was not saved; close this window and carry on there."},
		"err.lock_lost_gone": {"Sesi %d tidak lagi dipegang bimtek ini (proses lain mengambil alih lalu menutupnya), jadi perubahan ini tidak tersimpan; tutup jendela ini lalu buka sesinya lagi.",
			"Session %d is no longer held by this bimtek (another process took it over and has closed it), so this change was not saved; close this window and open the session again."},
		"err.db_folder": {"%s adalah folder, bukan file database; pilih sebuah file dengan --db.",
			"%s is a folder, not a database file; choose a file with --db."},
		"err.db_dangling": {"%s adalah tautan ke %s, yang tidak ada; perbaiki tautannya atau pilih file lain dengan --db.",
			"%s is a link to %s, which does not exist; fix the link or choose another file with --db."},
		"err.db_fifo": {"%s adalah pipa bernama (FIFO), bukan file database; pilih file biasa dengan --db.",
			"%s is a named pipe (FIFO), not a database file; choose a regular file with --db."},
		"err.db_device": {"%s adalah perangkat, bukan file database; pilih file biasa dengan --db.",
			"%s is a device, not a database file; choose a regular file with --db."},
		"err.db_socket": {"%s adalah soket, bukan file database; pilih file biasa dengan --db.",
			"%s is a socket, not a database file; choose a regular file with --db."},
		"err.db_special": {"%s bukan file biasa; pilih file database biasa dengan --db.",
			"%s is not a regular file; choose a regular database file with --db."},
		"err.db_unreadable": {"%s tidak dapat dibaca (izin filenya melarang); buat agar dapat dibaca atau pilih file lain dengan --db.",
			"%s cannot be read (its permissions forbid it); make it readable or choose another file with --db."},
		"err.db_parent": {"%s tidak dapat menjadi database karena sebagian path-nya adalah file, bukan folder; pilih file lain dengan --db.",
			"%s cannot be a database because part of its path is a file, not a folder; choose another file with --db."},
		"err.foreign_wal": {"%s-wal bukan milik %s (berasal dari file database lain), jadi tidak diterapkan dan kedua file dibiarkan apa adanya; pindahkan %s-wal ke tempat lain lalu buka lagi.",
			"%s-wal does not belong to %s (it comes from another database file), so it was not applied and both files were left as they are; move %s-wal elsewhere and open again."},
		"err.backup_exists": {"%s sudah ada dan tidak ditimpa; pilih nama file baru untuk cadangan.",
			"%s already exists and was not overwritten; choose a new file name for the backup."},
		"err.need_terminal": {"bimtek perlu terminal untuk layar ini; tanpa terminal gunakan bimtek list, export, import, backup atau check.",
			"bimtek needs a terminal for this screen; without one use bimtek list, export, import, backup or check instead."},

		"cli.check":  {"Periksa keutuhan file database", "Check the integrity of the database file"},
		"cli.backup": {"Salin sesi (atau semua sesi) ke file database baru; cara aman memindahkan sesi ke laptop lain", "Copy a session (or all) into a new database file; the safe way to move sessions to another laptop"},
		"cli.err.backup_args": {"Sebutkan ID sesi (atau --all) dan file cadangan baru: bimtek backup ID FILE.db.",
			"Give a session id (or --all) and a new backup file: bimtek backup ID FILE.db."},
		"cli.flag.all":       {"cadangkan semua sesi di database", "back up every session of the database"},
		"cli.flag.take_over": {"ambil alih sesi yang sedang dibuka di proses lain (meminta konfirmasi)", "take the session over from another process that has it open (asks first)"},
		"cli.flag.yes":       {"jawab ya tanpa bertanya (untuk --take-over tanpa terminal)", "answer yes without asking (for --take-over without a terminal)"},
		"cli.takeover.ask": {"Sesi %d sedang dibuka di bimtek lain (pid %d di %s, sejak %s). Jika diambil alih, jendela itu tidak dapat menyimpan lagi. Ambil alih? [y/N] ",
			"Session %d is open in another bimtek (pid %d on %s, since %s). If you take it over, that window can no longer save. Take it over? [y/N] "},
		"cli.takeover.no": {"Sesi %d tidak diambil alih; tidak ada yang berubah.", "Session %d was not taken over; nothing changed."},
		"cli.takeover.no_tty": {"--take-over perlu konfirmasi di terminal; tanpa terminal tambahkan --yes.",
			"--take-over asks for confirmation on a terminal; without one add --yes."},
	})
}

// Sentences of this area that show a count: their words follow it.
func init() {
	registerPlural(map[string]Plural{
		"cli.check.ok": {Arg: 2,
			ID:    "%s utuh (%d sesi, tidak ada masalah).",
			One:   "%s is sound (%d session, no problems found).",
			Other: "%s is sound (%d sessions, no problems found)."},
		"cli.check.problems": {Arg: 2,
			ID:    "%s rusak (%d masalah ditemukan); buka cadangan terakhir, atau simpan sesi yang masih terbaca dengan: bimtek backup ID FILE.",
			One:   "%s is damaged (%d problem found); open the latest backup, or save the sessions that still read with: bimtek backup ID FILE.",
			Other: "%s is damaged (%d problems found); open the latest backup, or save the sessions that still read with: bimtek backup ID FILE."},
		"cli.backup.done": {Arg: 2,
			ID:    "Cadangan %s siap (berisi %d sesi); buka di laptop lain dengan: bimtek --db %s list.",
			One:   "Backup %s is ready (%d session in it); use it on another laptop with: bimtek --db %s list.",
			Other: "Backup %s is ready (%d sessions in it); use it on another laptop with: bimtek --db %s list."},
	})
}
