package store

import (
	"errors"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

func TestSetAnswerAndStateCommitsBoth(t *testing.T) {
	s, _ := openTemp(t)
	id, opds := newSession(t, s, "BAPPEDA")
	ev, err := s.SetAnswerAndState(bg, id, opds[0].ID, "governance.e1.i1", workshop.Answer{Level: 4}, []byte(`{"row":0,"col":1}`))
	if err != nil {
		t.Fatal(err)
	}
	if ev.ID == 0 || ev.New != (workshop.Answer{Level: 4}) {
		t.Errorf("event = %+v", ev)
	}
	d := mustLoad(t, s, id)
	if string(d.UIState) != `{"row":0,"col":1}` {
		t.Errorf("state = %s", d.UIState)
	}
	if len(d.Scores) != 1 || d.Scores[0].Answer.Level != 4 {
		t.Errorf("scores = %+v", d.Scores)
	}

	// A refused answer writes neither the score nor the state.
	_, err = s.SetAnswerAndState(bg, id, opds[0].ID, "governance.e1.i2", workshop.Answer{Level: 7}, []byte(`{"row":0,"col":2}`))
	if !errors.Is(err, ErrOutOfScale) {
		t.Fatalf("level 7: %v", err)
	}
	d = mustLoad(t, s, id)
	if string(d.UIState) != `{"row":0,"col":1}` || len(d.Scores) != 1 {
		t.Errorf("a refused answer changed the file: state %s, scores %+v", d.UIState, d.Scores)
	}
	// An unknown OPD rolls the state back too.
	if _, err := s.SetAnswerAndState(bg, id, 999, "governance.e1.i2", workshop.Answer{Level: 3}, []byte(`{"x":1}`)); !errors.Is(err, ErrNoOPD) {
		t.Fatalf("unknown OPD: %v", err)
	}
	if d = mustLoad(t, s, id); string(d.UIState) != `{"row":0,"col":1}` {
		t.Errorf("state written for an unknown OPD: %s", d.UIState)
	}
}
