package runtime

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Problem codes. They are stable: tools and tests match on them.
//
//	required               a required property is absent, or null
//	readOnly               a read-only property is present in a request
//	null.notAllowed        a non-nullable property is null
//	null.collection        a collection is null (OData collections are never
//	                       null; send [] or leave the property out)
//	enum.unknown           a value is not one of the documented enum members
//	format.guid            a Guid string is not 8-4-4-4-12 hexadecimal
//	format.date            an Edm.Date string is not YYYY-MM-DD
//	format.duration        an Edm.Duration string is not ISO 8601
//	format.timeOfDay       an Edm.TimeOfDay string is not hh:mm[:ss[.f]]
//	format.dateTimeOffset  an Edm.DateTimeOffset string is not RFC 3339
const (
	codeRequired             = "required"
	codeReadOnly             = "readOnly"
	codeNullNotAllowed       = "null.notAllowed"
	codeNullCollection       = "null.collection"
	codeEnumUnknown          = "enum.unknown"
	codeFormatGUID           = "format.guid"
	codeFormatInvalid        = "format.invalid" // a Date, TimeOfDay or Duration out of range
	codeFormatDate           = "format.date"
	codeFormatDuration       = "format.duration"
	codeFormatTimeOfDay      = "format.timeOfDay"
	codeFormatDateTimeOffset = "format.dateTimeOffset"
)

// maxProblems caps the problems one ValidationError keeps.
const maxProblems = 100

// ValidationProblem is one thing wrong with a value.
type ValidationProblem struct {
	// Path is the JSON Pointer (RFC 6901) of the offending value, such as
	// "/toRecipients/0/emailAddress/address"; "" is the value itself.
	Path string
	// Code is one of the stable problem codes, such as "required".
	Code string
	// Message says what is wrong, for people.
	Message string
}

// Error formats p as `/path: message [code]`.
func (p ValidationProblem) Error() string {
	var b strings.Builder
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	if p.Code != "" {
		b.WriteString(" [")
		b.WriteString(p.Code)
		b.WriteString("]")
	}
	return b.String()
}

// ValidationError lists every problem found in a value, sorted by path
// (array indices in numeric order) and then code.
type ValidationError struct {
	Problems []ValidationProblem
	// Omitted counts the problems dropped beyond the first 100.
	Omitted int
}

// errorShown is how many problems Error spells out.
const errorShown = 3

// Error lists the first problems and says how many more there are.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("invalid value: ")
	if len(e.Problems) == 0 && e.Omitted == 0 {
		b.WriteString("no problems recorded")
		return b.String()
	}
	for i, p := range e.Problems {
		if i == errorShown {
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.Error())
	}
	if more := len(e.Problems) - min(len(e.Problems), errorShown) + e.Omitted; more > 0 {
		fmt.Fprintf(&b, "; and %d more", more)
	}
	return b.String()
}

// Unwrap returns the problems as errors (each a ValidationProblem), so
// errors.As can find a ValidationProblem.
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		errs[i] = p
	}
	return errs
}

// problems collects problems during validation. The zero value is ready to
// use.
type problems struct {
	list    []ValidationProblem
	omitted int
}

// Add records a problem at the JSON Pointer path with a stable code and a
// message formatted from format and args as by fmt.Sprintf. After 100 problems further ones
// are only counted.
func (p *problems) Add(path, code, format string, args ...any) {
	if len(p.list) >= maxProblems {
		p.omitted++
		return
	}
	msg := format
	if len(args) > 0 || strings.IndexByte(format, '%') >= 0 {
		msg = fmt.Sprintf(format, args...)
	}
	p.list = append(p.list, ValidationProblem{Path: path, Code: code, Message: msg})
}

// The helpers below are the problems generated validators report most
// often, with the messages Add would format. Generated code calls them
// instead of Add: a package of thousands of types then compiles one short
// call per check instead of a variadic Add with its format and arguments
// (they are kept out of line for the same reason).

// notNull reports a null member that the docs forbid.
//
//go:noinline
func (p *problems) notNull(path, name string) {
	p.Add(path, codeNullNotAllowed, "%s must not be null", name)
}

// nullIn reports the member name under base as null when extra holds it:
// UnmarshalJSON keeps there a null that the field (a collection, a
// required value) cannot hold.
//
//go:noinline
func (p *problems) nullIn(extra JSONMembers, base, name string) {
	if _, ok := extra.Get(name); ok {
		p.notNull(pointerJoin(base, name), name)
	}
}

