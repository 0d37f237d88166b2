package serve

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/docgen-dev/docgen/internal/examples"
	"github.com/docgen-dev/docgen/parser/model"
	edm "github.com/docgen-dev/docgen/templates/runtime"
)

// This file checks request bodies as the generated servers do
// (templates/runtime server_handlers.go decodeBodyInto, the generated
// UnmarshalJSON and ValidateFor): Content-Type (415), size (413), empty or
// malformed JSON (400), a value of the wrong JSON type (400, the first in
// document order, as decoding stops there), then the validation problems
// with their codes, messages and JSON Pointers (400 with one detail per
// problem). The equivalence test (equiv_test.go) holds the two to the same
// answers over the seed pages' examples and their mutations.

// maxProblems caps the problems one answer lists, as the runtime does.
const maxProblems = 100

// bodyKind is what an operation's request body is.
type bodyKind uint8

const (
	bodyNone   bodyKind = iota // no documented body: not read
	bodyRaw                    // a non-JSON media type: read as bytes
	bodyJSON                   // JSON of a non-struct type: decoded only
	bodyStruct                 // a struct: decoded and validated for the op
)

// checker validates request bodies against the schema.
type checker struct {
	s       *schema
	maxBody int64
}

// readBody reads r's body under the size limit: 413 beyond it.
func (c *checker) readBody(w http.ResponseWriter, r *http.Request) ([]byte, *GraphError) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, nil
	}
	body := http.MaxBytesReader(w, r.Body, c.maxBody)
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(body); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, newGraphError(http.StatusRequestEntityTooLarge, codeRequestTooLarge, "The request body exceeds the limit of %d bytes.", mbe.Limit)
		}
		return nil, newGraphError(http.StatusBadRequest, codeInvalidRequest, "The request body could not be read.")
	}
	return buf.Bytes(), nil
}

// checkJSON checks a JSON request body of op: the Content-Type, that it is
// there and well formed, and (for a struct body t) the decoding and the
// validation rules of op. It returns the parsed body.
func (c *checker) checkJSON(ct string, data []byte, op *operation) (*jvalue, *GraphError) {
	if !isJSONMediaType(ct) {
		if ct == "" {
			ct = "none"
		}
		return nil, newGraphError(http.StatusUnsupportedMediaType, codeNotSupported, "The Content-Type must be application/json, got %s.", ct)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, newGraphError(http.StatusBadRequest, codeInvalidRequest, "The request body is empty; this operation requires a JSON body.")
	}
	if !json.Valid(data) {
		var x json.RawMessage
		err := json.Unmarshal(data, &x)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, newGraphError(http.StatusBadRequest, codeInvalidRequest, "The request body is malformed JSON at offset %d: %v.", se.Offset, se)
		}
		return nil, newGraphError(http.StatusBadRequest, codeInvalidRequest, "The request body is not valid JSON: %v.", err)
	}
	v := parseJSON(data)
	switch op.body {
	case bodyStruct:
		if ge := c.decodeStruct(v, op.bodyType, ""); ge != nil {
			return nil, ge
		}
		if v.kind == jNull {
			return v, nil
		}
		var p problems
		c.validateStruct(&p, v, op.bodyType, "")
		c.opRules(&p, v, op)
		if ge := p.err(); ge != nil {
			return nil, ge
		}
	case bodyJSON:
		if ge := c.decodeRef(v, op.bodyRef, ""); ge != nil {
			return nil, ge
		}
	}
	return v, nil
}

// isJSONMediaType reports whether ct is application/json with any
// parameters.
func isJSONMediaType(ct string) bool {
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.EqualFold(strings.TrimSpace(ct), "application/json")
}

// typeMismatch is the 400 of a value of the wrong JSON type at the JSON
// Pointer path, as the runtime's bodyDecodeError reports encoding/json's
// UnmarshalTypeError: want is the expected type as edmTypeName names it
// ("an Edm.String").
func typeMismatch(v *jvalue, want, path string) *GraphError {
	kind := v.kind.word()
	if kind == "array" || kind == "object" {
		kind = "an " + kind
	} else {
		kind = "a " + kind
	}
	return located(newGraphError(http.StatusBadRequest, codeInvalidRequest, "The request body has %s where %s is expected.", kind, want), path)
}

