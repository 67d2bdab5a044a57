package room

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/workshop"
)

func TestJoinPageIsAPlainFormInIndonesianAndEnglish(t *testing.T) {
	e := newRoomEnv(t)
	p := e.phone(t)
	r := p.get("/")
	if r.status != http.StatusOK {
		t.Fatalf("GET / = %d", r.status)
	}
	for _, want := range []string{`<form method="post" action="/join"`, `name="code"`, "Masuk dengan kode akses", `href="/?lang=en"`, `src="/static/app.js"`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("join page lacks %q", want)
		}
	}
	if strings.Contains(r.body, "http://") || strings.Contains(r.body, "https://") {
		t.Errorf("join page loads something from outside the laptop:\n%s", r.body)
	}
	en := p.get("/?lang=en")
	if !strings.Contains(en.body, "Enter your access code") {
		t.Errorf("?lang=en did not switch to English")
	}
	// The choice is remembered.
	if again := p.get("/"); !strings.Contains(again.body, "Enter your access code") {
		t.Errorf("the English switch was not remembered")
	}
	csp := r.header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("Content-Security-Policy = %q", csp)
	}
	// An access card's QR fills the field; a malformed one fills nothing.
	code := e.codes[e.opds[1].ID]
	if r := p.get("/?code=" + strings.ToLower(code)); !strings.Contains(r.body, `value="`+workshop.FormatAccessCode(code)+`"`) {
		t.Errorf("?code= did not fill the field")
	}
	if r := p.get(`/?code="><script>`); strings.Contains(r.body, "<script>") {
		t.Errorf("?code= reached the page unescaped")
	}
}

func TestJoinWithACodeSetsAStrictHttpOnlyCookie(t *testing.T) {
	e := newRoomEnv(t)
	p := e.phone(t)
	code := e.codes[e.opds[0].ID]
	r := p.post("/join", url.Values{"code": {" " + strings.ToLower(workshop.FormatAccessCode(code))}})
	if r.status != http.StatusSeeOther || r.loc != "/form" {
		t.Fatalf("join = %d %q", r.status, r.loc)
	}
	ck := r.header.Get("Set-Cookie")
	for _, want := range []string{cookieCode + "=" + code, "HttpOnly", "SameSite=Strict", "Path=/"} {
		if !strings.Contains(ck, want) {
			t.Errorf("cookie %q lacks %q", ck, want)
		}
	}
	// A phone that has joined goes straight to its form.
	if r := p.get("/"); r.status != http.StatusSeeOther || r.loc != "/form" {
		t.Errorf("GET / after joining = %d %q", r.status, r.loc)
	}
	form := p.get("/form")
	if form.status != http.StatusOK {
		t.Fatalf("GET /form = %d", form.status)
	}
	// The OPD's own name, HTML-escaped.
	if !strings.Contains(form.body, "Badan Perencanaan &lt;b&gt;Pembangunan&lt;/b&gt;") || strings.Contains(form.body, "<b>Pembangunan</b>") {
		t.Errorf("the OPD name is not shown escaped")
	}
	st, err := e.srv.Status(bg)
	if err != nil {
		t.Fatal(err)
	}
	if !st[0].Connected || st[0].Device != "127.0.0.1 Android Chrome" || st[1].Connected {
		t.Errorf("status after BAPPEDA joined: %+v", st)
	}
}

