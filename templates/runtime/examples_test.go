package runtime

// This file is docgen's round-trip harness for documented JSON examples. It
// is copied into every generated package (as a _test.go file, with the
// package clause swapped) and used by the generated <page>_examples_test.go
// files: each page's documented examples are one table, run by one test
// function (runExamples) with one subtest per example.
//
// What a test does, in order:
//
//  1. Repair: when the body is not strict JSON but parsed after lenient
//     repairs (comments, trailing commas, Unicode spaces, byte-order marks),
//     those bytes are blanked out, and raw control characters inside
//     strings are escaped; lines are reported as in the body as written.
//  2. Edit: placeholder values ("String (timestamp)" where a DateTimeOffset
//     belongs, "String" where an enum belongs) are replaced, by JSON Pointer,
//     with a canonical valid value of the declared type chosen by docgen at
//     generation time; values that have none are removed. Every edit is
//     logged with its reason. Edits are computed at generation time, when
//     the declared type of every member is known, and embedded as a table
//     in the test.
//  3. Round trip: the (edited) document is decoded into the generated type
//     (a {"value": [...]} envelope or a bare array for collections),
//     validated with Validate, and encoded again.
//  4. Compare: both documents are decoded into generic JSON trees and
//     normalised by the declared primitive type of each member (a second
//     table, by JSON Pointer): DateTimeOffset values compare as instants,
//     Date, TimeOfDay and Duration in canonical form, Double and Single as
//     the binary float they decode to, every other number as an exact
//     decimal (1 equals 1.0). Member order is ignored; null and absent
//     differ; @odata.* annotations and unknown members must survive.
//     A "truncated": true example shows only some members, so the encoded
//     document may have members the example does not show; every member the
//     example shows must still be there with an equal value. Without
//     truncation the two documents must be equal.
//
// Problems docgen already reported at lines inside the example (Known:
// diagnostic text by JSON Pointer) are logged, not failed: a difference, a
// decoding error or a validation problem at a known pointer, or beneath it,
// is tolerated. Everything else fails the test, and every failure line
// starts with the page's file:line, of the offending member when it is
// known, of the example body otherwise.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// exampleCase is one documented JSON example, as docgen embeds it in a test.
type exampleCase struct {
	// Test is the subtest's name, unique on the page: a stable anchor that
	// does not move when the page's lines do.
	Test string
	// Name is the example's name in the docs (the annotation name).
	Name string
	// File and Line locate the first line of the example body in the docs.
	// Generated cases leave Line 0: the line is exampleLines[File+"#"+Test]
	// (docgen_lines_test.go), so that a page whose lines move changes that
	// one file only.
	File string
	Line int
	// Skip, when set, is why the example is not round-tripped.
	Skip string
	// Go is a nil pointer to the Go type the body (or each element of a
	// collection) decodes into, such as (*User)(nil).
	Go any
	// Type is the Go type the body decodes into, for messages.
	Type string
	// Body is the example's JSON, verbatim.
	Body string
	// Repaired marks a body that is JSON only after lenient repairs.
	Repaired bool
	// Collection marks a body holding a collection of Type: a
	// {"value": [...]} envelope or a bare array.
	Collection bool
	// Envelope marks a single primitive or enum value written as OData
	// writes it in a response: {"value": x}.
	Envelope bool
	// Truncated marks a body that shows only some members.
	Truncated bool
	// Kinds maps JSON Pointers (into Body) to the declared primitive type
	// of the value there, for the values compared semantically:
	// "DateTimeOffset", "Date", "TimeOfDay", "Duration", "Double", "Single".
	Kinds map[string]string
	// Edits are applied to the body before decoding.
	Edits []exampleEdit
	// Known are the diagnostics docgen reported inside the example body.
	Known []exampleKnown
}

// exampleEdit replaces (Value is JSON text) or removes (Value is "") the
// value at Pointer before decoding.
type exampleEdit struct {
	Pointer string
	Value   string
	Reason  string
}

// exampleKnown is a diagnostic docgen reported for the value at Pointer
// ("" is the body as a whole). Problems at Pointer or beneath it are
// logged with Diagnostic instead of failing the test; the body-level entry
// tolerates body-level problems only.
type exampleKnown struct {
	Pointer    string
	Diagnostic string
}

// exampleProblem is one thing wrong with a round trip.
type exampleProblem struct {
	// Pointer is where, in the coordinates of the documented body.
	Pointer string
	// What says what is wrong.
	What string
}

// exampleResult is what a codec reports about one round trip.
type exampleResult struct {
	// Out is the encoded document.
	Out []byte
	// Decode is the decoding error, if any (Out is then nil).
	Decode error
	// Invalid are the problems Validate reported, by JSON Pointer.
	Invalid []exampleProblem
	// Encode is the encoding error, if any.
	Encode error
}

// exampleCodec decodes a document, validates and re-encodes it.
type exampleCodec func(in []byte) exampleResult

