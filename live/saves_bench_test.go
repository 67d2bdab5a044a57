package live

import (
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// BenchmarkPhoneSaves80AtOnce is the owner's write path under room mode's
// load without the web server or the screens: the scale session (80 OPDs
// x 90 indicators) held open, and 80 phones' saves (one answer each, one
// per OPD) arriving at the same moment, once per iteration. "group" is
// SaveCells (the group commit); "one_by_one" is the same 80 saves each as
// its own durable commit through SetAnswer (the path room mode used
// before). It reports each save's latency, call to commit acknowledged,
// and the transactions the group commit needed per 80 saves.
func BenchmarkPhoneSaves80AtOnce(b *testing.B) {
	for _, mode := range []string{"group", "one_by_one"} {
		b.Run(mode, func(b *testing.B) {
			st, err := store.Open(bg, filepath.Join(b.TempDir(), "scale.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			f := workshop.ScaleFramework()
			var in []workshop.OPDInput
			for _, o := range workshop.ScaleOPDs(80) {
				in = append(in, workshop.OPDInput{Code: o.Code, Name: o.Name})
			}
			id, err := st.CreateSession(bg, workshop.NewSession{City: "Kota Skala", Stage: 2, Framework: f, OPDs: in})
			if err != nil {
				b.Fatal(err)
			}
			s, err := Open(bg, st, id, Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			opds := s.Snapshot().OPDs
			var keys []string
			for _, d := range f.Dimensions {
				for _, ind := range d.Indicators() {
					keys = append(keys, ind.Key)
				}
			}
			var lat []time.Duration
			var mu sync.Mutex
			g0 := s.groups.Load()
			b.ResetTimer()
			for it := 0; b.Loop(); it++ {
				start := make(chan struct{})
				var wg sync.WaitGroup
				for i, o := range opds {
					key := keys[(it+i)%len(keys)]
					a := workshop.Answer{Level: (it+i)%5 + 1}
					src := Source{Kind: KindPhone, OPDID: o.ID, Device: "bench"}
					wg.Add(1)
					go func() {
						defer wg.Done()
						<-start
						t0 := time.Now()
						var err error
						if mode == "group" {
							_, err = s.SaveCells(bg, src, o.ID, []workshop.CellEdit{{Key: key, SetAnswer: true, Answer: a}})
						} else {
							_, err = s.SetAnswer(bg, src, o.ID, key, a)
						}
						d := time.Since(t0)
						if err != nil {
							b.Error(err)
							return
						}
						mu.Lock()
						lat = append(lat, d)
						mu.Unlock()
					}()
				}
				close(start)
				wg.Wait()
			}
			b.StopTimer()
			slices.Sort(lat)
			q := func(p float64) float64 { return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))]) / 1e6 }
			b.ReportMetric(q(0.5), "save_p50_ms")
			b.ReportMetric(q(0.99), "save_p99_ms")
			if mode == "group" {
				b.ReportMetric(float64(s.groups.Load()-g0)/float64(b.N), "commits/80saves")
			}
		})
	}
}
