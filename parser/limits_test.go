package parser

import (
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/parser/model"
)

func TestCheckLimits(t *testing.T) {
	long := strings.Repeat("x", MaxLineBytes+1)
	hidden := strings.Repeat("a\u202eb\n", maxTextReports+5)
	for _, c := range []struct {
		name, src string
		leaveOut  bool
		want      []string // "line:col code" of each diagnostic
	}{
		{"clean", "# t\n\ntext é 日本\n", false, nil},
		{"invalid", "# t\n\nab\xffc\n\xfe", true, []string{"3:3 page-encoding"}},
		{"long line", "# t\n" + long + "\n", true, []string{"2:1 page-limit"}},
		{"long last line", "# t\n" + long, true, []string{"2:1 page-limit"}},
		{"big page", strings.Repeat("line\n", MaxPageBytes/5+1), true, []string{"1:1 page-limit"}},
		{"bidi", "# t\n\nab \u2066c\u2069\nnul \x00 here\n", false, []string{"3:4 page-hidden-text", "4:5 page-hidden-text"}},
	} {
		diags, out := checkLimits("x.md", []byte(c.src))
		var got []string
		for _, d := range diags {
			got = append(got, strings.TrimPrefix(model.Pos{Line: d.Pos.Line, Col: d.Pos.Col}.String(), ":")+" "+string(d.Code))
		}
		if out != c.leaveOut || strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: leaveOut %v, diags %v; want %v, %v", c.name, out, got, c.leaveOut, c.want)
		}
	}
	diags, _ := checkLimits("x.md", []byte(hidden))
	if len(diags) != maxTextReports || !strings.Contains(diags[len(diags)-1].Message, "and on 5 more lines") {
		t.Errorf("hidden text reports: %d, last %q", len(diags), diags[len(diags)-1].Message)
	}
	// A left-out page contributes nothing.
	pkg := ParseFiles([]File{{Path: "api/x.md", Src: []byte("# Get x\n\n## HTTP request\n\n```http\nGET /x\xff\n```\n")}})
	if len(pkg.Operations) != 0 || len(pkg.Pages) != 1 || !pkg.Pages[0].LeftOut {
		t.Errorf("left-out page: %d operations, pages %+v", len(pkg.Operations), pkg.Pages)
	}
}
