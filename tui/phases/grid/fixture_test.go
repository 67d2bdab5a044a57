package grid

import (
	"flag"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

var _ = flag.Bool("update", false, "rewrite the golden files")

// The names the grid's tests knew in package tui, for tuitest's fixtures.

func golden(t *testing.T, name, got string) {
	t.Helper()
	tuitest.Golden(t, name, got)
}

func view(p common.Page, w, h int) string { return tuitest.View(p, w, h) }

func upd(p common.Page, msg tea.Msg) tea.Cmd { return tuitest.Update(p, msg) }

func phCheckSize(t *testing.T, name, v string, w, h int) {
	t.Helper()
	tuitest.CheckSize(t, name, v, w, h)
}

func storedUIState(t testing.TB, path string, id int64) common.UIState {
	t.Helper()
	return tuitest.StoredUIState(t, path, id)
}

func reopenData(t testing.TB, path string, id int64) *workshop.Data {
	t.Helper()
	return tuitest.Reopen(t, path, id)
}
