package i18n

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLeaf: the catalogue imports nothing of bimtek (only the standard
// library and golang.org/x/text), so every package, the domain included,
// can say its sentences through it without an import cycle.
func TestLeaf(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, im := range af.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			if strings.Contains(p, ".") && !strings.HasPrefix(p, "golang.org/x/text/") {
				t.Errorf("%s imports %s", f, p)
			}
		}
	}
}
