package parser

import (
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// annotations decodes every HTML comment, keeps the page annotation and
// docgen-ignore comments, and binds block annotations to their fences.
func (p *page) annotations() {
	for i, b := range p.blocks {
		if b.kind != bHTML {
			continue
		}
		content, ok := commentContent(b.rawText())
		if !ok {
			continue
		}
		trimmed := strings.TrimSpace(content)
		if rest, ok := strings.CutPrefix(trimmed, "docgen-ignore"); ok {
			ig := &model.Ignore{Pos: b.pos}
			ig.Codes = append(ig.Codes, strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })...)
			ig.FromLine, ig.ToLine = b.endLine+1, b.endLine+1
			if i+1 < len(p.blocks) {
				nb := p.blocks[i+1]
				ig.FromLine, ig.ToLine = nb.pos.Line, max(nb.endLine, nb.pos.Line)
				// The block may be preceded by its annotation comment(s):
				// cover them and the block they describe.
				for j := i + 1; j+1 < len(p.blocks) && p.blocks[j].kind == bHTML; j++ {
					nb = p.blocks[j+1]
					ig.ToLine = max(ig.ToLine, nb.endLine, nb.pos.Line)
				}
			}
			p.page.Ignores = append(p.page.Ignores, ig)
			continue
		}
		a, diags := ParseAnnotation(content, b.pos)
		p.res.Diagnostics = append(p.res.Diagnostics, diags...)
		if a == nil {
			continue
		}
		if a.Type == "#page.annotation" || strings.HasPrefix(a.Type, "#page.") {
			if p.page.Annotation == nil {
				p.page.Annotation = a
			}
			continue
		}
		if a.BlockType == "" {
			continue
		}
		p.annots = append(p.annots, a)
		if a.BlockType == "permissions" {
			// Today's pages bind the permissions annotation to the
			// [!INCLUDE] line that pulls in the permissions table.
			if inc := p.includeTarget(i, a); inc != nil {
				p.page.Permissions = append(p.page.Permissions, inc)
				continue
			}
		}
		if f := p.bindTarget(i); f != nil {
			if _, taken := p.bound[f]; !taken {
				p.bound[f] = a
				continue
			}
		}
		p.diag(b.pos, CodeAnnotationUnbound,
			"the "+a.BlockType+" annotation is not followed by a code fence; put it directly before the fence it describes")
	}
}

// bindTarget finds the fence an annotation at blocks[i] binds to: the next
// fence in the same container, across blank lines and at most one paragraph
// or one heading.
func (p *page) bindTarget(i int) *mdBlock {
	a := p.blocks[i]
	between := 0
	for j := i + 1; j < len(p.blocks); j++ {
		b := p.blocks[j]
		if b.parent != a.parent {
			continue
		}
		switch b.kind {
		case bFence:
			return b
		case bPara, bHeading:
			if b.kind == bHeading && b.tab {
				continue
			}
			between++
			if between > 1 {
				return nil
			}
		default:
			return nil
		}
	}
	return nil
}

// includeTarget reads the block after the annotation a at blocks[i] as a
// DocFX include line ("[!INCLUDE [permissions-table](path.md)]") in the
// same container, or returns nil when it is not one.
func (p *page) includeTarget(i int, a *model.Annotation) *model.Include {
	if i+1 >= len(p.blocks) {
		return nil
	}
	b := p.blocks[i+1]
	if b.kind != bPara || b.parent != p.blocks[i].parent {
		return nil
	}
	first, _, _ := strings.Cut(b.rawText(), "\n")
	path, ok := includePath(first)
	if !ok {
		return nil
	}
	inc := &model.Include{Path: path, Pos: b.pos, AnnotationPos: a.Pos}
	if len(a.Name) > 0 {
		inc.Name = a.Name[0]
	}
	return inc
}

// includePath returns the target of a DocFX include line
// "[!INCLUDE [label](path)]" (the marker in any case).
func includePath(line string) (string, bool) {
	t := strings.TrimSpace(line)
	if len(t) < len("[!INCLUDE") || !strings.EqualFold(t[:len("[!INCLUDE")], "[!INCLUDE") {
		return "", false
	}
	_, rest, ok := strings.Cut(t, "](")
	if !ok {
		return "", false
	}
	path, _, ok := strings.Cut(rest, ")")
	path = strings.TrimSpace(path)
	return path, ok && path != ""
}

// commentContent returns the text between "<!--" and "-->".
func commentContent(raw string) (string, bool) {
	s := strings.TrimSpace(raw)
	rest, ok := strings.CutPrefix(s, "<!--")
	if !ok {
		return "", false
	}
	if i := strings.Index(rest, "-->"); i >= 0 {
		return rest[:i], true
	}
	return rest, true
}
