package generator_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/generator"
	"github.com/docgen-dev/docgen/parser"
)

// scaledPages returns a resource page and an API page whose size grows
// linearly with k in every dimension a hostile page can grow: table rows,
// one long line, JSON nesting depth and width, headings, repeated
// annotations and example bodies.
func scaledPages(k int) []parser.File {
	var r strings.Builder
	r.WriteString("---\ntitle: \"scaled resource type\"\ndoc_type: resourcePageType\n---\n\n# scaled resource type\n\nNamespace: microsoft.graph\n\n")
	r.WriteString(strings.Repeat("A long line of description text. ", 3*k) + "\n\n## Properties\n\n|Property|Type|Description|\n|:---|:---|:---|\n")
	for i := range k {
		fmt.Fprintf(&r, "|prop%d|String|Property %d of the scaled type, with some \u202e text.|\n", i, i)
	}
	r.WriteString("|nested|Json|Nested value.|\n\n## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"microsoft.graph.scaled\"\n}-->\n```json\n{\n")
	for i := range k {
		fmt.Fprintf(&r, "  \"prop%d\": \"String\",\n", i)
	}
	r.WriteString("  \"nested\": " + strings.Repeat("[", k) + "1" + strings.Repeat("]", k) + "\n}\n```\n\n")
	for i := range k {
		fmt.Fprintf(&r, "## Section %d\n\n<!-- {\"blockType\": \"example\", \"name\": \"ex%d\"} -->\n```json\n{\"prop%d\": \"v\"}\n```\n\n", i, i, i)
	}
	var a strings.Builder
	a.WriteString("---\ntitle: \"Create scaled\"\ndoc_type: apiPageType\n---\n\n# Create scaled\n\nNamespace: microsoft.graph\n\nCreate a scaled object.\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\n")
	for i := range k {
		fmt.Fprintf(&a, "POST /scaled%d/items\n", i)
	}
	a.WriteString("```\n\n## Request body\n\nIn the request body, supply a JSON representation of a [scaled](../resources/scaled.md) object.\n\n## Response\n\nIf successful, this method returns a `201 Created` response code and a [scaled](../resources/scaled.md) object in the response body.\n\n## Example\n\n### Request\n\n<!-- {\n  \"blockType\": \"request\",\n  \"name\": \"create_scaled\"\n}-->\n```http\nPOST https://graph.microsoft.com/v1.0/scaled0/items\nContent-Type: application/json\n\n{\n")
	for i := range k {
		fmt.Fprintf(&a, "  \"prop%d\": \"value %d\",\n", i, i)
	}
	a.WriteString("  \"nested\": [1]\n}\n```\n")
	return []parser.File{{Path: "docs/resources/scaled.md", Src: []byte(r.String())}, {Path: "docs/api/create-scaled.md", Src: []byte(a.String())}}
}

// pipeline parses and generates pages, as docgen generate does in memory.
func pipeline(files []parser.File) {
	generator.Generate(parser.ParseFiles(files), generator.Options{Package: "generated"})
}

// allocBytes is the bytes pipeline allocates on files (best of 3, so a
// stray allocation by another goroutine does not count).
func allocBytes(files []parser.File) uint64 {
	best := ^uint64(0)
	for range 3 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		pipeline(files)
		runtime.ReadMemStats(&after)
		best = min(best, after.TotalAlloc-before.TotalAlloc)
	}
	return best
}

// TestScaling asserts that the bytes allocated by parse and generate grow
// linearly with page size: from 4x to 16x the growth is at most 1.5 times
// the growth from 1x to 4x scaled by 4 (a quadratic path would make it 4
// times). It counts allocated bytes, never time (see BenchmarkScaling).
func TestScaling(t *testing.T) {
	const base = 40
	var size, alloc [3]uint64
	for i, m := range []int{1, 4, 16} {
		files := scaledPages(base * m)
		for _, f := range files {
			size[i] += uint64(len(f.Src))
		}
		alloc[i] = allocBytes(files)
	}
	t.Logf("page bytes 1x/4x/16x: %d/%d/%d; allocated: %d/%d/%d", size[0], size[1], size[2], alloc[0], alloc[1], alloc[2])
	lo, hi := float64(alloc[1]-alloc[0]), float64(alloc[2]-alloc[1])
	if ratio := hi / lo; ratio > 4*1.5 {
		t.Errorf("allocations grow faster than the pages: 4x→16x adds %.0f bytes, %.1f times what 1x→4x adds (linear: 4)", hi, ratio)
	}
}

// BenchmarkScaling times parse and generate of the scaled pages:
//
//	go test ./generator -run X -bench Scaling -benchmem
func BenchmarkScaling(b *testing.B) {
	for _, m := range []int{1, 4, 16} {
		files := scaledPages(40 * m)
		n := 0
		for _, f := range files {
			n += len(f.Src)
		}
		b.Run(fmt.Sprintf("%dx", m), func(b *testing.B) {
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				pipeline(files)
			}
		})
	}
}
