// Package assets holds what bimtek ships inside its binary: the built-in
// frameworks (frameworks/*.yaml), the preset list of OPDs (opds.csv) and
// the UI strings.
package assets

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/bimtek/bimtek/workshop"
)

//go:embed frameworks/*.yaml opds.csv
var files embed.FS

// frameworkKeys lists the built-in frameworks in the order they are
// offered; the first is the default.
var frameworkKeys = []string{"elemen", "pilar"}

// DefaultFramework is the framework a new session gets when none is named.
const DefaultFramework = "elemen"

// Frameworks returns the keys of the built-in frameworks in order.
func Frameworks() []string { return append([]string(nil), frameworkKeys...) }

// UnknownFrameworkError says a name is neither a built-in framework nor a
// framework file.
type UnknownFrameworkError struct{ Key string }

func (e *UnknownFrameworkError) Error() string {
	return fmt.Sprintf("there is no built-in framework %q — use %s, or give the path of a framework YAML file", e.Key, strings.Join(frameworkKeys, " or "))
}

func isBuiltIn(key string) bool {
	for _, k := range frameworkKeys {
		if k == key {
			return true
		}
	}
	return false
}

// FrameworkYAML returns the embedded YAML of a built-in framework.
func FrameworkYAML(key string) ([]byte, error) {
	if !isBuiltIn(key) {
		return nil, &UnknownFrameworkError{Key: key}
	}
	b, err := files.ReadFile("frameworks/" + key + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("read built-in framework %s: %w", key, err)
	}
	return b, nil
}

// Framework parses a built-in framework. Each call returns a fresh copy the
// caller may change.
func Framework(key string) (*workshop.Framework, error) {
	b, err := FrameworkYAML(key)
	if err != nil {
		return nil, err
	}
	return workshop.ParseFramework("frameworks/"+key+".yaml", b)
}

// LoadFramework returns the built-in framework named keyOrPath, or else
// reads and checks the framework file at that path. A bad file gives a
// *workshop.FrameworkError whose problems name the file and line.
func LoadFramework(keyOrPath string) (*workshop.Framework, error) {
	if isBuiltIn(keyOrPath) {
		return Framework(keyOrPath)
	}
	b, err := ReadInputFile(keyOrPath, workshop.MaxFrameworkBytes)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && looksLikeKey(keyOrPath) {
			return nil, &UnknownFrameworkError{Key: keyOrPath}
		}
		return nil, fmt.Errorf("read framework file %s: %w", keyOrPath, err)
	}
	return workshop.ParseFramework(keyOrPath, b)
}

// looksLikeKey is true for a bare word (no folder, no extension): a
// mistyped built-in name rather than a missing file.
func looksLikeKey(s string) bool {
	return !strings.ContainsAny(s, `/\`) && filepath.Ext(s) == ""
}

// OPDPreset is one typical OPD of a kota, offered as a preset roster.
type OPDPreset struct {
	Code string
	Name string
}

var presets = sync.OnceValue(func() []OPDPreset {
	b, err := files.ReadFile("opds.csv")
	if err == nil {
		var rows []workshop.OPDRow
		rows, err = workshop.ParseOPDCSV("opds.csv", b)
		if err == nil {
			out := make([]OPDPreset, len(rows))
			for i, r := range rows {
				out[i] = OPDPreset{Code: r.Code, Name: r.Name}
			}
			return out
		}
	}
	// The embedded list is checked by TestPresetOPDs; this cannot happen
	// in a tested build.
	panic(fmt.Sprintf("assets: embedded opds.csv is broken: %v", err))
})

// PresetOPDs returns the typical OPDs of a kota (Bappeda, Diskominfo,
// Dinas Kesehatan, ...) in roster order. The slice is the caller's.
func PresetOPDs() []OPDPreset { return append([]OPDPreset(nil), presets()...) }

// ReadInputFile reads a file a user names (a framework, an OPD list, a
// scores file), at most limit+1 bytes of it: a file past its limit is
// refused by its parser from that much, without reading a huge or endless
// file whole.
func ReadInputFile(path string, limit int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	return b, nil
}
