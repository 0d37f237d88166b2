package serve

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/docgen-dev/docgen/parser/model"
)

// stateKind is what an operation does to the stateful store.
type stateKind uint8

const (
	stateNone   stateKind = iota
	stateCreate           // POST to a collection
	stateList             // GET of a collection
	stateGet              // GET of an item
	statePatch            // PATCH of an item
	statePut              // PUT of an item
	stateDelete           // DELETE of an item
)

// classify decides whether an operation acts on the store: its method,
// the last segment of its first path (a collection or an item) and the
// entity type it returns or takes.
func (srv *Server) classify(op *operation) {
	var path *model.Path
	for _, p := range op.Paths {
		if p != nil && len(p.Segments) > 0 {
			path = p
			break
		}
	}
	if path == nil {
		return
	}
	last := path.Segments[len(path.Segments)-1]
	item := last.Kind == model.Param || last.Kind == model.KeySegment
	coll := last.Kind == model.Literal && !strings.HasPrefix(last.Raw, "$")
	entity := func(ref model.TypeRef) *stype {
		if t := srv.s.lookup(ref.Name); t != nil && t.Kind == model.EntityType && t.key != "" {
			return t
		}
		return nil
	}
	method := strings.ToUpper(op.Method)
	switch {
	case method == http.MethodPost && coll && op.body == bodyStruct && op.bodyType.Kind == model.EntityType && op.resp == respJSON && !op.respRef.Collection:
		op.kind, op.entity = stateCreate, op.bodyType
	case method == http.MethodGet && coll && op.respRef.Collection && entity(op.respRef) != nil:
		op.kind, op.entity = stateList, entity(op.respRef)
	case method == http.MethodGet && item && !op.respRef.Collection && entity(op.respRef) != nil:
		op.kind, op.entity = stateGet, entity(op.respRef)
	case method == http.MethodPatch && item && (op.body == bodyStruct || op.body == bodyJSON):
		op.kind = statePatch
		op.entity = entity(op.respRef)
		if op.entity == nil && op.bodyType != nil && op.bodyType.Kind == model.EntityType {
			op.entity = op.bodyType
		}
	case method == http.MethodPut && item && op.body == bodyStruct && op.bodyType.Kind == model.EntityType:
		op.kind, op.entity = statePut, op.bodyType
	case method == http.MethodDelete && item:
		op.kind = stateDelete
	}
}

// object is a stored JSON object: members in order.
type object struct {
	keys []string
	vals map[string]json.RawMessage
	// enc is the object's JSON, set when it is stored (a stored object
	// is never changed: a patch stores a changed copy), so that a get
	// writes it without encoding it again.
	enc []byte
}

func newObject() *object { return &object{vals: map[string]json.RawMessage{}} }

