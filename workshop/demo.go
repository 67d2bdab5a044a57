package workshop

import "math/rand/v2"

// DemoAnswer is one answer of the demo session.
type DemoAnswer struct {
	OPDID        int64
	IndicatorKey string
	Answer       Answer
	Note         string
}

// demoNotes are remarks an OPD might ask the facilitator to write down.
var demoNotes = []string{
	"Aplikasi sudah ada, belum terintegrasi dengan SPBE",
	"Perlu regulasi walikota",
	"Data belum dimutakhirkan sejak 2023",
	"Anggaran tahun depan sudah diusulkan",
	"Masih manual, rencana digitalisasi",
}

// DemoAnswers draws the answers of the demo session (`bimtek demo`): each
// OPD has a level of maturity and answers around it, a little stronger or
// weaker per dimension; about 85% of the items are answered, a few are N/A
// and a few carry a note. The same seed gives the same answers.
func DemoAnswers(f *Framework, opds []OPD, seed uint64) []DemoAnswer {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	lo, hi := f.MinLevel(), f.MaxLevel()
	var out []DemoAnswer
	for _, o := range opds {
		base := 1.5 + 2.2*r.Float64()
		for _, d := range f.Dimensions {
			dimShift := r.NormFloat64() * 0.6
			for _, ind := range d.Indicators() {
				p := r.Float64()
				switch {
				case p < 0.12: // unanswered
					continue
				case p < 0.15:
					out = append(out, DemoAnswer{OPDID: o.ID, IndicatorKey: ind.Key, Answer: Answer{NA: true}})
					continue
				}
				lv := int(base + dimShift + r.NormFloat64()*0.7 + 0.5)
				a := DemoAnswer{OPDID: o.ID, IndicatorKey: ind.Key, Answer: Answer{Level: max(lo, min(hi, lv))}}
				if r.Float64() < 0.06 {
					a.Note = demoNotes[r.IntN(len(demoNotes))]
				}
				out = append(out, a)
			}
		}
	}
	return out
}
