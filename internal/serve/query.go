package serve

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// This file checks system query options as the generated servers'
// readODataQuery does (templates/runtime/odata_query.go), with the same
// 400 answers, and keeps the values the stateful store uses.

var odataNames = []string{"$select", "$expand", "$filter", "$orderby", "$top", "$skip", "$count", "$search", "$skiptoken", "$deltatoken", "$id", "$format"}

// odataQuery is what the store reads of the options.
type odataQuery struct {
	sel       []string
	filter    string
	top, skip int // -1 when absent
	count     bool
	skipToken string
}

// odataName returns the canonical name of a query parameter that is a
// system query option.
func odataName(name string) (canon string, ok, dollar bool) {
	dollar = strings.HasPrefix(name, "$")
	bare := strings.TrimPrefix(name, "$")
	for i, n := range odataNames {
		if strings.EqualFold(bare, n[1:]) {
			if !dollar && i >= 8 {
				return "", false, false
			}
			return n, true, dollar
		}
	}
	return "", false, dollar
}

func odataError(target, format string, args ...any) *GraphError {
	ge := newGraphError(http.StatusBadRequest, codeInvalidRequest, format, args...)
	ge.Target = target
	return ge
}

// checkQuery validates r's query options.
func checkQuery(r *http.Request) *GraphError {
	_, ge := parseQuery(r.URL.RawQuery)
	return ge
}

// parseQuery parses and checks the system query options of a raw query.
func parseQuery(raw string) (odataQuery, *GraphError) {
	q := odataQuery{top: -1, skip: -1}
	if raw == "" {
		return q, nil
	}
	vals, err := url.ParseQuery(raw)
	if err != nil {
		return q, newGraphError(http.StatusBadRequest, codeInvalidRequest, "The query string is malformed: %v.", err)
	}
	seen := map[string]string{}
	for _, name := range slices.Sorted(maps.Keys(vals)) {
		canon, ok, dollar := odataName(name)
		if !ok {
			if dollar {
				return q, odataError(name, "The query option '%s' is not supported.", name)
			}
			continue
		}
		if prev := seen[canon]; prev != "" || len(vals[name]) > 1 {
			if prev == "" {
				prev = name
			}
			return q, odataError(canon, "The query option '%s' is given more than once (as '%s' and '%s').", canon, prev, name)
		}
		seen[canon] = name
		v := vals[name][0]
		if strings.TrimSpace(v) == "" {
			return q, odataError(canon, "The query option '%s' has no value.", canon)
		}
		switch canon {
		case "$select", "$expand", "$orderby":
			items, ge := odataList(canon, v)
			if ge != nil {
				return q, ge
			}
			if canon == "$orderby" {
				for _, it := range items {
					f := strings.Fields(it)
					if len(f) == 1 || len(f) == 2 && (strings.EqualFold(f[1], "asc") || strings.EqualFold(f[1], "desc")) {
						continue
					}
					return q, odataError(canon, "Invalid item '%s' in query option '%s': want a property path optionally followed by asc or desc.", it, canon)
				}
			}
			if canon == "$select" {
				q.sel = items
			}
		case "$filter":
			q.filter = v
		case "$skiptoken":
			q.skipToken = v
		case "$top", "$skip":
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 0 {
				return q, odataError(canon, "Invalid value '%s' for query option '%s': want a non-negative integer.", v, canon)
			}
			if canon == "$top" {
				q.top = n
			} else {
				q.skip = n
			}
		case "$count":
			switch {
			case strings.EqualFold(strings.TrimSpace(v), "true"):
				q.count = true
			case strings.EqualFold(strings.TrimSpace(v), "false"):
			default:
				return q, odataError(canon, "Invalid value '%s' for query option '%s': want true or false.", v, canon)
			}
		}
	}
	return q, nil
}

// odataList splits a comma-separated option at the commas outside
// parentheses and quotes.
func odataList(canon, v string) ([]string, *GraphError) {
	var items []string
	depth, start := 0, 0
	quoted := false
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '\'':
			quoted = !quoted
		case quoted:
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth < 0 {
				return nil, odataError(canon, "The query option '%s' has an unbalanced ')' at offset %d.", canon, i)
			}
		case c == ',' && depth == 0:
			items = append(items, v[start:i])
			start = i + 1
		}
	}
	if quoted {
		return nil, odataError(canon, "The query option '%s' has an unterminated string.", canon)
	}
	if depth != 0 {
		return nil, odataError(canon, "The query option '%s' has an unbalanced '('.", canon)
	}
	items = append(items, v[start:])
	for i, it := range items {
		it = strings.TrimSpace(it)
		if it == "" {
			return nil, odataError(canon, "The query option '%s' has an empty item.", canon)
		}
		items[i] = it
	}
	return items, nil
}