func TestFormShowsOneDimensionWithLevelsNAAndNote(t *testing.T) {
	e := newRoomEnv(t)
	p := e.phone(t)
	p.join(e.opds[0].ID)
	dim, keys := e.dimKeys(1)
	r := p.get("/form?d=" + dim)
	if r.status != http.StatusOK {
		t.Fatalf("GET /form?d=%s = %d", dim, r.status)
	}
	for _, k := range keys {
		for _, want := range []string{`name="` + k + `" value="1"`, `name="` + k + `" value="5"`, `name="` + k + `" value="na"`, `name="note:` + k + `"`} {
			if !strings.Contains(r.body, want) {
				t.Errorf("form lacks %q", want)
			}
		}
	}
	// Only this dimension's items.
	_, other := e.dimKeys(0)
	if strings.Contains(r.body, `name="`+other[0]+`"`) {
		t.Errorf("the page of %s also has %s", dim, other[0])
	}
	// The level descriptions are beside the choices, and the progress reads "0 / 18".
	l3 := e.fw.Scale[2]
	if !strings.Contains(r.body, l3.Label.ID) || !strings.Contains(r.body, htmlEsc(l3.Description.ID)) {
		t.Errorf("level 3 and its description are not on the page")
	}
	if !strings.Contains(r.body, ">0 / 18<") {
		t.Errorf("progress 0 / 18 missing")
	}
	if !strings.Contains(r.body, `action="/submit"`) || !strings.Contains(r.body, ">Kirim<") {
		t.Errorf("no Kirim button")
	}
	if r := p.get("/form?d=nope"); r.status != http.StatusNotFound {
		t.Errorf("unknown dimension = %d", r.status)
	}
}

func htmlEsc(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")
	return r.Replace(s)
}

func TestSaveWithoutJavaScriptCommitsThenRedirects(t *testing.T) {
	e := newRoomEnv(t)
	p := e.phone(t)
	o := e.opds[0].ID
	p.join(o)
	dim, keys := e.dimKeys(0)
	r := p.post("/save", url.Values{"d": {dim}, keys[0]: {"4"}, keys[1]: {"na"}, "note:" + keys[1]: {"belum ada\r\ndata"}})
	if r.status != http.StatusSeeOther || r.loc != "/form?d="+dim+"&saved=1" {
		t.Fatalf("save = %d %q %s", r.status, r.loc, r.body)
	}
	if a, _ := e.stored(t, o, keys[0]); a != (workshop.Answer{Level: 4}) {
		t.Errorf("%s stored %+v, want level 4", keys[0], a)
	}
	if a, note := e.stored(t, o, keys[1]); !a.NA || note != "belum ada\ndata" {
		t.Errorf("%s stored %+v %q, want N/A with the note's two lines", keys[1], a, note)
	}
	page := p.get(r.loc)
	if !strings.Contains(page.body, `name="`+keys[0]+`" value="4" checked`) || !strings.Contains(page.body, "Tersimpan") || !strings.Contains(page.body, ">2 / 18<") {
		t.Errorf("the page after saving does not show the answer, Tersimpan and 2 / 18")
	}
	if len(e.owner.sources) != 3 || !strings.HasSuffix(e.owner.sources[0], "/"+keys[0]+"/127.0.0.1 Android Chrome") {
		t.Errorf("writes through the owner: %v", e.owner.sources)
	}
}

func TestSaveFromTheScriptAnswersJSONAfterTheCommit(t *testing.T) {
	e := newRoomEnv(t)
	p := e.phone(t)
	o := e.opds[2].ID
	p.join(o)
	dim, keys := e.dimKeys(2)
	r := p.postJS("/save", url.Values{"d": {dim}, keys[2]: {"3"}})
	var rep saveReply
	if err := json.Unmarshal([]byte(r.body), &rep); err != nil || r.status != http.StatusOK {
		t.Fatalf("save = %d %s (%v)", r.status, r.body, err)
	}
	if !rep.OK || rep.Answered != 1 || rep.Total != 18 || rep.Done != 1 || rep.DimTotal != 3 || rep.Message != "Tersimpan" {
		t.Errorf("reply = %+v", rep)
	}
	if a, _ := e.stored(t, o, keys[2]); a.Level != 3 {
		t.Errorf("stored %+v", a)
	}
}

