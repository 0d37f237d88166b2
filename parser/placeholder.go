package parser

import (
	"sync"

	"github.com/docgen-dev/docgen/internal/jsonpos"
	"github.com/docgen-dev/docgen/parser/model"
)

// The placeholder rules live in internal/jsonpos; these wrappers give them
// the model's types and page positions.

// FindPlaceholders returns the values of a JSON body that stand for "some
// value of a type" rather than data, in document order, each with its JSON
// Pointer (RFC 6901) and page position. jsonBody is the JSON (the body
// itself, or CheckJSON's repaired bytes); body is the body as written, at
// bodyPos, used to locate the values on the page.
//
// Strings are classified by IsPlaceholderString; the numbers 1024 and
// 1024.13 (the stub generator's stock values) are NumberPlaceholders.
func FindPlaceholders(jsonBody []byte, body string, bodyPos model.Pos) []*model.Placeholder {
	buf := placeholderBufs.Get().(*[]jsonpos.Placeholder)
	*buf = jsonpos.AppendPlaceholders((*buf)[:0], jsonBody, body)
	out := modelPlaceholders(*buf, body, bodyPos)
	placeholderBufs.Put(buf)
	return out
}

// strictPlaceholders is CheckJSON and FindPlaceholders in one pass over
// a body that is strict JSON: ok is true only when body is JSON as
// encoding/json reads it (CheckJSON's ValidJSON, without diagnostics), and
// then the placeholders are FindPlaceholders' for the body. ok false says
// nothing: the caller runs CheckJSON and FindPlaceholders.
func strictPlaceholders(body string, bodyPos model.Pos) ([]*model.Placeholder, bool) {
	buf := placeholderBufs.Get().(*[]jsonpos.Placeholder)
	var ok bool
	*buf, ok = jsonpos.AppendStrictPlaceholders((*buf)[:0], body)
	var out []*model.Placeholder
	if ok {
		out = modelPlaceholders(*buf, body, bodyPos)
	}
	placeholderBufs.Put(buf)
	return out, ok
}

// placeholderBufs holds scratch slices of the placeholder walks.
var placeholderBufs = sync.Pool{New: func() any { return new([]jsonpos.Placeholder) }}

// modelPlaceholders converts jsonpos placeholders of body (at bodyPos) to
// the model's; none is nil.
func modelPlaceholders(ps []jsonpos.Placeholder, body string, bodyPos model.Pos) []*model.Placeholder {
	if len(ps) == 0 {
		return nil
	}
	out := make([]*model.Placeholder, len(ps))
	for i := range ps {
		out[i] = modelPlaceholder(&ps[i], body, bodyPos)
	}
	return out
}

// modelPlaceholder converts a jsonpos placeholder of body (at bodyPos) to
// the model's.
func modelPlaceholder(p *jsonpos.Placeholder, body string, bodyPos model.Pos) *model.Placeholder {
	return &model.Placeholder{
		Pointer:      p.Pointer,
		Kind:         model.PlaceholderKind(p.Kind),
		Text:         p.Text,
		Type:         p.Type,
		Alternatives: p.Alternatives,
		Pos:          blockPos(body, p.Off, bodyPos),
	}
}

// IsPlaceholderString reports whether a JSON string value is a placeholder:
// a type name ("String", "String (timestamp)", "Int32", "Guid"; Type is the
// Edm type it names), an Intune "<Property Name> value" string, an
// alternatives list "a | b | c", or a template such as "{userId}",
// "<password>" or "<Unknown Primitive Type Edm.Stream>". Real data — GUIDs,
// dates, URLs, sentences, enum members — is not a placeholder. It is
// jsonpos.IsPlaceholderString with the model's kind.
func IsPlaceholderString(s string) (model.PlaceholderKind, string, bool) {
	k, typ, ok := jsonpos.IsPlaceholderString(s)
	return model.PlaceholderKind(k), typ, ok
}

// jsonpos mirrors the model's placeholder kinds; a
// change to either side stops this from compiling.
var (
	_ = [1]int{}[model.TypeNamePlaceholder-model.PlaceholderKind(jsonpos.TypeNamePlaceholder)]
	_ = [1]int{}[model.PropertyValuePlaceholder-model.PlaceholderKind(jsonpos.PropertyValuePlaceholder)]
	_ = [1]int{}[model.AlternativesPlaceholder-model.PlaceholderKind(jsonpos.AlternativesPlaceholder)]
	_ = [1]int{}[model.NumberPlaceholder-model.PlaceholderKind(jsonpos.NumberPlaceholder)]
	_ = [1]int{}[model.TemplatePlaceholder-model.PlaceholderKind(jsonpos.TemplatePlaceholder)]
)
