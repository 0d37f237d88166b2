package parser

// A cheap reader of valid JSON for the few questions the parser asks about
// an example body ("has the top-level object an id?", "what is member x?")
// without decoding the whole body with encoding/json.

// pgMember is one member of a JSON object: its key (raw, between the
// quotes) and its value (raw, without surrounding white space).
type pgMember struct {
	key, val []byte
}

// pgJSONSpace reports JSON white space.
func pgJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// pgSkipJSONSpace returns the offset of the first non-space byte at or
// after i.
func pgSkipJSONSpace(b []byte, i int) int {
	for i < len(b) && pgJSONSpace(b[i]) {
		i++
	}
	return i
}

// pgSkipJSONString returns the offset just past the string starting at
// b[i] == '"' (len(b) if it is unterminated).
func pgSkipJSONString(b []byte, i int) int {
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

// pgSkipJSONValue returns the offset just past the value starting at b[i]
// (b must be valid JSON; on bad input the result is still within b).
func pgSkipJSONValue(b []byte, i int) int {
	if i >= len(b) {
		return len(b)
	}
	switch b[i] {
	case '"':
		return pgSkipJSONString(b, i)
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				i = pgSkipJSONString(b, i)
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
	for i < len(b) && !pgJSONSpace(b[i]) && b[i] != ',' && b[i] != '}' && b[i] != ']' {
		i++
	}
	return i
}

// pgTopMembers lists the members of the object that valid JSON b is, in
// order. obj is false when b is not an object (null, array, scalar).
// plain is false when a key has an escape or a non-ASCII byte: its decoded
// form may differ from its raw bytes, so callers must use encoding/json.
func pgTopMembers(b []byte) (ms []pgMember, obj, plain bool) {
	i := pgSkipJSONSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return nil, false, true
	}
	i = pgSkipJSONSpace(b, i+1)
	for i < len(b) && b[i] == '"' {
		end := pgSkipJSONString(b, i)
		if end-1 <= i {
			return nil, true, false
		}
		key := b[i+1 : end-1]
		for _, c := range key {
			if c == '\\' || c >= 0x80 {
				return nil, true, false
			}
		}
		i = pgSkipJSONSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return nil, true, false
		}
		i = pgSkipJSONSpace(b, i+1)
		vend := pgSkipJSONValue(b, i)
		ms = append(ms, pgMember{key: key, val: b[i:vend]})
		i = pgSkipJSONSpace(b, vend)
		if i < len(b) && b[i] == ',' {
			i = pgSkipJSONSpace(b, i+1)
		}
	}
	return ms, true, true
}

// pgLastMember returns the value of the last member named key (the one
// json.Unmarshal into a map keeps).
func pgLastMember(ms []pgMember, key string) ([]byte, bool) {
	for i := len(ms) - 1; i >= 0; i-- {
		if string(ms[i].key) == key {
			return ms[i].val, true
		}
	}
	return nil, false
}

// pgArrayElems lists the elements of the array that valid JSON b is; ok
// is false when b is not an array.
func pgArrayElems(b []byte) (elems [][]byte, ok bool) {
	i := pgSkipJSONSpace(b, 0)
	if i >= len(b) || b[i] != '[' {
		return nil, false
	}
	i = pgSkipJSONSpace(b, i+1)
	for i < len(b) && b[i] != ']' {
		end := pgSkipJSONValue(b, i)
		if end <= i {
			return nil, false
		}
		elems = append(elems, b[i:end])
		i = pgSkipJSONSpace(b, end)
		if i < len(b) && b[i] == ',' {
			i = pgSkipJSONSpace(b, i+1)
		}
	}
	return elems, true
}
