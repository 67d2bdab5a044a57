package room

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bimtek/bimtek/workshop"
)

// The names of the phone form's fields besides the indicator keys. A colon
// never appears in a framework key, so these cannot collide with one.
const (
	fieldDimension = "d"
	prefixNote     = "note:"
	prefixWas      = "was:"      // the answer the page showed, for the form without JavaScript
	prefixWasNote  = "was:note:" // the note the page showed
	valueNA        = "na"
)

// MaxNoteRunes is the longest note a phone may send: the same limit as
// every other way a note comes in.
var MaxNoteRunes = workshop.FieldNote.Limit()

// Edit is one cell a phone asked to change.
type Edit = workshop.CellEdit

// FormError is a phone's input refused: Key names its sentence in the
// catalogue (assets, "room.err.*") and Args fill it.
type FormError struct {
	Key  string
	Args []any
}

func (e *FormError) Error() string { return e.Key }

func formErr(key string, args ...any) *FormError { return &FormError{Key: key, Args: args} }

// ParseSave reads one save of the phone form for the framework fw: the
// dimension page it came from (field "d"), each indicator's level ("1".."5"
// or "na", one value per indicator of that dimension) and note ("note:KEY").
// The form without JavaScript also sends what the page showed ("was:KEY",
// "was:note:KEY"); a field equal to what was shown is no change, so a
// stale page never writes over what the facilitator typed meanwhile. Any
// other field, a key of another dimension, a level off the scale or a note
// with control characters refuses the whole save. It does no IO.
func ParseSave(fw *workshop.Framework, form url.Values) (string, []Edit, error) {
	dims := form[fieldDimension]
	if len(dims) != 1 {
		return "", nil, formErr("room.err.no_dimension")
	}
	dim, ok := fw.Dimension(dims[0])
	if !ok {
		return "", nil, formErr("room.err.no_dimension")
	}
	inDim := make(map[string]int, dim.ItemCount())
	for i, ind := range dim.Indicators() {
		inDim[ind.Key] = i
	}
	// At most an answer, a note and what the page showed of both per item.
	if len(form) > 4*len(inDim)+1 {
		return "", nil, formErr("room.err.too_many")
	}
	type pending struct {
		answer, was   *workshop.Answer
		note, wasNote *string
	}
	p := make([]pending, len(inDim))
	item := func(key string) (int, error) {
		i, ok := inDim[key]
		if ok {
			return i, nil
		}
		if _, elsewhere := fw.Locate(key); elsewhere {
			return 0, formErr("room.err.other_dimension", clip(key))
		}
		return 0, formErr("room.err.unknown_field", clip(key))
	}
	one := func(name string, vs []string) (string, error) {
		if len(vs) != 1 {
			return "", formErr("room.err.twice", clip(name))
		}
		return vs[0], nil
	}
	for name, vs := range form {
		var err error
		switch {
		case name == fieldDimension:
			continue
		case strings.HasPrefix(name, prefixWasNote):
			var i int
			var v string
			if i, err = item(strings.TrimPrefix(name, prefixWasNote)); err != nil {
				return "", nil, err
			}
			if v, err = one(name, vs); err != nil {
				return "", nil, err
			}
			// What the page showed was clean when it was shown; a mangled
			// copy only means "differs", so it is not refused.
			p[i].wasNote = &v
		case strings.HasPrefix(name, prefixWas):
			var i int
			var v string
			var a workshop.Answer
			if i, err = item(strings.TrimPrefix(name, prefixWas)); err != nil {
				return "", nil, err
			}
			if v, err = one(name, vs); err != nil {
				return "", nil, err
			}
			if v == "" {
				a = workshop.Answer{}
			} else if a, err = parseLevel(fw, v); err != nil {
				return "", nil, err
			}
			p[i].was = &a
		case strings.HasPrefix(name, prefixNote):
			var i int
			var v, note string
			if i, err = item(strings.TrimPrefix(name, prefixNote)); err != nil {
				return "", nil, err
			}
			if v, err = one(name, vs); err != nil {
				return "", nil, err
			}
			if note, err = CleanNote(v); err != nil {
				return "", nil, err
			}
			p[i].note = &note
		default:
			var i int
			var v string
			var a workshop.Answer
			if i, err = item(name); err != nil {
				return "", nil, err
			}
			if v, err = one(name, vs); err != nil {
				return "", nil, err
			}
			if a, err = parseLevel(fw, v); err != nil {
				return "", nil, err
			}
			p[i].answer = &a
		}
	}
	var edits []Edit
	for i, ind := range dim.Indicators() {
		e := Edit{Key: ind.Key}
		if a := p[i].answer; a != nil && (p[i].was == nil || *p[i].was != *a) {
			e.SetAnswer, e.Answer = true, *a
		}
		if n := p[i].note; n != nil && (p[i].wasNote == nil || *p[i].wasNote != *n) {
			e.SetNote, e.Note = true, *n
		}
		if e.SetAnswer || e.SetNote {
			edits = append(edits, e)
		}
	}
	return dim.Key, edits, nil
}

// parseLevel reads "na" or a level of the scale, nothing else: no spaces,
// signs or leading zeros (a radio button sends exactly what the page wrote).
func parseLevel(fw *workshop.Framework, v string) (workshop.Answer, error) {
	if v == valueNA {
		return workshop.Answer{NA: true}, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || strconv.Itoa(n) != v {
		return workshop.Answer{}, formErr("room.err.not_level", clip(v), fw.MinLevel(), fw.MaxLevel())
	}
	if _, ok := fw.LevelOf(n); !ok {
		return workshop.Answer{}, formErr("room.err.not_level", clip(v), fw.MinLevel(), fw.MaxLevel())
	}
	return workshop.Answer{Level: n}, nil
}

// CleanNote holds a phone's note to the same check as the facilitator's
// note editor and the store (workshop.CheckNote): valid UTF-8, line breaks
// allowed (the browser's CR LF becomes LF), no other control character or
// direction override, within the limit, trimmed. A refusal is an
// *workshop.InputError, said in the phone's language.
func CleanNote(s string) (string, error) {
	return workshop.CheckNote(s)
}

// clip shortens what a phone sent before it is echoed in a sentence.
func clip(s string) string {
	if len(s) > 40 {
		for i := 40; i > 0; i-- {
			if utf8.RuneStart(s[i]) {
				return s[:i] + "…"
			}
		}
	}
	return strings.ToValidUTF8(s, "?")
}
