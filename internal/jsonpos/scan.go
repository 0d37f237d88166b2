package jsonpos

// Cheap readers of valid JSON for the few questions asked about an example
// body ("has the top-level object an id?", "what is member x?") without
// decoding the whole body with encoding/json.

// Member is one member of a JSON object: its key (raw, between the quotes)
// and its value (raw, without surrounding white space).
type Member struct {
	Key, Val []byte
}

// isJSONSpace reports JSON white space.
func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// SkipSpace returns the offset of the first byte at or after i that is not
// JSON white space.
func SkipSpace(b []byte, i int) int {
	for i < len(b) && isJSONSpace(b[i]) {
		i++
	}
	return i
}

// SkipString returns the offset just past the string starting at
// b[i] == '"' (len(b) if it is unterminated).
func SkipString(b []byte, i int) int {
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

// SkipValue returns the offset just past the value starting at b[i] (b
// must be valid JSON; on bad input the result is still within b).
func SkipValue(b []byte, i int) int {
	if i >= len(b) {
		return len(b)
	}
	switch b[i] {
	case '"':
		return SkipString(b, i)
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				i = SkipString(b, i)
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
	for i < len(b) && !isJSONSpace(b[i]) && b[i] != ',' && b[i] != '}' && b[i] != ']' {
		i++
	}
	return i
}

// TopMembers lists the members of the object that valid JSON b is, in
// order. obj is false when b is not an object (null, array, scalar).
// plain is false when a key has an escape or a non-ASCII byte: its decoded
// form may differ from its raw bytes, so callers must use encoding/json.
func TopMembers(b []byte) (ms []Member, obj, plain bool) {
	i := SkipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return nil, false, true
	}
	i = SkipSpace(b, i+1)
	for i < len(b) && b[i] == '"' {
		end := SkipString(b, i)
		if end-1 <= i {
			return nil, true, false
		}
		key := b[i+1 : end-1]
		for _, c := range key {
			if c == '\\' || c >= 0x80 {
				return nil, true, false
			}
		}
		i = SkipSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return nil, true, false
		}
		i = SkipSpace(b, i+1)
		vend := SkipValue(b, i)
		ms = append(ms, Member{Key: key, Val: b[i:vend]})
		i = SkipSpace(b, vend)
		if i < len(b) && b[i] == ',' {
			i = SkipSpace(b, i+1)
		}
	}
	return ms, true, true
}

// LastMember returns the value of the last member named key (the one
// json.Unmarshal into a map keeps).
func LastMember(ms []Member, key string) ([]byte, bool) {
	for i := len(ms) - 1; i >= 0; i-- {
		if string(ms[i].Key) == key {
			return ms[i].Val, true
		}
	}
	return nil, false
}

// ArrayElems lists the elements of the array that valid JSON b is; ok is
// false when b is not an array.
func ArrayElems(b []byte) (elems [][]byte, ok bool) {
	i := SkipSpace(b, 0)
	if i >= len(b) || b[i] != '[' {
		return nil, false
	}
	i = SkipSpace(b, i+1)
	for i < len(b) && b[i] != ']' {
		end := SkipValue(b, i)
		if end <= i {
			return nil, false
		}
		elems = append(elems, b[i:end])
		i = SkipSpace(b, end)
		if i < len(b) && b[i] == ',' {
			i = SkipSpace(b, i+1)
		}
	}
	return elems, true
}