// runExamples runs the round trip of each case in a subtest named c.Test.
func runExamples(t *testing.T, cases []*exampleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Test, func(t *testing.T) {
			t.Helper()
			if c.Skip != "" {
				t.Skipf("%s:%d: example %q: %s", c.File, c.line(), c.Name, c.Skip)
			}
			runExample(t, c)
		})
	}
}

// runExample runs the round trip of c through the Go type of c.Go.
func runExample(t *testing.T, c *exampleCase) {
	t.Helper()
	for _, line := range exampleRun(c, exampleCodecFor(c)) {
		if line.fail {
			t.Error(line.text)
		} else {
			t.Log(line.text)
		}
	}
}

// line is the page line of the first line of the example body.
func (c *exampleCase) line() int {
	if c.Line != 0 {
		return c.Line
	}
	return exampleLines[c.File+"#"+c.Test]
}

// exampleCodecFor returns the codec of c: its Go type, a collection of it
// or an envelope holding it.
func exampleCodecFor(c *exampleCase) exampleCodec {
	typ := reflect.TypeOf(c.Go).Elem()
	return func(in []byte) exampleResult {
		switch {
		case c.Collection:
			return exampleCollectionCodec(typ, in)
		case c.Envelope:
			return exampleEnvelopeCodec(typ, in)
		}
		return exampleCodec1(typ, in)
	}
}

// exampleLine is one line of a test's output.
type exampleLine struct {
	fail bool
	text string
}

// exampleRun is runExample without the testing.T: it returns the lines to
// log and to fail with, so the harness itself can be tested.
func exampleRun(c *exampleCase, codec exampleCodec) []exampleLine {
	r := &exampleRunner{c: c}
	r.run(codec)
	return r.out
}

type exampleRunner struct {
	c     *exampleCase
	lines map[string]int // pointer → page line, in body coordinates
	out   []exampleLine
	// dropped lists, by the pointer of an array in body coordinates, the
	// indices of the elements removed by edits (ascending).
	dropped map[string][]int
	// used marks the Known entries that tolerated something.
	used []bool
}

func (r *exampleRunner) logf(format string, args ...any) {
	r.out = append(r.out, exampleLine{text: fmt.Sprintf(format, args...)})
}

func (r *exampleRunner) failf(format string, args ...any) {
	r.out = append(r.out, exampleLine{fail: true, text: fmt.Sprintf(format, args...)})
}

// at formats the page position of the value at pointer p (body
// coordinates). A value the body does not have (a member the encoding
// added, a value inside a substitution) is placed at its nearest ancestor
// the body has.
func (r *exampleRunner) at(p string) string {
	for {
		if line, ok := r.lines[p]; ok {
			return r.c.File + ":" + strconv.Itoa(line)
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			return r.c.File + ":" + strconv.Itoa(r.c.line())
		}
		p = p[:i]
	}
}

// known returns the diagnostic that covers pointer p, if any.
func (r *exampleRunner) known(p string) (string, bool) {
	for i, k := range r.c.Known {
		if k.Pointer == p || (k.Pointer != "" && strings.HasPrefix(p, k.Pointer+"/")) {
			r.used[i] = true
			return k.Diagnostic, true
		}
	}
	return "", false
}

// problem fails the test with a located message, or logs it when a known
// diagnostic covers it.
func (r *exampleRunner) problem(p exampleProblem) {
	where := r.at(p.Pointer)
	if d, ok := r.known(p.Pointer); ok {
		r.logf("%s: %s: %s (known: %s)", where, exampleShowPointer(p.Pointer), p.What, d)
		return
	}
	r.failf("%s: %s: %s", where, exampleShowPointer(p.Pointer), p.What)
}

func exampleShowPointer(p string) string {
	if p == "" {
		return "body"
	}
	return p
}

func (r *exampleRunner) run(codec exampleCodec) {
	c := r.c
	r.used = make([]bool, len(c.Known))
	head := fmt.Sprintf("%s:%d: example %q as %s", c.File, c.line(), c.Name, c.Type)

	text := c.Body
	var shifts []exampleShift
	if c.Repaired {
		text, shifts = exampleRepair(text)
	}
	r.lines = exampleLineIndex(c.Body, text, shifts, c.line())

	want, err := exampleParse([]byte(text))
	if err != nil {
		// docgen emits tests only for bodies it could parse; a body that
		// does not parse here is a harness or generator defect.
		r.failf("%s: body is not JSON: %v", head, err)
		return
	}
	in := []byte(text)
	if len(c.Edits) > 0 {
		if want, err = r.edit(want); err != nil {
			r.failf("%s: %v", head, err)
			return
		}
		if in, err = json.Marshal(want); err != nil {
			r.failf("%s: re-encoding the edited body: %v", head, err)
			return
		}
	}

	res := codec(in)
	if res.Decode != nil {
		p := exampleErrorPointer(res.Decode, in)
		r.problem(exampleProblem{Pointer: r.origPointer(p), What: fmt.Sprintf("decoding into %s: %v", c.Type, res.Decode)})
		if len(r.failures()) > 0 {
			r.prepend(exampleLine{fail: true, text: head + " does not decode"})
		}
		r.unusedKnown()
		return
	}
	for _, p := range res.Invalid {
		p.Pointer = r.origPointer(p.Pointer)
		p.What = "Validate: " + p.What
		r.problem(p)
	}
	if res.Encode != nil {
		r.failf("%s: encoding %s: %v", head, c.Type, res.Encode)
		return
	}
	got, err := exampleParse(res.Out)
	if err != nil {
		r.failf("%s: the encoded document is not JSON: %v\n%s", head, err, res.Out)
		return
	}

	nw := r.normalize(want, "", "")
	ng := r.normalize(got, "", "")
	var extra []string
	for _, p := range r.diff(nw, ng, "", "", &extra) {
		r.problem(p)
	}
	if len(extra) > 0 {
		r.logf("%s: truncated example: the encoded document also has %s", head, strings.Join(extra, ", "))
	}
	if len(r.failures()) > 0 {
		if c.Truncated {
			ng = examplePrune(nw, ng)
		}
		r.prepend(exampleLine{fail: true, text: head + " does not round-trip"})
		r.failf("%s: diff (-documented +re-encoded):\n%s", head, cmp.Diff(nw, ng))
	}
	r.unusedKnown()
}

