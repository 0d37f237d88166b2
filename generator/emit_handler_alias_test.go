package generator

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The generator's copy of the runtime's alias rewrite is the same code.
func TestAliasRewriteMatchesRuntime(t *testing.T) {
	body := func(file, name string) string {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`(?s)\nfunc ` + name + `\(segs \[\]string\) \[\]string \{\n(.*?)\n\}\n`).FindSubmatch(src)
		if m == nil {
			t.Fatalf("%s: no func %s", file, name)
		}
		return string(m[1])
	}
	rt, gen := body("../templates/runtime/server_alias.go", "serverAliasRewrite"), body("emit_handler_alias.go", "aliasRewrite")
	if rt != gen {
		t.Errorf("aliasRewrite differs from the runtime's serverAliasRewrite:\n%s\n---\n%s", gen, rt)
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
}
