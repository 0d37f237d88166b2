// Package serve is `docgen serve`: a Microsoft Graph sandbox served
// straight from the documentation model, without generating code. Routes
// come from the pages' HTTP request paths; request bodies are checked as
// the generated servers check them; answers are the documented response
// examples (the one whose request best matches), or valid objects
// synthesised from the response type; with Options.Stateful, creates,
// lists, gets, updates and deletes act on an in-memory store, optionally
// made durable by an append-only log.
package serve

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/docgen-dev/docgen/internal/examples"
	"github.com/docgen-dev/docgen/parser/model"
)

// DefaultMaxBodyBytes is the request body limit, 4 MiB as in Graph.
const DefaultMaxBodyBytes = 4 << 20

// Options configure a Server.
type Options struct {
	// Prefix mounts the routes under a path such as "/v1.0" ("" for none).
	Prefix string
	// MaxBodyBytes limits request bodies (0: DefaultMaxBodyBytes).
	MaxBodyBytes int64
	// Stateful serves creates, lists, gets, updates and deletes of entity
	// collections from an in-memory store instead of the examples.
	Stateful bool
	// StateDir makes the store durable: an append-only log in the folder,
	// fsynced before a write is answered, compacted atomically.
	StateDir string
	// Seed preloads the store: a JSON object mapping collection paths
	// ("users", "me/events") to arrays of objects.
	Seed []byte
	// PageSize is the largest page a stateful list returns before an
	// @odata.nextLink (0: 100).
	PageSize int
	// Log receives one line per request (nil: none); LogJSON makes the
	// lines JSON objects.
	Log     io.Writer
	LogJSON bool
}

// respKind is what a successful answer carries.
type respKind uint8

const (
	respJSON respKind = iota
	respNoContent
	respRedirect
)

// operation is a documented operation with what serving it needs.
type operation struct {
	*model.Operation
	body     bodyKind
	bodyType *stype
	bodyRef  model.TypeRef
	status   int
	resp     respKind
	respRef  model.TypeRef
	// entity is the entity type a stateful operation stores.
	entity *stype
	kind   stateKind

	// What the first request of the operation works out (prepare), so
	// that startup does not pay for operations nobody calls.
	once sync.Once
	// required and readOnly are the body members the operation requires
	// or refuses; pairs its documented examples, only the one pair that
	// answers every request when there is one.
	required []*model.Property
	readOnly []*model.Property
	pairs    []*pair
	only     *pair
}

// ready returns op with its examples and body rules worked out.
func (op *operation) ready() *operation {
	op.once.Do(func() {
		op.pairs = newPairs(op.Operation)
		op.only = answering(op.pairs)
		if op.body == bodyStruct {
			op.required, op.readOnly = opRules(op.Operation, op.bodyType)
		}
	})
	return op
}

// Server is the http.Handler of the sandbox.
type Server struct {
	opts   Options
	prefix string
	s      *schema
	chk    *checker
	ops    []*operation
	router *router
	store  *store
	logMu  sync.Mutex
}

// New builds a Server over pkg.
func New(pkg *model.Package, opts Options) (*Server, error) {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opts.PageSize <= 0 {
		opts.PageSize = 100
	}
	prefix := strings.TrimSuffix(opts.Prefix, "/")
	if prefix != "" && !strings.HasPrefix(prefix, "/") {
		prefix = "/" + prefix
	}
	sch := newSchema(pkg)
	srv := &Server{opts: opts, prefix: prefix, s: sch, chk: &checker{s: sch, maxBody: opts.MaxBodyBytes}}
	var routes []*route
	for _, mo := range pkg.Operations {
		if mo == nil {
			continue
		}
		op := srv.newOperation(mo)
		srv.ops = append(srv.ops, op)
		for _, p := range mo.Paths {
			if p == nil || len(p.Segments) == 0 && p.Template != "/" {
				continue
			}
			m := strings.ToUpper(cmpOr(p.Method, mo.Method))
			routes = append(routes, &route{op: op, path: p, segs: p.Segments, method: m})
		}
	}
	srv.router = newRouter(routes)
	if opts.Stateful {
		st, err := openStore(opts.StateDir)
		if err != nil {
			return nil, err
		}
		srv.store = st
		if len(opts.Seed) > 0 {
			if err := st.seed(opts.Seed); err != nil {
				st.close()
				return nil, err
			}
		}
	}
	return srv, nil
}