func (r *exampleRunner) failures() []exampleLine {
	var f []exampleLine
	for _, l := range r.out {
		if l.fail {
			f = append(f, l)
		}
	}
	return f
}

func (r *exampleRunner) prepend(l exampleLine) {
	r.out = append([]exampleLine{l}, r.out...)
}

// unusedKnown logs the known diagnostics that did not matter for the round
// trip, so the test output lists every problem docgen reported.
func (r *exampleRunner) unusedKnown() {
	for i, k := range r.c.Known {
		if !r.used[i] {
			r.logf("%s: %s: known: %s", r.at(k.Pointer), exampleShowPointer(k.Pointer), k.Diagnostic)
		}
	}
}

// edit applies the case's edits to the parsed body: substitutions first,
// then removals from the last to the first, so indices stay valid.
func (r *exampleRunner) edit(doc any) (any, error) {
	var drops []exampleEdit
	for _, e := range r.c.Edits {
		if e.Value == "" {
			drops = append(drops, e)
			continue
		}
		v, err := exampleParse([]byte(e.Value))
		if err != nil {
			return nil, fmt.Errorf("edit %s: value %s is not JSON: %v", e.Pointer, e.Value, err)
		}
		if doc, err = exampleReplace(doc, exampleSplitPointer(e.Pointer), v, false); err != nil {
			return nil, fmt.Errorf("edit %s: %v", e.Pointer, err)
		}
		r.logf("%s: %s: replaced by %s: %s", r.at(e.Pointer), exampleShowPointer(e.Pointer), e.Value, e.Reason)
	}
	sort.SliceStable(drops, func(i, j int) bool {
		return examplePointerLess(drops[j].Pointer, drops[i].Pointer)
	})
	r.dropped = map[string][]int{}
	for _, e := range drops {
		segs := exampleSplitPointer(e.Pointer)
		if len(segs) == 0 {
			return nil, fmt.Errorf("edit: cannot remove the whole body")
		}
		var err error
		if doc, err = exampleReplace(doc, segs, nil, true); err != nil {
			return nil, fmt.Errorf("edit %s: %v", e.Pointer, err)
		}
		parent := exampleJoinPointer(segs[:len(segs)-1])
		if exampleIsArrayAt(r.c.Body, parent, r.c.Repaired) {
			i, _ := strconv.Atoi(segs[len(segs)-1])
			r.dropped[parent] = append(r.dropped[parent], i)
			slices.Sort(r.dropped[parent])
		}
		r.logf("%s: %s: removed before decoding: %s", r.at(e.Pointer), e.Pointer, e.Reason)
	}
	return doc, nil
}

// exampleIsArrayAt reports whether the value at pointer p of body is an
// array.
func exampleIsArrayAt(body, p string, repaired bool) bool {
	if repaired {
		body, _ = exampleRepair(body)
	}
	doc, err := exampleParse([]byte(body))
	if err != nil {
		return false
	}
	v, ok := exampleGet(doc, exampleSplitPointer(p))
	_, isArr := v.([]any)
	return ok && isArr
}

// origIndex maps index i of the (edited) array at body pointer arr back to
// the index it had in the documented body.
func (r *exampleRunner) origIndex(arr string, i int) int {
	for _, d := range r.dropped[arr] {
		if d <= i {
			i++
		}
	}
	return i
}

// origPointer maps a pointer into the edited document back to the body.
func (r *exampleRunner) origPointer(p string) string {
	if len(r.dropped) == 0 {
		return p
	}
	segs := exampleSplitPointer(p)
	out := make([]string, 0, len(segs))
	for _, s := range segs {
		parent := exampleJoinPointer(out)
		if _, ok := r.dropped[parent]; ok {
			if i, err := strconv.Atoi(s); err == nil {
				s = strconv.Itoa(r.origIndex(parent, i))
			}
		}
		out = append(out, s)
	}
	return exampleJoinPointer(out)
}

