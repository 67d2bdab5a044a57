package workshop

import "fmt"

// SourceKind says where a change to a session came from.
type SourceKind string

// The sources of a change: the facilitator's keyboard, an OPD's phone in
// room mode, a scores file merged in.
const (
	SourceKeyboard SourceKind = "keyboard"
	SourcePhone    SourceKind = "phone"
	SourceImport   SourceKind = "import"
)

// Source is who made a change. For a phone, OPDID is the OPD whose phone
// it is and Device a short label of the device (may be empty).
type Source struct {
	Kind   SourceKind
	OPDID  int64
	Device string
}

// Keyboard is the facilitator at the laptop.
var Keyboard = Source{Kind: SourceKeyboard}

// Import is a scores file merged into the session.
var Import = Source{Kind: SourceImport}

// Check refuses a source the event log cannot record: an unknown kind, a
// phone without its OPD, an OPD or device on a source that has none.
func (s Source) Check() error {
	switch s.Kind {
	case SourceKeyboard, SourceImport:
		if s.OPDID != 0 || s.Device != "" {
			return fmt.Errorf("a %s change names no OPD or device: %w", s.Kind, ErrInvalid)
		}
	case SourcePhone:
		if s.OPDID <= 0 {
			return fmt.Errorf("a phone change must name the OPD whose phone it is: %w", ErrInvalid)
		}
	default:
		return fmt.Errorf("unknown source %q of a change: %w", s.Kind, ErrInvalid)
	}
	return nil
}
