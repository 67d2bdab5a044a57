package store

import "github.com/bimtek/bimtek/workshop"

// The session's domain types live in workshop; the store reads and writes
// them. These names keep the store's callers reading as before.
type (
	Session        = workshop.Session
	SessionSummary = workshop.SessionSummary
	NewSession     = workshop.NewSession
	SessionDetails = workshop.SessionDetails
	OPDInput       = workshop.OPDInput
	ScoreRow       = workshop.ScoreRow
	Event          = workshop.Event
	Data           = workshop.Data
	Holder         = workshop.Holder
)
