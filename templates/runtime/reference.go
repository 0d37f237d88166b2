package runtime

import (
	"net/url"
	"strings"
)

// Problem codes of ODataRef and EmptyObject (see validate.go for the others).
//
//	reference.missing   a reference body has neither @odata.id nor a
//	                    property@odata.bind member
//	format.url          a reference is not an absolute URL or a path
//	member.unexpected   a parameterless body has a member that is not an
//	                    annotation
const (
	codeReferenceMissing = "reference.missing"
	codeFormatURL        = "format.url"
	codeMemberUnexpected = "member.unexpected"
)

// ODataRef is the body of an OData reference request, what Graph's /$ref
// endpoints take ({"@odata.id": "https://graph.microsoft.com/v1.0/users/1"}),
// and the body of requests made only of property@odata.bind members that
// link existing entities. ODataID is the referenced entity's URL; Extra
// keeps every other member (property@odata.bind, @odata.context, anything
// unexpected) in document order.
type ODataRef struct {
	// ODataID is "@odata.id", the URL of the referenced entity.
	ODataID Opt[string] `json:"@odata.id,omitzero"`
	// Extra holds the members other than @odata.id, in document order.
	Extra JSONMembers `json:"-"`
}

// UnmarshalJSON decodes a JSON object into v, keeping the members other
// than @odata.id in v.Extra.
func (v *ODataRef) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	*v = ODataRef{}
	return decodeObject(data, &v.Extra, func(name string, value []byte) (bool, error) {
		if name == "@odata.id" {
			return true, v.ODataID.UnmarshalJSON(value)
		}
		return false, nil
	})
}

// MarshalJSON encodes v as a JSON object: @odata.id when present, then
// v.Extra.
func (v ODataRef) MarshalJSON() ([]byte, error) {
	var w objectWriter
	optField(&w, "@odata.id", v.ODataID)
	w.extra(v.Extra)
	return w.bytes()
}

// Validate reports, as a *ValidationError, a reference body that names no
// entity (neither @odata.id nor a property@odata.bind member), a null
// @odata.id, and references that are not an absolute URL or a path;
// otherwise it returns nil. A property@odata.bind value is one reference
// or an array of them.
func (v *ODataRef) Validate() error {
	var p problems
	v.validate(&p, "")
	return p.Err()
}

// validate adds the problems of v to p, at JSON Pointers under base.
func (v *ODataRef) validate(p *problems, base string) {
	binds := false
	switch {
	case v.ODataID.State == OptNull:
		p.notNull(pointerJoin(base, "@odata.id"), "@odata.id")
	case v.ODataID.State == OptPresent:
		checkReference(p, pointerJoin(base, "@odata.id"), v.ODataID.Value)
	}
	for _, m := range v.Extra {
		if !strings.HasSuffix(m.Name, "@odata.bind") || m.Name == "@odata.bind" {
			continue
		}
		binds = true
		at := pointerJoin(base, m.Name)
		var one string
		if decodeValue(m.Value, &one) == nil {
			checkReference(p, at, one)
			continue
		}
		var many []string
		if decodeValue(m.Value, &many) == nil && many != nil {
			for i, s := range many {
				checkReference(p, pointerIndex(at, i), s)
			}
			continue
		}
		p.Add(at, codeFormatURL, "%s is a URL or an array of URLs", m.Name)
	}
	if v.ODataID.State != OptPresent && v.ODataID.State != OptNull && !binds {
		p.Add(base, codeReferenceMissing, "a reference body has @odata.id or a property@odata.bind member")
	}
}

// checkReference adds a problem when s is neither an absolute URL (scheme
// and host) nor a path (a relative reference such as "/users/1" or
// "directoryObjects/1").
func checkReference(p *problems, at, s string) {
	if !validReference(s) {
		p.Add(at, codeFormatURL, "%q is not an absolute URL or a path", s)
	}
}

// validReference reports whether s is an absolute URL with a host or a
// relative reference with a non-empty path and no white space.
func validReference(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	if u.Scheme != "" {
		return u.Host != ""
	}
	return u.Host == "" && u.Path != "" && !u.ForceQuery
}

// EmptyObject is the body of an operation that takes no parameters, such as an
// action without parameters called with {}. Extra keeps any member sent
// anyway, in document order, so encoding writes back what was decoded.
type EmptyObject struct {
	// Extra holds every member of the object, in document order.
	Extra JSONMembers `json:"-"`
}

// UnmarshalJSON decodes a JSON object into v, keeping every member in
// v.Extra.
func (v *EmptyObject) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	*v = EmptyObject{}
	return decodeObject(data, &v.Extra, func(string, []byte) (bool, error) { return false, nil })
}

// MarshalJSON encodes v as a JSON object: {} plus v.Extra.
func (v EmptyObject) MarshalJSON() ([]byte, error) {
	var w objectWriter
	w.extra(v.Extra)
	return w.bytes()
}

// Validate reports, as a *ValidationError, the members of v that are not
// annotations (the operation takes no parameters), or returns nil.
func (v *EmptyObject) Validate() error {
	var p problems
	for _, m := range v.Extra {
		if !strings.Contains(m.Name, "@") {
			p.Add(pointerJoin("", m.Name), codeMemberUnexpected, "%q is not a parameter: the operation takes none", m.Name)
		}
	}
	return p.Err()
}