func (o *object) set(k string, v json.RawMessage) {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

func (o *object) clone() *object {
	c := &object{keys: append([]string(nil), o.keys...), vals: make(map[string]json.RawMessage, len(o.vals))}
	for k, v := range o.vals {
		c.vals[k] = v
	}
	return c
}

// appendJSON appends o, keeping only the members keep allows (nil: all).
func (o *object) appendJSON(b []byte, keep func(string) bool) []byte {
	b = append(b, '{')
	n := 0
	for _, k := range o.keys {
		if keep != nil && !keep(k) {
			continue
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = appendQuoted(b, k)
		b = append(b, ':')
		b = append(b, o.vals[k]...)
	}
	return append(b, '}')
}

func (o *object) MarshalJSON() ([]byte, error) { return o.appendJSON(nil, nil), nil }

func (o *object) UnmarshalJSON(data []byte) error {
	if !json.Valid(data) {
		return errors.New("invalid JSON")
	}
	v := parseJSON(data)
	if v.kind != jObject {
		return errors.New("not a JSON object")
	}
	*o = *objectOf(v)
	return nil
}

// objectOf copies a parsed JSON object.
func objectOf(v *jvalue) *object {
	o := newObject()
	for i, k := range v.keys {
		var buf bytes.Buffer
		if err := json.Compact(&buf, v.vals[i].raw); err != nil {
			continue
		}
		o.set(k, buf.Bytes())
	}
	return o
}

// collection is the stored objects of one collection path, in insertion
// order.
type collection struct {
	order []string
	items map[string]*object
}

// record is one line of the durable log.
type record struct {
	Op  string  `json:"o"` // "put" or "del"
	Col string  `json:"c"`
	Key string  `json:"k"`
	Val *object `json:"v,omitempty"`
}

// store is the stateful mode's data: collections by lower-cased path.
type store struct {
	mu    sync.RWMutex
	cols  map[string]*collection
	dir   string
	f     *os.File
	lines int // records in the log
	live  int // objects stored
}

// logName is the log's file name in the state folder.
const logName = "store.log"

// openStore opens a store, durable when dir is not empty: the log in dir
// is replayed (a torn last line, never acknowledged, is dropped) and
// compacted.
func openStore(dir string) (*store, error) {
	st := &store{cols: map[string]*collection{}, dir: dir}
	if dir == "" {
		return st, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(filepath.Join(dir, logName))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	for len(data) > 0 {
		line := data
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			break // torn write: not acknowledged
		}
		line, data = data[:i], data[i+1:]
		var rec record
		if err := json.Unmarshal(line, &rec); err != nil {
			return nil, fmt.Errorf("%s: corrupt record: %v", filepath.Join(dir, logName), err)
		}
		st.apply(&rec)
	}
	if err := st.compact(); err != nil {
		return nil, err
	}
	return st, nil
}

func (st *store) close() error {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.f == nil {
		return nil
	}
	err := st.f.Close()
	st.f = nil
	return err
}

// apply changes memory by one record.
func (st *store) apply(rec *record) {
	c := st.cols[rec.Col]
	if c == nil {
		c = &collection{items: map[string]*object{}}
		st.cols[rec.Col] = c
	}
	switch rec.Op {
	case "put":
		if rec.Val == nil {
			return // a put without an object (a damaged log) stores nothing
		}
		if _, ok := c.items[rec.Key]; !ok {
			c.order = append(c.order, rec.Key)
			st.live++
		}
		rec.Val.enc = rec.Val.appendJSON(nil, nil)
		c.items[rec.Key] = rec.Val
	case "del":
		if _, ok := c.items[rec.Key]; ok {
			delete(c.items, rec.Key)
			for i, k := range c.order {
				if k == rec.Key {
					c.order = append(c.order[:i], c.order[i+1:]...)
					break
				}
			}
			st.live--
		}
	}
}

// write makes recs durable (appended and fsynced) and applies them. The
// caller holds st.mu.
func (st *store) write(recs ...*record) error {
	if st.f != nil {
		var buf []byte
		for _, r := range recs {
			line, err := json.Marshal(r)
			if err != nil {
				return err
			}
			buf = append(append(buf, line...), '\n')
		}
		if _, err := st.f.Write(buf); err != nil {
			return err
		}
		if err := st.f.Sync(); err != nil {
			return err
		}
		st.lines += len(recs)
	}
	for _, r := range recs {
		st.apply(r)
	}
	if st.f != nil && st.lines > 2*st.live+1000 {
		return st.compact()
	}
	return nil
}

// compact rewrites the log as one put per stored object: written to a
// temporary file, fsynced, renamed over the log and the folder fsynced,
// so a crash leaves either the old log or the new one.
func (st *store) compact() error {
	if st.dir == "" {
		return nil
	}
	if st.f != nil {
		st.f.Close()
		st.f = nil
	}
	tmp, err := os.CreateTemp(st.dir, logName+".tmp*")
	if err != nil {
		return err
	}
	w := bufio.NewWriter(tmp)
	n := 0
	for _, name := range sortedKeys(st.cols) {
		c := st.cols[name]
		for _, k := range c.order {
			line, err := json.Marshal(&record{Op: "put", Col: name, Key: k, Val: c.items[k]})
			if err != nil {
				tmp.Close()
				os.Remove(tmp.Name())
				return err
			}
			w.Write(line)
			w.WriteByte('\n')
			n++
		}
	}
	err = w.Flush()
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), filepath.Join(st.dir, logName)); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if d, err := os.Open(st.dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	f, err := os.OpenFile(filepath.Join(st.dir, logName), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	st.f = f
	st.lines = n
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// seed preloads objects: {"users": [{...}], "me/events": [...]}.
func (st *store) seed(data []byte) error {
	var m map[string][]*object
	if err := json.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("seed: %v", err)
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	var recs []*record
	for _, name := range sortedKeys(m) {
		col := strings.ToLower(strings.Trim(name, "/"))
		for _, o := range m[name] {
			if o == nil {
				continue
			}
			key := keyOf(o, "id")
			if key == "" {
				key = newRequestID()
				o.set("id", quoteJSON(key))
			}
			recs = append(recs, &record{Op: "put", Col: col, Key: key, Val: o})
		}
	}
	return st.write(recs...)
}

// keyOf returns o's key member as a string.
func keyOf(o *object, key string) string {
	raw, ok := o.vals[key]
	if !ok {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

func quoteJSON(s string) json.RawMessage { return appendQuoted(nil, s) }

// itemAddress returns the collection and key of an item request: the path
// without its last segment, and the key the last segment binds.
func itemAddress(b *binding) (col, key string, alts []string) {
	segs := b.rt.segs
	last := segs[len(segs)-1]
	n := len(b.parts)
	if last.Kind == model.KeySegment {
		name, _, _ := splitCall(b.parts[n-1])
		prefix := append(append([]string(nil), b.parts[:n-1]...), name)
		col = strings.ToLower(strings.Join(prefix, "/"))
		if len(last.Params) > 0 {
			key = b.params[last.Params[0].Name]
		}
	} else {
		col = strings.ToLower(strings.Join(b.parts[:n-1], "/"))
		key = b.parts[n-1]
	}
	if len(last.Params) > 0 {
		alts = last.Params[0].Alternatives
	}
	return col, key, alts
}

// find returns the stored item for key, or the one whose alternative
// member equals it ({id | userPrincipalName}). The caller holds st.mu.
func (st *store) find(col, key string, alts []string) (string, *object) {
	c := st.cols[col]
	if c == nil {
		return "", nil
	}
	if o := c.items[key]; o != nil {
		return key, o
	}
	for _, a := range alts {
		for _, k := range c.order {
			if strings.EqualFold(keyOf(c.items[k], a), key) {
				return k, c.items[k]
			}
		}
	}
	return "", nil
}

// serverTimestamps are the members a create or update sets to now when
// the entity type has them.
var createdMembers = []string{"createdDateTime", "lastModifiedDateTime"}

// serveStateful answers a stateful operation; false lets the examples
// answer (a create without a body, say).
func (srv *Server) serveStateful(w http.ResponseWriter, r *http.Request, b *binding, body *jvalue) bool {
	op := b.rt.op
	st := srv.store
	q, _ := parseQuery(r.URL.RawQuery)
	switch op.kind {
	case stateCreate:
		if body == nil || body.kind != jObject {
			return false
		}
		o := objectOf(body)
		key := keyOf(o, op.entity.key)
		if key == "" {
			key = newRequestID()
			o.set(op.entity.key, quoteJSON(key))
		}
		now := quoteJSON(time.Now().UTC().Format(time.RFC3339Nano))
		for _, m := range createdMembers {
			if f := op.entity.field(m); f != nil && f.TypeRef.Name == "Edm.DateTimeOffset" {
				if _, ok := o.vals[m]; !ok || f.ReadOnly {
					o.set(m, now)
				}
			}
		}
		if _, ok := o.vals["@odata.type"]; !ok && len(op.entity.Derived) > 0 {
			o.set("@odata.type", quoteJSON("#"+op.entity.Name))
		}
		col := strings.ToLower(strings.Join(b.parts, "/"))
		st.mu.Lock()
		if c := st.cols[col]; c != nil && c.items[key] != nil {
			st.mu.Unlock()
			writeGraphError(w, r, newGraphError(http.StatusConflict, "nameAlreadyExists", "An object with the key '%s' already exists.", key))
			return true
		}
		err := st.write(&record{Op: "put", Col: col, Key: key, Val: o})
		st.mu.Unlock()
		if err != nil {
			writeGraphError(w, r, newGraphError(http.StatusInternalServerError, codeGeneralException, "The object could not be stored."))
			return true
		}
		w.Header().Set("Location", requestBase(r)+r.URL.EscapedPath()+"/"+url.PathEscape(key))
		srv.writeObject(w, r, op.status, o, nil)
		return true
	case stateList:
		return srv.list(w, r, b, q)
	case stateGet:
		col, key, alts := itemAddress(b)
		st.mu.RLock()
		_, o := st.find(col, key, alts)
		st.mu.RUnlock()
		if o == nil {
			writeNotFound(w, r, key)
			return true
		}
		srv.writeObject(w, r, http.StatusOK, o, q.sel)
		return true
	case statePatch, statePut:
		if body == nil || body.kind != jObject {
			return false
		}
		col, key, alts := itemAddress(b)
		st.mu.Lock()
		k, old := st.find(col, key, alts)
		if old == nil {
			st.mu.Unlock()
			writeNotFound(w, r, key)
			return true
		}
		var o *object
		in := objectOf(body)
		if op.kind == statePut {
			o = in
			o.set("id", quoteJSON(k))
		} else {
			o = old.clone()
			for _, m := range in.keys {
				o.set(m, in.vals[m]) // null clears; absent members stay
			}
		}
		if op.entity != nil {
			if f := op.entity.field("lastModifiedDateTime"); f != nil && f.TypeRef.Name == "Edm.DateTimeOffset" {
				o.set("lastModifiedDateTime", quoteJSON(time.Now().UTC().Format(time.RFC3339Nano)))
			}
		}
		err := st.write(&record{Op: "put", Col: col, Key: k, Val: o})
		st.mu.Unlock()
		if err != nil {
			writeGraphError(w, r, newGraphError(http.StatusInternalServerError, codeGeneralException, "The object could not be stored."))
			return true
		}
		if op.resp == respNoContent {
			w.WriteHeader(op.status)
			return true
		}
		srv.writeObject(w, r, op.status, o, nil)
		return true
	case stateDelete:
		col, key, alts := itemAddress(b)
		st.mu.Lock()
		k, old := st.find(col, key, alts)
		if old == nil {
			st.mu.Unlock()
			writeNotFound(w, r, key)
			return true
		}
		err := st.write(&record{Op: "del", Col: col, Key: k})
		st.mu.Unlock()
		if err != nil {
			writeGraphError(w, r, newGraphError(http.StatusInternalServerError, codeGeneralException, "The object could not be deleted."))
			return true
		}
		w.WriteHeader(http.StatusNoContent)
		return true
	}
	return false
}

func writeNotFound(w http.ResponseWriter, r *http.Request, key string) {
	writeGraphError(w, r, newGraphError(http.StatusNotFound, codeItemNotFound, "Resource '%s' does not exist or one of its queried reference-property objects are not present.", key))
}

// requestBase is the scheme and host the client used.
func requestBase(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// selector returns the member filter of a $select (nil: all members).
func selector(sel []string) func(string) bool {
	if len(sel) == 0 {
		return nil
	}
	return func(k string) bool {
		if k == "id" || strings.HasPrefix(k, "@odata.") {
			return true
		}
		for _, s := range sel {
			if strings.EqualFold(s, k) {
				return true
			}
		}
		return false
	}
}

func (srv *Server) writeObject(w http.ResponseWriter, r *http.Request, status int, o *object, sel []string) {
	data := o.enc
	if data == nil || len(sel) > 0 {
		data = o.appendJSON(nil, selector(sel))
	}
	h := w.Header()
	h["Content-Type"] = []string{"application/json"}
	h["Content-Length"] = []string{strconv.Itoa(len(data))}
	h["Request-Id"] = []string{newRequestID()}
	if id := clientRequestID(r); id != "" {
		h["Client-Request-Id"] = []string{id}
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// clause is one "member eq value" of a $filter.
type clause struct {
	member string
	value  json.RawMessage
}

// parseFilter reads "a eq 'x' and b eq 5": equality comparisons joined by
// and.
func parseFilter(f string) ([]clause, bool) {
	var out []clause
	rest := strings.TrimSpace(f)
	for rest != "" {
		fields := strings.SplitN(rest, " ", 3)
		if len(fields) < 3 || !strings.EqualFold(fields[1], "eq") {
			return nil, false
		}
		member, tail := fields[0], strings.TrimSpace(fields[2])
		var lit string
		if strings.HasPrefix(tail, "'") {
			i := 1
			for ; i < len(tail); i++ {
				if tail[i] == '\'' {
					if i+1 < len(tail) && tail[i+1] == '\'' {
						i++
						continue
					}
					break
				}
			}
			if i >= len(tail) {
				return nil, false
			}
			lit, tail = tail[:i+1], strings.TrimSpace(tail[i+1:])
		} else {
			lit, tail, _ = strings.Cut(tail, " ")
			tail = strings.TrimSpace(tail)
		}
		var val json.RawMessage
		if strings.HasPrefix(lit, "'") {
			val = quoteJSON(unquote(lit))
		} else if json.Valid([]byte(lit)) {
			val = json.RawMessage(lit)
		} else {
			val = quoteJSON(lit) // an unquoted GUID or enum
		}
		out = append(out, clause{member: strings.ReplaceAll(member, "/", "."), value: val})
		if tail == "" {
			break
		}
		next, after, ok := strings.Cut(tail, " ")
		if !ok || !strings.EqualFold(next, "and") {
			return nil, false
		}
		rest = strings.TrimSpace(after)
	}
	return out, len(out) > 0
}

// matches reports whether o satisfies every clause.
func (c clause) matches(o *object) bool {
	raw, ok := o.vals[c.member]
	if !ok {
		return false
	}
	if bytes.Equal(raw, c.value) {
		return true
	}
	var a, b any
	if json.Unmarshal(raw, &a) != nil || json.Unmarshal(c.value, &b) != nil {
		return false
	}
	if sa, ok := a.(string); ok {
		if sb, ok := b.(string); ok {
			return strings.EqualFold(sa, sb)
		}
	}
	return fmt.Sprint(a) == fmt.Sprint(b)
}

// list answers a stateful list: $filter (eq), $count, $skip, $top,
// $select, and paging with @odata.nextLink and $skiptoken.
func (srv *Server) list(w http.ResponseWriter, r *http.Request, b *binding, q odataQuery) bool {
	var clauses []clause
	if q.filter != "" {
		var ok bool
		if clauses, ok = parseFilter(q.filter); !ok {
			writeGraphError(w, r, odataError("$filter", "The $filter expression '%s' is not supported: use member eq value, joined by and.", q.filter))
			return true
		}
	}
	col := strings.ToLower(strings.Join(b.parts, "/"))
	st := srv.store
	st.mu.RLock()
	var all []*object
	if c := st.cols[col]; c != nil {
		for _, k := range c.order {
			o := c.items[k]
			ok := true
			for _, cl := range clauses {
				if !cl.matches(o) {
					ok = false
					break
				}
			}
			if ok {
				all = append(all, o)
			}
		}
	}
	st.mu.RUnlock()
	skip := max(q.skip, 0)
	if q.skipToken != "" {
		n, err := strconv.Atoi(q.skipToken)
		if err != nil || n < 0 {
			writeGraphError(w, r, odataError("$skiptoken", "The $skiptoken '%s' is not one this server issued.", q.skipToken))
			return true
		}
		skip = n
	}
	// $top is the page size, as in Graph; without it, PageSize. Paging
	// goes on with an @odata.nextLink while objects remain.
	size := srv.opts.PageSize
	if q.top >= 0 {
		size = q.top
	}
	skip = min(skip, len(all))
	page := min(size, len(all)-skip)
	buf := []byte(`{"@odata.context":`)
	buf = appendQuoted(buf, requestBase(r)+srv.prefix+"/$metadata#"+strings.Join(b.parts, "/"))
	if q.count {
		buf = append(buf, `,"@odata.count":`...)
		buf = strconv.AppendInt(buf, int64(len(all)), 10)
	}
	buf = append(buf, `,"value":[`...)
	sel := selector(q.sel)
	for i := 0; i < page; i++ {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = all[skip+i].appendJSON(buf, sel)
	}
	buf = append(buf, ']')
	if skip+page < len(all) && page > 0 {
		v := r.URL.Query()
		for k := range v {
			if _, ok, _ := odataName(k); ok {
				if c, _, _ := odataName(k); c == "$skip" || c == "$skiptoken" {
					v.Del(k)
				}
			}
		}
		v.Set("$skiptoken", strconv.Itoa(skip+page))
		buf = append(buf, `,"@odata.nextLink":`...)
		buf = appendQuoted(buf, requestBase(r)+r.URL.EscapedPath()+"?"+v.Encode())
	}
	buf = append(buf, '}')
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(buf)))
	if id := clientRequestID(r); id != "" {
		h.Set("client-request-id", id)
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(buf)
	}
	return true
}
