package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

// TestPageEscapesUserText: every text a user typed reaches the page
// escaped, and the page loads nothing and runs nothing.
func TestPageEscapesUserText(t *testing.T) {
	d := testData()
	d.Session.City = `<script>alert("kota")</script>`
	d.Session.Venue = `Aula "Utama" & <b>Lantai 2</b>`
	d.Session.Facilitator = `<img src=x onerror=alert(1)>`
	d.OPDs[0].Code = `<i>KOMINFO</i>`
	d.OPDs[0].Name = `Dinas "Kominfo" <u>`
	p, err := WritePack(t.TempDir(), d, "id")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(p.HTML)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, raw := range []string{"<script", "<img", "<i>KOMINFO", "<b>Lantai", "<u>"} {
		if strings.Contains(page, raw) {
			t.Errorf("the page holds %q unescaped", raw)
		}
	}
	for _, esc := range []string{
		"&lt;script&gt;alert(&#34;kota&#34;)&lt;/script&gt;",
		"Aula &#34;Utama&#34; &amp; &lt;b&gt;Lantai 2&lt;/b&gt;",
		"&lt;i&gt;KOMINFO&lt;/i&gt;",
	} {
		if !strings.Contains(page, esc) {
			t.Errorf("the page does not show %q", esc)
		}
	}
	// Self-contained: no outside file, no script (checked on a session
	// whose texts are plain, so a user's text cannot hide a match).
	p, err = WritePack(t.TempDir(), testData(), "en")
	if err != nil {
		t.Fatal(err)
	}
	if b, err = os.ReadFile(p.HTML); err != nil {
		t.Fatal(err)
	}
	page = string(b)
	for _, re := range []string{`(?i)<script`, `(?i)<link`, `(?i)\ssrc=`, `(?i)https?://`, `(?i)url\((?:'|")?[^#)]`, `(?i)@import`, `(?i)\son[a-z]+=`} {
		if regexp.MustCompile(re).MatchString(page) {
			t.Errorf("the page matches %s: it must load and run nothing", re)
		}
	}
}

// TestPagePrintsOnA4 renders the page with headless chromium to PDF and
// checks it is one A4 page (two at most) for the fixture, an empty session
// and the 80-OPD scale session, in both languages. Without chromium it is
// skipped with the reason; .ci/run installs chromium.
func TestPagePrintsOnA4(t *testing.T) {
	chromium := "/usr/bin/chromium"
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("no /usr/bin/chromium to print the page with (.ci/run installs it: apt-get install chromium)")
	}
	cases := []struct {
		name     string
		data     *workshop.Data
		maxPages int
		lang     string
	}{
		// Each print takes seconds: one language each, both covered.
		{"fixture", testData(), 1, "en"},
		{"empty", emptyData(), 1, "id"},
		{"scale", scaleData(), 1, "id"},
	}
	for _, tc := range cases {
		t.Run(tc.name+"-"+tc.lang, func(t *testing.T) {
			p, err := WritePack(t.TempDir(), tc.data, tc.lang)
			if err != nil {
				t.Fatal(err)
			}
			pdf := filepath.Join(t.TempDir(), "page.pdf")
			printPDF(t, chromium, p.HTML, pdf)
			pages, size := pdfPages(t, pdf)
			if pages < 1 || pages > tc.maxPages {
				t.Errorf("the page prints on %d pages, want %d at most", pages, tc.maxPages)
			}
			if !isA4(size) {
				t.Errorf("page size %v pt, want A4 (595 x 842)", size)
			}
		})
	}
}

// printPDF prints html to pdf with headless chromium, as a person would
// with the browser's print dialog (no header and footer lines).
func printPDF(t *testing.T, chromium, html, pdf string) {
	t.Helper()
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+html)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
}

// pdfPages counts a PDF's pages and reads the first page's size: with
// pdfinfo when it is installed, else from the file's /Type /Page objects and
// /MediaBox.
func pdfPages(t *testing.T, pdf string) (int, [2]float64) {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		out, err := exec.Command("pdfinfo", pdf).Output()
		if err != nil {
			t.Fatalf("pdfinfo: %v", err)
		}
		pages := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
		size := regexp.MustCompile(`(?m)^Page size:\s+([\d.]+) x ([\d.]+)`).FindSubmatch(out)
		if pages == nil || size == nil {
			t.Fatalf("pdfinfo said:\n%s", out)
		}
		n, _ := strconv.Atoi(string(pages[1]))
		w, _ := strconv.ParseFloat(string(size[1]), 64)
		h, _ := strconv.ParseFloat(string(size[2]), 64)
		return n, [2]float64{w, h}
	}
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	n := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(b, -1))
	box := regexp.MustCompile(`/MediaBox\s*\[\s*[\d.]+\s+[\d.]+\s+([\d.]+)\s+([\d.]+)\s*\]`).FindSubmatch(b)
	if box == nil {
		t.Fatalf("no /MediaBox in %s", pdf)
	}
	w, _ := strconv.ParseFloat(string(box[1]), 64)
	h, _ := strconv.ParseFloat(string(box[2]), 64)
	if !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("%s is not a PDF", pdf)
	}
	return n, [2]float64{w, h}
}

// isA4 accepts 595 x 842 pt give or take the 1 pt chromium rounds by.
func isA4(size [2]float64) bool {
	near := func(a, b float64) bool { return a > b-2 && a < b+2 }
	return near(size[0], 595.3) && near(size[1], 841.9)
}

// The page says a gap as the screens do (the gaps screen's TestGapText):
// the arrow down and the distance below the target, the arrow up and the
// tick at or above it, never a bare "+0.38" beside the words "below
// target". Worked out by hand: 0.375 rounds half away from zero to 0.38,
// -0.004 to 0.00. Its spaces are no-break spaces (the arrow stays with
// its number in a narrow box).
func TestPageGapText(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0.375, "▼\u00a00.38"}, {0.005, "▼\u00a00.01"}, {1.42, "▼\u00a01.42"},
		{-0.2, "▲\u00a00.20\u00a0✔"}, {-1.5, "▲\u00a01.50\u00a0✔"},
		{0, "0.00\u00a0✔"}, {-0.004, "0.00\u00a0✔"}, {0.004, "0.00\u00a0✔"},
	} {
		if got := gapText(c.v); got != c.want {
			t.Errorf("gapText(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}
