package workshop

// Text that reaches a terminal is made harmless where it is read, so text
// stored before the entry checks existed (an older database, a framework
// copied into a session) shows escaped on every screen and in every
// message: an escape sequence in a city or an OPD name is shown as \x1b,
// never acted on. Keys are left as they are: answers are stored under them.

// MakeVisible rewrites every name, label and description of f with
// Visible (descriptions keep their line breaks).
func (f *Framework) MakeVisible() {
	text := func(t *Text, lines bool) {
		if lines {
			t.ID, t.EN = VisibleLines(t.ID), VisibleLines(t.EN)
		} else {
			t.ID, t.EN = Visible(t.ID), Visible(t.EN)
		}
	}
	text(&f.Name, false)
	text(&f.Description, true)
	for i := range f.Scale {
		text(&f.Scale[i].Label, false)
		text(&f.Scale[i].Description, true)
	}
	for i := range f.Bands {
		text(&f.Bands[i].Predikat, false)
	}
	for i := range f.Agenda {
		text(&f.Agenda[i].Name, false)
	}
	for d := range f.Dimensions {
		dim := &f.Dimensions[d]
		text(&dim.Name, false)
		text(&dim.Description, true)
		for e := range dim.Elements {
			el := &dim.Elements[e]
			text(&el.Name, false)
			text(&el.Description, true)
			for i := range el.Indicators {
				text(&el.Indicators[i].Name, false)
				text(&el.Indicators[i].Description, true)
			}
		}
	}
}

// MakeVisible rewrites the session's typed texts with Visible.
func (s *Session) MakeVisible() {
	s.City, s.Venue, s.Facilitator, s.Date = Visible(s.City), Visible(s.Venue), Visible(s.Facilitator), Visible(s.Date)
}

// MakeVisible rewrites the summary's typed texts with Visible.
func (s *SessionSummary) MakeVisible() {
	s.City, s.Venue, s.Facilitator, s.Date = Visible(s.City), Visible(s.Venue), Visible(s.Facilitator), Visible(s.Date)
	s.FrameworkKey = Visible(s.FrameworkKey)
}