// Close releases the store's log file.
func (srv *Server) Close() error {
	if srv.store != nil {
		return srv.store.close()
	}
	return nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// newOperation works out an operation's body, rules and answer, as the
// generator's handler plan does.
func (srv *Server) newOperation(mo *model.Operation) *operation {
	op := &operation{Operation: mo}
	if rb := mo.RequestBody; rb != nil {
		ct := strings.ToLower(strings.TrimSpace(rb.ContentType))
		switch {
		case ct != "" && !strings.HasPrefix(ct, "application/json"):
			op.body = bodyRaw
		case rb.Type.Name == "" && len(rb.Properties) > 0:
			op.body = bodyStruct
			op.bodyType = srv.s.synthetic(mo)
		case !rb.Type.Collection && srv.s.lookup(rb.Type.Name) != nil && srv.s.lookup(rb.Type.Name).isStruct():
			op.body = bodyStruct
			op.bodyType = srv.s.lookup(rb.Type.Name)
		default:
			op.body = bodyJSON
			op.bodyRef = rb.Type
		}
	}
	// The status and body of the answer, as the generated handlers decide them.
	status, ref, noContent := examples.SuccessAnswer(mo, mo.Method)
	op.status = status
	op.respRef = ref
	switch {
	case status >= 300:
		op.resp = respRedirect
	case noContent || ref.Name == "" || status == http.StatusNoContent:
		op.resp = respNoContent
	}
	srv.classify(op)
	return op
}

// statusWriter records the status of a response for the request log.
type statusWriter struct {
	http.ResponseWriter
	status int
	n      int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.n += n
	return n, err
}

// ServeHTTP serves /healthz and the documented routes under the prefix.
func (srv *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	sw := &statusWriter{ResponseWriter: w}
	srv.serve(sw, r)
	if srv.opts.Log != nil {
		srv.logRequest(r, sw.status, time.Since(start))
	}
}

func (srv *Server) logRequest(r *http.Request, status int, d time.Duration) {
	// Built by appending (no fmt, no reflection): the log is on by
	// default and written for every request.
	line := make([]byte, 0, 128)
	now := time.Now().UTC()
	if srv.opts.LogJSON {
		line = append(line, `{"time":"`...)
		line = now.AppendFormat(line, time.RFC3339Nano)
		line = append(line, `","method":`...)
		line = appendQuoted(line, r.Method)
		line = append(line, `,"path":`...)
		line = appendQuoted(line, r.URL.RequestURI())
		line = append(line, `,"status":`...)
		line = strconv.AppendInt(line, int64(status), 10)
		line = append(line, `,"latency_ms":`...)
		line = strconv.AppendFloat(line, float64(d.Microseconds())/1000, 'f', -1, 64)
		line = append(line, "}\n"...)
	} else {
		line = now.AppendFormat(line, "2006-01-02T15:04:05.000Z")
		line = append(line, ' ')
		line = append(line, r.Method...)
		line = append(line, ' ')
		line = append(line, r.URL.RequestURI()...)
		line = append(line, ' ')
		line = strconv.AppendInt(line, int64(status), 10)
		line = append(line, ' ')
		line = append(line, d.Round(time.Microsecond).String()...)
		line = append(line, '\n')
	}
	srv.logMu.Lock()
	_, _ = srv.opts.Log.Write(line)
	srv.logMu.Unlock()
}

func (srv *Server) serve(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler { //nolint:errorlint // compared by identity
				panic(v)
			}
			writeGraphError(w, r, &GraphError{Status: http.StatusInternalServerError, Code: codeGeneralException, Message: "An internal server error occurred."})
		}
	}()
	path := r.URL.EscapedPath()
	if path == "/healthz" && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, `{"status":"ok"}`+"\n")
		return
	}
	if srv.prefix != "" {
		if path != srv.prefix && !strings.HasPrefix(path, srv.prefix+"/") {
			http.NotFound(w, r)
			return
		}
		path = path[len(srv.prefix):]
	}
	parts := splitPath(path)
	method := r.Method
	if method == http.MethodHead {
		method = http.MethodGet
	}
	bs, allow := srv.router.match(method, parts)
	if len(bs) == 0 {
		if len(allow) == 0 {
			writeGraphError(w, r, newGraphError(http.StatusNotFound, codeItemNotFound, "Resource not found for the segment path '%s'.", r.URL.Path))
			return
		}
		if contains(allow, http.MethodGet) {
			allow = append(allow, http.MethodHead)
		}
		slices.Sort(allow)
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeGraphError(w, r, newGraphError(http.StatusMethodNotAllowed, codeNotAllowed, "The method %s is not allowed on '%s'; allowed: %s.", r.Method, r.URL.Path, strings.Join(allow, ", ")))
		return
	}
	srv.serveOp(w, r, bs)
}

