package runtime

import (
	"encoding/json"
)

// ODataCollection is the body of a collection response: the items in "value",
// the OData paging annotations, and any other member (an @odata.type on
// the envelope, a custom annotation) in Extra, in document order. A nil
// Value is written as [].
type ODataCollection[T any] struct {
	Context   string
	Count     Opt[int64]
	NextLink  string
	DeltaLink string
	Value     []T
	Extra     JSONMembers
}

// MarshalJSON writes the annotations, "value", then Extra.
func (c ODataCollection[T]) MarshalJSON() ([]byte, error) {
	var w objectWriter
	if c.Context != "" {
		w.field("@odata.context", c.Context)
	}
	w.field("@odata.count", c.Count)
	if c.NextLink != "" {
		w.field("@odata.nextLink", c.NextLink)
	}
	if c.DeltaLink != "" {
		w.field("@odata.deltaLink", c.DeltaLink)
	}
	v := c.Value
	if v == nil {
		v = []T{}
	}
	w.field("value", v)
	w.extra(c.Extra)
	return w.bytes()
}

// UnmarshalJSON decodes a collection object; members other than "value"
// and the paging annotations go to Extra.
func (c *ODataCollection[T]) UnmarshalJSON(data []byte) error {
	*c = ODataCollection[T]{}
	return decodeObject(data, &c.Extra, func(name string, value []byte) (bool, error) {
		switch name {
		case "@odata.context":
			return true, json.Unmarshal(value, &c.Context)
		case "@odata.count":
			return true, json.Unmarshal(value, &c.Count)
		case "@odata.nextLink":
			return true, json.Unmarshal(value, &c.NextLink)
		case "@odata.deltaLink":
			return true, json.Unmarshal(value, &c.DeltaLink)
		case "value":
			return true, decodeArray(value, &c.Value)
		}
		return false, nil
	})
}
