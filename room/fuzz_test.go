package room

import (
	"errors"
	"net/url"
	"testing"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/workshop"
)

// FuzzParseSave: whatever a phone posts, ParseSave never panics; it refuses
// with a *FormError or a *workshop.InputError, or returns edits of items of
// the posted dimension only, each once, with answers on the scale (or N/A)
// and notes the note editor would accept as they are. Seeds:
// testdata/fuzz/FuzzParseSave (run by plain go test).
func FuzzParseSave(f *testing.F) {
	fw, err := assets.Framework("elemen")
	if err != nil {
		f.Fatal(err)
	}
	d := fw.Dimensions[0]
	k := d.Elements[0].Indicators[0].Key
	f.Add("d=" + d.Key + "&" + k + "=3&note:" + k + "=Perlu+Perwal")
	f.Add("d=" + d.Key + "&" + k + "=na&was:" + k + "=2&was:note:" + k + "=")
	f.Add("d=" + d.Key + "&" + k + "=6")
	f.Add("d=economy&" + k + "=1")
	f.Add("d=" + d.Key + "&note:" + k + "=%1B%5D0%3BPWNED%07")
	f.Fuzz(func(t *testing.T, query string) {
		form, err := url.ParseQuery(query)
		if err != nil {
			return // the server refuses a body it cannot read before this
		}
		dim, edits, err := ParseSave(fw, form)
		if err != nil {
			var fe *FormError
			var ie *workshop.InputError
			if !errors.As(err, &fe) && !errors.As(err, &ie) {
				t.Fatalf("error %T %v, want a *FormError or *workshop.InputError", err, err)
			}
			if edits != nil {
				t.Fatal("edits returned with an error")
			}
			return
		}
		dm, ok := fw.Dimension(dim)
		if !ok {
			t.Fatalf("accepted unknown dimension %q", dim)
		}
		in := map[string]bool{}
		for _, ind := range dm.Indicators() {
			in[ind.Key] = true
		}
		seen := map[string]bool{}
		for _, e := range edits {
			if !in[e.Key] || seen[e.Key] || (!e.SetAnswer && !e.SetNote) {
				t.Fatalf("edit %+v of dimension %s", e, dim)
			}
			seen[e.Key] = true
			if e.SetAnswer && !e.Answer.NA {
				if _, ok := fw.LevelOf(e.Answer.Level); !ok {
					t.Fatalf("accepted level %d", e.Answer.Level)
				}
			}
			if e.SetNote {
				if n, err := workshop.CheckNote(e.Note); err != nil || n != e.Note {
					t.Fatalf("accepted note %q that the note editor refuses or changes: %v", e.Note, err)
				}
			}
		}
	})
}
