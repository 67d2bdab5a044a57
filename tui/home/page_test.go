package home

import (
	"testing"

	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/tui/common/pagetest"
)

// TestHomeKeepsThePageContract: the list, the empty list, the new-session
// form, the edit form and the delete question, in both languages, draw
// the same frame twice and stay inside the size SetSize gave.
func TestHomeKeepsThePageContract(t *testing.T) {
	var _ common.Page = (*Home)(nil)
	for _, lang := range []string{"id", "en"} {
		empty := New(nil, lang, common.NewStyles("dark"), phClock)
		upd(empty, sessionsLoadedMsg{})
		pagetest.Check(t, lang+" empty", empty)

		h := New(nil, lang, common.NewStyles("dark"), phClock)
		upd(h, sessionsLoadedMsg{list: phHomeList()})
		pagetest.Check(t, lang+" list", h)
		for _, k := range []string{"down", "down", "end", "up"} {
			upd(h, phKey(k))
		}
		pagetest.Check(t, lang+" list after keys", h)

		upd(h, phKey("e"))
		if !h.Capturing() {
			t.Fatalf("%s: e opened no edit form", lang)
		}
		pagetest.Check(t, lang+" edit", h)
		upd(h, phKey("esc"))

		upd(h, deleteAskMsg{id: h.list[h.row].ID, name: "Kota Uji", scores: 3})
		if h.deleting == nil {
			t.Fatalf("%s: no delete question", lang)
		}
		pagetest.Check(t, lang+" delete", h)
		upd(h, phKey("esc"))

		upd(h, phKey("n"))
		if h.form == nil {
			t.Fatalf("%s: n opened no form", lang)
		}
		pagetest.Check(t, lang+" form", h)
	}
}
