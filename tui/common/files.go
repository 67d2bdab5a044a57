package common

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/bimtek/bimtek/workshop"
)

// CleanPath accepts a path as people paste it: surrounding spaces or
// quotes (Windows "Copy as path") and a leading ~ for the home folder.
func CleanPath(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if s == "~" || strings.HasPrefix(s, "~/") || strings.HasPrefix(s, `~\`) {
		if home, err := os.UserHomeDir(); err == nil {
			s = filepath.Join(home, s[1:])
		}
	}
	return s
}

// ProblemLines renders problems one a line as "baris 3: …" (the file is
// named once, around them).
func ProblemLines(ps []workshop.Problem, lang string) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		p.File = ""
		lines[i] = p.In(lang)
	}
	return strings.Join(lines, "\n")
}
