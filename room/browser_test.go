package room

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/phonebrowser"
	"github.com/bimtek/bimtek/live"
	"github.com/bimtek/bimtek/workshop"
)

// shots saves a screenshot of each phone page to $BIMTEK_SCREENSHOTS (when
// set), to look at.
type shots struct {
	t   *testing.T
	dir string
}

func (s shots) take(ctx context.Context, name string) {
	if s.dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		s.t.Errorf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(s.dir, name+".png"), png, 0o644); err != nil {
		s.t.Error(err)
	}
}

// TestPhoneBrowserJoinsAndAnswers drives a real browser at 360x740: it
// opens an access card's address, joins with the code, taps a level (the
// page's script saves it with no reload), writes a note, and sends. Each
// answer arrives at the open session as a change from this phone, and is
// in the file.
func TestPhoneBrowserJoinsAndAnswers(t *testing.T) {
	ctx := phonebrowser.Start(t)
	e := newRoomEnv(t)
	ls, err := live.Open(bg, e.st, e.sid, live.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ls.Close()
	changes, stop := ls.Subscribe()
	defer stop()
	srv, err := New(Config{Codes: ls, Owner: LiveOwner(ls)})
	if err != nil {
		t.Fatal(err)
	}
	addr, err := srv.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	base := "http://" + addr.String()
	sh := shots{t: t, dir: os.Getenv("BIMTEK_SCREENSHOTS")}
	o := e.opds[0]
	dim, keys := e.dimKeys(0)
	run := func(what string, acts ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(tctx, acts...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		v, err := chromedp.Run(tctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return v
	}
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("evaluate %s: %v", js, err)
		}
		return v
	}
	next := func() live.Change {
		t.Helper()
		select {
		case c := <-changes:
			return c
		case <-time.After(10 * time.Second):
			t.Fatal("no change reached the open session")
		}
		return live.Change{}
	}

	// A wrong code first: one sentence, still on the join page.
	run("join page", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.ID("code")))
	sh.take(ctx, "01-join")
	run("wrong code", chromedp.SendKeys(chromedp.ID("code"), "AAA-AAA"), chromedp.Click(chromedp.CSS(`form.join button`)), chromedp.WaitVisible(chromedp.CSS(`.msg.bad`)))
	msg := text(".msg.bad")
	if msg != "Kode akses itu tidak dikenal; periksa kartu OPD Anda dan ketik lagi." {
		t.Errorf("wrong code says %q", msg)
	}
	sh.take(ctx, "02-wrong-code")

	// The card's QR address fills the code; Masuk opens the form.
	run("join with the card", chromedp.Navigate(base+"/?code="+e.codes[o.ID]), chromedp.WaitVisible(chromedp.ID("code")),
		chromedp.Click(chromedp.CSS(`form.join button`)), chromedp.WaitVisible(chromedp.CSS(`fieldset.item`)))
	progress := text("#progress")
	if progress != "0 / 18" {
		t.Errorf("progress = %q, want 0 / 18", progress)
	}
	sh.take(ctx, "03-form")

	// A tap on level 3 of the first item saves it without a reload.
	eval(`window.bimtekPage = "same"; "ok"`)
	sel := fmt.Sprintf(`fieldset[data-key=%q] input[value="3"]`, keys[0])
	run("tap level 3", chromedp.Click(chromedp.CSS(sel)),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`fieldset[data-key=%q] .state.ok`, keys[0]))))
	c := next()
	if c.Kind != workshop.AnswerChanged || c.Source.Kind != workshop.SourcePhone || c.Source.OPDID != o.ID ||
		!strings.Contains(c.Source.Device, "Android Chrome") || c.OPDID != o.ID || c.IndicatorKey != keys[0] || c.Answer != (workshop.Answer{Level: 3}) {
		t.Errorf("the tap arrived as %+v", c)
	}
	if a, _ := e.stored(t, o.ID, keys[0]); a.Level != 3 {
		t.Errorf("stored %+v", a)
	}
	progress, same := text("#progress"), eval(`window.bimtekPage || "reloaded"`)
	if progress != "1 / 18" || same != "same" {
		t.Errorf("after the tap: progress %q, page %q", progress, same)
	}
	sh.take(ctx, "04-saved")

	// N/A on the second item, then a note: each its own change.
	run("tap N/A", chromedp.Click(chromedp.CSS(fmt.Sprintf(`fieldset[data-key=%q] input[value="na"]`, keys[1]))))
	if c := next(); c.IndicatorKey != keys[1] || !c.Answer.NA {
		t.Errorf("N/A arrived as %+v", c)
	}
	note := fmt.Sprintf(`fieldset[data-key=%q] textarea`, keys[1])
	run("write a note", chromedp.SendKeys(chromedp.CSS(note), "Belum ada SOP"), chromedp.Blur(chromedp.CSS(note)))
	if c := next(); c.Kind != workshop.NoteChanged || c.Note != "Belum ada SOP" || c.Source.Kind != workshop.SourcePhone {
		t.Errorf("the note arrived as %+v", c)
	}

	// A dimension the facilitator closed: shown, not editable.
	srv.SetEntryOpen(e.fw.Dimensions[1].Key, false)
	run("closed dimension", chromedp.Navigate(base+"/form?d="+e.fw.Dimensions[1].Key), chromedp.WaitVisible(chromedp.CSS(`fieldset[disabled]`)))
	sh.take(ctx, "05-closed")

	// English.
	run("English", chromedp.Navigate(base+"/form?d="+dim+"&lang=en"), chromedp.WaitVisible(chromedp.CSS(`fieldset.item`)))
	h1 := text(".progress")
	if !strings.HasPrefix(h1, "Answered 2 / 18") {
		t.Errorf("English progress = %q", h1)
	}
	sh.take(ctx, "06-english")

	// Kirim (the page asks first; the test accepts).
	run("send", chromedp.Navigate(base+"/form?d="+dim+"&lang=id"), chromedp.WaitVisible(chromedp.CSS(`form.send`)),
		chromedp.Evaluate[chromedp.Void](`window.confirm = function () { return true; }; "ok"`),
		chromedp.Click(chromedp.CSS(`form.send button`)), chromedp.WaitVisible(chromedp.CSS(`.msg.ok`)))
	msg = text(".msg.ok")
	if !strings.HasPrefix(msg, "Terima kasih: jawaban Badan Perencanaan <b>Pembangunan</b> terkirim (2 / 18 terjawab).") {
		t.Errorf("after Kirim: %q", msg)
	}
	sh.take(ctx, "07-sent")
	st, err := srv.Status(bg)
	if err != nil {
		t.Fatal(err)
	}
	if !st[0].Submitted || st[0].Answered != 2 || !st[0].Connected {
		t.Errorf("the facilitator sees %+v", st[0])
	}
}

