package i18n

// Strings of the scoreboard (Papan skor) and of the gaps and priorities
// screen (Kesenjangan dan prioritas).
func init() {
	register(map[string]Msg{
		// Scoreboard keys.
		"board.key.scroll": {"gulir daftar OPD", "scroll the OPD list"},
		"board.key.sort":   {"urutkan: nama / rerata / terlemah", "sort: name / overall / weakest"},
		"board.key.reveal": {"tampilkan/sembunyikan hasil", "reveal/hide the results"},
		"board.key.view":   {"tampilan: ringkasan / peta panas / radar", "view: summary / heatmap / radar"},

		"board.sort.name":    {"nama", "name"},
		"board.sort.overall": {"rerata tertinggi dulu", "overall, high to low"},
		"board.sort.weakest": {"dimensi terlemah dulu", "weakest dimension first"},
		"board.sorted":       {"urut: %s", "sort: %s"},
		"board.sort_set":     {"Urutan OPD: %s.", "OPD order: %s."},

		"board.view.summary": {"Ringkasan", "Summary"},
		"board.view.heatmap": {"Peta panas", "Heatmap"},
		"board.view.radar":   {"Radar", "Radar"},

		"board.heatmap":     {"Peta panas OPD × dimensi", "Heatmap OPD × dimension"},
		"board.overall_col": {"Rerata", "Overall"},
		"board.rows":        {"OPD %d–%d dari %d · ↑/↓ gulir", "OPDs %d–%d of %d · ↑/↓ scroll"},
		"board.no_opd":      {"Belum ada OPD yang hadir: tandai kehadiran di Daftar OPD.", "No OPD is present yet: mark attendance in the OPD list."},

		"board.bars":        {"Skor kota per dimensi", "City score per dimension"},
		"board.col.score":   {"Skor", "Score"},
		"board.col.target":  {"Target", "Target"},
		"board.col.gap":     {"Selisih", "Gap"},
		"board.col.pred":    {"Predikat", "Rating"},
		"board.bars_legend": {"┃ = target · selisih ke target: ▼ di bawah, ▲ di atas · ✔ tercapai", "┃ = target · gap to target: ▼ below, ▲ above · ✔ met"},

		"board.index":      {"INDEKS KOTA", "CITY INDEX"},
		"board.predikat":   {"Predikat: %s", "Rating: %s"},
		"board.no_score":   {"belum ada skor", "no score yet"},
		"board.completion": {"Kelengkapan %d%% (%d/%d isian)", "Completion %d%% (%d/%d items)"},

		"board.radar":        {"Radar: kota vs target", "Radar: city vs target"},
		"board.radar_city":   {"⣿⣿ kota", "⣿⣿ city"},
		"board.radar_target": {"•• target", "•• target"},
		"board.radar_scale":  {"angka: skor (target) · pusat %d, tepi %d", "numbers: score (target) · centre %d, rim %d"},
		"board.radar_small":  {"Radar perlu jendela yang lebih besar.", "The radar needs a larger window."},

		"board.hidden_title": {"HASIL DISEMBUNYIKAN", "RESULTS HIDDEN"},
		"board.hidden_body":  {"Skor tampil setelah fasilitator menekan r.", "The scores show when the facilitator presses r."},
		"board.progress":     {"Kemajuan pengisian", "Progress of the answers"},
		"board.opd_progress": {"Isian per OPD (✔ = lengkap)", "Items per OPD (✔ = complete)"},
		"board.revealed":     {"Hasil ditampilkan.", "Results revealed."},
		"board.hid":          {"Hasil disembunyikan.", "Results hidden."},

		// Gaps and priorities.
		"gaps.key.move":   {"pilih elemen", "select an element"},
		"gaps.key.toggle": {"tandai/lepas prioritas", "mark/unmark as priority"},
		"gaps.key.target": {"ubah target dimensi elemen ini", "edit the target of this element's dimension"},
		"gaps.key.save":   {"simpan target", "save the target"},
		"gaps.key.cancel": {"batal", "cancel"},

		"gaps.dims":         {"Dimensi menurut selisih ke target", "Dimensions by gap to target"},
		"gaps.elements":     {"Elemen menurut selisih · ★ = prioritas", "Elements by gap · ★ = priority"},
		"gaps.disagree":     {"Di mana OPD paling berbeda (SD terbesar)", "Where OPDs disagree most (largest SD)"},
		"gaps.more":         {"… dan %d lagi", "… and %d more"},
		"gaps.no_prio":      {"Belum ada: pilih elemen lalu tekan Spasi.", "None yet: select an element and press Space."},
		"gaps.col.dim":      {"Dimensi", "Dimension"},
		"gaps.col.element":  {"Elemen", "Element"},
		"gaps.col.n":        {"n OPD", "n OPD"},
		"gaps.col.sd":       {"SD", "SD"},
		"gaps.col.range":    {"Min–maks", "Min–max"},
		"gaps.col.bar":      {"Pada skala (┃ = target)", "On the scale (┃ = target)"},
		"gaps.prio_mark":    {"★ prioritas", "★ priority"},
		"gaps.title_hidden": {"Kesenjangan dan prioritas", "Gaps and priorities"},
		"gaps.legend":       {"Selisih = target − skor: ▼ di bawah target, ▲ di atas, ✔ tercapai.", "Gap = target − score: ▼ below target, ▲ above, ✔ met."},
		"gaps.rows":         {"elemen %d–%d dari %d", "elements %d–%d of %d"},
		"gaps.marked":       {"★ %s ditandai prioritas.", "★ %s marked as priority."},
		"gaps.unmarked":     {"%s bukan prioritas lagi.", "%s is no longer a priority."},
		"gaps.edit_prompt":  {"Target baru %s (skala %d–%d, sekarang %s): ", "New target for %s (scale %d–%d, now %s): "},
		"gaps.err_number":   {"“%s” bukan angka: ketik target antara %d dan %d, misalnya 3.50.", "“%s” is not a number: type a target between %d and %d, for example 3.50."},
		"gaps.err_range":    {"Target %s di luar skala: ketik angka antara %d dan %d.", "Target %s is outside the scale: type a number between %d and %d."},
		"gaps.target_saved": {"Target %s sekarang %s.", "The target of %s is now %s."},
	})
}

// Sentences of this area that show a count: their words follow it.
func init() {
	registerPlural(map[string]Plural{
		"board.more_opd": {Arg: 1,
			ID:    "… dan %d OPD lagi",
			One:   "… and %d more OPD",
			Other: "… and %d more OPDs"},
		"gaps.priorities": {Arg: 1,
			ID:    "%d prioritas terpilih",
			One:   "%d priority chosen",
			Other: "%d priorities chosen"},
	})
}