// Normalised leaf values. Distinct types keep a canonical instant from
// comparing equal to a plain string that happens to spell it.
type (
	// exampleNumber is a number in canonical decimal form.
	exampleNumber string
	// exampleInstant is a DateTimeOffset as a UTC instant.
	exampleInstant string
	// exampleCanonical is a Date, TimeOfDay or Duration in canonical form.
	exampleCanonical string
)

// normalize rewrites a parsed document into its comparable form. p is the
// pointer in the edited document, orig the same place in the body.
func (r *exampleRunner) normalize(v any, p, orig string) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[k] = r.normalize(e, p+"/"+exampleEscape(k), orig+"/"+exampleEscape(k))
		}
		return m
	case []any:
		s := make([]any, len(v))
		for i, e := range v {
			s[i] = r.normalize(e, p+"/"+strconv.Itoa(i), orig+"/"+strconv.Itoa(r.origIndex(orig, i)))
		}
		return s
	case json.Number:
		return exampleNormalizeNumber(string(v), r.c.Kinds[orig])
	case string:
		return exampleNormalizeString(v, r.c.Kinds[orig])
	}
	return v
}

// exampleNormalizeNumber returns the canonical form of a JSON number of the
// given declared kind.
func exampleNormalizeNumber(s, kind string) any {
	switch kind {
	case "Double", "Single":
		bits := 64
		if kind == "Single" {
			bits = 32
		}
		if f, err := strconv.ParseFloat(s, bits); err == nil {
			return exampleNumber(strconv.FormatFloat(f, 'g', -1, bits))
		}
	}
	return exampleNumber(exampleDecimal(s))
}

// exampleDecimal returns the canonical decimal spelling of the JSON number
// s: no exponent unless it is large, no trailing fractional zeros, "0" for
// every zero. s is returned unchanged if it is not a number.
func exampleDecimal(s string) string {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return s
	}
	if r.IsInt() {
		return r.Num().String()
	}
	// A finite decimal has a denominator of the form 2^a·5^b; its exact
	// expansion needs max(a, b) digits.
	d := new(big.Int).Set(r.Denom())
	digits := 0
	for _, f := range []int64{2, 5} {
		n := 0
		q, m := new(big.Int), new(big.Int)
		bf := big.NewInt(f)
		for {
			q.QuoRem(d, bf, m)
			if m.Sign() != 0 {
				break
			}
			d.Set(q)
			n++
		}
		digits = max(digits, n)
	}
	if d.Cmp(big.NewInt(1)) != 0 || digits > 400 {
		return s // not a finite decimal: cannot come from JSON
	}
	out := r.FloatString(digits)
	if strings.Contains(out, ".") {
		out = strings.TrimRight(strings.TrimRight(out, "0"), ".")
	}
	return out
}

// exampleNormalizeString returns the canonical form of a string of the
// given declared kind, or the string itself when it does not parse as one.
func exampleNormalizeString(s, kind string) any {
	switch kind {
	case "DateTimeOffset":
		// Like the runtime's decoder, a missing zone means UTC.
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t, err = time.Parse("2006-01-02T15:04:05.999999999", s)
		}
		if err == nil {
			return exampleInstant(t.UTC().Format(time.RFC3339Nano))
		}
	case "Date":
		if t, err := time.Parse(time.DateOnly, s); err == nil {
			return exampleCanonical(t.Format(time.DateOnly))
		}
	case "TimeOfDay":
		if c, ok := exampleTimeOfDay(s); ok {
			return exampleCanonical(c)
		}
	case "Duration":
		if c, ok := exampleDuration(s); ok {
			return exampleCanonical(c)
		}
	}
	return s
}

// exampleTimeOfDay canonicalises an Edm.TimeOfDay: hh:mm[:ss[.fffffff]].
func exampleTimeOfDay(s string) (string, bool) {
	hms, frac, hasFrac := strings.Cut(s, ".")
	parts := strings.Split(hms, ":")
	if len(parts) < 2 || len(parts) > 3 || (hasFrac && len(parts) != 3) {
		return "", false
	}
	var n [3]int
	limits := [3]int{23, 59, 59}
	for i, p := range parts {
		if len(p) != 2 {
			return "", false
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || v > limits[i] {
			return "", false
		}
		n[i] = v
	}
	if hasFrac {
		if frac == "" || strings.Trim(frac, "0123456789") != "" {
			return "", false
		}
		frac = strings.TrimRight(frac, "0")
	}
	out := fmt.Sprintf("%02d:%02d:%02d", n[0], n[1], n[2])
	if frac != "" {
		out += "." + frac
	}
	return out, true
}

// exampleDuration canonicalises an ISO 8601 duration
// ([-]PnYnMnWnDTnHnMnS): years and months as months, the rest as exact
// seconds, so PT1H equals PT60M and P1D equals PT24H.
func exampleDuration(s string) (string, bool) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if !strings.HasPrefix(s, "P") || len(s) < 2 {
		return "", false
	}
	s = s[1:]
	months := new(big.Rat)
	secs := new(big.Rat)
	inTime := false
	seen := false
	for s != "" {
		if s[0] == 'T' {
			if inTime {
				return "", false
			}
			inTime = true
			s = s[1:]
			if s == "" {
				return "", false
			}
			continue
		}
		i := 0
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' || s[i] == ',') {
			i++
		}
		if i == 0 || i == len(s) {
			return "", false
		}
		num, ok := new(big.Rat).SetString(strings.ReplaceAll(s[:i], ",", "."))
		if !ok {
			return "", false
		}
		unit := s[i]
		s = s[i+1:]
		seen = true
		var mul *big.Rat
		switch {
		case !inTime && unit == 'Y':
			months.Add(months, num.Mul(num, big.NewRat(12, 1)))
			continue
		case !inTime && unit == 'M':
			months.Add(months, num)
			continue
		case !inTime && unit == 'W':
			mul = big.NewRat(7*86400, 1)
		case !inTime && unit == 'D':
			mul = big.NewRat(86400, 1)
		case inTime && unit == 'H':
			mul = big.NewRat(3600, 1)
		case inTime && unit == 'M':
			mul = big.NewRat(60, 1)
		case inTime && unit == 'S':
			mul = big.NewRat(1, 1)
		default:
			return "", false
		}
		secs.Add(secs, num.Mul(num, mul))
	}
	if !seen {
		return "", false
	}
	sign := ""
	if neg && (months.Sign() != 0 || secs.Sign() != 0) {
		sign = "-"
	}
	return sign + "P" + exampleDecimal(months.RatString()) + "M" + "T" + exampleDecimal(secs.RatString()) + "S", true
}