// TestPhoneFormWithoutJavaScript: the same form with scripts off posts
// the whole dimension and comes back saved.
func TestPhoneFormWithoutJavaScript(t *testing.T) {
	ctx := phonebrowser.Start(t)
	e := newRoomEnv(t)
	srv := e.srv
	addr, err := srv.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	base := "http://" + addr.String()
	o := e.opds[2]
	dim, keys := e.dimKeys(5)
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	err = chromedp.Do(tctx,
		emulateNoScript(),
		chromedp.Navigate(base+"/"),
		chromedp.SendKeys(chromedp.ID("code"), e.codes[o.ID]),
		chromedp.Submit(chromedp.ID("code")),
		chromedp.WaitVisible(chromedp.CSS(`fieldset.item`)),
		chromedp.Navigate(base+"/form?d="+dim),
		chromedp.WaitVisible(chromedp.CSS(`button.save`)),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`fieldset[data-key=%q] input[value="5"]`, keys[0]))),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`fieldset[data-key=%q] input[value="2"]`, keys[2]))),
		chromedp.Click(chromedp.CSS(`button.save`)),
		chromedp.WaitVisible(chromedp.CSS(`.msg.ok`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	shots{t: t, dir: os.Getenv("BIMTEK_SCREENSHOTS")}.take(ctx, "08-no-javascript-saved")
	if a, _ := e.stored(t, o.ID, keys[0]); a.Level != 5 {
		t.Errorf("%s stored %+v", keys[0], a)
	}
	if a, _ := e.stored(t, o.ID, keys[2]); a.Level != 2 {
		t.Errorf("%s stored %+v", keys[2], a)
	}
	if len(e.owner.sources) != 2 {
		t.Errorf("writes: %v", e.owner.sources)
	}
}

// emulateNoScript turns JavaScript off for the page, as a phone with
// scripts disabled.
func emulateNoScript() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
}
