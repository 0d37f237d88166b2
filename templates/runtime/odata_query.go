package runtime

// This file parses the OData system query options of a request into the one
// ODataQuery type every generated request carries.

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// ODataQuery holds the OData system query options of a request, parsed
// once by the handler adapter. Every operation's request has the same
// type: options the operation does not support are the implementation's to
// reject (return a *GraphError with Status 400).
//
// Names are matched without regard to case, and the "$" prefix is optional
// for the options Graph accepts without it (select, expand, filter,
// orderby, top, skip, count, search). An option given twice, an unknown
// "$" option, an empty list item, unbalanced parentheses or quotes, a $top
// or $skip that is not a non-negative integer, a $count that is not true
// or false, and an $orderby item with a direction other than asc or desc
// are 400 invalidRequest. Parameters without "$" that are not options
// (function parameters, custom ones) are left alone.
type ODataQuery struct {
	// Select and Expand are the comma-separated items, trimmed;
	// parenthesized options stay part of their item
	// ("members($select=id,displayName)").
	Select []string
	Expand []string
	// Filter is the $filter expression as sent ("" when absent).
	Filter string
	// OrderBy are the items, each "path" or "path asc|desc".
	OrderBy []string
	Top     Opt[int]
	Skip    Opt[int]
	Count   Opt[bool]
	// Search is the $search expression as sent, quotes included.
	Search string
	// SkipToken and DeltaToken are the paging and delta tokens a server
	// put in an @odata.nextLink or @odata.deltaLink.
	SkipToken  string
	DeltaToken string
	// ID is $id, the entity reference of a DELETE .../$ref request.
	ID string
	// Format is $format ("json"), as sent.
	Format string
}

// odataOption identifies a system query option.
type odataOption uint8

const (
	odataSelect odataOption = iota
	odataExpand
	odataFilter
	odataOrderBy
	odataTop
	odataSkip
	odataCount
	odataSearch
	odataSkipToken
	odataDeltaToken
	odataID
	odataFormat
	odataOptionCount
)

// odataOptionNames are the canonical option names, by odataOption.
var odataOptionNames = [odataOptionCount]string{
	"$select", "$expand", "$filter", "$orderby", "$top", "$skip", "$count", "$search", "$skiptoken", "$deltatoken", "$id", "$format",
}

// odataLookup returns the option a query parameter name stands for.
func odataLookup(name string) (opt odataOption, ok, dollar bool) {
	dollar = strings.HasPrefix(name, "$")
	bare := strings.TrimPrefix(name, "$")
	for i, n := range odataOptionNames {
		if strings.EqualFold(bare, n[1:]) {
			opt = odataOption(i)
			// The paging tokens, $id and $format are never accepted
			// without "$".
			if !dollar && opt >= odataSkipToken {
				return 0, false, false
			}
			return opt, true, dollar
		}
	}
	return 0, false, dollar
}

// readODataQuery parses the query options of r. It returns a *GraphError
// (400) or a nil error; the query string "" costs nothing.
//
// It is not inlined: every generated bind method calls it.
//
//go:noinline
func readODataQuery(r *http.Request) (ODataQuery, error) {
	if r.URL.RawQuery == "" {
		return ODataQuery{}, nil
	}
	vals, err := parseQuery(r.URL.RawQuery)
	if err != nil {
		return ODataQuery{}, newGraphError(http.StatusBadRequest, codeInvalidRequest, "The query string is malformed: %v.", err)
	}
	q, ge := parseODataQuery(vals)
	if ge != nil {
		return q, ge
	}
	return q, nil
}

