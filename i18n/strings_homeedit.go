package i18n

// Strings of correcting and deleting a session on the home screen.
func init() {
	register(map[string]Msg{
		"home.key.edit":       {"ubah data sesi", "correct the session's details"},
		"home.key.delete":     {"hapus sesi", "delete the session"},
		"home.key.yes":        {"ya, hapus", "yes, delete"},
		"home.key.no":         {"jangan hapus", "keep it"},
		"home.edited":         {"Sesi %d diperbarui: %s · Tahap %s · %s · %s · %s.", "Session %d updated: %s · Stage %s · %s · %s · %s."},
		"home.delete_name":    {"sesi %s Tahap %s", "session %s Stage %s"},
		"home.delete_kept":    {"Tidak ada yang dihapus; %s tetap ada.", "Nothing deleted; %s is still there."},
		"home.deleted":        {"Terhapus: %s beserta skornya.", "Deleted: %s with its scores."},
		"edit.title":          {"Ubah data sesi %d (kerangka, OPD dan skor tetap)", "Correct session %d (framework, OPDs and scores stay)"},
		"edit.stage":          {"Tahap (I-IV)", "Stage (I-IV)"},
		"edit.city_ph":        {"mis. Kota Bengkulu", "e.g. Kota Bengkulu"},
		"edit.stage_ph":       {"I, II, III atau IV", "I, II, III or IV"},
		"edit.date_ph":        {"TTTT-BB-HH, boleh kosong", "YYYY-MM-DD, may be blank"},
		"edit.venue_ph":       {"boleh kosong", "may be blank"},
		"edit.facilitator_ph": {"boleh kosong", "may be blank"},
		"edit.saving":         {"Menyimpan…", "Saving…"},
		"edit.hint":           {"Enter menyimpan · Tab/↓ isian berikutnya · Shift+Tab/↑ sebelumnya · Esc batal", "Enter saves · Tab/↓ next field · Shift+Tab/↑ previous · Esc cancels"},
		"edit.cancelled":      {"Tidak jadi diubah; data sesi tetap.", "Nothing changed; the session's details stay."},
		"edit.key.save":       {"simpan", "save"},
		"edit.key.next":       {"isian berikutnya/sebelumnya", "next/previous field"},
		"edit.key.cancel":     {"batal", "cancel"},
	})
	RegisterPlural(map[string]Plural{
		"home.delete_ask": {Arg: 2,
			ID:    "Hapus %s (%d skor)? Tidak bisa dibatalkan. y/N",
			One:   "Delete %s (%d score)? This cannot be undone. y/N",
			Other: "Delete %s (%d scores)? This cannot be undone. y/N"},
	})
}
