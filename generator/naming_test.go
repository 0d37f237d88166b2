package generator

import (
	"encoding/xml"
	"fmt"
	"go/token"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

func TestExportedName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"cloudPcId", "CloudPcID"},
		{"@odata.type", "ODataType"},
		{"odataType", "ODataType"},
		{"sourceImageResourceId", "SourceImageResourceID"},
		{"cloudPcSnapshot", "CloudPcSnapshot"},
		{"cloudPCId", "CloudPCID"},
		{"ipAddresses", "IPAddresses"},
		{"apiUrls", "APIURLs"},
		{"httpsUrl", "HTTPSURL"},
		{"userIds", "UserIDs"},
		{"uiLanguage", "UILanguage"},
		{"jsonBody", "JSONBody"},
		{"osBuildNumber", "OsBuildNumber"},
		{"user-id", "UserID"},
		{"a_b", "AB"},
		{"@microsoft.graph.conflictBehavior", "MicrosoftGraphConflictBehavior"},
		{"24HourFormat", "X24HourFormat"},
		{"10.0", "X10_0"},
		{"v1.0", "V1_0"},
		{"office365ActiveUsers", "Office365ActiveUsers"},
		{"type", "Type"},
		{"", ""},
		{"-", ""},
		{"été", "Été"},
		{"数据", "X数据"},
	}
	for _, tt := range tests {
		if got := exportedName(tt.in); got != tt.want {
			t.Errorf("exportedName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUnexportedName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"cloudPcId", "cloudPcID"},
		{"ID", "id"},
		{"type", "type_"},
		{"string", "string_"},
		{"user-id", "userID"},
		{"1st", "_1st"},
		{"", "x"},
	}
	for _, tt := range tests {
		if got := unexportedName(tt.in); got != tt.want {
			t.Errorf("unexportedName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPackageName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"generated", "generated"},
		{"Graph-Models", "graphmodels"},
		{"2x", "x2x"},
		{"type", "typex"},
		{"", "generated"},
		{"...", "generated"},
	}
	for _, tt := range tests {
		if got := PackageName(tt.in); got != tt.want {
			t.Errorf("PackageName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFileStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"create-cloudpcsnapshot", "create_cloudpcsnapshot"},
		{"x_windows", "x_windows_page"},
		{"thing-test", "thing_test_page"},
		{"a-amd64", "a_amd64_page"},
		{"docgen-opt", "page_docgen_opt"},
		{"_index", "index"},
		{"--", "page"},
		{"Upper Case", "upper_case"},
		{"windows", "windows"},
	}
	for _, tt := range tests {
		if got := fileStem(tt.in); got != tt.want {
			t.Errorf("fileStem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAssignFileNames(t *testing.T) {
	got := assignFileNames([]string{"api/dup.md", "docs/a.md", "resources/Dup.md", "resources/dup.md", builtinFile})
	want := [][2]string{
		{"api/dup.md", "api_dup"},
		{"docs/a.md", "a"},
		{"resources/Dup.md", "resources_dup"},
		{"resources/dup.md", "resources_dup_2"},
		{builtinFile, builtinFile},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("assignFileNames mismatch (-want +got):\n%s", diff)
	}
}

func TestWrapText(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"a */ b", []string{"a * / b"}},
		{"line\n}\nfunc init() {}", []string{"line } func init() {}"}},
		{"x\u2028y\u0007z\r\n", []string{"x y z"}},
		{strings.Repeat("word ", 20), []string{strings.TrimSpace(strings.Repeat("word ", 15)), strings.TrimSpace(strings.Repeat("word ", 5))}},
		{"", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, wrapText(tt.in, 77)); diff != "" {
			t.Errorf("wrapText(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

// TestWrapTextMatchesReference compares sanitizeText's fast path and
// wrapText's substring wrapping with the plain algorithms they replace,
// on random text mixing ASCII, runs of spaces, control characters, "*/",
// non-ASCII spaces and long words.
func TestWrapTextMatchesReference(t *testing.T) {
	refSanitize := func(s string) string {
		var b strings.Builder
		space := false
		for _, r := range s {
			if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\u0085' || r == '\ufeff' || unicode.Is(unicode.Zs, r) {
				r = ' '
			}
			if r == ' ' {
				if !space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = true
				continue
			}
			space = false
			b.WriteRune(r)
		}
		return strings.ReplaceAll(strings.TrimRight(b.String(), " "), "*/", "* /")
	}
	refWrap := func(text string, width int) []string {
		var lines []string
		var cur strings.Builder
		for _, w := range strings.Fields(refSanitize(text)) {
			if cur.Len() > 0 && cur.Len()+1+len(w) > width {
				lines = append(lines, cur.String())
				cur.Reset()
			}
			if cur.Len() > 0 {
				cur.WriteByte(' ')
			}
			cur.WriteString(w)
		}
		if cur.Len() > 0 {
			lines = append(lines, cur.String())
		}
		return lines
	}
	pieces := []string{"a", "word", "Graph", " ", "  ", "\t", "\n", "*/", "*", "/", "é", "\u00a0", "\u2028", "x.", strings.Repeat("long", 25), "\x00", "\u3000"}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 20000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		in := b.String()
		width := 5 + i%80
		if got, want := sanitizeText(in), refSanitize(in); got != want {
			t.Fatalf("sanitizeText(%q) = %q, want %q", in, got, want)
		}
		if diff := cmp.Diff(refWrap(in, width), wrapText(in, width)); diff != "" {
			t.Fatalf("wrapText(%q, %d) mismatch (-want +got):\n%s", in, width, diff)
		}
	}
}

func TestCommentLineNeverDirective(t *testing.T) {
	for _, s := range []string{"//go:generate rm -rf /", "/* x", "//line x.go:1"} {
		got := strings.TrimSpace(commentLine(s).GoString())
		if strings.HasPrefix(got, "//go:") || strings.HasPrefix(got, "/*") || strings.HasPrefix(got, "//line") {
			t.Errorf("commentLine(%q) = %q: a directive or block comment", s, got)
		}
	}
}

func TestIsGenerated(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{Header + "\n\npackage x\n", true},
		{"//go:build linux\n\n" + Header + "\npackage x\n", true},
		{Header + "\r\npackage x\n", true},
		{"package x\n" + Header + "\n", false},
		{"// Code generated by other. DO NOT EDIT.\npackage x\n", false},
		{"// Package generated is ...\npackage generated\n", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsGenerated([]byte(tt.in)); got != tt.want {
			t.Errorf("IsGenerated(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestRuntimeIdentifiersDeclared: every runtime identifier the emitters
// refer to by name (rt* in emit_runtime.go) is declared by the runtime, and
// the reserved names are exactly what the runtime sources and the fixed
// generated declarations declare.
func TestRuntimeIdentifiersDeclared(t *testing.T) {
	names := loadRuntime().names
	for _, n := range runtimeIdentifiers {
		if !names[n] {
			t.Errorf("the runtime declares no %s", n)
		}
	}
	for _, n := range []string{"NewServer", "Servers"} {
		if !names[n] {
			t.Errorf("fixed generated name %s is not reserved", n)
		}
	}
	// The runtime names its exported identifiers after what they are, so
	// Graph's generic nouns stay free.
	for _, n := range []string{"Date", "Member", "Problem", "Reference", "Empty", "Option", "State", "Collection", "Extra", "Decimal", "Duration", "TimeOfDay"} {
		if names[n] {
			t.Errorf("the runtime reserves %s, a name a Graph type can take", n)
		}
	}
}

// metadataFile is Microsoft's CSDL for Graph v1.0 (../shared/metadata from
// the repository root).
const metadataFile = "../../shared/metadata/v1.0.xml"

// TestRuntimeNamesFreeForMetadata derives, with the generator's naming
// functions, the Go name of every entity, complex and enum type of Graph's
// $metadata (plain and with its sub-namespace), of every enum constant and
// of every entity set and singleton, and checks that none is a name the
// runtime or the fixed generated declarations reserve: no Graph type is
// renamed because of docgen's own names.
func TestRuntimeNamesFreeForMetadata(t *testing.T) {
	data, err := os.ReadFile(metadataFile)
	if os.IsNotExist(err) {
		t.Skipf("%s not present", metadataFile)
	}
	if err != nil {
		t.Fatal(err)
	}
	type member struct {
		Name string `xml:"Name,attr"`
	}
	type typ struct {
		Name    string   `xml:"Name,attr"`
		Members []member `xml:"Member"`
	}
	var edmx struct {
		Schemas []struct {
			Namespace string `xml:"Namespace,attr"`
			Entities  []typ  `xml:"EntityType"`
			Complexes []typ  `xml:"ComplexType"`
			Enums     []typ  `xml:"EnumType"`
			Container []struct {
				Sets       []member `xml:"EntitySet"`
				Singletons []member `xml:"Singleton"`
			} `xml:"EntityContainer"`
		} `xml:"DataServices>Schema"`
	}
	if err := xml.Unmarshal(data, &edmx); err != nil {
		t.Fatal(err)
	}
	reserved := map[string]bool{}
	for n := range loadRuntime().names {
		if token.IsExported(n) {
			reserved[n] = true
		}
	}
	derived := map[string]string{} // Go name → what it was derived from
	add := func(goName, from string) {
		if goName != "" {
			derived[goName] = from
		}
	}
	var types, consts, sets int
	for _, s := range edmx.Schemas {
		for _, group := range [][]typ{s.Entities, s.Complexes, s.Enums} {
			for _, ty := range group {
				q := s.Namespace + "." + ty.Name
				plain := typePlainName(q)
				add(plain, q)
				if ns := subNamespace(q); ns != "" {
					add(exportedName(ns)+plain, q)
				}
				types++
				for _, m := range ty.Members {
					add(plain+exportedName(m.Name), q+"/"+m.Name)
					consts++
				}
			}
		}
		for _, c := range s.Container {
			for _, m := range append(c.Sets, c.Singletons...) {
				add(exportedName(m.Name), "entity set "+m.Name)
				sets++
			}
		}
	}
	if types < 1000 {
		t.Fatalf("read only %d types from %s", types, metadataFile)
	}
	var hits []string
	for goName, from := range derived {
		if reserved[goName] {
			hits = append(hits, fmt.Sprintf("%s (from %s)", goName, from))
		}
	}
	slices.Sort(hits)
	t.Logf("%d types, %d enum constants, %d entity sets and singletons → %d Go names; %d reserved runtime names; %d collisions",
		types, consts, sets, len(derived), len(reserved), len(hits))
	for _, h := range hits {
		t.Errorf("a Graph name takes a runtime name: %s", h)
	}
}