// numberMismatch is typeMismatch of a number out of the range of want,
// which encoding/json names with its value ("number 300").
func numberMismatch(raw []byte, want, path string) *GraphError {
	return located(newGraphError(http.StatusBadRequest, codeInvalidRequest, "The request body has a number %s where %s is expected.", raw, want), path)
}

// decodeFailure is the 400 of a value the runtime's decoder rejects with
// its own error, located at the JSON Pointer path.
func decodeFailure(path, msg string) *GraphError {
	return located(newGraphError(http.StatusBadRequest, codeInvalidRequest, "The request body could not be decoded: %s.", msg), path)
}

// located sets the target of ge to path, when there is one, and adds it
// to the message and as the one "type" detail, as bodyDecodeError does.
func located(ge *GraphError, path string) *GraphError {
	if path == "" {
		return ge
	}
	ge.Target = path
	ge.Message = strings.TrimSuffix(ge.Message, ".") + " at " + path + "."
	ge.Details = []GraphErrorDetail{{Code: "type", Message: ge.Message, Target: path}}
	return ge
}

// edmNames names each Edm primitive held in a Go string, bool or number
// as the runtime's edmTypeName names its Go type, for type-mismatch
// messages.
var edmNames = map[string]string{
	"Edm.String": "an Edm.String", "Edm.Guid": "an Edm.String", "Edm.Boolean": "an Edm.Boolean",
	"Edm.Byte": "an Edm.Byte", "Edm.SByte": "an Edm.SByte", "Edm.Int16": "an Edm.Int16", "Edm.Int32": "an Edm.Int32", "Edm.Int64": "an Edm.Int64",
	"Edm.Single": "an Edm.Single", "Edm.Double": "an Edm.Double",
}

// timeMessage is the runtime's message for a time.Time decoding error.
const timeMessage = "the value is not an Edm.DateTimeOffset (RFC 3339, such as 2021-07-01T10:00:00Z)"

// decodeRef checks that v decodes into a value of ref.
func (c *checker) decodeRef(v *jvalue, ref model.TypeRef, path string) *GraphError {
	if v.kind == jNull {
		return nil
	}
	if ref.Collection {
		if v.kind != jArray {
			return typeMismatch(v, "an array", path)
		}
		for i, e := range v.elems {
			if ge := c.decodeRef(e, model.TypeRef{Name: ref.Name}, path+"/"+strconv.Itoa(i)); ge != nil {
				return ge
			}
		}
		return nil
	}
	if t := c.s.lookup(ref.Name); t != nil {
		if t.isStruct() {
			return c.decodeStruct(v, t, path)
		}
		if v.kind != jString {
			return typeMismatch(v, "a "+t.Name+" member (an Edm.String)", path)
		}
		return nil
	}
	return c.decodePrimitive(v, ref.Name, path)
}

