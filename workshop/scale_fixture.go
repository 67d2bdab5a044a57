package workshop

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// This file holds the SPBE scale, bands and default agenda in code (the
// embedded frameworks in assets/ carry the same values; a test there keeps
// them equal) and the benchmark fixture: a 90-indicator framework, 80 OPDs
// and their deterministic answers. Other packages' benchmarks build on it:
//
//	f := workshop.ScaleFramework()
//	opds := workshop.ScaleOPDs(80)
//	sheets := workshop.ScaleSheets(f, opds, 1)

// SPBEScale is the 1-5 maturity scale of the national e-government
// evaluation (SPBE): Rintisan, Terkelola, Terdefinisi, Terpadu dan Terukur,
// Optimum.
func SPBEScale() []Level {
	return []Level{
		{Value: 1, Label: Text{ID: "Rintisan", EN: "Initial"}, Description: Text{
			ID: "Praktik masih ad hoc dan bergantung pada inisiatif perorangan; belum ada aturan, data, atau prosedur baku.",
			EN: "Practice is ad hoc and depends on individual initiative; there are no agreed rules, data or procedures yet."}},
		{Value: 2, Label: Text{ID: "Terkelola", EN: "Managed"}, Description: Text{
			ID: "Kegiatan sudah direncanakan dan dijalankan oleh unit tertentu, tetapi belum seragam dan belum terdokumentasi menyeluruh.",
			EN: "Activities are planned and run by a given unit, but are not yet uniform or fully documented."}},
		{Value: 3, Label: Text{ID: "Terdefinisi", EN: "Defined"}, Description: Text{
			ID: "Standar, prosedur, dan penanggung jawab sudah ditetapkan secara tertulis dan diterapkan secara konsisten di OPD.",
			EN: "Standards, procedures and owners are written down and applied consistently across the OPD."}},
		{Value: 4, Label: Text{ID: "Terpadu dan Terukur", EN: "Integrated and Measured"}, Description: Text{
			ID: "Layanan dan data terhubung lintas OPD, dan capaiannya diukur secara berkala dengan indikator yang jelas.",
			EN: "Services and data are connected across OPDs, and results are measured regularly against clear indicators."}},
		{Value: 5, Label: Text{ID: "Optimum", EN: "Optimised"}, Description: Text{
			ID: "Hasil pengukuran dipakai untuk perbaikan berkelanjutan dan inovasi; praktiknya layak menjadi rujukan daerah lain.",
			EN: "Measurements drive continuous improvement and innovation; the practice is worth copying by other regions."}},
	}
}

// SPBEBands are the SPBE index bands: >= 4.2 Memuaskan, >= 3.5 Sangat
// Baik, >= 2.6 Baik, >= 1.8 Cukup, else Kurang.
func SPBEBands() []Band {
	return []Band{
		{Min: 1.0, Predikat: Text{ID: "Kurang", EN: "Poor"}},
		{Min: 1.8, Predikat: Text{ID: "Cukup", EN: "Fair"}},
		{Min: 2.6, Predikat: Text{ID: "Baik", EN: "Good"}},
		{Min: 3.5, Predikat: Text{ID: "Sangat Baik", EN: "Very good"}},
		{Min: 4.2, Predikat: Text{ID: "Memuaskan", EN: "Excellent"}},
	}
}

// DefaultAgenda is the half-day agenda of a Bimtek: the seven phases with
// their planned minutes (225 minutes, leaving room for a break).
func DefaultAgenda() []Phase {
	return []Phase{
		{Key: "opening", Kind: PhaseOpening, Name: Text{ID: "Pembukaan", EN: "Opening"}, Minutes: 15},
		{Key: "roster", Kind: PhaseRoster, Name: Text{ID: "Daftar OPD", EN: "OPD roster"}, Minutes: 15},
		{Key: "briefing", Kind: PhaseBriefing, Name: Text{ID: "Pengantar dimensi", EN: "Dimension briefing"}, Minutes: 30},
		{Key: "assessment", Kind: PhaseAssessment, Name: Text{ID: "Penilaian mandiri", EN: "Self-assessment"}, Minutes: 75},
		{Key: "scoreboard", Kind: PhaseScoreboard, Name: Text{ID: "Papan skor", EN: "Scoreboard"}, Minutes: 30},
		{Key: "gaps", Kind: PhaseGaps, Name: Text{ID: "Kesenjangan dan prioritas", EN: "Gaps and priorities"}, Minutes: 45},
		{Key: "wrapup", Kind: PhaseWrapUp, Name: Text{ID: "Penutup", EN: "Wrap-up"}, Minutes: 15},
	}
}

