package common

import (
	"hash/fnv"
	"math"
	"strings"

	"github.com/bimtek/bimtek/workshop"
	"github.com/charmbracelet/x/ansi"
)

// Pieces the scoreboard and the gaps screen share.

// BoardFingerprint hashes every number the scoreboard and the gaps screen
// show, so a frame is rebuilt only when one of them changed (a score typed
// on the grid, an undo, a roster or target change). It reads the Board's
// cached results: a few hundred numbers, no scoring.
func BoardFingerprint(s *Sess) uint64 {
	h := fnv.New64a()
	var buf [8]byte
	put := func(v float64) {
		u := math.Float64bits(v)
		for i := range buf {
			buf[i] = byte(u >> (8 * i))
		}
		h.Write(buf[:])
	}
	f := s.F()
	b := s.Board
	c := b.City()
	put(float64(c.Overall.Done))
	put(float64(c.Overall.Possible))
	put(c.Index.Value)
	for _, d := range f.Dimensions {
		st := c.Dimensions[d.Key]
		put(st.Mean)
		put(st.Stdev)
		put(float64(st.N))
		put(b.Target(d.Key))
		for _, e := range d.Elements {
			es := c.Elements[e.Key]
			put(es.Mean)
			put(es.Stdev)
			put(es.Min)
			put(es.Max)
			put(float64(es.N))
		}
	}
	for _, o := range b.InScope() {
		h.Write([]byte(o.Code))
		h.Write([]byte{0})
		h.Write([]byte(o.Name))
		h.Write([]byte{0})
		r := b.OPDResult(o.ID)
		put(r.Overall.Value)
		for _, d := range f.Dimensions {
			put(r.Dimensions[d.Key].Value)
			put(float64(r.Done[d.Key]))
		}
	}
	return h.Sum64()
}

// DimShort is a dimension's short name: "Smart Governance" -> "Governance".
func DimShort(s *Sess, d workshop.Dimension) string {
	n := strings.TrimSpace(s.Name(d.Name))
	if len(n) > 6 && strings.EqualFold(n[:6], "smart ") {
		return strings.TrimSpace(n[6:])
	}
	return n
}

// hiddenPanel replaces every result while the facilitator keeps them
// hidden; the progress of the answers still shows.
// HiddenNotice is the boxed "results hidden" message every screen shows
// in place of its results while they are hidden.
func HiddenNotice(s *Sess, w int) []string {
	st := s.Styles
	msgW := min(w-2, max(ansi.StringWidth(s.T("board.hidden_body")), ansi.StringWidth(s.T("board.hidden_title")))+4)
	return strings.Split(st.Box.BorderForeground(st.P.Warn).Width(msgW).Render(
		st.Warn.Render(s.T("board.hidden_title"))+"\n"+st.Bold.Render(s.T("board.hidden_body"))), "\n")
}

// JoinBlocks puts two panels side by side (left padded to lw, right to rw) with
// a separator, for h rows.
func JoinBlocks(left []string, lw int, right []string, rw int, sep string, h int, st *Styles) []string {
	h = max(h, 0) // a panel taller than the window leaves no room below it
	out := make([]string, 0, h)
	for i := range h {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out = append(out, FitCell(l, lw)+st.Muted.Render(sep)+FitCell(r, rw))
	}
	return out
}

// FrameLines fits lines into w x h: each truncated to w, at most h lines.
func FrameLines(lines []string, w, h int) []string {
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	return lines
}