// decodePrimitive checks a primitive value.
func (c *checker) decodePrimitive(v *jvalue, name, path string) *GraphError {
	switch name {
	case "Edm.String", "Edm.Guid":
		if v.kind != jString {
			return typeMismatch(v, edmNames[name], path)
		}
	case "Edm.Boolean":
		if v.kind != jBool {
			return typeMismatch(v, edmNames[name], path)
		}
	case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64":
		bits := map[string]int{"Edm.Byte": 8, "Edm.SByte": 8, "Edm.Int16": 16, "Edm.Int32": 32, "Edm.Int64": 64}[name]
		ok := v.kind == jNumber && isInt(v.raw, bits)
		if name == "Edm.Byte" {
			ok = v.kind == jNumber && isUint(v.raw, 8)
		}
		if !ok {
			if v.kind == jNumber {
				return numberMismatch(v.raw, edmNames[name], path)
			}
			return typeMismatch(v, edmNames[name], path)
		}
	case "Edm.Single", "Edm.Double":
		if v.kind != jNumber {
			return typeMismatch(v, edmNames[name], path)
		}
		bits := 64
		if name == "Edm.Single" {
			bits = 32
		}
		if _, err := strconv.ParseFloat(string(v.raw), bits); err != nil {
			return numberMismatch(v.raw, edmNames[name], path)
		}
	case "Edm.Decimal":
		var d edm.EdmDecimal
		if err := d.UnmarshalJSON(v.raw); err != nil {
			return decodeFailure(path, trimJSON(err.Error()))
		}
	case "Edm.DateTimeOffset":
		if v.kind != jString {
			return decodeFailure(path, timeMessage)
		}
		if _, err := time.Parse(time.RFC3339Nano, v.str); err != nil {
			if _, err2 := time.Parse("2006-01-02T15:04:05.999999999", v.str); err2 != nil {
				return decodeFailure(path, "invalid Edm.DateTimeOffset "+strconv.Quote(v.str)+": want RFC 3339 like 2006-01-02T15:04:05Z")
			}
		}
	case "Edm.Date", "Edm.TimeOfDay", "Edm.Duration":
		if v.kind != jString {
			// encoding/json's UnmarshalTypeError of a TextUnmarshaler,
			// of the pointer type, which edmTypeName calls a value.
			return typeMismatch(v, "a value", path)
		}
		var err error
		switch name {
		case "Edm.Date":
			_, err = edm.ParseEdmDate(v.str)
		case "Edm.TimeOfDay":
			_, err = edm.ParseEdmTimeOfDay(v.str)
		default:
			_, err = edm.ParseEdmDuration(v.str)
		}
		if err != nil {
			return decodeFailure(path, err.Error())
		}
	case "Edm.Binary", "Edm.Stream":
		if v.kind == jArray {
			// encoding/json decodes an array of bytes into []byte.
			for _, e := range v.elems {
				if e.kind != jNumber || !isUint(e.raw, 8) {
					return typeMismatch(e, edmNames["Edm.Byte"], path)
				}
			}
			return nil
		}
		if v.kind != jString {
			return typeMismatch(v, "an array", path)
		}
		if _, err := base64.StdEncoding.DecodeString(v.str); err != nil {
			return decodeFailure(path, err.Error())
		}
	}
	return nil
}

func trimJSON(s string) string { return strings.TrimPrefix(s, "json: ") }

// decodeStruct checks that v decodes into the struct t: an object (or
// null) whose members with a field decode into it, in document order.
func (c *checker) decodeStruct(v *jvalue, t *stype, path string) *GraphError {
	if v.kind == jNull {
		return nil
	}
	if v.kind != jObject {
		// The runtime's typeError of decodeObject.
		return typeMismatch(v, "an object", path)
	}
	for i, k := range v.keys {
		f := t.field(k)
		if f == nil {
			if k == "@odata.type" && v.vals[i].kind != jString && v.vals[i].kind != jNull {
				return typeMismatch(v.vals[i], edmNames["Edm.String"], path+"/"+escapeToken(k))
			}
			continue
		}
		val := v.vals[i]
		if val.kind == jNull {
			continue
		}
		if ge := c.decodeRef(val, f.TypeRef, path+"/"+escapeToken(k)); ge != nil {
			return ge
		}
	}
	return nil
}

