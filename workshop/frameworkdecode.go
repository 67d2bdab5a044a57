package workshop

// The decoder of a framework file: YAML parsed to its AST and turned into
// the types of framework.go field by field, keeping every path's line so
// that the validator (frameworkcheck.go) can say where a problem is.

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bimtek/bimtek/i18n"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// maxItems bounds the list entries a file may expand to (aliases can
// repeat a list many times over).
const maxItems = 20000

// ParseFramework reads a framework file (YAML, the schema of Framework)
// and checks it. name is used in the problems (usually the file path). On
// any problem it returns a *FrameworkError listing all of them with their
// lines, and no framework.
func ParseFramework(name string, data []byte) (*Framework, error) {
	c := newChecker(name, true)
	fail := func() (*Framework, error) { return nil, &FrameworkError{Problems: c.sorted()} }
	// Size and nesting first: the YAML parser's memory grows far faster
	// than the file (100 KB of nested [ took 16 GB).
	if len(data) > MaxFrameworkBytes {
		c.add(0, "fw.file_more_than_framework_can", SizeText(len(data)), SizeText(MaxFrameworkBytes))
		return fail()
	}
	if line, flow, ok := nestingWithin(data); !ok {
		if flow {
			c.add(line, "fw.brackets_or_nest_more_than", maxFlowNesting)
		} else {
			c.add(line, "fw.line_indented_more_than_columns", maxIndentColumns)
		}
		return fail()
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		c.add(invalidUTF8Line(data), "fw.file_not_valid_utf_8")
		return fail()
	}
	if len(bytes.TrimSpace(data)) == 0 {
		c.add(0, "fw.file_empty")
		return fail()
	}
	file, err := parser.ParseBytes(data, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		line, msg := 0, err.Error()
		var ye yaml.Error
		if errors.As(err, &ye) {
			msg = ye.GetMessage()
			if tk := ye.GetToken(); tk != nil && tk.Position != nil {
				line = tk.Position.Line
			}
		}
		msg = Visible(msg)
		c.add(line, "fw.yaml_syntax_error", msg)
		return fail()
	}
	var body ast.Node
	for _, doc := range file.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if body != nil {
			c.add(nodeLine(doc.Body), "fw.file_holds_second_yaml_document")
			break
		}
		body = doc.Body
	}
	if body == nil {
		c.add(0, "fw.file_no_content_only_comments")
		return fail()
	}
	d := &decoder{c: c, anchors: ast.Filter(ast.AnchorType, body)}
	f := d.framework(body)
	c.check(f)
	if len(c.probs) > 0 {
		return fail()
	}
	return f, nil
}

// nestingWithin reports whether data nests within the bounds the parser is
// given: brackets [ { (counted everywhere, quotes and comments included: a
// few extra are harmless, and no quote can hide a real one) and the
// indentation of block lines. When it does not, line is where the bound
// was passed and flow tells which bound.
func nestingWithin(data []byte) (line int, flow, ok bool) {
	depth, col, lineStart := 0, 0, true
	line = 1
	for _, b := range data {
		switch b {
		case '\n':
			line++
			col, lineStart = 0, true
			continue
		case '[', '{':
			depth++
			if depth > maxFlowNesting {
				return line, true, false
			}
		case ']', '}':
			depth = max(0, depth-1)
		}
		if lineStart {
			if b == ' ' || b == '-' {
				col++
				if col > maxIndentColumns {
					return line, false, false
				}
				continue
			}
			lineStart = false
		}
	}
	return 0, false, true
}

// MarshalFramework writes f as YAML in the schema ParseFramework reads.
func MarshalFramework(f *Framework) ([]byte, error) {
	out, err := yaml.MarshalWithOptions(f, yaml.IndentSequence(true), yaml.UseLiteralStyleIfMultiline(true))
	if err != nil {
		return nil, fmt.Errorf("write framework %q as YAML: %w", f.Key, err)
	}
	return out, nil
}

func invalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

func nodeLine(n ast.Node) int {
	if n == nil {
		return 0
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line
	}
	return 0
}

// decoder builds a Framework from the YAML tree, reporting every unknown
// field, repeated key and wrongly typed value with its line.
type decoder struct {
	c       *checker
	anchors []ast.Node
	items   int
	tooBig  bool
}

