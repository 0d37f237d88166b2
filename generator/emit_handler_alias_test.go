package generator

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The generator's copy of the runtime's alias rewrite is the same code.
func TestAliasRewriteMatchesRuntime(t *testing.T) {
	body := func(file, name, sig string) string {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`(?s)\nfunc ` + name + sig + ` \{\n(.*?)\n\}\n`).FindSubmatch(src)
		if m == nil {
			t.Fatalf("%s: no func %s", file, name)
		}
		return string(m[1])
	}
	for _, c := range [][4]string{
		{"server_alias.go", "serverAliasRewrite", "aliasRewrite", `\(segs \[\]string\) \[\]string`},
		{"server_cast.go", "serverStripSegments", "stripSegments", `\(method string, segs \[\]string\) \(out \[\]string, cast string, count, ok bool\)`},
		{"server_segments.go", "isQualifiedName", "isQualifiedName", `\(s string\) bool`},
		{"server_alias.go", "serverSpanSegments", "spanSegments", `\(segs \[\]string\) \(\[\]string, bool\)`},
		{"server_cast.go", "serverSplitArgs", "splitArgs", `\(segs \[\]string\) \(out \[\]string, args map\[string\]string, ok bool\)`},
		{"server_segments.go", "splitSegmentArgs", "splitSegmentArgs", `\(s string\) \(\[\]segmentArg, bool\)`},
	} {
		rt, gen := body("../templates/runtime/"+c[0], c[1], c[3]), body("emit_handler_alias.go", c[2], c[3])
		if rt != gen {
			t.Errorf("%s differs from the runtime's %s:\n%s\n---\n%s", c[2], c[1], gen, rt)
		}
	}
	for in, want := range map[string]string{
		"drive/root/children":        "me/drive/root/children",
		"me/drive/root/children":     "me/drive/items/root/children",
		"drives/x/root":              "drives/x/items/root",
		"me/drive/items/root":        "users/me/drive/items/root",
		"education/me/assignments":   "education/users/me/assignments",
		"users/x/messages":           "",
		"drives/x/items/root/parent": "",
	} {
		got := strings.Join(aliasRewrite(strings.Split(in, "/")), "/")
		if got != want {
			t.Errorf("aliasRewrite(%s) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"me/drive/root:/a/b.txt:/content":        "me/drive/root:%2Fa%2Fb.txt:/content",
		"me/drive/root:/a/b.txt":                 "me/drive/root:%2Fa%2Fb.txt",
		"me/drive/items/p1:/f.txt:/content":      "me/drive/items/p1:%2Ff.txt:/content",
		"drives/d/root:/x:":                      "drives/d/root:%2Fx:",
		"me/drive/root:%2Fa:/content":            "",
		"me/drive/root:":                         "",
		"me/drive/items/x/workbook/range(a='1')": "",
	} {
		got, ok := spanSegments(strings.Split(in, "/"))
		if g := strings.Join(got, "/"); g != want || ok != (want != "") {
			t.Errorf("spanSegments(%s) = %q, %v; want %q", in, g, ok, want)
		}
	}
}