// escapeToken escapes a JSON Pointer reference token (RFC 6901).
func escapeToken(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// problems collects validation problems (the runtime's problems).
type problems struct {
	list    []problem
	omitted int
}

func (p *problems) add(path, code, format string, args ...any) {
	if len(p.list) >= maxProblems {
		p.omitted++
		return
	}
	p.list = append(p.list, problem{Path: path, Code: code, Message: fmt.Sprintf(format, args...)})
}

// err returns the 400 of the problems sorted by pointer then code, or nil.
func (p *problems) err() *GraphError {
	if len(p.list)+p.omitted == 0 {
		return nil
	}
	list := slices.Clone(p.list)
	slices.SortStableFunc(list, func(a, b problem) int {
		if c := comparePointers(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.Code, b.Code)
	})
	return validationError(list, p.omitted)
}

// comparePointers orders JSON Pointers token by token, array indices as
// numbers.
func comparePointers(a, b string) int {
	for a != "" || b != "" {
		if a == "" {
			return -1
		}
		if b == "" {
			return 1
		}
		ta, ra := firstToken(a)
		tb, rb := firstToken(b)
		if isIndex(ta) && isIndex(tb) && len(ta) != len(tb) {
			return len(ta) - len(tb)
		}
		if c := strings.Compare(ta, tb); c != 0 {
			return c
		}
		a, b = ra, rb
	}
	return 0
}

func firstToken(p string) (token, rest string) {
	p = strings.TrimPrefix(p, "/")
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i], p[i:]
	}
	return p, ""
}

func isIndex(tok string) bool {
	if tok == "" || len(tok) > 1 && tok[0] == '0' {
		return false
	}
	for i := 0; i < len(tok); i++ {
		if tok[i] < '0' || tok[i] > '9' {
			return false
		}
	}
	return true
}

// isPlain reports whether the generated field of p has no Opt: a required
// single value.
func isPlain(p *model.Property) bool { return p.Required && !p.Collection }

// isRaw reports whether p's values are kept as raw JSON (untyped, or an
// unknown type), which holds null itself.
func (c *checker) isRaw(p *model.Property) bool {
	if t := c.s.lookup(p.TypeRef.Name); t != nil {
		return false
	}
	_, ok := edmNames[p.TypeRef.Name]
	switch p.TypeRef.Name {
	case "Edm.Decimal", "Edm.DateTimeOffset", "Edm.Date", "Edm.TimeOfDay", "Edm.Duration", "Edm.Binary", "Edm.Stream":
		ok = true
	}
	return !ok
}

// validateStruct adds the problems of the object v of type t, as the
// generated validate method does.
func (c *checker) validateStruct(p *problems, v *jvalue, t *stype, base string) {
	if v == nil || v.kind != jObject {
		return
	}
	for _, f := range t.fields {
		val := v.get(f.Name)
		path := base + "/" + escapeToken(f.Name)
		switch {
		case f.Collection:
			if val != nil && val.kind == jNull {
				p.add(path, "null.notAllowed", "%s must not be null", f.Name)
			}
			if val != nil && val.kind == jArray {
				for i, e := range val.elems {
					c.validateValue(p, e, f, path+"/"+strconv.Itoa(i))
				}
			}
		case isPlain(f):
			if !c.isRaw(f) && val != nil && val.kind == jNull {
				p.add(path, "null.notAllowed", "%s must not be null", f.Name)
			}
			if val != nil && val.kind != jNull {
				c.validateValue(p, val, f, path)
			} else if c.zeroIsString(f) {
				// The generated field holds its zero value, "", which
				// the value checks see like any other.
				c.validateValue(p, &jvalue{kind: jString}, f, path)
			}
		default:
			if val != nil && val.kind == jNull && f.Nullable == model.False {
				p.add(path, "null.notAllowed", "%s must not be null", f.Name)
			}
			if val != nil && val.kind != jNull {
				c.validateValue(p, val, f, path)
			}
		}
	}
}

// zeroIsString reports whether the generated field of a required single
// value of f is a plain string (an enum, a GUID, a string with documented
// values), whose zero value the generated checks see when the member is
// absent or null.
func (c *checker) zeroIsString(f *model.Property) bool {
	if t := c.s.lookup(f.TypeRef.Name); t != nil {
		return t.Kind == model.EnumType
	}
	return f.TypeRef.Name == "Edm.Guid" || f.TypeRef.Name == "Edm.String" && len(f.Values) > 0
}

