package store

import (
	"bytes"
	"errors"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

func TestEnsureAccessCodesGivesEachOPDOneAndKeepsThem(t *testing.T) {
	s, path := openTemp(t)
	id, opds := newSession(t, s, "BAPPEDA", "DISKOMINFO", "DLH")
	codes, err := s.EnsureAccessCodes(bg, id, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) != 3 {
		t.Fatalf("got %d codes for 3 OPDs", len(codes))
	}
	seen := map[string]bool{}
	for i, c := range codes {
		if c.OPDID != opds[i].ID {
			t.Errorf("code %d is for OPD %d, want %d (roster order)", i, c.OPDID, opds[i].ID)
		}
		if _, ok := workshop.NormalizeAccessCode(c.Code); !ok || seen[c.Code] {
			t.Errorf("code %q is not a fresh valid code", c.Code)
		}
		seen[c.Code] = true
	}
	// A new OPD gets a code; the old ones stay, also after a reopen.
	added, err := s.AddOPD(bg, id, OPDInput{Code: "RSUD", Name: "RSUD Kota"})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	again, err := s2.EnsureAccessCodes(bg, id, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 4 || again[3].OPDID != added.ID {
		t.Fatalf("after adding RSUD: %+v", again)
	}
	for i := range codes {
		if again[i].Code != codes[i].Code {
			t.Errorf("OPD %d: code changed from %s to %s", codes[i].OPDID, codes[i].Code, again[i].Code)
		}
	}
	got, err := s2.AccessCodeOPD(bg, id, " "+workshop.FormatAccessCode(codes[1].Code)+" ")
	if err != nil || got.OPDID != opds[1].ID {
		t.Errorf("AccessCodeOPD(%s) = %+v, %v; want OPD %d", codes[1].Code, got, err, opds[1].ID)
	}
	// A read-only store, which prepares no statements, reads it too.
	ro, err := OpenReadOnly(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if got, err := ro.AccessCodeOPD(bg, id, codes[2].Code); err != nil || got.OPDID != opds[2].ID {
		t.Errorf("read-only AccessCodeOPD(%s) = %+v, %v; want OPD %d", codes[2].Code, got, err, opds[2].ID)
	}
	if _, err := ro.AccessCodeOPD(bg, id, "AAAAAA"); !errors.Is(err, ErrNoAccessCode) {
		t.Errorf("read-only AccessCodeOPD(AAAAAA) = %v, want ErrNoAccessCode", err)
	}
}

func TestAccessCodeRefusals(t *testing.T) {
	s, _ := openTemp(t)
	id, opds := newSession(t, s, "BAPPEDA", "DISKOMINFO")
	other, _ := newSession(t, s, "BAPPEDA")
	codes, err := s.EnsureAccessCodes(bg, id, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"", "AAAAAA", "not a code", codes[0].Code + "3"} {
		if _, err := s.AccessCodeOPD(bg, id, bad); !errors.Is(err, ErrNoAccessCode) {
			t.Errorf("AccessCodeOPD(%q) = %v, want ErrNoAccessCode", bad, err)
		}
	}
	// A code of one session opens nothing in another.
	if _, err := s.AccessCodeOPD(bg, other, codes[0].Code); !errors.Is(err, ErrNoAccessCode) {
		t.Errorf("session %d's code opened session %d: %v", id, other, err)
	}
	if _, err := s.ReissueAccessCode(bg, id, 9999, nil); !errors.Is(err, ErrNoOPD) {
		t.Errorf("reissue for a missing OPD: %v", err)
	}
	if err := s.SetSubmitted(bg, other, opds[0].ID, true); !errors.Is(err, ErrNoOPD) {
		t.Errorf("sent mark on another session's OPD: %v", err)
	}
}

func TestReissueAccessCodeRetiresTheOldOne(t *testing.T) {
	s, _ := openTemp(t)
	id, opds := newSession(t, s, "BAPPEDA", "DISKOMINFO")
	// The first draw for the reissue repeats DISKOMINFO's code: it must be
	// drawn again, never shared.
	first := bytes.Repeat([]byte{0}, 16)  // "333333" for BAPPEDA
	second := bytes.Repeat([]byte{1}, 16) // "444444" for DISKOMINFO
	codes, err := s.EnsureAccessCodes(bg, id, bytes.NewReader(append(first, second...)))
	if err != nil {
		t.Fatal(err)
	}
	if codes[0].Code != "333333" || codes[1].Code != "444444" {
		t.Fatalf("codes = %+v", codes)
	}
	src := append(bytes.Repeat([]byte{1}, 16), bytes.Repeat([]byte{2}, 16)...) // "444444" taken, then "777777"
	code, err := s.ReissueAccessCode(bg, id, opds[0].ID, bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if code != "777777" {
		t.Errorf("reissued %q, want 777777 (444444 belongs to DISKOMINFO)", code)
	}
	if _, err := s.AccessCodeOPD(bg, id, "333333"); !errors.Is(err, ErrNoAccessCode) {
		t.Errorf("the old code still opens the form: %v", err)
	}
	if c, err := s.AccessCodeOPD(bg, id, "777777"); err != nil || c.OPDID != opds[0].ID {
		t.Errorf("the new code: %+v, %v", c, err)
	}
}

func TestSetSubmittedAndReopen(t *testing.T) {
	s, _ := openTemp(t)
	id, opds := newSession(t, s, "BAPPEDA")
	codes, err := s.EnsureAccessCodes(bg, id, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetSubmitted(bg, id, opds[0].ID, true); err != nil {
		t.Fatal(err)
	}
	c, err := s.AccessCodeOPD(bg, id, codes[0].Code)
	if err != nil || c.Submitted.IsZero() {
		t.Fatalf("after Kirim: %+v, %v", c, err)
	}
	if err := s.SetSubmitted(bg, id, opds[0].ID, false); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.AccessCodeOPD(bg, id, codes[0].Code); !c.Submitted.IsZero() {
		t.Errorf("reopened OPD still marked sent: %+v", c)
	}
	// Removing the OPD removes its code.
	if err := s.RemoveOPD(bg, id, opds[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AccessCodeOPD(bg, id, codes[0].Code); !errors.Is(err, ErrNoAccessCode) {
		t.Errorf("a removed OPD's code still opens a form: %v", err)
	}
}