// Field lists per mapping: the schema of framework.go.
var (
	frameworkFields = []string{"key", "name", "description", "scale", "bands", "dimensions", "agenda"}
	textFields      = []string{"id", "en"}
	levelFields     = []string{"value", "label", "description"}
	bandFields      = []string{"min", "predikat"}
	dimensionFields = []string{"key", "name", "description", "weight", "target", "elements"}
	elementFields   = []string{"key", "name", "description", "weight", "indicators"}
	indicatorFields = []string{"key", "name", "description", "weight"}
	phaseFields     = []string{"key", "kind", "name", "minutes"}
)

// resolve strips anchors, tags and aliases; nil means null or absent.
func (d *decoder) resolve(n ast.Node) ast.Node {
	for range 16 {
		switch v := n.(type) {
		case nil, *ast.NullNode:
			return nil
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		case *ast.MappingKeyNode:
			n = v.Value
		case *ast.AliasNode:
			target := d.anchor(v)
			if target == nil {
				d.c.add(nodeLine(v), "fw.alias_refers_no_anchor", aliasName(v), aliasName(v))
				return nil
			}
			n = target
		default:
			return n
		}
	}
	return nil
}

func aliasName(a *ast.AliasNode) string {
	if a.Value == nil {
		return ""
	}
	return a.Value.GetToken().Value
}

// anchor finds the last anchor of the alias's name defined before it.
func (d *decoder) anchor(a *ast.AliasNode) ast.Node {
	name := aliasName(a)
	pos := a.GetToken().Position.Offset
	var found ast.Node
	for _, n := range d.anchors {
		an, ok := n.(*ast.AnchorNode)
		if !ok || an.Name == nil || an.Name.GetToken().Value != name {
			continue
		}
		if an.GetToken().Position.Offset < pos {
			found = an.Value
		}
	}
	return found
}

func keyText(k ast.Node) string {
	for range 4 {
		switch v := k.(type) {
		case *ast.MappingKeyNode:
			k = v.Value
		case *ast.TagNode:
			k = v.Value
		case *ast.AnchorNode:
			k = v.Value
		case *ast.StringNode:
			return v.Value
		case nil:
			return ""
		default:
			if tk := k.GetToken(); tk != nil {
				return tk.Value
			}
			return k.String()
		}
	}
	return k.String()
}

// field is one mapping entry: the line of its key and its value.
type field struct {
	line int
	val  ast.Node
}

// fields is a decoded mapping at a path.
type fields struct {
	d    *decoder
	path string
	what any
	m    map[string]field
}

// mapping reads n as a mapping of the known fields, reporting unknown and
// repeated keys. ok is false (and the path is marked broken) when n is not
// a mapping.
func (d *decoder) mapping(n ast.Node, path string, what any, known []string) (fields, bool) {
	fs := fields{d: d, path: path, what: what, m: map[string]field{}}
	r := d.resolve(n)
	mn, isMap := r.(*ast.MappingNode)
	if !isMap {
		d.c.broken[path] = true
		d.c.add(nodeLine(n), "fw.must_mapping", what, strings.Join(known, ", "))
		return fs, false
	}
	if path != "" { // the top level: a missing top field is about the whole file
		d.c.lines[path] = nodeLine(mn)
		if len(mn.Values) > 0 {
			d.c.lines[path] = nodeLine(mn.Values[0].Key)
		}
	}
	d.collect(mn, &fs, what, known, map[string]int{}, 0)
	return fs, true
}