// diff compares normalised documents. want is the (edited) documented
// body, got the encoded one; orig is the body pointer of both. Members the
// encoded document adds are problems unless the example is truncated; then
// their pointers are collected in extra.
func (r *exampleRunner) diff(want, got any, p, orig string, extra *[]string) []exampleProblem {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []exampleProblem{{orig, fmt.Sprintf("was an object, re-encoded as %s", exampleShow(got))}}
		}
		var out []exampleProblem
		for _, k := range exampleSortedKeys(w) {
			po := orig + "/" + exampleEscape(k)
			gv, ok := g[k]
			if !ok {
				out = append(out, exampleProblem{po, fmt.Sprintf("member %q lost (documented %s)", k, exampleShow(w[k]))})
				continue
			}
			out = append(out, r.diff(w[k], gv, p+"/"+exampleEscape(k), po, extra)...)
		}
		for _, k := range exampleSortedKeys(g) {
			if _, ok := w[k]; ok {
				continue
			}
			po := orig + "/" + exampleEscape(k)
			if r.c.Truncated {
				*extra = append(*extra, po)
				continue
			}
			out = append(out, exampleProblem{po, fmt.Sprintf("member %q added: %s (the example shows no such member and is not truncated)", k, exampleShow(g[k]))})
		}
		return out
	case []any:
		g, ok := got.([]any)
		if !ok {
			return []exampleProblem{{orig, fmt.Sprintf("was an array, re-encoded as %s", exampleShow(got))}}
		}
		var out []exampleProblem
		for i := range max(len(w), len(g)) {
			po := orig + "/" + strconv.Itoa(r.origIndex(orig, i))
			switch {
			case i >= len(g):
				out = append(out, exampleProblem{po, fmt.Sprintf("element lost (documented %s)", exampleShow(w[i]))})
			case i >= len(w):
				out = append(out, exampleProblem{orig, fmt.Sprintf("element %d added: %s", i, exampleShow(g[i]))})
			default:
				out = append(out, r.diff(w[i], g[i], p+"/"+strconv.Itoa(i), po, extra)...)
			}
		}
		return out
	}
	if !cmp.Equal(want, got) {
		return []exampleProblem{{orig, fmt.Sprintf("documented %s, re-encoded %s", exampleShow(want), exampleShow(got))}}
	}
	return nil
}

// examplePrune drops from got the members want does not have (for the
// diff of a truncated example).
func examplePrune(want, got any) any {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return got
		}
		m := map[string]any{}
		for k, v := range g {
			if wv, ok := w[k]; ok {
				m[k] = examplePrune(wv, v)
			}
		}
		return m
	case []any:
		g, ok := got.([]any)
		if !ok {
			return got
		}
		s := make([]any, len(g))
		for i := range g {
			if i < len(w) {
				s[i] = examplePrune(w[i], g[i])
			} else {
				s[i] = g[i]
			}
		}
		return s
	}
	return got
}

// exampleShow prints a normalised value briefly.
func exampleShow(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return fmt.Sprintf("an object with %d members", len(v))
	case []any:
		return fmt.Sprintf("an array of %d", len(v))
	case string:
		return strconv.Quote(v)
	case exampleNumber:
		return string(v)
	case exampleInstant:
		return "instant " + string(v)
	case exampleCanonical:
		return strconv.Quote(string(v)) + " (canonical)"
	case bool:
		return strconv.FormatBool(v)
	}
	return fmt.Sprint(v)
}

func exampleSortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// exampleParse decodes JSON into a generic tree with numbers kept as
// json.Number. Trailing data is an error.
func exampleParse(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err == nil {
		return nil, errors.New("more than one JSON value")
	}
	return v, nil
}