// validateValue adds the problems of one value of f's type.
func (c *checker) validateValue(p *problems, v *jvalue, f *model.Property, path string) {
	t := c.s.lookup(f.TypeRef.Name)
	switch {
	case t != nil && t.Kind == model.EnumType:
		if v.kind == jString && !enumKnown(t, v.str) {
			p.add(path, "enum.unknown", "%q is not a documented %s value", v.str, t.Name)
		}
	case t != nil:
		c.validateStruct(p, v, t, path)
	case f.TypeRef.Name == "Edm.Guid":
		if v.kind == jString && !validGUID(v.str) {
			p.add(path, "format.guid", "%q is not a GUID", v.str)
		}
	case len(f.Values) > 0 && f.TypeRef.Name == "Edm.String":
		if v.kind == jString && !slices.Contains(f.Values, v.str) {
			p.add(path, "enum.unknown", "%q is not one of %s", v.str, strings.Join(f.Values, ", "))
		}
	}
}

// enumKnown reports whether s is a documented member of t (every member,
// for a flags enum).
func enumKnown(t *stype, s string) bool {
	if !t.Flags {
		return slices.Contains(t.members, s)
	}
	for part := range strings.SplitSeq(s, ",") {
		if part = strings.TrimSpace(part); part != "" && !slices.Contains(t.members, part) {
			return false
		}
	}
	return true
}

// validGUID reports whether s is 8-4-4-4-12 hexadecimal digits.
func validGUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch i {
		case 8, 13, 18, 23:
			if s[i] != '-' {
				return false
			}
		default:
			c := s[i]
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}

// opRules adds the problems of op's rules: required members absent or
// null, read-only members present (the generated ValidateFor's switch).
func (c *checker) opRules(p *problems, v *jvalue, op *operation) {
	for _, f := range op.required {
		switch val := v.get(f.Name); {
		case !f.Collection && !isPlain(f) && val != nil && val.kind == jNull:
			// An Opt member sent as null.
			p.add("/"+escapeToken(f.Name), "required", "the property %s is required and must not be null", f.Name)
		case c.missing(val, f):
			p.add("/"+escapeToken(f.Name), "required", "the property %s is required", f.Name)
		}
	}
	for _, f := range op.readOnly {
		if c.present(v.get(f.Name), f) {
			p.add("/"+escapeToken(f.Name), "readOnly", "the property %s is read-only and must not be sent", f.Name)
		}
	}
}

// canTell reports whether the generated field of f can tell a missing
// value (the generator's missing returns a condition).
func (c *checker) canTell(f *model.Property) bool {
	if f.Collection || !isPlain(f) {
		return true
	}
	if t := c.s.lookup(f.TypeRef.Name); t != nil {
		return true // a pointer, or an enum string
	}
	return f.TypeRef.Name == "Edm.String" || f.TypeRef.Name == "Edm.Guid"
}

// missing reports whether the generated field of f counts as not sent.
func (c *checker) missing(v *jvalue, f *model.Property) bool {
	if !c.canTell(f) {
		return false
	}
	switch {
	case f.Collection:
		return v == nil || v.kind == jNull
	case !isPlain(f):
		return v == nil
	}
	if t := c.s.lookup(f.TypeRef.Name); t != nil && t.isStruct() {
		return v == nil || v.kind == jNull
	}
	return v == nil || v.kind == jNull || v.kind == jString && v.str == ""
}

// present is the negation of missing, for read-only members.
func (c *checker) present(v *jvalue, f *model.Property) bool {
	if !c.canTell(f) {
		return false
	}
	return !c.missing(v, f)
}

// opRules works out the members op requires and the read-only members it
// refuses in its struct body t, by the rules the generated servers enforce
// (examples.BodyRules, shared with the generator's planOpRules).
func opRules(mo *model.Operation, t *stype) (required, readOnly []*model.Property) {
	rules := examples.NewBodyRules(mo)
	for _, f := range t.fields {
		switch rule, _, _ := rules.Decide(f.Name, f.ReadOnly); rule {
		case examples.Required:
			required = append(required, f)
		case examples.ReadOnly:
			readOnly = append(readOnly, f)
		}
	}
	return required, readOnly
}
