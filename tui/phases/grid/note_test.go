package grid

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/tui/common"
)

func TestGridNoteEditor(t *testing.T) {
	tests := []struct {
		name     string
		row, col int
		keys     []tea.KeyPressMsg
		want     string // stored note after
		status   string // status message, "" for none
	}{
		{name: "enter saves", row: 3, col: 1, keys: append(append([]tea.KeyPressMsg{gkEnter}, gridTyped("Menunggu SK wali kota")...), gkEnter),
			want: "Menunggu SK wali kota", status: "Catatan tersimpan."},
		{name: "ctrl+s saves", row: 3, col: 1, keys: append(append([]tea.KeyPressMsg{gkEnter}, gridTyped("ok")...), gkCtrlS),
			want: "ok", status: "Catatan tersimpan."},
		{name: "esc cancels", row: 2, col: 0, keys: append(append([]tea.KeyPressMsg{gkEnter}, gridTyped(" lagi")...), gkEsc),
			want: "Perlu SOP layanan daring"},
		{name: "existing note is edited", row: 2, col: 0, keys: append(append([]tea.KeyPressMsg{gkEnter}, gridTyped(" segera")...), gkEnter),
			want: "Perlu SOP layanan daring segera", status: "Catatan tersimpan."},
		{name: "emptied note is removed", row: 2, col: 0,
			keys: append(append([]tea.KeyPressMsg{gkEnter}, gridRepeat(gkBackspace, 40)...), gkEnter),
			want: "", status: "Catatan dihapus."},
		{name: "digits and q are text in the editor", row: 4, col: 0, keys: append(append([]tea.KeyPressMsg{gkEnter}, gridTyped("q1 tab 0")...), gkEnter),
			want: "q1 tab 0", status: "Catatan tersimpan."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newGridEnv(t, "id", gridOPDs, gridAnswers)
			e.at(0, tc.row, tc.col)
			code, key := gridRowCode[tc.row], e.g.tab().cols[tc.col].ind.Key
			before, _ := e.stored(code, key)
			var status string
			for i, k := range tc.keys {
				if cmd := upd(e.g, k); cmd != nil {
					switch m := cmd().(type) {
					case common.StatusMsg:
						status = m.Text
					case common.ErrMsg:
						t.Fatalf("key %d: %v", i, m.Err)
					}
				}
				if i < len(tc.keys)-1 && !e.g.Capturing() {
					t.Fatalf("the editor closed after key %d", i)
				}
				if i < len(tc.keys)-1 {
					// While open, the view names the OPD and the item.
					v := ansi.Strip(view(e.g, 80, 20))
					if !strings.Contains(v, "OPD: "+code) || !strings.Contains(v, "Catatan untuk sel ini") {
						t.Fatalf("the editor does not name its cell:\n%s", v)
					}
				}
			}
			if e.g.Capturing() {
				t.Errorf("the editor is still open")
			}
			a, note := e.stored(code, key)
			if note != tc.want {
				t.Errorf("stored note %q, want %q", note, tc.want)
			}
			if a != before {
				t.Errorf("the note changed the answer: %+v -> %+v", before, a)
			}
			if e.s.Note(e.g.present[tc.row].ID, key) != tc.want {
				t.Errorf("the screen shows note %q", e.s.Note(e.g.present[tc.row].ID, key))
			}
			if status != tc.status {
				t.Errorf("status %q, want %q", status, tc.status)
			}
			if st := e.s.State; st.Row != tc.row || st.Col != tc.col {
				t.Errorf("the note moved the cursor to %d/%d", st.Row, st.Col)
			}
		})
	}
}

func gridRepeat(k tea.KeyPressMsg, n int) []tea.KeyPressMsg {
	out := make([]tea.KeyPressMsg, n)
	for i := range out {
		out[i] = k
	}
	return out
}
