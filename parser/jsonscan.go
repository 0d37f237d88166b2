package parser

// A cheap reader of valid JSON for the few questions the parser asks about
// an example body ("has the top-level object an id?", "what is member x?")
// without decoding the whole body with encoding/json.

// jsonMember is one member of a JSON object: its key (raw, between the
// quotes) and its value (raw, without surrounding white space).
type jsonMember struct {
	key, val []byte
}

// jSONSpace reports JSON white space.
func jSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// skipJSONSpace returns the offset of the first non-space byte at or
// after i.
func skipJSONSpace(b []byte, i int) int {
	for i < len(b) && jSONSpace(b[i]) {
		i++
	}
	return i
}

// skipJSONString returns the offset just past the string starting at
// b[i] == '"' (len(b) if it is unterminated).
func skipJSONString(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(b)
}

// skipJSONValue returns the offset just past the value starting at b[i]
// (b must be valid JSON; on bad input the result is still within b).
func skipJSONValue(b []byte, i int) int {
	if i >= len(b) {
		return len(b)
	}
	switch b[i] {
	case '"':
		return skipJSONString(b, i)
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				i = skipJSONString(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return len(b)
	}
	for i < len(b) && !jSONSpace(b[i]) && b[i] != ',' && b[i] != '}' && b[i] != ']' {
		i++
	}
	return i
}

// topMembers lists the members of the object that valid JSON b is, in
// order. obj is false when b is not an object (null, array, scalar).
// plain is false when a key has an escape or a non-ASCII byte: its decoded
// form may differ from its raw bytes, so callers must use encoding/json.
func topMembers(b []byte) (ms []jsonMember, obj, plain bool) {
	i := skipJSONSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return nil, false, true
	}
	i = skipJSONSpace(b, i+1)
	for i < len(b) && b[i] == '"' {
		end := skipJSONString(b, i)
		if end-1 <= i {
			return nil, true, false
		}
		key := b[i+1 : end-1]
		for _, c := range key {
			if c == '\\' || c >= 0x80 {
				return nil, true, false
			}
		}
		i = skipJSONSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return nil, true, false
		}
		i = skipJSONSpace(b, i+1)
		vend := skipJSONValue(b, i)
		ms = append(ms, jsonMember{key: key, val: b[i:vend]})
		i = skipJSONSpace(b, vend)
		if i < len(b) && b[i] == ',' {
			i = skipJSONSpace(b, i+1)
		}
	}
	return ms, true, true
}

// lastMember returns the value of the last member named key (the one
// json.Unmarshal into a map keeps).
func lastMember(ms []jsonMember, key string) ([]byte, bool) {
	for i := len(ms) - 1; i >= 0; i-- {
		if string(ms[i].key) == key {
			return ms[i].val, true
		}
	}
	return nil, false
}

// arrayElems lists the elements of the array that valid JSON b is; ok
// is false when b is not an array.
func arrayElems(b []byte) (elems [][]byte, ok bool) {
	i := skipJSONSpace(b, 0)
	if i >= len(b) || b[i] != '[' {
		return nil, false
	}
	i = skipJSONSpace(b, i+1)
	for i < len(b) && b[i] != ']' {
		end := skipJSONValue(b, i)
		if end <= i {
			return nil, false
		}
		elems = append(elems, b[i:end])
		i = skipJSONSpace(b, end)
		if i < len(b) && b[i] == ',' {
			i = skipJSONSpace(b, i+1)
		}
	}
	return elems, true
}
