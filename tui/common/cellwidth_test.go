package common

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestCellFit(t *testing.T) {
	cases := []struct {
		in   string
		w    int
		want string
	}{
		{"Dinas", 8, "Dinas   "},
		{"Dinas Kesehatan", 8, "Dinas K…"},
		{"数据局 日惹市", 8, "数据局 …"},
		{"ꦧꦥ꧀ꦥꦼꦢ", 10, "ꦧꦥ꧀ꦥꦼꦢ     "}, // 3 graphemes wide, 5 by wcwidth
		{"", 3, "   "},
		{"abc", 0, ""},
	}
	for _, c := range cases {
		got := FitCell(c.in, c.w)
		if got != c.want {
			t.Errorf("FitCell(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
		if c.w > 0 && (ansi.StringWidth(got) > c.w || ansi.StringWidthWc(got) > c.w || max(ansi.StringWidth(got), ansi.StringWidthWc(got)) != c.w) {
			t.Errorf("FitCell(%q, %d) = %q: widths %d/%d", c.in, c.w, got, ansi.StringWidth(got), ansi.StringWidthWc(got))
		}
	}
}

func TestTableLine(t *testing.T) {
	cells := []TableCell{{Text: "Dinas Kesehatan", Width: 8}, {Text: "3.50", Width: 6, Right: true}}
	cases := []struct {
		selected bool
		w        int
		want     string
	}{
		{false, 80, "  Dinas K…    3.50"},
		{true, 80, "▶ Dinas K…    3.50"},
		{true, 12, "▶ Dinas K… …"},
	}
	for _, c := range cases {
		if got := TableLine(c.selected, cells, c.w); got != c.want {
			t.Errorf("TableLine(%v, w=%d) = %q, want %q", c.selected, c.w, got, c.want)
		}
	}
}

func TestCenterCell(t *testing.T) {
	cases := []struct {
		in   string
		w    int
		want string
	}{
		{"3.50", 8, "  3.50  "},
		{"—", 4, " —  "},
		{"10.00", 4, "10.…"},
		{"数据", 7, " 数据  "},
		{"abc", 0, ""},
	}
	for _, c := range cases {
		if got := CenterCell(c.in, c.w); got != c.want {
			t.Errorf("CenterCell(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}
