package report

import (
	"time"

	"github.com/bimtek/bimtek/workshop"
)

// testFramework is a small framework written out here so the tests do not
// depend on the embedded ones:
//
//	governance (weight 2, framework target 4.0, session target 3.5)
//	  layanan (weight 1):   gov-1 (w1), gov-2 (w3)
//	  birokrasi (weight 2): gov-3
//	environment (weight left out = 1, target 3.0)
//	  sampah:               env-1
//	  energi:               env-2 (w1), env-3 (w2; no English name: falls back)
func testFramework() *workshop.Framework {
	t := func(id, en string) workshop.Text { return workshop.Text{ID: id, EN: en} }
	return &workshop.Framework{
		Key:  "uji",
		Name: t("Kerangka uji", "Test framework"),
		Scale: []workshop.Level{
			{Value: 1, Label: t("Rintisan", "Initial")},
			{Value: 2, Label: t("Terkelola", "Managed")},
			{Value: 3, Label: t("Terdefinisi", "Defined")},
			{Value: 4, Label: t("Terpadu dan Terukur", "Integrated and Measured")},
			{Value: 5, Label: t("Optimum", "Optimised")},
		},
		Bands: []workshop.Band{
			{Min: 4.2, Predikat: t("Memuaskan", "Excellent")},
			{Min: 3.5, Predikat: t("Sangat Baik", "Very Good")},
			{Min: 2.6, Predikat: t("Baik", "Good")},
			{Min: 1.8, Predikat: t("Cukup", "Fair")},
			{Min: 1.0, Predikat: t("Kurang", "Poor")},
		},
		Dimensions: []workshop.Dimension{
			{Key: "governance", Name: t("Smart Governance", ""), Weight: 2, Target: 4.0, Elements: []workshop.Element{
				{Key: "layanan", Name: t("Layanan Publik", "Public Service"), Weight: 1, Indicators: []workshop.Indicator{
					{Key: "gov-1", Name: t("Layanan publik daring", "Online public services"), Weight: 1},
					{Key: "gov-2", Name: t("Pengaduan masyarakat", "Public complaints"), Weight: 3},
				}},
				{Key: "birokrasi", Name: t("Manajemen Birokrasi", "Bureaucracy Management"), Weight: 2, Indicators: []workshop.Indicator{
					{Key: "gov-3", Name: t("Reformasi birokrasi", "Bureaucratic reform")},
				}},
			}},
			{Key: "environment", Name: t("Smart Environment", ""), Target: 3.0, Elements: []workshop.Element{
				{Key: "sampah", Name: t("Tata Kelola Sampah dan Limbah", "Waste Management"), Indicators: []workshop.Indicator{
					{Key: "env-1", Name: t("Bank sampah", "Waste banks")},
				}},
				{Key: "energi", Name: t("Tata Kelola Energi", "Energy Management"), Indicators: []workshop.Indicator{
					{Key: "env-2", Name: t("Energi terbarukan", "Renewable energy"), Weight: 1},
					{Key: "env-3", Name: t("Efisiensi energi", ""), Weight: 2},
				}},
			}},
		},
	}
}

// The fixture's OPDs: two present, one absent whose answers still count in
// every city number (DESIGN 3: absence today never changes a score).
const (
	idKominfo = 11
	idBappeda = 12
	idDinkes  = 13
)

// testData is the session of the golden files and the hand-computed tables.
//
//	              gov-1  gov-2        gov-3  env-1  env-2  env-3
//	DISKOMINFO    4      3            5      N/A    2      -       present
//	BAPPEDA (=)   2      - (note)     3      4      N/A    -       present
//	DINKES        1      -            1      5      4      2       absent
func testData() *workshop.Data {
	wib := time.FixedZone("WIB", 7*3600)
	at := func(day, hour, minute int) time.Time { return time.Date(2025, 3, day, hour, minute, 0, 0, wib) }
	row := func(opd int64, key string, level int, na bool, note string, t time.Time) workshop.ScoreRow {
		return workshop.ScoreRow{OPDID: opd, IndicatorKey: key, Answer: workshop.Answer{Level: level, NA: na}, Note: note, UpdatedAt: t}
	}
	return &workshop.Data{
		Session: workshop.Session{ID: 7, City: "Kota Bandung", Stage: 1, Date: "2025-03-04", Framework: testFramework()},
		OPDs: []workshop.OPD{
			{ID: idKominfo, Code: "DISKOMINFO", Name: "Dinas Komunikasi dan Informatika", Present: true},
			{ID: idBappeda, Code: "BAPPEDA", Name: "=Badan Perencanaan Pembangunan Daerah", Present: true},
			{ID: idDinkes, Code: "DINKES", Name: "Dinas Kesehatan ꦢꦶꦤꦱ꧀ ꦏꦺꦱꦺꦲꦠꦤ꧀", Present: false},
		},
		Scores: []workshop.ScoreRow{
			row(idKominfo, "gov-1", 4, false, "Perlu SK Walikota, \"draf\" sudah ada\nbaris kedua", at(4, 9, 15)),
			row(idKominfo, "gov-2", 3, false, "", at(4, 9, 16)),
			row(idKominfo, "gov-3", 5, false, "", at(4, 9, 17)),
			row(idKominfo, "env-1", 0, true, "-tidak ada bank sampah", at(4, 9, 18)),
			row(idKominfo, "env-2", 2, false, "", at(4, 9, 19)),
			row(idBappeda, "gov-1", 2, false, "", at(4, 10, 0)),
			row(idBappeda, "gov-2", 0, false, "'menunggu kepala dinas", at(4, 10, 1)),
			row(idBappeda, "gov-3", 3, false, "+62 812-3456-7890 (Pak Budi)", at(4, 10, 2)),
			row(idBappeda, "env-1", 4, false, "", at(4, 10, 3)),
			row(idBappeda, "env-2", 0, true, "", at(4, 10, 4)),
			row(idDinkes, "gov-1", 1, false, "@dinkes tanya lagi", at(3, 14, 0)),
			row(idDinkes, "gov-3", 1, false, "", at(3, 14, 1)),
			row(idDinkes, "env-1", 5, false, "\tcatatan bertab", at(3, 14, 2)),
			row(idDinkes, "env-2", 4, false, "", at(3, 14, 3)),
			row(idDinkes, "env-3", 2, false, "", at(3, 14, 4)),
		},
		Targets:    map[string]float64{"governance": 3.5, "environment": 3.0},
		Priorities: []string{"sampah", "layanan"},
	}
}
