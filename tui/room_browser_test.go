package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/phonebrowser"
	"github.com/bimtek/bimtek/workshop"
)

// TestPhoneBrowserAnswerReachesTheGrid: the whole app on its grid with
// room mode on 127.0.0.1 (the real server on the real open session), and
// a real phone-sized browser that opens an OPD's card address, taps
// Masuk and taps a level. Once the page says saved, the facilitator's
// model receives the change, and the grid cell of that OPD and item
// shows the phone's level with the phone's mark.
func TestPhoneBrowserAnswerReachesTheGrid(t *testing.T) {
	ctx := phonebrowser.Start(t)
	ra := newRoomApp(t, "id")
	m := ra.m
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.Update(phKey("esc"))
	for m.ses().sess.State.Phase != gridPhase(m) {
		m.Update(phKey("]"))
	}
	o := m.ses().sess.Data.OPDs[0]
	dim := m.ses().sess.F().Dimensions[0]
	key := dim.Indicators()[0].Key
	level := 4
	if m.ses().sess.Board.Answer(o.ID, key).Level == level {
		level = 2
	}
	codes, err := ra.st.AccessCodes(context.Background(), m.ses().sess.Data.Session.ID)
	if err != nil {
		t.Fatal(err)
	}
	code := ""
	for _, c := range codes {
		if c.OPDID == o.ID {
			code = c.Code
		}
	}
	run := func(what string, acts ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(tctx, acts...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	run("join with the card", chromedp.Navigate(ra.base+"/?code="+code), chromedp.WaitVisible(chromedp.ID("code")),
		chromedp.Click(chromedp.CSS(`form.join button`)), chromedp.WaitVisible(chromedp.CSS(`fieldset.item`)))
	run("the first dimension", chromedp.Navigate(ra.base+"/form?d="+dim.Key), chromedp.WaitVisible(chromedp.CSS(`fieldset.item`)))
	run("tap the level", chromedp.Click(chromedp.CSS(fmt.Sprintf(`fieldset[data-key=%q] input[value="%d"]`, key, level))),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`fieldset[data-key=%q] .state.ok`, key))))

	// The page said saved: the change is on its way to the model, which
	// the program's loop (here: pump) hands to Update.
	ra.pump(t, func() bool { return m.ses().sess.Board.Answer(o.ID, key) == workshop.Answer{Level: level} })
	if !m.ses().sess.FromPhone(o.ID, key) {
		t.Errorf("the cell is not marked as the phone's")
	}
	m.ses().sess.State.Row, m.ses().sess.State.Col = 0, 0
	frame := ansi.Strip(m.render())
	var row string
	for _, l := range strings.Split(frame, "\n") {
		if strings.Contains(l, o.Code) {
			row = l
			break
		}
	}
	if want := fmt.Sprintf("%d%s", level, phoneMark); !strings.Contains(row, want) {
		t.Errorf("the grid row of %s does not show %s:\n%s\n\n%s", o.Code, want, row, frame)
	}
}
