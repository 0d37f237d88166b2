package generator

import (
	"bytes"
	"errors"
	"go/scanner"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestFormatterIsGofmt: the render workers' formatter prints what
// jennifer's Render (go/format.Source) prints, for a file with what gofmt
// rewrites: unsorted grouped imports, number literals it normalizes, doc
// comments it reflows, struct fields and composite literals it aligns.
func TestFormatterIsGofmt(t *testing.T) {
	build := func() *jen.File {
		f := jen.NewFile("p")
		f.HeaderComment(Header)
		f.Comment("Numbers:   gofmt lowercases 0X, 0B, 0O and E, and an exponent's P.")
		f.Var().Defs(
			jen.Id("a").Op("=").Op("0X1F"),
			jen.Id("bb").Op("=").Op("0B101"),
			jen.Id("ccc").Op("=").Op("0O17"),
			jen.Id("d").Op("=").Op("1E+06"),
			jen.Id("e").Op("=").Op("0X1P-2"),
			jen.Id("f").Op("=").Lit(1.5e-7),
		)
		f.Comment("T is a type.\n\nIts doc comment has a list:\n - one\n - two")
		f.Type().Id("T").Struct(
			jen.Id("A").String().Tag(map[string]string{"json": "a"}),
			jen.Id("LongerName").Qual("time", "Time").Comment("trailing"),
			jen.Id("H").Qual("net/http", "Header"),
		)
		f.Var().Id("m").Op("=").Map(jen.String()).Int().Values(jen.DictFunc(func(d jen.Dict) {
			for _, k := range []string{"x", "a-much-longer-key-than-the-others-in-this-map", "y", "zz"} {
				d[jen.Lit(k)] = jen.Lit(len(k))
			}
		}))
		f.Func().Id("F").Params().Qual("encoding/json", "RawMessage").Block(
			jen.Return(jen.Qual("encoding/json", "RawMessage").Call(jen.Qual("fmt", "Sprint").Call(jen.Lit(1)))),
		)
		return f
	}
	var want bytes.Buffer
	if err := build().Render(&want); err != nil {
		t.Fatal(err)
	}
	var fr formatter
	for range 2 { // the second run reuses the buffers
		got, err := fr.render(build())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("formatter:\n%s\ngo/format:\n%s", got, want.Bytes())
		}
	}
	for _, s := range []string{"0x1F", "0b101", "0o17", "1e+06", "0x1p-2", "import (\n\t\"encoding/json\"\n\t\"fmt\"\n\t\"net/http\"\n\t\"time\"\n)"} {
		if !strings.Contains(want.String(), s) {
			t.Errorf("the file does not exercise %q:\n%s", s, want.Bytes())
		}
	}
}

// TestFormatterError: a file that does not parse gives the parse error
// and the source as jennifer's error does, from which salvage recovers it.
func TestFormatterError(t *testing.T) {
	build := func() *jen.File {
		f := jen.NewFile("p")
		f.Func().Id("F").Params().Block(jen.Op("}{"))
		return f
	}
	var fr formatter
	_, err := fr.render(build())
	if err == nil {
		t.Fatal("no error")
	}
	var want bytes.Buffer
	werr := build().Render(&want)
	if werr == nil {
		t.Fatal("jennifer: no error")
	}
	const sep = " while formatting source:\n"
	msg, src, ok := strings.Cut(err.Error(), sep)
	wmsg, wsrc, _ := strings.Cut(werr.Error(), sep)
	if !ok || src != wsrc || "Error "+msg != wmsg {
		t.Fatalf("formatter error:\n%v\njennifer's:\n%v", err, werr)
	}
	var list scanner.ErrorList
	if !errors.As(err, &list) {
		t.Errorf("the parse error is not wrapped: %T", errors.Unwrap(err))
	}
}

// TestParallelFor: every index is handed out exactly once, whatever the
// number of workers.
func TestParallelFor(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		for _, workers := range []int{0, 1, 3, 64} {
			calls := make([]atomic.Int32, n)
			parallelFor(n, workers, func(i int) { calls[i].Add(1) })
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Fatalf("n=%d workers=%d: index %d called %d times", n, workers, i, c)
				}
			}
		}
	}
}