// exampleEscape escapes a member name as a JSON Pointer segment.
func exampleEscape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// exampleSplitPointer splits a JSON Pointer into unescaped segments.
func exampleSplitPointer(p string) []string {
	if p == "" {
		return nil
	}
	segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
	}
	return segs
}

// exampleJoinPointer joins unescaped segments into a JSON Pointer.
func exampleJoinPointer(segs []string) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteByte('/')
		b.WriteString(exampleEscape(s))
	}
	return b.String()
}

// examplePointerLess orders pointers segment by segment, numeric segments
// numerically.
func examplePointerLess(a, b string) bool {
	as, bs := exampleSplitPointer(a), exampleSplitPointer(b)
	for i := 0; i < len(as) && i < len(bs); i++ {
		if as[i] == bs[i] {
			continue
		}
		ai, aerr := strconv.Atoi(as[i])
		bi, berr := strconv.Atoi(bs[i])
		if aerr == nil && berr == nil {
			return ai < bi
		}
		return as[i] < bs[i]
	}
	return len(as) < len(bs)
}

// exampleGet returns the value at the segments' path.
func exampleGet(doc any, segs []string) (any, bool) {
	for _, s := range segs {
		switch d := doc.(type) {
		case map[string]any:
			v, ok := d[s]
			if !ok {
				return nil, false
			}
			doc = v
		case []any:
			i, err := strconv.Atoi(s)
			if err != nil || i < 0 || i >= len(d) {
				return nil, false
			}
			doc = d[i]
		default:
			return nil, false
		}
	}
	return doc, true
}

// exampleReplace sets (or, with remove, deletes) the value at the
// segments' path and returns the new document.
func exampleReplace(doc any, segs []string, v any, remove bool) (any, error) {
	if len(segs) == 0 {
		return v, nil
	}
	switch d := doc.(type) {
	case map[string]any:
		cur, ok := d[segs[0]]
		if !ok {
			return nil, fmt.Errorf("no member %q", segs[0])
		}
		if len(segs) == 1 && remove {
			delete(d, segs[0])
			return d, nil
		}
		nv, err := exampleReplace(cur, segs[1:], v, remove)
		if err != nil {
			return nil, err
		}
		d[segs[0]] = nv
		return d, nil
	case []any:
		i, err := strconv.Atoi(segs[0])
		if err != nil || i < 0 || i >= len(d) {
			return nil, fmt.Errorf("no element %q", segs[0])
		}
		if len(segs) == 1 && remove {
			return append(d[:i:i], d[i+1:]...), nil
		}
		nv, err := exampleReplace(d[i], segs[1:], v, remove)
		if err != nil {
			return nil, err
		}
		d[i] = nv
		return d, nil
	}
	return nil, fmt.Errorf("%q is inside a %s", segs[0], exampleShow(doc))
}

// exampleRepair rewrites a leniently written body into JSON: it blanks out
// // and /* */ comments, commas before a closing bracket, and no-break
// spaces (U+00A0, U+2000–U+200B, U+202F) and byte-order marks used as
// whitespace (every removed byte becomes a space, newlines stay), and it
// escapes raw control characters inside strings (\n, \t, \r, \u00XX).
// Escapes lengthen the text: from repaired offset shifts[k].out on, the
// body offset is shifts[k].in plus the distance, until the next shift.
//
// It is a copy of docgen's internal/jsonpos.Repair (generated packages
// cannot import docgen); jsonpos_equiv_test.go pins the two together.
func exampleRepair(s string) (string, []exampleShift) {
	out := make([]byte, 0, len(s))
	var shifts []exampleShift
	lastComma := -1 // output offset of a comma that may turn out trailing
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"':
			lastComma = -1
			out = append(out, c)
			i++
			for i < len(s) {
				c = s[i]
				if c == '\\' && i+1 < len(s) {
					out = append(out, c, s[i+1])
					i += 2
					continue
				}
				if c == '"' {
					out = append(out, c)
					i++
					break
				}
				if c < 0x20 {
					switch c {
					case '\n':
						out = append(out, `\n`...)
					case '\t':
						out = append(out, `\t`...)
					case '\r':
						out = append(out, `\r`...)
					default:
						out = append(out, '\\', 'u', '0', '0', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
					}
					i++
					shifts = append(shifts, exampleShift{len(out), i})
					continue
				}
				out = append(out, c)
				i++
			}
		case c == '/' && i+1 < len(s) && s[i+1] == '/':
			for i < len(s) && s[i] != '\n' {
				out = append(out, ' ')
				i++
			}
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			end := len(s)
			if j := strings.Index(s[i+2:], "*/"); j >= 0 {
				end = i + 2 + j + 2
			}
			for ; i < end; i++ {
				if s[i] == '\n' {
					out = append(out, '\n')
				} else {
					out = append(out, ' ')
				}
			}
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0: // U+00A0
			out = append(out, ' ', ' ')
			i += 2
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xAF || (s[i+2] >= 0x80 && s[i+2] <= 0x8B)): // U+202F, U+2000–U+200B
			out = append(out, ' ', ' ', ' ')
			i += 3
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBB && s[i+2] == 0xBF: // byte-order mark
			out = append(out, ' ', ' ', ' ')
			i += 3
		case c == ',':
			lastComma = len(out)
			out = append(out, c)
			i++
		case c == '}' || c == ']':
			if lastComma >= 0 {
				out[lastComma] = ' '
			}
			lastComma = -1
			out = append(out, c)
			i++
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			out = append(out, c)
			i++
		default:
			lastComma = -1
			out = append(out, c)
			i++
		}
	}
	return string(out), shifts
}

