package parser

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/docgen-dev/docgen/parser/model"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

// corpusRoot is the real Graph docs snapshot, relative to this package.
const corpusRoot = "../../shared/corpus/graph-docs-v1.0-2021-07"

// lexInput is one thing the lexing helpers read: an annotation comment, a
// syntax block, an example request or response, or a JSON fence. The
// corpus scan finds them with a plain line scanner, not goldmark.
type lexInput struct {
	kind  byte // 'a' annotation, 's' syntax block, 'q' request, 'r' response, 'j' JSON fence
	text  string
	pos   model.Pos
	lines []Line
}

// loadLexInputs scans the corpus. It returns nil when the corpus is absent.
func loadLexInputs(tb testing.TB) (inputs []lexInput, pages [][]byte) {
	var files []string
	for _, dir := range []string{"api", "resources"} {
		m, _ := filepath.Glob(filepath.Join(corpusRoot, dir, "*.md"))
		files = append(files, m...)
	}
	sort.Strings(files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, data)
		inputs = scanPage(inputs, filepath.ToSlash(f), strings.ReplaceAll(string(data), "\r\n", "\n"))
	}
	return inputs, pages
}

func scanPage(inputs []lexInput, file, src string) []lexInput {
	lines := strings.Split(src, "\n")
	lineStart := make([]int, len(lines))
	for k, off := 1, 0; k < len(lines); k++ {
		off += len(lines[k-1]) + 1
		lineStart[k] = off
	}
	syntax := false
	for i := 0; i < len(lines); i++ {
		l := strings.TrimLeft(lines[i], " ")
		indent := len(lines[i]) - len(l)
		if strings.HasPrefix(l, "#") {
			syntax = strings.HasPrefix(strings.TrimLeft(strings.ToLower(l), "# "), "http request")
		}
		if strings.HasPrefix(l, "<!--") {
			rest := src[lineStart[i]+indent+4:]
			end := strings.Index(rest, "-->")
			if end < 0 {
				end = len(rest)
			}
			inputs = append(inputs, lexInput{kind: 'a', text: rest[:end], pos: model.Pos{File: file, Line: i + 1, Col: indent + 1}})
			continue
		}
		if !strings.HasPrefix(l, "```") || indent > 3 {
			continue
		}
		lang := strings.ToLower(strings.TrimSpace(l[3:]))
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) != "```" {
			j++
		}
		var block []Line
		for k, c := range lines[i+1 : min(j, len(lines))] {
			if len(c) >= indent && strings.TrimSpace(c[:indent]) == "" {
				c = c[indent:]
			}
			block = append(block, Line{Text: c, Pos: model.Pos{File: file, Line: i + 2 + k, Col: indent + 1}})
		}
		i = j
		in := lexInput{lines: block}
		switch {
		case syntax && (lang == "http" || lang == ""):
			in.kind = 's'
		case lang == "http" || lang == "msgraph-interactive":
			in.kind = 'q'
			if k := skipBlank(block, 0); k < len(block) && strings.HasPrefix(strings.ToUpper(strings.TrimSpace(block[k].Text)), "HTTP") {
				in.kind = 'r'
			}
		case lang == "json" && len(block) > 0:
			in.kind = 'j'
			in.text = joinLines(block)
			in.pos = block[0].Pos
		default:
			continue
		}
		inputs = append(inputs, in)
	}
	return inputs
}

// lexStats are the figures TestLexCorpus reports.
type lexStats struct {
	states                               [4]int
	nonJSON, annotations, annRepaired    int
	annErrors, placeholders, syntaxPaths int
	requests, responses                  int
	codes                                map[string]int
	diags                                []model.Diagnostic
	placeholderList                      []*model.Placeholder
	collectPlaceholders                  bool
}

