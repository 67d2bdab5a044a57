package main

// bimtek edit and bimtek delete: correcting a session's details, and
// removing a test or demo session (that one only).

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bimtek/bimtek/phrase"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// roman is the one notation of a tahap on screen and in the command line's
// output: I, II, III, IV.
func roman(stage int) string {
	if stage >= 1 && stage <= 4 {
		return []string{"I", "II", "III", "IV"}[stage-1]
	}
	return fmt.Sprint(stage)
}

func (a *app) editCmd() *cobra.Command {
	var f struct{ city, stage, date, venue, facilitator string }
	c := &cobra.Command{
		Use:   "edit ID",
		Short: a.t("cli.edit"),
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := a.idArg(args)
			if err != nil {
				return err
			}
			fl := cmd.Flags()
			if !fl.Changed("city") && !fl.Changed("stage") && !fl.Changed("date") && !fl.Changed("venue") && !fl.Changed("facilitator") {
				return usagef("%s", a.t("cli.edit.nothing"))
			}
			if err := a.mustExist(); err != nil {
				return err
			}
			return a.withStore(cmd.Context(), false, func(st *store.Store) error {
				d, err := st.Load(cmd.Context(), id)
				if err != nil {
					return err
				}
				det := d.Session.Details()
				if fl.Changed("city") {
					det.City = f.city
				}
				if fl.Changed("stage") {
					if det.Stage, err = workshop.ParseTahap(f.stage); err != nil {
						return usagef("%s", a.t("cli.err.stage", workshop.Visible(strings.TrimSpace(f.stage))))
					}
				}
				if fl.Changed("date") {
					det.Date = f.date
				}
				if fl.Changed("venue") {
					det.Venue = f.venue
				}
				if fl.Changed("facilitator") {
					det.Facilitator = f.facilitator
				}
				if _, err := det.Check(); err != nil {
					return usagef("%s", phrase.Sentence(a.lang, err))
				}
				if err := st.UpdateSession(cmd.Context(), id, det); err != nil {
					return err
				}
				det, _ = det.Check()
				fmt.Fprintln(a.stdout, a.t("cli.edit.done", id, det.City, roman(det.Stage), det.Date, det.Venue, det.Facilitator))
				return nil
			})
		},
	}
	fl := c.Flags()
	fl.StringVar(&f.city, "city", "", a.t("cli.flag.city_edit"))
	fl.StringVar(&f.stage, "stage", "", a.t("cli.flag.stage_edit"))
	fl.StringVar(&f.date, "date", "", a.t("cli.flag.date_edit"))
	fl.StringVar(&f.venue, "venue", "", a.t("cli.flag.venue"))
	fl.StringVar(&f.facilitator, "facilitator", "", a.t("cli.flag.facilitator"))
	return c
}

func (a *app) deleteCmd() *cobra.Command {
	var yes bool
	c := &cobra.Command{
		Use:   "delete ID",
		Short: a.t("cli.delete"),
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := a.idArg(args)
			if err != nil {
				return err
			}
			if err := a.mustExist(); err != nil {
				return err
			}
			return a.withStore(cmd.Context(), false, func(st *store.Store) error {
				d, err := st.Load(cmd.Context(), id)
				if err != nil {
					return err
				}
				ss := d.Session
				name := a.t("cli.delete.name", id, ss.City, roman(ss.Stage), ss.Date)
				if !yes {
					ok, err := a.confirm(a.t("cli.delete.ask", name, len(d.Scores)))
					if err != nil {
						return &saidError{msg: a.t("cli.delete.no_tty", id), cause: err}
					}
					if !ok {
						fmt.Fprintln(a.stdout, a.t("cli.delete.kept", name))
						return nil
					}
				}
				if err := st.DeleteSession(cmd.Context(), id); err != nil {
					return err
				}
				fmt.Fprintln(a.stdout, a.t("cli.delete.done", name))
				return nil
			})
		},
	}
	c.Flags().BoolVar(&yes, "yes", false, a.t("cli.flag.delete_yes"))
	return c
}
