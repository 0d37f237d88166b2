package examples

import (
	"net/http"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// SuccessAnswer decides how op answers a call that succeeds: its status
// and the type of its body, and whether the page says it has none. The
// generated handlers (generator planResponse) and docgen serve both use
// it, so the two servers answer alike.
//
// The status is the one the Response section states; else that of the
// first 2xx or 3xx response example; else an assumption: 204 when no body
// type is documented, 201 for a POST whose title starts with "Create", 200
// otherwise. method is the method the operation is routed under.
func SuccessAnswer(op *model.Operation, method string) (status int, body model.TypeRef, noContent bool) {
	if r := op.Response; r != nil {
		body, status, noContent = r.Type, r.Status, r.NoContent
	}
	if status == 0 {
		for _, ex := range op.Examples {
			if ex != nil && ex.Kind == model.ResponseExample && ex.Status >= 200 && ex.Status < 400 {
				status = ex.Status
				break
			}
		}
	}
	if status < 200 || status > 399 {
		switch {
		case body.Name == "" || noContent:
			status = http.StatusNoContent
		case strings.EqualFold(method, http.MethodPost) && strings.HasPrefix(strings.ToLower(op.Title), "create"):
			status = http.StatusCreated
		default:
			status = http.StatusOK
		}
	}
	return status, body, noContent
}