// runLex calls the lexing helpers on every input; st may be nil.
func runLex(inputs []lexInput, st *lexStats) {
	record := func(ds []model.Diagnostic) {
		if st == nil {
			return
		}
		for _, d := range ds {
			st.codes[string(d.Code)]++
			st.diags = append(st.diags, d)
		}
	}
	for k := range inputs {
		in := &inputs[k]
		var body, ctype string
		var bodyPos model.Pos
		switch in.kind {
		case 'a':
			a, diags := ParseAnnotation(in.text, in.pos)
			record(diags)
			if st != nil && a != nil {
				st.annotations++
				if a.Repaired {
					st.annRepaired++
				}
				for _, d := range diags {
					if d.Severity == model.Error {
						st.annErrors++
					}
				}
			}
			continue
		case 's':
			paths, diags := ParseSyntaxBlock(in.lines)
			record(diags)
			if st != nil {
				st.syntaxPaths += len(paths)
			}
			continue
		case 'q', 'r':
			var ex *model.Example
			var diags []model.Diagnostic
			if in.kind == 'r' {
				ex, diags = ParseHTTPResponse(in.lines)
			} else {
				ex, diags = ParseHTTPRequest(in.lines)
			}
			record(diags)
			if st != nil {
				if in.kind == 'r' {
					st.responses++
				} else {
					st.requests++
				}
			}
			body, bodyPos, ctype = ex.Body, ex.BodyPos, ex.ContentType
		case 'j':
			body, bodyPos = in.text, in.pos
		}
		if strings.TrimSpace(body) == "" {
			continue
		}
		if ctype != "" && !strings.Contains(ctype, "json") {
			if st != nil {
				st.nonJSON++
			}
			continue
		}
		state, js, diags := CheckJSON(body, bodyPos)
		record(diags)
		if js != nil {
			ps := FindPlaceholders(js, body, bodyPos)
			if st != nil {
				st.placeholders += len(ps)
				if st.collectPlaceholders {
					st.placeholderList = append(st.placeholderList, ps...)
				}
			}
		}
		if st != nil {
			st.states[state]++
		}
	}
}

// TestLexCorpus runs the lexing helpers over the corpus and reports figures
// (run with -v); it fails on diagnostics without a valid position or
// registered code and when fewer than 95% of bodies read as JSON. Set
// LEXDEBUG=<code> to print that code's diagnostics, LEXDEBUG=placeholders
// to print the placeholders.
func TestLexCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus scan skipped in -short mode")
	}
	inputs, pages := loadLexInputs(t)
	if len(pages) == 0 {
		t.Skip("corpus not found at " + corpusRoot)
	}
	debug := os.Getenv("LEXDEBUG")
	st := &lexStats{codes: map[string]int{}, collectPlaceholders: debug == "placeholders"}
	start := time.Now()
	runLex(inputs, st)
	elapsed := time.Since(start)
	checkDiags(t, st.diags)
	for _, d := range st.diags {
		if string(d.Code) == debug {
			t.Log(d)
		}
	}
	for _, p := range st.placeholderList {
		t.Logf("PH %v %s %s", p.Kind, p.Text, p.Type)
	}
	bodies := st.states[model.ValidJSON] + st.states[model.RepairedJSON] + st.states[model.InvalidJSON]
	pct := func(n int) float64 { return 100 * float64(n) / float64(max(bodies, 1)) }
	t.Logf("%d pages, %d inputs, lexing time %v", len(pages), len(inputs), elapsed)
	t.Logf("annotations %d, repaired %d, unrecoverable %d", st.annotations, st.annRepaired, st.annErrors)
	t.Logf("http blocks: %d requests, %d responses; syntax-block paths %d", st.requests, st.responses, st.syntaxPaths)
	t.Logf("bodies %d (non-JSON content type skipped: %d): valid %d (%.1f%%), repaired %d (%.1f%%), invalid %d (%.1f%%)",
		bodies, st.nonJSON, st.states[model.ValidJSON], pct(st.states[model.ValidJSON]), st.states[model.RepairedJSON],
		pct(st.states[model.RepairedJSON]), st.states[model.InvalidJSON], pct(st.states[model.InvalidJSON]))
	t.Logf("placeholders found: %d", st.placeholders)
	var keys []string
	for k := range st.codes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("  %-22s %d", k, st.codes[k])
	}
	if bodies > 0 && pct(st.states[model.ValidJSON]+st.states[model.RepairedJSON]) < 95 {
		t.Errorf("only %.1f%% of bodies are JSON; the catalog measured 96.2%% strict", pct(st.states[model.ValidJSON]+st.states[model.RepairedJSON]))
	}
}

// BenchmarkLexCorpus measures the lexing helpers over the whole corpus;
// compare with BenchmarkGoldmarkCoreCorpus.
func BenchmarkLexCorpus(b *testing.B) {
	inputs, pages := loadLexInputs(b)
	if len(pages) == 0 {
		b.Skip("corpus not found")
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		runLex(inputs, nil)
	}
}

// BenchmarkGoldmarkCoreCorpus measures goldmark's own parse of every page
// (CommonMark only; parser_test.go's BenchmarkGoldmarkCorpus adds tables).
func BenchmarkGoldmarkCoreCorpus(b *testing.B) {
	_, pages := loadLexInputs(b)
	if len(pages) == 0 {
		b.Skip("corpus not found")
	}
	md := goldmark.New()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			md.Parser().Parse(text.NewReader(p))
		}
	}
}

func joinLines(ls []Line) string {
	var b strings.Builder
	for k, l := range ls {
		if k > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.Text)
	}
	return b.String()
}
