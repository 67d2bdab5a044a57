package workshop

// Board keeps a session's answers with their scores cached, so a screen can
// redraw on every key without recomputing the whole session: a change
// rescores one OPD, and the city is scored again from the cached OPD
// results when it is next asked for, once however many changes came in
// between (80 phones' answers cost one city score, not 80).
//
// A Board is not safe for concurrent use, reads included: City may update
// the cache.
type Board struct {
	Framework *Framework
	OPDs      []OPD
	Targets   map[string]float64

	sheets    map[int64]Sheet
	results   map[int64]OPDResult
	city      CityResult
	cityStale bool // a change came since city was scored
}

// NewBoard builds the cache. sheets may miss OPDs (no answers yet).
func NewBoard(f *Framework, opds []OPD, sheets map[int64]Sheet, targets map[string]float64) *Board {
	b := &Board{Framework: f, OPDs: opds, Targets: f.Targets(), sheets: map[int64]Sheet{}, results: map[int64]OPDResult{}}
	for k, v := range targets {
		b.Targets[k] = v
	}
	for _, o := range opds {
		s := sheets[o.ID]
		if s == nil {
			s = Sheet{}
		}
		b.sheets[o.ID] = s
		b.results[o.ID] = f.ScoreOPD(s)
	}
	b.cityStale = true
	return b
}

// rescoreCity scores the city over the OPDs in scope (DESIGN section 3):
// every OPD with an answer counts, present today or not, so marking an OPD
// absent on day 2 never changes what day 1 produced; a present OPD without
// answers counts only in completion, which waits for it.
func (b *Board) rescoreCity() {
	scope := make([]OPDResult, 0, len(b.OPDs))
	for _, o := range b.OPDs {
		if b.inScope(o) {
			scope = append(scope, b.results[o.ID])
		}
	}
	b.city = b.Framework.ScoreCity(scope)
}

// inScope: present, or at least one answer (N/A counts as an answer).
func (b *Board) inScope(o OPD) bool { return o.Present || len(b.results[o.ID].Done) > 0 }

// InScope lists the OPDs the city scores and completion are taken over, in
// roster order: the present ones plus any absent OPD with an answer.
func (b *Board) InScope() []OPD {
	out := make([]OPD, 0, len(b.OPDs))
	for _, o := range b.OPDs {
		if b.inScope(o) {
			out = append(out, o)
		}
	}
	return out
}

// Answer returns one OPD's answer to one indicator.
func (b *Board) Answer(opdID int64, indicatorKey string) Answer {
	return b.sheets[opdID][indicatorKey]
}

// Sheet returns one OPD's answers (not to be modified).
func (b *Board) Sheet(opdID int64) Sheet { return b.sheets[opdID] }

// Set records an answer and rescores that OPD and the city.
func (b *Board) Set(opdID int64, indicatorKey string, a Answer) {
	s, ok := b.sheets[opdID]
	if !ok {
		return
	}
	if a.Answered() {
		s[indicatorKey] = a
	} else {
		delete(s, indicatorKey)
	}
	b.results[opdID] = b.Framework.ScoreOPD(s)
	b.cityStale = true
}

// SetOPDs replaces the roster (after add, edit, remove or presence changes),
// keeping the answers of OPDs that stay.
func (b *Board) SetOPDs(opds []OPD) {
	b.OPDs = opds
	for _, o := range opds {
		if _, ok := b.sheets[o.ID]; !ok {
			b.sheets[o.ID] = Sheet{}
			b.results[o.ID] = b.Framework.ScoreOPD(b.sheets[o.ID])
		}
	}
	b.cityStale = true
}

// SetTarget changes one dimension's target for the session.
func (b *Board) SetTarget(dimensionKey string, t float64) { b.Targets[dimensionKey] = t }

// Target returns the session's target for a dimension.
func (b *Board) Target(dimensionKey string) float64 { return b.Targets[dimensionKey] }

// OPDResult returns one OPD's cached scores.
func (b *Board) OPDResult(opdID int64) OPDResult { return b.results[opdID] }

// City returns the cached city scores over the OPDs in scope (InScope).
func (b *Board) City() CityResult {
	if b.cityStale {
		b.rescoreCity()
		b.cityStale = false
	}
	return b.city
}

// Present lists the OPDs present in the room, in roster order.
func (b *Board) Present() []OPD {
	out := make([]OPD, 0, len(b.OPDs))
	for _, o := range b.OPDs {
		if o.Present {
			out = append(out, o)
		}
	}
	return out
}
