package runtime

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Paging as Graph pages: a GET operation that answers with a collection
// (ODataCollection) whose implementation returns more items than fit on a
// page answers one page with an @odata.nextLink, the request's own URL with
// a $skiptoken, and the SDKs' page iterators follow it. A page holds
// $top items when the request gives $top, else the Server's page size
// (WithPageSize; DefaultPageSize).
//
// The Server consumes its own skip tokens: the implementation sees the
// request without them and returns the whole collection again, and the
// Server answers the page the token names. An implementation that pages
// itself sets NextLink (with its own $skiptoken, which reaches it
// unchanged); the Server then answers what it returned as is. While more
// pages follow, an @odata.deltaLink the implementation set waits for the
// last page, as Graph sends it.

// DefaultPageSize is the largest page a Server answers when the request
// gives no $top, as Graph's common default.
const DefaultPageSize = 100

// WithPageSize sets the largest page a Server answers when the request
// gives no $top. n < 0 turns server-driven paging off (the whole
// collection in one answer, unless $top asks for less); n == 0 restores
// DefaultPageSize.
func WithPageSize(n int) ServerOption {
	return func(c *serverConfig) { c.pageSize = n }
}

// serverSkipTokenPrefix starts the $skiptoken values the Server writes: the
// offset of the page's first item follows.
const serverSkipTokenPrefix = "docgen-offset-"

// serverPager is a collection answer the Server can page (ODataCollection).
type serverPager interface {
	// serverPage returns the items [from, from+size) (size < 0: all from
	// from) with next as NextLink when items remain after them, or nil when
	// the implementation paged itself (NextLink set).
	serverPage(from, size int, next func(offset int) string) any
	// serverCount is @odata.count when set, else the number of items.
	serverCount() int64
}

func (c *ODataCollection[T]) serverCount() int64 {
	if c.Count.State == OptPresent {
		return c.Count.Value
	}
	return int64(len(c.Value))
}

func (c *ODataCollection[T]) serverPage(from, size int, next func(offset int) string) any {
	if c.NextLink != "" {
		return nil
	}
	if from <= 0 && (size < 0 || len(c.Value) <= size) {
		return nil
	}
	page := *c
	from = min(max(from, 0), len(c.Value))
	end := len(c.Value)
	if size >= 0 && from+size < end {
		end = from + size
	}
	page.Value = c.Value[from:end:end]
	if end < len(c.Value) {
		page.NextLink = next(end)
		page.DeltaLink = ""
	}
	return &page
}

// serverPaging is the paging state of one request: the offset its own
// $skiptoken names, and the query without that token.
type serverPaging struct {
	get    bool // a GET request: the only kind the Server pages
	offset int
	query  string // RawQuery without the Server's $skiptoken
	top    int    // $top, or -1
}

// takeSkipToken removes the Server's $skiptoken from a GET request's query,
// so the implementation sees the request it first answered, and returns
// the paging state.
func takeSkipToken(r *http.Request) serverPaging {
	pg := serverPaging{get: r.Method == http.MethodGet, top: -1}
	if !pg.get || r.URL.RawQuery == "" {
		return pg
	}
	var kept []string
	for _, item := range strings.Split(r.URL.RawQuery, "&") {
		name, value, _ := strings.Cut(item, "=")
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		if v, err := url.QueryUnescape(value); err == nil {
			value = v
		}
		switch {
		case strings.EqualFold(name, "$skiptoken") && strings.HasPrefix(value, serverSkipTokenPrefix):
			if n, err := strconv.Atoi(value[len(serverSkipTokenPrefix):]); err == nil && n >= 0 {
				pg.offset = n
				continue
			}
		case strings.EqualFold(strings.TrimPrefix(name, "$"), "top"):
			if n, err := strconv.Atoi(strings.TrimSpace(value)); err == nil && n >= 0 {
				pg.top = n
			}
		}
		kept = append(kept, item)
	}
	pg.query = strings.Join(kept, "&")
	if pg.query != r.URL.RawQuery {
		u := *r.URL
		u.RawQuery = pg.query
		r.URL = &u
	}
	return pg
}

// page returns the page of resp the request asks for (resp itself when it
// is not a collection or needs no paging).
func (pg serverPaging) page(cfg *serverConfig, r *http.Request, resp any) any {
	p, ok := resp.(serverPager)
	if !ok || !pg.get {
		return resp
	}
	size := cfg.pageSize
	if size == 0 {
		size = DefaultPageSize
	}
	if pg.top >= 0 && (size < 0 || pg.top < size) {
		size = pg.top
	}
	out := p.serverPage(pg.offset, size, func(offset int) string { return pg.nextLink(r, offset) })
	if out == nil {
		return resp
	}
	return out
}

// nextLink is the request's URL with the Server's $skiptoken for offset.
func (pg serverPaging) nextLink(r *http.Request, offset int) string {
	q := pg.query
	if q != "" {
		q += "&"
	}
	q += "$skiptoken=" + serverSkipTokenPrefix + strconv.Itoa(offset)
	u := url.URL{Path: r.URL.Path, RawPath: r.URL.RawPath, RawQuery: q}
	if r.Host != "" {
		u.Host = r.Host
		u.Scheme = "http"
		if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
			u.Scheme = "https"
		}
	}
	return u.String()
}
