package generator

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestExampleTestsCatchBreaks proves the generated example tests can fail:
// it generates the widget package (emit_examples_test.go), breaks the
// generated code in one way per package of a temporary module (a renamed
// JSON member, a field the encoder drops, an Opt turned into a plain value,
// unknown members no longer re-encoded), runs go test there once, and
// requires every broken package to fail with the doc's file:line of the
// example and of the offending member, while the unbroken copy passes.
func TestExampleTestsCatchBreaks(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go tool")
	}
	files, _ := Generate(widgetPackage(t), Options{Package: "widgets"})
	breaks := []struct {
		name string
		// re is replaced by repl in widget.go (every match; at least one
		// must exist).
		re, repl string
		// want are substrings the package's test output must contain; nil
		// means the package must pass.
		want []string
	}{
		{name: "intact"},
		// The decoder and encoder are one table per type, read from the
		// struct's fields and json tags (templates/runtime/object_codec.go),
		// so a break can no longer make them disagree on a member (the
		// "renamed", "dropped" and "plain" breaks of the per-type code);
		// TestCodecMatchesPerTypeCode in the runtime checks the table.
		{
			name: "noextra",
			re:   "Extra JSONMembers `json:\"-\"`",
			repl: `Extra JSONMembers`,
			want: []string{
				`docs/widget.md:22: /@odata.etag: member "@odata.etag" lost`,
				`docs/widget.md:35: /undocumented: member "undocumented" lost (documented an object with 1 members)`,
				`docs/list-widgets.md:41: /value/1/unknownMember: member "unknownMember" lost (documented true)`,
			},
		},
	}

	mod := t.TempDir()
	writeTempModule(t, mod)
	for _, b := range breaks {
		dir := filepath.Join(mod, b.name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			content := f.Content
			if f.Name == "widget.go" && b.re != "" {
				re := regexp.MustCompile(b.re)
				if !re.Match(content) {
					t.Fatalf("%s: %s does not occur in the generated widget.go; update the break", b.name, b.re)
				}
				content = re.ReplaceAll(content, []byte(b.repl))
			}
			if err := os.WriteFile(filepath.Join(dir, f.Name), content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}

	cmd := exec.Command("go", "test", "-json", "-count=1", "./...")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	out, _ := cmd.Output() // failing packages make go test exit 1
	output := map[string]*strings.Builder{}
	failed := map[string]bool{}
	passed := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var ev struct {
			Action, Package, Test, Output string
		}
		if json.Unmarshal(sc.Bytes(), &ev) != nil {
			continue
		}
		pkg := strings.TrimPrefix(ev.Package, "x/")
		if output[pkg] == nil {
			output[pkg] = &strings.Builder{}
		}
		switch {
		case ev.Action == "output":
			output[pkg].WriteString(ev.Output)
		case ev.Action == "fail" && ev.Test == "":
			failed[pkg] = true
		case ev.Action == "pass" && ev.Test == "":
			passed[pkg] = true
		}
	}
	for _, b := range breaks {
		got := ""
		if output[b.name] != nil {
			got = output[b.name].String()
		}
		if b.want == nil {
			if !passed[b.name] {
				t.Errorf("%s: the unbroken package does not pass:\n%s\n%s", b.name, got, out)
			}
			continue
		}
		if !failed[b.name] {
			t.Errorf("%s: the broken package passes; its example tests did not notice:\n%s", b.name, got)
			continue
		}
		if strings.Contains(got, "[build failed]") || strings.Contains(got, "[setup failed]") {
			t.Errorf("%s: the broken package does not compile; the break must keep it valid Go:\n%s", b.name, got)
			continue
		}
		t.Logf("%s: go test output:\n%s", b.name, got)
		for _, w := range b.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: output lacks %q:\n%s", b.name, w, got)
			}
		}
	}
}
