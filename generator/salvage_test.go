package generator

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
)

// badFile is a file with two good declarations around one that cannot
// format (as the bug of issue 13 wrote it: invalid UTF-8 in a comment);
// only the bad one uses strconv.
func badFile() *jen.File {
	f := jen.NewFile("p")
	f.HeaderComment(Header)
	f.Comment("Good is fine.")
	f.Func().Id("Good").Params().Id("int").Block(jen.Return(jen.Lit(1)))
	f.Comment("// Bad holds a byte that is not UTF-8: \xff.\n// Source: docs/api/bad.md:7")
	f.Func().Id("Bad").Params().Id("string").Block(jen.Return(jen.Qual("strconv", "Itoa").Call(jen.Lit(1))))
	f.Comment("After is fine too.")
	f.Var().Id("After").Op("=").Qual("fmt", "Sprint").Call(jen.Lit(2))
	return f
}

func TestSalvage(t *testing.T) {
	// Only Bad uses strconv: its import goes too; a file whose only
	// import goes loses its import declaration.
	for _, f := range []string{"package p\n\nimport \"strconv\"\n\nvar x = 1\n", "package p\n\nimport (\n\t\"fmt\"\n\t\"strconv\"\n)\n\nvar x = fmt.Sprint(1)\n"} {
		out, err := dropUnusedImports([]byte(f))
		if err != nil || strings.Contains(string(out), "strconv") || strings.Contains(string(out), "import ()") {
			t.Errorf("dropUnusedImports:\n%s\n%v", out, err)
		}
	}
	var b strings.Builder
	err := badFile().Render(&b)
	if err == nil {
		t.Fatal("the bad file formats")
	}
	out, dropped, err := salvage(err)
	if err != nil {
		t.Fatal(err)
	}
	src := string(out)
	if !strings.Contains(src, "func Good()") || !strings.Contains(src, "var After =") || strings.Contains(src, "Bad") || strings.Contains(src, "strconv") {
		t.Errorf("salvaged file:\n%s", src)
	}
	if len(dropped) != 1 || dropped[0].name != "func Bad" || dropped[0].source != "docs/api/bad.md:7" || !strings.Contains(dropped[0].err, "UTF-8") {
		t.Errorf("dropped = %+v", dropped)
	}
}

// TestCollectSalvages: a file that does not format is still written,
// without the bad declaration, and the declaration is reported at its
// page.
func TestCollectSalvages(t *testing.T) {
	p := &plan{}
	r := newRenderer(nil)
	r.submit(&genFile{Name: "bad.go", Jen: badFile()})
	r.done()
	r.done()
	files := p.collect(r)
	if len(files) != 1 || !strings.Contains(string(files[0].Content), "func Good()") {
		t.Fatalf("files = %v", files)
	}
	if len(p.diags) != 1 || p.diags[0].Code != CodeInternal || p.diags[0].Pos.File != "docs/api/bad.md" || p.diags[0].Pos.Line != 7 || !strings.Contains(p.diags[0].Message, "func Bad") {
		t.Errorf("diags = %v", p.diags)
	}
}
