package room

import (
	"bytes"
	"embed"
	"encoding/csv"
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/report"
	"github.com/bimtek/bimtek/workshop"
)

//go:embed web/cards/cards.html
var cardFiles embed.FS

var cardPage = template.Must(template.ParseFS(cardFiles, "web/cards/cards.html"))

// CardURL is the address an OPD's card sends its phone to: the form's
// join page with the code filled in (the phone still taps "Masuk").
func CardURL(base, code string) string {
	return strings.TrimRight(base, "/") + "/?" + url.Values{"code": {code}}.Encode()
}

type cardsData struct {
	Lang, Title, Intro, City, CodeLabel, Base string
	Steps                                     []string
	Cards                                     []card
}

type card struct {
	Name, OPDCode, Code, URL string
	QR                       template.HTML
}

// Cards builds cards.html (printable on A4, one card per OPD with its name,
// access code, URL and QR as inline SVG) and codes.csv (opd_code, opd_name,
// access_code, url) for the session's OPDs and their codes, with the form
// at base ("http://192.168.1.10:8080/").
func Cards(d *workshop.Data, codes []workshop.AccessCode, base, lang string) (cardsHTML, codesCSV []byte, err error) {
	t := func(k string, a ...any) string { return assets.T(lang, k, a...) }
	base = strings.TrimRight(base, "/") + "/"
	byOPD := make(map[int64]string, len(codes))
	for _, c := range codes {
		byOPD[c.OPDID] = c.Code
	}
	page := cardsData{Lang: lang, Title: t("room.cards.title", d.Session.City, d.Session.Stage), Intro: t("room.cards.intro"),
		City: t("room.cards.city", d.Session.City, d.Session.Stage), CodeLabel: t("room.cards.code"), Base: base,
		Steps: []string{t("room.cards.step1"), t("room.cards.step2", strings.TrimRight(base, "/")), t("room.cards.step3")}}
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	w.UseCRLF = true
	_ = w.Write([]string{"opd_code", "opd_name", "access_code", "url"})
	for _, o := range d.OPDs {
		code, ok := byOPD[o.ID]
		if !ok {
			return nil, nil, fmt.Errorf("the access cards of session %d: OPD %s has no code", d.Session.ID, o.Code)
		}
		link := CardURL(base, code)
		q, err := NewQR(link)
		if err != nil {
			return nil, nil, err
		}
		page.Cards = append(page.Cards, card{Name: o.Name, OPDCode: o.Code, Code: workshop.FormatAccessCode(code), URL: link,
			QR: template.HTML(q.SVG(160))}) // the SVG is built from modules only: no outside text in it
		_ = w.Write([]string{report.TextCell(o.Code), report.TextCell(o.Name), workshop.FormatAccessCode(code), link})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, nil, fmt.Errorf("the access cards of session %d: %w", d.Session.ID, err)
	}
	var html bytes.Buffer
	if err := cardPage.Execute(&html, page); err != nil {
		return nil, nil, fmt.Errorf("the access cards of session %d: %w", d.Session.ID, err)
	}
	return html.Bytes(), out.Bytes(), nil
}

// WriteCards writes cards.html and codes.csv into dir, both or neither.
func WriteCards(dir string, d *workshop.Data, codes []workshop.AccessCode, base, lang string) ([]string, error) {
	h, c, err := Cards(d, codes, base, lang)
	if err != nil {
		return nil, err
	}
	return report.WriteFiles(dir, []report.File{{Name: "cards.html", Data: h}, {Name: "codes.csv", Data: c}})
}
