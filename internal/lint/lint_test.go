package lint

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/internal/examples"
	"github.com/docgen-dev/docgen/parser/model"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

func loadPackage(t *testing.T, path string) *model.Package {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var pkg model.Package
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &pkg
}

func render(diags []model.Diagnostic) string {
	var sb strings.Builder
	for _, d := range diags {
		sb.WriteString(d.Severity.String() + ": " + d.String() + "\n")
	}
	return sb.String()
}

// TestCodes runs every lint code's cases: testdata/<code>/bad*.json must
// report the code (the findings are kept in bad*.golden), good*.json must
// report nothing at all. Every code of the catalogue has its directory.
func TestCodes(t *testing.T) {
	var lintCodes []string
	for _, c := range Codes() {
		if _, err := os.Stat(filepath.Join("testdata", string(c.Code))); err != nil {
			t.Errorf("code %s has no testdata/%s directory", c.Code, c.Code)
			continue
		}
		lintCodes = append(lintCodes, string(c.Code))
	}
	if len(lintCodes) < 11 {
		t.Errorf("only %d lint codes have test cases", len(lintCodes))
	}
	for _, code := range lintCodes {
		files, _ := filepath.Glob(filepath.Join("testdata", code, "*.json"))
		var bad, good int
		for _, f := range files {
			name := strings.TrimSuffix(filepath.Base(f), ".json")
			t.Run(code+"/"+name, func(t *testing.T) {
				diags := Run(loadPackage(t, f))
				switch {
				case strings.HasPrefix(name, "bad"):
					bad++
					hit := false
					for _, d := range diags {
						hit = hit || string(d.Code) == code
					}
					if !hit {
						t.Errorf("no %s finding:\n%s", code, render(diags))
					}
					golden := strings.TrimSuffix(f, ".json") + ".golden"
					got := render(diags)
					if *update {
						if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
							t.Fatal(err)
						}
						return
					}
					want, err := os.ReadFile(golden)
					if err != nil {
						t.Fatalf("%v (run go test -update)", err)
					}
					if d := cmp.Diff(string(want), got); d != "" {
						t.Errorf("%s mismatch (-want +got):\n%s", golden, d)
					}
				case strings.HasPrefix(name, "good"):
					good++
					if len(diags) > 0 {
						t.Errorf("good case has findings:\n%s", render(diags))
					}
				}
			})
		}
		if bad == 0 || good == 0 {
			t.Errorf("testdata/%s needs bad and good cases (have %d, %d)", code, bad, good)
		}
	}
}

func TestRunNilAndEmpty(t *testing.T) {
	if got := Run(nil); got != nil {
		t.Errorf("Run(nil) = %v", got)
	}
	pkg := &model.Package{
		Types:      []*model.Type{nil},
		Operations: []*model.Operation{nil, {Name: "x", Examples: []*model.Example{nil, {Kind: model.RequestExample, JSON: model.ValidJSON, Body: "{"}}}},
		Pages:      []*model.Page{nil, {Examples: []*model.Example{nil, {Kind: model.ResourceExample, JSON: model.ValidJSON, Body: "[1,"}}}},
	}
	if got := Run(pkg); len(got) != 0 {
		t.Errorf("Run(broken) = %v", got)
	}
}

func TestExamplePath(t *testing.T) {
	tests := map[string]string{
		"https://graph.microsoft.com/v1.0/me/events?$top=1": "/me/events",
		"https://graph.microsoft.com/beta/":                 "/",
		"/v1.0/users/{id}/":                                 "/users/{id}",
		"me/messages#x":                                     "/me/messages",
		"https://graph.microsoft.com/v1.0beta/x":            "/v1.0beta/x",
		"/betax/y":                                          "/betax/y",
	}
	for in, want := range tests {
		if got := examplePath(in); got != want {
			t.Errorf("examplePath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatchTemplate(t *testing.T) {
	tests := []struct {
		template, path string
		want           bool
	}{
		{"/users/{id | userPrincipalName}/events/{id}", "/users/a@b.com/events/AAMk=", true},
		{"/users/{id}/events", "/Users/x/Events", true},
		{"/users/{id}/events", "/users/x/y/events", false},
		{"/users/{id}/events", "/users//events", false},
		{"/users('{id}')", "/users('abc')", true},
		{"/reports/getX(period='{period}')", "/reports/getX(period='D7')", true},
		{"/me/drive/root:/{item-path}:/content", "/me/drive/root:/a/b/c.txt:/content", true},
		{"/things/", "/things", true},
		{"/things?$filter=x", "/things", true},
		{"things", "/things", true},
		{"/things/{id", "/things/{id", true},
		{"/things", "/other", false},
	}
	for _, tt := range tests {
		if got := matchTemplate(tt.template, tt.path); got != tt.want {
			t.Errorf("matchTemplate(%q, %q) = %v, want %v", tt.template, tt.path, got, tt.want)
		}
	}
}

func TestPosAt(t *testing.T) {
	ex := &model.Example{Body: "{\n  \"a\": 1,\n  \"b\": {\"c\": 2}\n}", BodyPos: model.Pos{File: "x.md", Line: 10, Col: 1}}
	root, err := examples.Parse(ex.Body)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range root.Members {
		got = append(got, m.Key+"@"+posAt(ex, m.Off).String())
	}
	c := root.Get("b").Members[0]
	got = append(got, c.Key+"@"+posAt(ex, c.Off).String(), "2@"+posAt(ex, c.Val.Off).String(), "root@"+posAt(ex, 0).String())
	want := []string{"a@x.md:11:3", "b@x.md:12:3", "c@x.md:12:9", "2@x.md:12:14", "root@x.md:10:1"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("positions (-want +got):\n%s", d)
	}
}

func TestGraphURL(t *testing.T) {
	tests := map[string]bool{
		"https://graph.microsoft.com/v1.0/me":            true,
		"https://GRAPH.microsoft.com:443/beta/me":        true,
		"https://graph.microsoft.us/v1.0/me":             true,
		"https://microsoftgraph.chinacloudapi.cn/v1.0/x": true,
		"https://{graph-url}/me":                         true,
		"/me/events":                                     true,
		"me/events":                                      true,
		"https://bot.contoso.com/api/calls":              false,
		"https://sn3302.up.1drv.com/up/fe6987415ace7X4e": false,
	}
	for in, want := range tests {
		if got := graphURL(in); got != want {
			t.Errorf("graphURL(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestStatusRedirect: a Response section stating a redirect (302 Found)
// and an example of the 200 OK it leads to (or the other way round) is no
// example-status-mismatch; 201 against 200 is.
func TestStatusRedirect(t *testing.T) {
	for _, c := range []struct {
		stated, shown int
		want          bool
	}{
		{302, 200, false},
		{200, 302, false},
		{201, 200, true},
		{302, 404, false}, // an error example is not compared
		{303, 301, true},
	} {
		op := &model.Operation{Name: "x", Response: &model.Response{Status: c.stated},
			Examples: []*model.Example{{Kind: model.ResponseExample, Status: c.shown, Pos: model.Pos{File: "x.md", Line: 3}}}}
		got := false
		for _, d := range Run(&model.Package{Operations: []*model.Operation{op}}) {
			if d.Code == CodeExampleStatusMismatch {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("stated %d, shown %d: mismatch reported %v, want %v", c.stated, c.shown, got, c.want)
		}
	}
}
