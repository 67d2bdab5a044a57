package main

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/spf13/cobra"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

func (a *app) demoCmd() *cobra.Command {
	var seed uint64
	var noOpen bool
	c := &cobra.Command{
		Use:   "demo",
		Short: a.t("cli.demo"),
		Args:  a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withStore(cmd.Context(), false, func(st *store.Store) error {
				id, err := createDemo(cmd.Context(), st, seed, a.clock().Format("2006-01-02"))
				if err != nil {
					return err
				}
				if noOpen {
					fmt.Fprintln(a.stdout, id)
					return nil
				}
				return a.tui(cmd.Context(), st, id, false)
			})
		},
	}
	c.Flags().Uint64Var(&seed, "seed", 1, a.t("cli.flag.seed"))
	c.Flags().BoolVar(&noOpen, "no-open", false, a.t("cli.flag.no_open"))
	return c
}

// demoNotes are remarks an OPD might ask the facilitator to write down.
var demoNotes = []string{
	"Aplikasi sudah ada, belum terintegrasi dengan SPBE",
	"Perlu regulasi walikota",
	"Data belum dimutakhirkan sejak 2023",
	"Anggaran tahun depan sudah diusulkan",
	"Masih manual, rencana digitalisasi",
}

// createDemo makes a session a facilitator can try everything on: the
// first 20 preset OPDs of the elemen framework, about 85% of the items
// answered, a few N/A and notes. The same seed gives the same session.
func createDemo(ctx context.Context, st *store.Store, seed uint64, date string) (int64, error) {
	f, err := assets.Framework("elemen")
	if err != nil {
		return 0, err
	}
	var opds []store.OPDInput
	for i, p := range assets.PresetOPDs() {
		if i == 20 {
			break
		}
		opds = append(opds, store.OPDInput{Code: p.Code, Name: p.Name})
	}
	id, err := st.CreateSession(ctx, store.NewSession{
		City: "Kota Contoh", Stage: 1, Date: date, Venue: "Aula Bappeda",
		Facilitator: "Tim Fasilitator", Framework: f, OPDs: opds,
	})
	if err != nil {
		return 0, err
	}
	d, err := st.Load(ctx, id)
	if err != nil {
		return 0, err
	}
	rows := demoScores(f, d.OPDs, seed)
	if _, err := st.ImportScores(ctx, id, rows); err != nil {
		return 0, err
	}
	return id, nil
}

// demoScores draws the demo answers: each OPD has a level of maturity and
// answers around it, stronger on its lead dimensions.
func demoScores(f *workshop.Framework, opds []workshop.OPD, seed uint64) []store.ScoreRow {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	lo, hi := f.MinLevel(), f.MaxLevel()
	var rows []store.ScoreRow
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
					rows = append(rows, store.ScoreRow{OPDID: o.ID, IndicatorKey: ind.Key, Answer: workshop.Answer{NA: true}})
					continue
				}
				lv := int(base + dimShift + r.NormFloat64()*0.7 + 0.5)
				lv = max(lo, min(hi, lv))
				row := store.ScoreRow{OPDID: o.ID, IndicatorKey: ind.Key, Answer: workshop.Answer{Level: lv}}
				if r.Float64() < 0.06 {
					row.Note = demoNotes[r.IntN(len(demoNotes))]
				}
				rows = append(rows, row)
			}
		}
	}
	return rows
}