// serveOp checks the request of a matched operation and answers it.
// When several operations document the path equally well, the one with
// the example whose request best matches this one answers.
func (srv *Server) serveOp(w http.ResponseWriter, r *http.Request, bs []*binding) {
	b := bs[0]
	if len(bs) > 1 {
		var body *jvalue
		if r.Body != nil && r.Body != http.NoBody && r.ContentLength <= srv.opts.MaxBodyBytes {
			data, err := io.ReadAll(io.LimitReader(r.Body, srv.opts.MaxBodyBytes+1))
			r.Body = io.NopCloser(bytes.NewReader(data))
			if err == nil && json.Valid(data) {
				body = parseJSON(data)
			}
		}
		best := -1 << 30
		for _, c := range bs {
			if _, score := pickScore(c.rt.op.ready().pairs, r, c.parts, body); score > best {
				b, best = c, score
			}
		}
	}
	op := b.rt.op.ready()
	// The operation that answers, for test harnesses and people reading
	// a trace.
	w.Header().Set("Docgen-Operation", op.Name)
	if ge := checkQuery(r); ge != nil {
		writeGraphError(w, r, ge)
		return
	}
	var body *jvalue
	switch op.body {
	case bodyRaw:
		if _, ge := srv.chk.readBody(w, r); ge != nil {
			writeGraphError(w, r, ge)
			return
		}
	case bodyJSON, bodyStruct:
		data, ge := srv.chk.readBody(w, r)
		if ge == nil {
			body, ge = srv.chk.checkJSON(r.Header.Get("Content-Type"), data, op)
		}
		if ge != nil {
			writeGraphError(w, r, ge)
			return
		}
	}
	if srv.store != nil && op.kind != stateNone {
		if srv.serveStateful(w, r, b, body) {
			return
		}
	}
	srv.answer(w, r, b, body)
}

// answer writes the documented (or synthesised) answer of the operation.
func (srv *Server) answer(w http.ResponseWriter, r *http.Request, b *binding, body *jvalue) {
	op := b.rt.op
	h := w.Header()
	if id := clientRequestID(r); id != "" {
		h.Set("client-request-id", id)
	}
	h.Set("request-id", newRequestID())
	p := op.only
	if p == nil || preferExample(r) != "" {
		p = pick(op.pairs, r, b.parts, body)
	}
	if p != nil && p.resp != nil {
		if data := p.data; p.ok {
			// The example that answers, by name.
			h["Docgen-Example"] = []string{p.resp.Name}
			for _, hd := range p.headers {
				h[hd.name] = hd.value
			}
			status := statusOf(p.resp, op)
			if len(data) > 0 && status != http.StatusNoContent && status != http.StatusNotModified {
				if h.Get("Content-Type") == "" {
					h.Set("Content-Type", "application/json")
				}
				w.WriteHeader(status)
				if r.Method != http.MethodHead {
					_, _ = w.Write(data)
				}
				return
			}
			w.WriteHeader(status)
			return
		}
	}
	switch op.resp {
	case respNoContent:
		w.WriteHeader(op.status)
	case respRedirect:
		h.Set("Location", "https://example.com/download")
		w.WriteHeader(op.status)
	default:
		data := synth{srv.s}.body(op)
		h.Set("Content-Type", "application/json")
		w.WriteHeader(op.status)
		if r.Method != http.MethodHead {
			_, _ = w.Write(data)
		}
	}
}