func TestStalePageDoesNotOverwriteTheFacilitator(t *testing.T) {
	e := newRoomEnv(t)
	p := e.phone(t)
	o := e.opds[0].ID
	p.join(o)
	dim, keys := e.dimKeys(0)
	// The page showed keys[0] empty; meanwhile the facilitator typed 2.
	if err := e.owner.SetAnswer(bg, o, "keyboard", keys[0], workshop.Answer{Level: 2}); err != nil {
		t.Fatal(err)
	}
	// The stale page posts keys[0] unchanged (empty: absent) and keys[1] as it showed it (5 → 5)...
	if err := e.owner.SetAnswer(bg, o, "keyboard", keys[1], workshop.Answer{Level: 1}); err != nil {
		t.Fatal(err)
	}
	r := p.post("/save", url.Values{"d": {dim}, "was:" + keys[1]: {"5"}, keys[1]: {"5"}, "was:" + keys[2]: {""}, keys[2]: {"4"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save = %d %s", r.status, r.body)
	}
	if a, _ := e.stored(t, o, keys[0]); a.Level != 2 {
		t.Errorf("%s = %+v, the facilitator's 2 was lost", keys[0], a)
	}
	if a, _ := e.stored(t, o, keys[1]); a.Level != 1 {
		t.Errorf("%s = %+v, an unchanged field of a stale page overwrote the facilitator's 1", keys[1], a)
	}
	if a, _ := e.stored(t, o, keys[2]); a.Level != 4 {
		t.Errorf("%s = %+v, the phone's change was lost", keys[2], a)
	}
}

func TestRefusals(t *testing.T) {
	e := newRoomEnv(t)
	me, other := e.opds[0].ID, e.opds[1].ID
	dim, keys := e.dimKeys(0)
	dim2, keys2 := e.dimKeys(1)
	// The other OPD has an answer and a note the phone must never see or touch.
	if err := e.owner.SetAnswer(bg, other, "keyboard", keys[0], workshop.Answer{Level: 5}); err != nil {
		t.Fatal(err)
	}
	if err := e.owner.SetNote(bg, other, "keyboard", keys[0], "rahasia DISKOMINFO"); err != nil {
		t.Fatal(err)
	}
	p := e.phone(t)
	p.join(me)
	cases := []struct {
		name   string
		form   url.Values
		status int
		says   string
	}{
		{"level 9", url.Values{"d": {dim}, keys[0]: {"9"}}, 400, "Level 9 tidak ada di skala; pilih level 1 sampai 5 atau N/A."},
		{"level 0", url.Values{"d": {dim}, keys[0]: {"0"}}, 400, "Level 0 tidak ada di skala"},
		{"level 03", url.Values{"d": {dim}, keys[0]: {"03"}}, 400, "Level 03 tidak ada di skala"},
		{"level with a space", url.Values{"d": {dim}, keys[0]: {" 3"}}, 400, "tidak ada di skala"},
		{"two levels for one item", url.Values{"d": {dim}, keys[0]: {"3", "4"}}, 400, "lebih dari sekali"},
		{"another dimension's item", url.Values{"d": {dim}, keys2[0]: {"3"}}, 400, "bukan bagian dari dimensi halaman ini"},
		{"an unknown item", url.Values{"d": {dim}, "governance.nope": {"3"}}, 400, "tidak dikenal (governance.nope)"},
		{"another OPD's indicator", url.Values{"d": {dim}, "opd": {itoa(other)}, keys[0]: {"1"}}, 400, "tidak dikenal (opd)"},
		{"no dimension", url.Values{keys[0]: {"3"}}, 400, "Dimensi itu tidak ada"},
		{"a note with an escape sequence", url.Values{"d": {dim}, "note:" + keys[0]: {"ok\x1b[2J"}}, 400, "karakter kendali"},
		{"a note with a bidi override", url.Values{"d": {dim}, "note:" + keys[0]: {"abc\u202edef"}}, 400, "karakter kendali"},
		{"a note too long", url.Values{"d": {dim}, "note:" + keys[0]: {strings.Repeat("a", MaxNoteRunes+1)}}, 400, "2001"},
		{"a note of broken UTF-8", url.Values{"d": {dim}, "note:" + keys[0]: {"a\xffb"}}, 400, "bukan teks UTF-8"},
	}
	for _, c := range cases {
		r := p.post("/save", c.form)
		if r.status != c.status || !strings.Contains(r.body, c.says) {
			t.Errorf("%s: %d, want %d saying %q:\n%s", c.name, r.status, c.status, c.says, r.body)
		}
		rj := p.postJS("/save", c.form)
		var rep saveReply
		if json.Unmarshal([]byte(rj.body), &rep) != nil || rep.OK || rj.status != c.status || !strings.Contains(rep.Message, c.says) {
			t.Errorf("%s (script): %d %s", c.name, rj.status, rj.body)
		}
	}
	if len(e.owner.sources) != 2 {
		t.Errorf("a refused save reached the owner: %v", e.owner.sources)
	}
	if a, note := e.stored(t, other, keys[0]); a.Level != 5 || note != "rahasia DISKOMINFO" {
		t.Errorf("the other OPD's cell changed: %+v %q", a, note)
	}
	if a, _ := e.stored(t, me, keys[0]); a.Answered() {
		t.Errorf("a refused save wrote %+v", a)
	}
	// The phone's pages never show the other OPD's answers or notes.
	for _, d := range []string{dim, dim2} {
		if r := p.get("/form?d=" + d); strings.Contains(r.body, "rahasia") || strings.Contains(r.body, "checked") {
			t.Errorf("the page of %s shows another OPD's answer", d)
		}
	}
}

func TestWrongCodesAreRateLimitedPerAddress(t *testing.T) {
	e := newRoomEnv(t)
	p := e.phone(t)
	for i := range wrongBurst {
		r := p.post("/join", url.Values{"code": {"AAAAAA"}})
		if r.status != http.StatusUnauthorized || !strings.Contains(r.body, "Kode akses itu tidak dikenal") {
			t.Fatalf("wrong code %d: %d %s", i+1, r.status, r.body)
		}
	}
	good := url.Values{"code": {e.codes[e.opds[0].ID]}}
	r := p.post("/join", good)
	if r.status != http.StatusTooManyRequests || !strings.Contains(r.body, "tunggu 6 detik") {
		t.Fatalf("after %d wrong codes even a right one must wait: %d %s", wrongBurst, r.status, r.body)
	}
	// Another address is not slowed down by this one.
	req := httptest.NewRequest("POST", "/join", strings.NewReader(url.Values{"code": {e.codes[e.opds[1].ID]}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.RemoteAddr = "192.0.2.7:5555"
	rec := httptest.NewRecorder()
	e.srv.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusSeeOther {
		t.Errorf("another address with its right code = %d %s", rec.Code, rec.Body)
	}
	// Time heals: one more try after 6 s.
	e.now = e.now.Add(wrongEvery)
	if r := p.post("/join", good); r.status != http.StatusSeeOther {
		t.Errorf("after waiting: %d %s", r.status, r.body)
	}
}

func TestACookieWithAWrongCodeCountsAsAWrongCode(t *testing.T) {
	e := newRoomEnv(t)
	p := e.phone(t)
	o := e.opds[0].ID
	p.join(o)
	if _, err := e.srv.Reissue(bg, o); err != nil {
		t.Fatal(err)
	}
	// The old card's cookie opens nothing any more; the phone is sent to the join page.
	r := p.get("/form")
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.loc, "/?gone=1") {
		t.Fatalf("form with a retired code = %d %q", r.status, r.loc)
	}
	dim, keys := e.dimKeys(0)
	for range wrongBurst + 1 {
		p.c.Jar.SetCookies(mustURL(t, e.http.URL), []*http.Cookie{{Name: cookieCode, Value: "AAAAAA"}})
		r = p.postJS("/save", url.Values{"d": {dim}, keys[0]: {"3"}})
	}
	if r.status != http.StatusUnauthorized || !strings.Contains(r.body, "tunggu") {
		t.Errorf("guessing through the cookie is not slowed down: %d %s", r.status, r.body)
	}
	if len(e.owner.sources) != 0 {
		t.Errorf("a save with a wrong code reached the owner: %v", e.owner.sources)
	}
}

func mustURL(t testing.TB, s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestNoCodeNoForm(t *testing.T) {
	e := newRoomEnv(t)
	p := e.phone(t)
	if r := p.get("/form"); r.status != http.StatusSeeOther || r.loc != "/?" {
		t.Errorf("GET /form without a code = %d %q", r.status, r.loc)
	}
	dim, keys := e.dimKeys(0)
	for _, path := range []string{"/save", "/submit"} {
		if r := p.post(path, url.Values{"d": {dim}, keys[0]: {"3"}}); r.status != http.StatusUnauthorized || !strings.Contains(r.body, "Masuk dulu") {
			t.Errorf("POST %s without a code = %d %s", path, r.status, r.body)
		}
	}
	if r := p.get("/ping"); r.status != http.StatusUnauthorized {
		t.Errorf("ping without a code = %d", r.status)
	}
	if r := p.get("/admin"); r.status != http.StatusNotFound {
		t.Errorf("GET /admin = %d", r.status)
	}
}

func TestClosedDimensionIsShownButNotEditable(t *testing.T) {
	e := newRoomEnv(t)
	p := e.phone(t)
	o := e.opds[0].ID
	p.join(o)
	dim, keys := e.dimKeys(0)
	dim2, keys2 := e.dimKeys(1)
	e.srv.SetEntryOpen(dim, false)
	r := p.post("/save", url.Values{"d": {dim}, keys[0]: {"3"}})
	if r.status != http.StatusForbidden || !strings.Contains(r.body, "Pengisian dimensi Smart Governance sedang ditutup") {
		t.Errorf("save in a closed dimension = %d %s", r.status, r.body)
	}
	page := p.get("/form?d=" + dim)
	if !strings.Contains(page.body, `<fieldset class="item" id="i-`+keys[0]+`" data-key="`+keys[0]+`" disabled>`) || strings.Contains(page.body, `class="btn primary save"`) {
		t.Errorf("the closed dimension's page is editable")
	}
	// Other dimensions stay open; reopening the first lets it through.
	if r := p.post("/save", url.Values{"d": {dim2}, keys2[0]: {"2"}}); r.status != http.StatusSeeOther {
		t.Errorf("save in an open dimension = %d", r.status)
	}
	e.srv.SetAllOpen(e.fw, false)
	if r := p.post("/save", url.Values{"d": {dim2}, keys2[0]: {"3"}}); r.status != http.StatusForbidden {
		t.Errorf("after closing all: %d", r.status)
	}
	e.srv.SetAllOpen(e.fw, true)
	if r := p.post("/save", url.Values{"d": {dim}, keys[0]: {"3"}}); r.status != http.StatusSeeOther {
		t.Errorf("after reopening all: %d %s", r.status, r.body)
	}
	if a, _ := e.stored(t, o, keys2[0]); a.Level != 2 {
		t.Errorf("a save while closed changed %s to %+v", keys2[0], a)
	}
}

func TestKirimMarksTheOPDSentUntilReopened(t *testing.T) {
	e := newRoomEnv(t)
	p := e.phone(t)
	o := e.opds[1].ID
	p.join(o)
	dim, keys := e.dimKeys(0)
	p.post("/save", url.Values{"d": {dim}, keys[0]: {"3"}})
	r := p.post("/submit", url.Values{})
	if r.status != http.StatusSeeOther || r.loc != "/form?sent=1" {
		t.Fatalf("Kirim = %d %q", r.status, r.loc)
	}
	page := p.get(r.loc)
	if !strings.Contains(page.body, "Terima kasih: jawaban Dinas Komunikasi dan Informatika terkirim (1 / 18 terjawab).") || strings.Contains(page.body, `action="/submit"`) {
		t.Errorf("after Kirim:\n%s", page.body)
	}
	st, _ := e.srv.Status(bg)
	if !st[1].Submitted || st[1].Answered != 1 || st[1].Total != 18 {
		t.Errorf("status after Kirim: %+v", st[1])
	}
	if r := p.post("/save", url.Values{"d": {dim}, keys[0]: {"5"}}); r.status != http.StatusConflict || !strings.Contains(r.body, "sudah dikirim") {
		t.Errorf("save after Kirim = %d %s", r.status, r.body)
	}
	if err := e.srv.Reopen(bg, o); err != nil {
		t.Fatal(err)
	}
	if r := p.post("/save", url.Values{"d": {dim}, keys[0]: {"5"}}); r.status != http.StatusSeeOther {
		t.Errorf("save after the facilitator reopened = %d %s", r.status, r.body)
	}
	if a, _ := e.stored(t, o, keys[0]); a.Level != 5 {
		t.Errorf("stored %+v", a)
	}
}

func TestCrossOriginPostIsRefused(t *testing.T) {
	e := newRoomEnv(t)
	p := e.phone(t)
	o := e.opds[0].ID
	p.join(o)
	dim, keys := e.dimKeys(0)
	for _, hdr := range []map[string]string{
		{"Sec-Fetch-Site": "cross-site"},
		{"Origin": "http://evil.example"},
	} {
		r := p.do("POST", "/save", url.Values{"d": {dim}, keys[0]: {"3"}}, hdr)
		if r.status != http.StatusForbidden || !strings.Contains(r.body, "Permintaan dari situs lain ditolak") {
			t.Errorf("cross-origin POST %v = %d %s", hdr, r.status, r.body)
		}
	}
	if a, _ := e.stored(t, o, keys[0]); a.Answered() {
		t.Errorf("a cross-origin POST wrote %+v", a)
	}
	// The same page's own POST goes through.
	r := p.do("POST", "/save", url.Values{"d": {dim}, keys[0]: {"3"}}, map[string]string{"Sec-Fetch-Site": "same-origin"})
	if r.status != http.StatusSeeOther {
		t.Errorf("same-origin POST = %d", r.status)
	}
}

func TestOversizeBodyIsRefused(t *testing.T) {
	e := newRoomEnv(t)
	p := e.phone(t)
	o := e.opds[0].ID
	p.join(o)
	dim, keys := e.dimKeys(0)
	big := url.Values{"d": {dim}, keys[0]: {"3"}, "note:" + keys[1]: {strings.Repeat("x", maxBody)}}
	r := p.post("/save", big)
	if r.status != http.StatusRequestEntityTooLarge || !strings.Contains(r.body, "terlalu besar (lebih dari 64 KB)") {
		t.Errorf("oversize save = %d %s", r.status, r.body)
	}
	if a, _ := e.stored(t, o, keys[0]); a.Answered() {
		t.Errorf("an oversize save wrote %+v", a)
	}
	r = p.post("/join", url.Values{"code": {strings.Repeat("A", maxBody+1)}})
	if r.status != http.StatusRequestEntityTooLarge {
		t.Errorf("oversize join = %d", r.status)
	}
}

func TestResultsOnlyWhileRevealed(t *testing.T) {
	e := newRoomEnv(t)
	p := e.phone(t)
	o := e.opds[0].ID
	p.join(o)
	dim, keys := e.dimKeys(0)
	// 4 and 3 in two elements: the OPD's governance score is (4 + 3) / 2 = 3.50, Sangat Baik.
	p.post("/save", url.Values{"d": {dim}, keys[0]: {"4"}, keys[1]: {"3"}})
	hidden := p.get("/form?d=" + dim)
	for _, leak := range []string{"3.50", "Sangat Baik", "Skor dimensi"} {
		if strings.Contains(hidden.body, leak) {
			t.Errorf("while hidden the phone shows %q", leak)
		}
	}
	rj := p.postJS("/save", url.Values{"d": {dim}, keys[2]: {"na"}})
	if strings.Contains(rj.body, "3.5") || strings.Contains(rj.body, "score") {
		t.Errorf("the save reply carries a score: %s", rj.body)
	}
	e.srv.SetRevealed(true)
	shown := p.get("/form?d=" + dim)
	if !strings.Contains(shown.body, "Skor dimensi ini untuk OPD Anda: 3.50 · Sangat Baik") {
		t.Errorf("revealed: the OPD's own score is not shown")
	}
}

func TestStaticFilesAreEmbedded(t *testing.T) {
	e := newRoomEnv(t)
	p := e.phone(t)
	for _, f := range []struct{ path, ctype, has string }{
		{"/static/app.js", "javascript", "fetch(\"/save\""},
		{"/static/app.css", "text/css", ".choice"},
	} {
		r := p.get(f.path)
		if r.status != 200 || !strings.Contains(r.header.Get("Content-Type"), f.ctype) || !strings.Contains(r.body, f.has) {
			t.Errorf("%s: %d %s", f.path, r.status, r.header.Get("Content-Type"))
		}
		if strings.Contains(r.body, "http://") || strings.Contains(r.body, "https://") {
			t.Errorf("%s refers to something outside the laptop", f.path)
		}
	}
}

// A code reissued elsewhere (the roster screen, through the open session)
// takes the OPD's phone off the panel at once: the phone that came with
// the old code is no longer shown as connected, nor its device.
func TestReissuedElsewhereIsNotConnected(t *testing.T) {
	e := newRoomEnv(t)
	p := e.phone(t)
	o := e.opds[0].ID
	p.join(o)
	status := func() OPDStatus {
		t.Helper()
		all, err := e.srv.Status(bg)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range all {
			if s.OPD.ID == o {
				return s
			}
		}
		t.Fatalf("OPD %d not in the status", o)
		return OPDStatus{}
	}
	if s := status(); !s.Connected || s.Device == "" {
		t.Fatalf("after joining: %+v", s)
	}
	if _, err := e.st.ReissueAccessCode(bg, e.sid, o, nil); err != nil {
		t.Fatal(err)
	}
	if s := status(); s.Connected || s.Device != "" || !s.LastSeen.IsZero() {
		t.Errorf("after a reissue elsewhere: %+v, want not connected", s)
	}
}

// TestARequestHoldsASlotButNotWhileItsSaveCommits: the phones' requests
// are worked on in a bounded number of slots (so 80 phones at once leave a
// core to the facilitator's screen), and a save gives its slot back while
// it waits for its commit, so the group commit still gathers every save.
func TestARequestHoldsASlotButNotWhileItsSaveCommits(t *testing.T) {
	e := newRoomEnv(t)
	if c := cap(e.srv.busy); c < 1 || c > max(1, runtime.GOMAXPROCS(0)-1) {
		t.Fatalf("%d slots for requests, want 1 to %d", c, max(1, runtime.GOMAXPROCS(0)-1))
	}
	p := e.phone(t)
	o := e.opds[1].ID
	p.join(o)
	dim, keys := e.dimKeys(1)
	var inRead, inSave []int
	e.owner.onRead = func() { inRead = append(inRead, len(e.srv.busy)) }
	e.owner.onSave = func() { inSave = append(inSave, len(e.srv.busy)) }
	if r := p.postJS("/save", url.Values{"d": {dim}, keys[0]: {"4"}}); r.status != http.StatusOK {
		t.Fatalf("save = %d %s", r.status, r.body)
	}
	if len(inRead) == 0 || len(inSave) != 1 {
		t.Fatalf("reads %v, saves %v: the save did not reach the owner", inRead, inSave)
	}
	for _, n := range inRead {
		if n != 1 {
			t.Errorf("%d slots taken while the request reads the session, want 1 (its own)", n)
		}
	}
	if inSave[0] != 0 {
		t.Errorf("%d slots taken while the save waits for its commit, want 0", inSave[0])
	}
	if len(e.srv.busy) != 0 {
		t.Errorf("%d slots still taken after the answer", len(e.srv.busy))
	}
}

// TestASlowPhoneHoldsNoSlot: a phone that sends its request's body slowly
// (a weak signal, or on purpose) waits alone: the others' saves go on,
// even with a single slot.
func TestASlowPhoneHoldsNoSlot(t *testing.T) {
	e := newRoomEnv(t)
	e.srv.busy = make(chan struct{}, 1)
	arrived := make(chan struct{}, 1)
	inner := e.http.Config.Handler
	e.http.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Slow") != "" {
			arrived <- struct{}{}
		}
		inner.ServeHTTP(w, r)
	})
	host := strings.TrimPrefix(e.http.URL, "http://")
	slow, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	// Headers and half of a body of 40 bytes, then nothing.
	fmt.Fprintf(slow, "POST /save HTTP/1.1\r\nHost: %s\r\nX-Slow: 1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 40\r\n\r\nd=x&", host)
	<-arrived
	p := e.phone(t)
	p.c.Timeout = time.Minute // a hung test, not a measurement
	o := e.opds[0].ID
	p.join(o)
	dim, keys := e.dimKeys(0)
	if r := p.postJS("/save", url.Values{"d": {dim}, keys[0]: {"2"}}); r.status != http.StatusOK {
		t.Fatalf("save beside a slow phone = %d %s", r.status, r.body)
	}
	if a, _ := e.stored(t, o, keys[0]); a.Level != 2 {
		t.Errorf("stored %+v", a)
	}
}
