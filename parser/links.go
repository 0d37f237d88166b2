package parser

import (
	"path"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// linkType records that the type name was read from the text of a link to
// dest. Only relative links to Markdown pages count.
func (p *page) linkType(name, dest string) {
	if name == "" || strings.HasPrefix(name, "Edm.") || name == model.JSONType {
		return
	}
	target := p.linkTarget(dest)
	if target == "" {
		return
	}
	if p.res.typeLinks == nil {
		p.res.typeLinks = map[string]string{}
	}
	if old, ok := p.res.typeLinks[name]; ok && old != target {
		target = ""
	}
	p.res.typeLinks[name] = target
}

// linkTarget returns linkTarget(p.file, dest), remembered by the reader for
// the pages of p's folder (it depends on the file's folder only).
func (p *page) linkTarget(dest string) string {
	m := p.md
	if m == nil {
		return linkTarget(p.file, dest)
	}
	k := [2]string{path.Dir(p.file), dest}
	if t, ok := m.targets[k]; ok {
		return t
	}
	t := linkTarget(p.file, dest)
	if m.targets == nil || len(m.targets) >= maxTargets {
		m.targets = make(map[[2]string]string)
	}
	m.targets[k] = t
	return t
}

// maxTargets bounds the link targets a reader remembers.
const maxTargets = 4096

// linkTarget resolves a relative link to a Markdown page against the file
// that holds it, lower-cased; "" for other links.
func linkTarget(file, dest string) string {
	if !isPageLink(dest) {
		return ""
	}
	return strings.ToLower(path.Clean(path.Join(path.Dir(file), linkPath(dest))))
}

// isPageLink reports whether dest is a relative link to a whole Markdown
// page. A link into a section ("chat.md#chattype-values") names something
// the page defines besides its type.
func isPageLink(dest string) bool {
	if strings.IndexByte(dest, '#') >= 0 {
		return false
	}
	d := linkPath(dest)
	n := len(d)
	return n > 3 && d[0] != '/' && strings.IndexByte(d, ':') < 0 &&
		d[n-3] == '.' && d[n-2]|0x20 == 'm' && d[n-1]|0x20 == 'd'
}

// linkPath is dest without its query and surrounding spaces.
func linkPath(dest string) string {
	if i := strings.IndexByte(dest, '?'); i >= 0 {
		dest = dest[:i]
	}
	return strings.TrimSpace(dest)
}