func (d *decoder) collect(mn *ast.MappingNode, fs *fields, what any, known []string, seen map[string]int, depth int) {
	var merges []*ast.MappingValueNode
	for _, mv := range mn.Values {
		if mv.Key == nil {
			continue
		}
		if mv.Key.IsMergeKey() {
			merges = append(merges, mv)
			continue
		}
		name := keyText(mv.Key)
		line := nodeLine(mv.Key)
		if prev, dup := seen[name]; dup {
			if depth == 0 {
				d.c.add(line, "fw.field_appears_twice_first_line", what, name, prev)
			}
			continue
		}
		seen[name] = line
		if !contains(known, name) {
			if s := closest(name, known); s != "" {
				d.c.add(line, "fw.unknown_field", what, name, s)
			} else {
				d.c.add(line, "fw.unknown_field_2", what, name, strings.Join(known, ", "))
			}
			continue
		}
		fs.m[name] = field{line: line, val: mv.Value}
		d.c.lines[join(fs.path, name)] = line
	}
	// Merged keys (<<: *anchor) fill in what the mapping did not write.
	for _, mv := range merges {
		if depth > 8 {
			d.c.add(nodeLine(mv.Key), "fw.merge_keys_nest_too_deep", what)
			return
		}
		src := d.resolve(mv.Value)
		var maps []*ast.MappingNode
		switch v := src.(type) {
		case *ast.MappingNode:
			maps = append(maps, v)
		case *ast.SequenceNode:
			for _, x := range v.Values {
				if m, ok := d.resolve(x).(*ast.MappingNode); ok {
					maps = append(maps, m)
				}
			}
		}
		if len(maps) == 0 {
			d.c.add(nodeLine(mv.Key), "fw.merge_key_must_refer_mapping", what)
			continue
		}
		for _, m := range maps {
			d.collect(m, fs, what, known, seen, depth+1)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// closest suggests a known field within two edits of name.
func closest(name string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if dd := editDistance(strings.ToLower(name), k); dd < bestD {
			best, bestD = k, dd
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// named lets later messages about this mapping name it by its key.
func (fs *fields) named(kind, key string) {
	if key != "" {
		fs.what = i18n.M(kind, key)
	}
}

// get returns the resolved value of a field and records that it was
// written; nil when absent or null.
func (fs fields) get(name string) (ast.Node, int) {
	f, ok := fs.m[name]
	if !ok {
		return nil, 0
	}
	v := fs.d.resolve(f.val)
	if v != nil {
		fs.d.c.written[join(fs.path, name)] = true
	}
	return v, f.line
}

func (fs fields) bad(name string, line int, code string, args ...any) {
	fs.d.c.broken[join(fs.path, name)] = true
	fs.d.c.add(line, code, args...)
}

// scalarText is the text of a scalar node.
func scalarText(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		if v.Value == nil {
			return "", true
		}
		return v.Value.Value, true
	case *ast.MappingNode, *ast.SequenceNode:
		return "", false
	default:
		if tk := n.GetToken(); tk != nil {
			return tk.Value, true
		}
		return "", false
	}
}

func (fs fields) str(name string) string {
	v, line := fs.get(name)
	if v == nil {
		return ""
	}
	s, ok := scalarText(v)
	if !ok {
		fs.bad(name, line, "fw.must_text_not_list_or", fs.what, name)
		return ""
	}
	return strings.TrimSpace(s)
}

// text reads a Text mapping {id, en}; a plain string is taken as the
// Indonesian text.
func (fs fields) text(name string) Text {
	v, _ := fs.get(name)
	if v == nil {
		return Text{}
	}
	if s, ok := scalarText(v); ok {
		return Text{ID: strings.TrimSpace(s)}
	}
	p := join(fs.path, name)
	sub, ok := fs.d.mapping(v, p, i18n.M("fw.field_problem", fs.what, name), textFields)
	if !ok {
		return Text{}
	}
	return Text{ID: sub.str("id"), EN: sub.str("en")}
}

// number reads a float; quoted numbers are accepted.
func (fs fields) number(name string) float64 {
	v, line := fs.get(name)
	if v == nil {
		return 0
	}
	var f float64
	var ok bool
	switch n := v.(type) {
	case *ast.IntegerNode:
		switch x := n.Value.(type) {
		case int64:
			f, ok = float64(x), true
		case uint64:
			f, ok = float64(x), true
		}
	case *ast.FloatNode:
		f, ok = n.Value, true
	case *ast.StringNode:
		var err error
		f, err = strconv.ParseFloat(strings.TrimSpace(n.Value), 64)
		ok = err == nil
	}
	if !ok || !finite(f) {
		text, _ := scalarText(v)
		fs.bad(name, line, "fw.must_number_not", fs.what, name, text)
		return 0
	}
	return f
}

// whole reads an integer; quoted whole numbers are accepted.
func (fs fields) whole(name string) int {
	v, line := fs.get(name)
	if v == nil {
		return 0
	}
	var i int64
	var ok bool
	switch n := v.(type) {
	case *ast.IntegerNode:
		switch x := n.Value.(type) {
		case int64:
			i, ok = x, true
		case uint64:
			i, ok = int64(min(x, math.MaxInt32+1)), true
		}
	case *ast.FloatNode:
		if n.Value == math.Trunc(n.Value) && math.Abs(n.Value) < 1e9 {
			i, ok = int64(n.Value), true
		}
	case *ast.StringNode:
		var err error
		i, err = strconv.ParseInt(strings.TrimSpace(n.Value), 10, 64)
		ok = err == nil
	}
	if !ok || i > math.MaxInt32 || i < math.MinInt32 {
		text, _ := scalarText(v)
		fs.bad(name, line, "fw.must_whole_number_not", fs.what, name, text)
		return 0
	}
	return int(i)
}

// weight reads a weight; an explicit 0 is a problem (leaving it out means 1).
func (fs fields) weight() float64 {
	w := fs.number("weight")
	p := join(fs.path, "weight")
	if w == 0 && fs.d.c.written[p] && fs.d.c.ok(p) {
		fs.bad("weight", fs.d.c.lines[p], "fw.weight_zero", fs.what)
	}
	return w
}

// list reads a sequence; each entry is passed to each with its index.
func (fs fields) list(name string, each func(i int, n ast.Node)) {
	v, line := fs.get(name)
	if v == nil {
		return
	}
	seq, ok := v.(*ast.SequenceNode)
	if !ok {
		fs.bad(name, line, "fw.must_list", fs.what, name)
		return
	}
	for i, n := range seq.Values {
		fs.d.items++
		if fs.d.items > maxItems {
			if !fs.d.tooBig {
				fs.d.tooBig = true
				fs.d.c.add(nodeLine(n), "fw.file_expands_more_than_list", maxItems)
			}
			return
		}
		each(i, n)
	}
}

func (d *decoder) framework(n ast.Node) *Framework {
	f := &Framework{}
	top, ok := d.mapping(n, "", i18n.M("fw.top_level_file"), frameworkFields)
	if !ok {
		return f
	}
	f.Key = top.str("key")
	f.Name = top.text("name")
	f.Description = top.text("description")
	top.list("scale", func(i int, n ast.Node) {
		p := idx("", "scale", i)
		f.Scale = append(f.Scale, Level{})
		m, ok := d.mapping(n, p, i18n.M("fw.level_nth", i+1), levelFields)
		if !ok {
			return
		}
		f.Scale[i] = Level{Value: m.whole("value"), Label: m.text("label"), Description: m.text("description")}
	})
	top.list("bands", func(i int, n ast.Node) {
		p := idx("", "bands", i)
		f.Bands = append(f.Bands, Band{})
		m, ok := d.mapping(n, p, i18n.M("fw.band_nth", i+1), bandFields)
		if !ok {
			return
		}
		f.Bands[i] = Band{Min: m.number("min"), Predikat: m.text("predikat")}
	})
	top.list("dimensions", func(i int, n ast.Node) {
		p := idx("", "dimensions", i)
		f.Dimensions = append(f.Dimensions, Dimension{})
		m, ok := d.mapping(n, p, i18n.M("fw.dimension_nth", i+1), dimensionFields)
		if !ok {
			return
		}
		dim := Dimension{Key: m.str("key")}
		m.named("fw.dimension_key", dim.Key)
		dim.Name, dim.Description, dim.Weight, dim.Target = m.text("name"), m.text("description"), m.weight(), m.number("target")
		m.list("elements", func(j int, n ast.Node) {
			ep := idx(p, "elements", j)
			dim.Elements = append(dim.Elements, Element{})
			em, ok := d.mapping(n, ep, i18n.M("fw.element_dimension", j+1, i+1), elementFields)
			if !ok {
				return
			}
			el := Element{Key: em.str("key")}
			em.named("fw.element_key", el.Key)
			el.Name, el.Description, el.Weight = em.text("name"), em.text("description"), em.weight()
			em.list("indicators", func(k int, n ast.Node) {
				ip := idx(ep, "indicators", k)
				el.Indicators = append(el.Indicators, Indicator{})
				im, ok := d.mapping(n, ip, i18n.M("fw.indicator_element_dimension", k+1, j+1, i+1), indicatorFields)
				if !ok {
					return
				}
				in := Indicator{Key: im.str("key")}
				im.named("fw.indicator_key", in.Key)
				in.Name, in.Description, in.Weight = im.text("name"), im.text("description"), im.weight()
				el.Indicators[k] = in
			})
			dim.Elements[j] = el
		})
		f.Dimensions[i] = dim
	})
	top.list("agenda", func(i int, n ast.Node) {
		p := idx("", "agenda", i)
		f.Agenda = append(f.Agenda, Phase{})
		m, ok := d.mapping(n, p, i18n.M("fw.phase_nth", i+1), phaseFields)
		if !ok {
			return
		}
		ph := Phase{Key: m.str("key")}
		m.named("fw.phase_key", ph.Key)
		ph.Kind, ph.Name, ph.Minutes = PhaseKind(m.str("kind")), m.text("name"), m.whole("minutes")
		f.Agenda[i] = ph
	})
	return f
}
