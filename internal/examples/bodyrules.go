package examples

import (
	"strings"

	"github.com/docgen-dev/docgen/internal/jsonpos"
	"github.com/docgen-dev/docgen/parser/model"
)

// BodyRule is what an operation's documented request-body rules make of one
// member of its body type: the one decision the generated servers
// (generator) and docgen serve (internal/serve) both enforce.
type BodyRule int

const (
	// NoRule: the member may be sent or not.
	NoRule BodyRule = iota
	// Required: the member's own request-body row says "Required", the
	// member is not read-only, and every JSON request example sends it with
	// a value other than null. Absent or null, it is a problem.
	Required
	// ReadOnly: a read-only member the request-body table does not list and
	// no request example sends; it is refused.
	ReadOnly
	// RequiredReadOnly: the row says "Required" but the resource marks the
	// member read-only; not enforced, a diagnostic.
	RequiredReadOnly
	// RequiredUnsent: the row says "Required" but a request example omits
	// the member; not enforced, a diagnostic.
	RequiredUnsent
	// RequiredNull: the row says "Required" but a request example sends
	// the member as null, which a required member may not be; not
	// enforced, a diagnostic.
	RequiredNull
)

// BodyRules holds what an operation's pages say about its request body
// members. The documented examples are the contract: a blanket "properties
// that are required when you create" sentence is never enforced (lint
// reports it), only a row's own "Required" marker, and only where the
// page's examples and read-only notes do not contradict it.
type BodyRules struct {
	required map[string]*model.Property
	listed   map[string]bool
	sent     map[string]bool
	omitted  map[string]*model.Example
	nulled   map[string]*model.Example
}

// NewBodyRules reads op's request-body table and JSON request examples.
func NewBodyRules(op *model.Operation) *BodyRules {
	r := &BodyRules{required: map[string]*model.Property{}, listed: map[string]bool{}}
	for _, prop := range bodyProperties(op) {
		if prop == nil {
			continue
		}
		r.listed[prop.Name] = true
		if prop.Required {
			r.required[prop.Name] = prop
		}
	}
	r.sent, r.omitted, r.nulled = requestMembers(op)
	return r
}

// Decide returns the rule for the member name of the body type (readOnly:
// the resource marks it read-only), with the request-body row that marks it
// Required (for Required, RequiredReadOnly, RequiredUnsent and
// RequiredNull) and, for RequiredUnsent and RequiredNull, the first request
// example that omits it or sends it as null.
func (r *BodyRules) Decide(name string, readOnly bool) (BodyRule, *model.Property, *model.Example) {
	if row := r.required[name]; row != nil {
		switch {
		case readOnly:
			return RequiredReadOnly, row, nil
		case r.omitted[name] != nil:
			return RequiredUnsent, row, r.omitted[name]
		case r.nulled[name] != nil:
			return RequiredNull, row, r.nulled[name]
		default:
			return Required, row, nil
		}
	}
	if readOnly && !r.listed[name] && !r.sent[name] {
		return ReadOnly, nil, nil
	}
	return NoRule, nil, nil
}

// requestMembers returns the top-level members some JSON request example
// of op sends, for every member some example omits, the first example
// that omits it (every listed member no example sends counts as omitted by
// the first example), and for every member some example sends as null, the
// first example that does.
func requestMembers(op *model.Operation) (sent map[string]bool, omitted, nulled map[string]*model.Example) {
	sent, omitted, nulled = map[string]bool{}, map[string]*model.Example{}, map[string]*model.Example{}
	var objects []map[string]any
	var from []*model.Example
	for _, ex := range op.Examples {
		if ex == nil || ex.Kind != model.RequestExample || strings.TrimSpace(ex.Body) == "" {
			continue
		}
		doc, err := jsonpos.Parse(jsonpos.Repair(ex.Body).Out)
		if err != nil {
			continue
		}
		if obj, ok := doc.(map[string]any); ok {
			objects = append(objects, obj)
			from = append(from, ex)
			for k, v := range obj {
				sent[k] = true
				if v == nil && nulled[k] == nil {
					nulled[k] = ex
				}
			}
		}
	}
	for name := range sent {
		for i, obj := range objects {
			if _, ok := obj[name]; !ok {
				omitted[name] = from[i]
				break
			}
		}
	}
	for _, prop := range bodyProperties(op) {
		if prop != nil && !sent[prop.Name] && len(from) > 0 {
			omitted[prop.Name] = from[0]
		}
	}
	return sent, omitted, nulled
}

// bodyProperties is op's request-body table (none without a request body).
func bodyProperties(op *model.Operation) []*model.Property {
	if op.RequestBody == nil {
		return nil
	}
	return op.RequestBody.Properties
}