// parseODataQuery parses the system query options in vals (see ODataQuery
// for the rules). On failure it returns a 400 invalidRequest error whose
// Target is the option's canonical name ("$top").
func parseODataQuery(vals url.Values) (ODataQuery, *GraphError) {
	var q ODataQuery
	var seen [odataOptionCount]string
	for _, name := range slices.Sorted(maps.Keys(vals)) {
		opt, ok, dollar := odataLookup(name)
		if !ok {
			if dollar {
				return ODataQuery{}, odataError(name, "The query option '%s' is not supported.", name)
			}
			continue
		}
		canon := odataOptionNames[opt]
		if prev := seen[opt]; prev != "" || len(vals[name]) > 1 {
			if prev == "" {
				prev = name
			}
			return ODataQuery{}, odataError(canon, "The query option '%s' is given more than once (as '%s' and '%s').", canon, prev, name)
		}
		seen[opt] = name
		if ge := q.set(opt, canon, vals[name][0]); ge != nil {
			return ODataQuery{}, ge
		}
	}
	return q, nil
}

// set stores the value of one option.
func (q *ODataQuery) set(opt odataOption, canon, v string) *GraphError {
	if strings.TrimSpace(v) == "" {
		return odataError(canon, "The query option '%s' has no value.", canon)
	}
	var ge *GraphError
	switch opt {
	case odataSelect:
		q.Select, ge = odataList(canon, v)
	case odataExpand:
		q.Expand, ge = odataList(canon, v)
	case odataOrderBy:
		if q.OrderBy, ge = odataList(canon, v); ge == nil {
			ge = odataCheckOrderBy(canon, q.OrderBy)
		}
	case odataFilter:
		q.Filter = v
	case odataSearch:
		q.Search = v
	case odataSkipToken:
		q.SkipToken = v
	case odataDeltaToken:
		q.DeltaToken = v
	case odataID:
		q.ID = v
	case odataFormat:
		q.Format = v
	case odataTop, odataSkip:
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 0 {
			return odataError(canon, "Invalid value '%s' for query option '%s': want a non-negative integer.", v, canon)
		}
		if opt == odataTop {
			q.Top = Some(n)
		} else {
			q.Skip = Some(n)
		}
	case odataCount:
		switch {
		case strings.EqualFold(strings.TrimSpace(v), "true"):
			q.Count = Some(true)
		case strings.EqualFold(strings.TrimSpace(v), "false"):
			q.Count = Some(false)
		default:
			return odataError(canon, "Invalid value '%s' for query option '%s': want true or false.", v, canon)
		}
	}
	return ge
}

// odataList splits a comma-separated option value at the commas outside
// parentheses and single-quoted strings, trimming each item.
func odataList(canon, v string) ([]string, *GraphError) {
	var items []string
	depth, start := 0, 0
	quoted := false
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '\'':
			// '' inside a string is an escaped quote: toggling twice keeps
			// the state.
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

// odataCheckOrderBy checks that every $orderby item is "expr" or
// "expr asc|desc".
func odataCheckOrderBy(canon string, items []string) *GraphError {
	for _, it := range items {
		f := strings.Fields(it)
		if len(f) == 1 {
			continue
		}
		if len(f) == 2 && (strings.EqualFold(f[1], "asc") || strings.EqualFold(f[1], "desc")) {
			continue
		}
		return odataError(canon, "Invalid item '%s' in query option '%s': want a property path optionally followed by asc or desc.", it, canon)
	}
	return nil
}

// odataError returns a 400 invalidRequest error about a query option.
func odataError(target, format string, args ...any) *GraphError {
	ge := newGraphError(http.StatusBadRequest, codeInvalidRequest, format, args...)
	ge.Target = target
	return ge
}

// parseQuery is url.ParseQuery without its refusal of ";": OData writes
// nested options with it ("$expand=manager($levels=max;$select=id)").
func parseQuery(q string) (url.Values, error) {
	vals := url.Values{}
	for item := range strings.SplitSeq(q, "&") {
		if item == "" {
			continue
		}
		k, v, _ := strings.Cut(item, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			return nil, err
		}
		value, err := url.QueryUnescape(v)
		if err != nil {
			return nil, err
		}
		vals[key] = append(vals[key], value)
	}
	return vals, nil
}
