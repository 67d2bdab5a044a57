package live

import (
	"context"
	"io"

	"github.com/bimtek/bimtek/workshop"
)

// Room mode's access codes of the open session: the codes live in the
// session's file beside its scores, and room mode asks for them through
// the session (never the store), so no screen needs the store.

// AccessCodes returns the codes issued in the session, in roster order.
func (s *Session) AccessCodes(ctx context.Context) ([]workshop.AccessCode, error) {
	return s.st.AccessCodes(ctx, s.id)
}

// EnsureAccessCodes gives every OPD that has none a code (drawn from
// random, crypto/rand when nil) and returns all of them in roster order;
// codes already issued stay, so printed cards keep working.
func (s *Session) EnsureAccessCodes(ctx context.Context, random io.Reader) ([]workshop.AccessCode, error) {
	var out []workshop.AccessCode
	err := s.codeWrite(func() error {
		var err error
		out, err = s.st.EnsureAccessCodes(ctx, s.id, random)
		return err
	})
	return out, err
}

// AccessCodeOPD returns the code (as typed) and the OPD it opens, or
// workshop.ErrNoAccessCode.
func (s *Session) AccessCodeOPD(ctx context.Context, code string) (workshop.AccessCode, error) {
	return s.st.AccessCodeOPD(ctx, s.id, code)
}

// ReissueAccessCode gives the OPD a new code: its old card and its phone's
// cookie stop working at once.
func (s *Session) ReissueAccessCode(ctx context.Context, opdID int64, random io.Reader) (string, error) {
	var code string
	err := s.codeWrite(func() error {
		var err error
		code, err = s.st.ReissueAccessCode(ctx, s.id, opdID, random)
		return err
	})
	return code, err
}

// SetSubmitted marks that the OPD sent its answers (on) or reopens its
// form (off).
func (s *Session) SetSubmitted(ctx context.Context, opdID int64, on bool) error {
	return s.codeWrite(func() error { return s.st.SetSubmitted(ctx, s.id, opdID, on) })
}

// codeWrite runs a write of the access codes on the session's one path:
// refused when the session is closed, read-only or lost its lock.
func (s *Session) codeWrite(write func() error) error {
	s.lockWrite()
	defer s.wmu.Unlock()
	if err := s.writable(); err != nil {
		return err
	}
	return s.failed(write())
}