// exampleShift is a point from which repaired and body offsets differ by a
// new amount (see exampleRepair).
type exampleShift struct{ out, in int }

// exampleBodyOffset maps an offset of the repaired text back to the body;
// the bytes of an escape map to the control character it stands for.
func exampleBodyOffset(shifts []exampleShift, out int) int {
	k := sort.Search(len(shifts), func(k int) bool { return shifts[k].out > out })
	in := out
	if k > 0 {
		in = shifts[k-1].in + (out - shifts[k-1].out)
	}
	if k < len(shifts) && in >= shifts[k].in {
		in = shifts[k].in - 1
	}
	return in
}

// exampleLineIndex maps the pointer of every value in text to its page
// line: the line of its member name, or of the value itself for array
// elements and the body. text is body, or body repaired with shifts
// (exampleRepair); base is the page line of body's first line.
func exampleLineIndex(body, text string, shifts []exampleShift, base int) map[string]int {
	lines := map[string]int{}
	offs := exampleOffsets([]byte(text))
	for _, o := range offs {
		if _, ok := lines[o.pointer]; !ok {
			off := exampleBodyOffset(shifts, o.offset)
			lines[o.pointer] = base + strings.Count(body[:min(off, len(body))], "\n")
		}
	}
	return lines
}

// exampleOffset is where a value (or, for a member, its name) starts.
type exampleOffset struct {
	pointer string
	offset  int
}

// exampleFrame is an open object or array while scanning offsets.
type exampleFrame struct {
	obj     bool
	wantKey bool
	key     string
	index   int
	ptr     string
}

// end advances the frame past one complete value.
func (f *exampleFrame) end() {
	if f.obj {
		f.wantKey = true
	} else {
		f.index++
	}
}

// exampleOffsets lists the start offset of every value of a JSON text in
// document order (members at their name). It stops at the first syntax
// error.
func exampleOffsets(b []byte) []exampleOffset {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var stack []*exampleFrame
	var out []exampleOffset
	start := func() int {
		off := int(dec.InputOffset())
		for off < len(b) && strings.IndexByte(" \t\r\n,:", b[off]) >= 0 {
			off++
		}
		return off
	}
	for {
		off := start()
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		var top *exampleFrame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			if len(stack) > 0 {
				stack[len(stack)-1].end()
			}
			continue
		}
		if top != nil && top.obj && top.wantKey {
			key, _ := tok.(string)
			top.key = key
			top.wantKey = false
			out = append(out, exampleOffset{top.ptr + "/" + exampleEscape(key), off})
			continue
		}
		ptr := ""
		switch {
		case top == nil:
			out = append(out, exampleOffset{"", off})
		case top.obj:
			ptr = top.ptr + "/" + exampleEscape(top.key)
		default:
			ptr = top.ptr + "/" + strconv.Itoa(top.index)
			out = append(out, exampleOffset{ptr, off})
		}
		if d, ok := tok.(json.Delim); ok {
			stack = append(stack, &exampleFrame{obj: d == '{', wantKey: d == '{', ptr: ptr})
			continue
		}
		if top != nil {
			top.end()
		}
	}
}

// exampleErrorPointer locates a decoding error in the document in: the
// pointer of the value it is about, or "" when it cannot tell. It uses the
// error's offset and, for type errors, the field path it names.
func exampleErrorPointer(err error, in []byte) string {
	offs := exampleOffsets(in)
	var xe interface{ ExamplePointer() string }
	if errors.As(err, &xe) {
		return xe.ExamplePointer()
	}
	// The generated decoders wrap errors with the pointer of the member.
	var pe *pathError
	if errors.As(err, &pe) && pe != nil {
		return pe.path
	}
	var offset int64 = -1
	var field string
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		offset, field = te.Offset, te.Field
	case errors.As(err, &se):
		offset = se.Offset
	}
	if field != "" {
		// Field names members, not array indices: among the values whose
		// member names match, take the last that starts before the offset.
		want := strings.Split(field, ".")
		best := ""
		found := false
		for _, o := range offs {
			if !exampleMembersMatch(o.pointer, want) {
				continue
			}
			if !found || offset < 0 || int64(o.offset) < offset {
				best, found = o.pointer, true
			}
		}
		if found {
			return best
		}
	}
	if offset < 0 {
		return ""
	}
	best := ""
	for _, o := range offs {
		if int64(o.offset) < offset {
			best = o.pointer
		}
	}
	return best
}