// scaleDimensions are the six Smart City dimensions with the default
// targets of the embedded frameworks.
var scaleDimensions = []struct {
	key, name string
	target    float64
}{
	{"governance", "Smart Governance", 3.5},
	{"branding", "Smart Branding", 3.0},
	{"economy", "Smart Economy", 3.0},
	{"living", "Smart Living", 3.0},
	{"society", "Smart Society", 3.0},
	{"environment", "Smart Environment", 3.0},
}

// ScaleFramework is the benchmark framework: the six dimensions x 5
// elements x 3 indicators = 90 indicators, on the SPBE scale and bands with
// the default agenda. Keys: "governance", "governance.e1",
// "governance.e1.1". It passes Validate.
func ScaleFramework() *Framework {
	f := &Framework{
		Key:         "skala",
		Name:        Text{ID: "Kerangka uji skala (90 indikator)", EN: "Scale test framework (90 indicators)"},
		Description: Text{ID: "Kerangka buatan untuk benchmark: 6 dimensi × 5 elemen × 3 indikator.", EN: "A synthetic framework for benchmarks: 6 dimensions × 5 elements × 3 indicators."},
		Scale:       SPBEScale(),
		Bands:       SPBEBands(),
		Agenda:      DefaultAgenda(),
	}
	for _, sd := range scaleDimensions {
		d := Dimension{
			Key:         sd.key,
			Name:        Text{ID: sd.name, EN: sd.name},
			Description: Text{ID: "Dimensi " + sd.name + " untuk uji skala.", EN: sd.name + " dimension for the scale test."},
			Target:      sd.target,
		}
		for e := 1; e <= 5; e++ {
			ek := fmt.Sprintf("%s.e%d", sd.key, e)
			el := Element{
				Key:  ek,
				Name: Text{ID: fmt.Sprintf("Elemen %d %s", e, sd.name), EN: fmt.Sprintf("%s element %d", sd.name, e)},
			}
			for i := 1; i <= 3; i++ {
				el.Indicators = append(el.Indicators, Indicator{
					Key:         fmt.Sprintf("%s.%d", ek, i),
					Name:        Text{ID: fmt.Sprintf("Pernyataan %d elemen %d %s sudah diterapkan di OPD.", i, e, sd.name), EN: fmt.Sprintf("Statement %d of %s element %d is practised in the OPD.", i, sd.name, e)},
					Description: Text{ID: "Indikator uji skala.", EN: "Scale test indicator."},
				})
			}
			d.Elements = append(d.Elements, el)
		}
		f.Dimensions = append(f.Dimensions, d)
	}
	return f
}

// scaleNames gives the fixture OPDs names of realistic, varied lengths.
var scaleNames = []string{
	"Dinas Komunikasi dan Informatika",
	"Badan Perencanaan Pembangunan Daerah",
	"Dinas Kesehatan",
	"Dinas Pekerjaan Umum dan Penataan Ruang",
	"RSUD",
	"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
	"Satuan Polisi Pamong Praja",
	"Dinas Perpustakaan dan Kearsipan",
	"Kecamatan",
	"Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
}

// ScaleOPDs returns n present OPDs with ids 1..n, codes OPD01.. and varied
// names.
func ScaleOPDs(n int) []OPD {
	out := make([]OPD, 0, max(n, 0))
	for i := 1; i <= n; i++ {
		out = append(out, OPD{
			ID:      int64(i),
			Code:    fmt.Sprintf("OPD%02d", i),
			Name:    fmt.Sprintf("%s %02d", scaleNames[(i-1)%len(scaleNames)], i),
			Present: true,
		})
	}
	return out
}

// ScaleSheets answers every indicator of f for every OPD in opds with
// pseudo-random levels drawn from seed: about 10% unanswered, 3% N/A, the
// rest on the scale, with a per-OPD and per-dimension tendency so the
// scoreboard shows structure. The same arguments always give the same
// sheets.
func ScaleSheets(f *Framework, opds []OPD, seed int64) map[int64]Sheet {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
	lo, hi := f.MinLevel(), f.MaxLevel()
	mid := float64(lo+hi) / 2
	dimBias := make([]float64, len(f.Dimensions))
	for i := range dimBias {
		dimBias[i] = rng.NormFloat64() * 0.5
	}
	out := make(map[int64]Sheet, len(opds))
	for _, o := range opds {
		s := make(Sheet, f.ItemCount())
		opdBias := rng.NormFloat64() * 0.6
		for di, d := range f.Dimensions {
			for _, e := range d.Elements {
				for _, in := range e.Indicators {
					r := rng.Float64()
					switch {
					case r < 0.10:
						// unanswered: no entry
					case r < 0.13:
						s[in.Key] = Answer{NA: true}
					default:
						v := int(math.Round(mid + opdBias + dimBias[di] + rng.NormFloat64()*0.9))
						s[in.Key] = Answer{Level: min(max(v, lo), hi)}
					}
				}
			}
		}
		out[o.ID] = s
	}
	return out
}
