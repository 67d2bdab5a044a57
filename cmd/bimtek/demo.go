package main

import (
	"context"
	"fmt"

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
			if !noOpen {
				if err := a.terminal(); err != nil {
					return err
				}
			}
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

// demoScores are the demo answers as store rows.
func demoScores(f *workshop.Framework, opds []workshop.OPD, seed uint64) []store.ScoreRow {
	var rows []store.ScoreRow
	for _, a := range workshop.DemoAnswers(f, opds, seed) {
		rows = append(rows, store.ScoreRow{OPDID: a.OPDID, IndicatorKey: a.IndicatorKey, Answer: a.Answer, Note: a.Note})
	}
	return rows
}