// exampleMembersMatch reports whether the member names of pointer p (its
// non-numeric segments) are names.
func exampleMembersMatch(p string, names []string) bool {
	var got []string
	for _, s := range exampleSplitPointer(p) {
		if _, err := strconv.Atoi(s); err != nil {
			got = append(got, s)
		}
	}
	return slices.Equal(got, names)
}

// exampleCodec1 round-trips a document through a *typ.
func exampleCodec1(typ reflect.Type, in []byte) exampleResult {
	v := reflect.New(typ).Interface()
	if err := json.Unmarshal(in, v); err != nil {
		return exampleResult{Decode: err}
	}
	res := exampleResult{Invalid: exampleValidate(v, "")}
	res.Out, res.Encode = json.Marshal(v)
	return res
}

// exampleCollectionCodec round-trips a collection of typ: a bare array, or
// an object whose "value" member is the array (the other members, such as
// @odata.context and @odata.nextLink, are kept as they are).
func exampleCollectionCodec(typ reflect.Type, in []byte) exampleResult {
	trimmed := bytes.TrimSpace(in)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		items := reflect.New(reflect.SliceOf(typ))
		if err := json.Unmarshal(in, items.Interface()); err != nil {
			return exampleResult{Decode: err}
		}
		var res exampleResult
		for i := range items.Elem().Len() {
			res.Invalid = append(res.Invalid, exampleValidate(items.Elem().Index(i).Addr().Interface(), "/"+strconv.Itoa(i))...)
		}
		res.Out, res.Encode = json.Marshal(items.Interface())
		return res
	}
	var env map[string]json.RawMessage
	if err := json.Unmarshal(in, &env); err != nil {
		return exampleResult{Decode: err}
	}
	raw, ok := env["value"]
	if !ok {
		return exampleResult{Decode: errors.New(`a collection is a {"value": [...]} object or an array; this object has no "value" member`)}
	}
	items := reflect.New(reflect.SliceOf(typ))
	if err := json.Unmarshal(raw, items.Interface()); err != nil {
		return exampleResult{Decode: examplePrefixError{"/value", raw, err}}
	}
	var res exampleResult
	for i := range items.Elem().Len() {
		res.Invalid = append(res.Invalid, exampleValidate(items.Elem().Index(i).Addr().Interface(), "/value/"+strconv.Itoa(i))...)
	}
	out, err := json.Marshal(items.Interface())
	if err != nil {
		return exampleResult{Encode: err}
	}
	env["value"] = out
	res.Out, res.Encode = json.Marshal(env)
	return res
}

// exampleEnvelopeCodec round-trips a single value of typ in a
// {"value": x} envelope; the other members are kept as they are.
func exampleEnvelopeCodec(typ reflect.Type, in []byte) exampleResult {
	var env map[string]json.RawMessage
	if err := json.Unmarshal(in, &env); err != nil {
		return exampleResult{Decode: err}
	}
	raw, ok := env["value"]
	if !ok {
		return exampleResult{Decode: errors.New(`the body is a {"value": ...} object; this one has no "value" member`)}
	}
	res := exampleCodec1(typ, raw)
	if res.Decode != nil {
		res.Decode = examplePrefixError{"/value", raw, res.Decode}
		return res
	}
	for i := range res.Invalid {
		res.Invalid[i].Pointer = "/value" + res.Invalid[i].Pointer
	}
	if res.Encode != nil {
		return res
	}
	env["value"] = res.Out
	res.Out, res.Encode = json.Marshal(env)
	return res
}

// examplePrefixError is an error decoding Raw, the value at Prefix.
type examplePrefixError struct {
	Prefix string
	Raw    []byte
	Err    error
}

func (e examplePrefixError) Error() string { return e.Err.Error() }
func (e examplePrefixError) Unwrap() error { return e.Err }

// ExamplePointer locates the error in the whole document.
func (e examplePrefixError) ExamplePointer() string {
	return e.Prefix + exampleErrorPointer(e.Err, e.Raw)
}

// exampleValidate runs v's Validate method, if it has one, and returns its
// problems with pointers prefixed by at.
func exampleValidate(v any, at string) []exampleProblem {
	val, ok := v.(interface{ Validate() error })
	if !ok {
		return nil
	}
	err := val.Validate()
	if err == nil {
		return nil
	}
	return exampleValidationProblems(err, at)
}

// exampleValidationProblems splits a Validate error (a *ValidationError)
// into located problems.
func exampleValidationProblems(err error, at string) []exampleProblem {
	var ve *ValidationError
	if !errors.As(err, &ve) || ve == nil || len(ve.Problems) == 0 {
		return []exampleProblem{{Pointer: at, What: err.Error()}}
	}
	out := make([]exampleProblem, 0, len(ve.Problems)+1)
	for _, p := range ve.Problems {
		out = append(out, exampleProblem{Pointer: at + p.Path, What: p.Message + " [" + p.Code + "]"})
	}
	if ve.Omitted > 0 {
		out = append(out, exampleProblem{Pointer: at, What: fmt.Sprintf("and %d more problems", ve.Omitted)})
	}
	return out
}
