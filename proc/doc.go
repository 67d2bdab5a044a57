// Package proc answers one question about this host's processes: is this
// pid running? The store asks it of a lock's holder and the exports of the
// writer of a leftover temporary folder; it has no other dependency, so
// both can use it without depending on each other.
package proc
