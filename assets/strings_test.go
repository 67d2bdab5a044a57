package assets

import (
	"strings"
	"testing"
)

func TestCatalogue(t *testing.T) {
	if len(duplicates) > 0 {
		t.Fatalf("keys registered twice: %v", duplicates)
	}
	for _, k := range Keys() {
		m, _ := Lookup(k)
		if strings.TrimSpace(m.ID) == "" || strings.TrimSpace(m.EN) == "" {
			t.Errorf("%s: both Indonesian and English are needed: %+v", k, m)
		}
		if strings.Count(m.ID, "%") != strings.Count(m.EN, "%") {
			t.Errorf("%s: the two languages take different arguments: %q vs %q", k, m.ID, m.EN)
		}
	}
	if T("en", "no.such.key") != "no.such.key" {
		t.Errorf("a missing key must show itself")
	}
}