// unknownEnum reports a value that is not a documented member of the enum
// type enumType.
//
//go:noinline
func (p *problems) unknownEnum(path, value, enumType string) {
	p.Add(path, codeEnumUnknown, "%q is not a documented %s value", value, enumType)
}

// required reports a member that op requires and the body lacks.
//
//go:noinline
func (p *problems) required(op Op, name string) {
	p.Add(pointerJoin("", name), codeRequired, "the property %s is required", name)
}

// requiredNull reports a member that op requires and the body sends as
// null.
//
//go:noinline
func (p *problems) requiredNull(op Op, name string) {
	p.Add(pointerJoin("", name), codeRequired, "the property %s is required and must not be null", name)
}

// readOnly reports a read-only member sent to op.
//
//go:noinline
func (p *problems) readOnly(op Op, name string) {
	p.Add(pointerJoin("", name), codeReadOnly, "the property %s is read-only and must not be sent", name)
}

// Len returns the number of problems added, including omitted ones.
func (p *problems) Len() int { return len(p.list) + p.omitted }

// Err returns nil when no problem was added, or a *ValidationError holding
// the problems sorted by path and then code (problems that tie keep the
// order they were added in).
func (p *problems) Err() error {
	if p.Len() == 0 {
		return nil
	}
	list := slices.Clone(p.list)
	slices.SortStableFunc(list, func(a, b ValidationProblem) int {
		if c := comparePointers(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.Code, b.Code)
	})
	return &ValidationError{Problems: list, Omitted: p.omitted}
}

// comparePointers orders JSON Pointers token by token, comparing tokens that
// are both array indices as numbers, so "/a/2" sorts before "/a/10".
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
		if c := compareTokens(ta, tb); c != 0 {
			return c
		}
		a, b = ra, rb
	}
	return 0
}

// firstToken splits "/x/y" into "x" and "/y".
func firstToken(p string) (token, rest string) {
	p = strings.TrimPrefix(p, "/")
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i], p[i:]
	}
	return p, ""
}

func compareTokens(a, b string) int {
	if isIndex(a) && isIndex(b) && len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

// isIndex reports whether token is an array index: digits without a
// leading zero.
func isIndex(token string) bool {
	if token == "" || len(token) > 1 && token[0] == '0' {
		return false
	}
	for i := 0; i < len(token); i++ {
		if !isDigit(token[i]) {
			return false
		}
	}
	return true
}

// pointerJoin appends the reference token to the JSON Pointer base,
// escaping "~" as "~0" and "/" as "~1" (RFC 6901).
func pointerJoin(base, token string) string {
	if !strings.ContainsAny(token, "~/") {
		return base + "/" + token
	}
	return base + "/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(token)
}

// pointerIndex appends the array index i to the JSON Pointer base.
func pointerIndex(base string, i int) string {
	return base + "/" + strconv.Itoa(i)
}

// validGUID reports whether s is a GUID: 32 hexadecimal digits in groups of
// 8-4-4-4-12, any case, without braces.
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
			if !isHex(s[i]) {
				return false
			}
		}
	}
	return true
}

// validDate reports whether s is an Edm.Date (see ParseEdmDate).
func validDate(s string) bool {
	_, ok := parseDate(s)
	return ok
}

// validTimeOfDay reports whether s is an Edm.TimeOfDay (see ParseEdmTimeOfDay).
func validTimeOfDay(s string) bool {
	_, ok := parseTimeOfDay(s)
	return ok
}

// validDuration reports whether s is an ISO 8601 duration (see
// ParseDuration).
func validDuration(s string) bool {
	_, ok := parseDuration(s)
	return ok
}

// validDateTimeOffset reports whether s is an Edm.DateTimeOffset (see
// parseDateTimeOffset).
func validDateTimeOffset(s string) bool {
	_, err := parseDateTimeOffset(s)
	return err == nil
}

// validDecimal reports whether s is a decimal number literal.
func validDecimal(s string) bool { return validNumber(s) }

// validateBody validates v, a decoded request body of the operation op:
// with its ValidateFor(op) when its type has one (a generated struct that
// op requires or refuses members of), else with its Validate. A body of
// another type (a collection, a primitive) has nothing to check.
func validateBody(v any, op Op) error {
	switch b := v.(type) {
	case interface{ ValidateFor(Op) error }:
		return b.ValidateFor(op)
	case interface{ Validate() error }:
		return b.Validate()
	}
	return nil
}
