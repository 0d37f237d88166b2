package runtime

import (
	"strconv"
)

// This file is the JSON scanner under decodeObject and decodeArray: it
// skips and checks values without building them.

// maxDepth bounds the nesting of arrays and objects, as encoding/json does.
const maxDepth = 10000

// skipSpace returns the index of the first non-white-space byte at or after i.
func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// trimSpace removes JSON white space from both ends of data.
func trimSpace(data []byte) []byte {
	data = data[skipSpace(data, 0):]
	for len(data) > 0 {
		switch data[len(data)-1] {
		case ' ', '\t', '\n', '\r':
			data = data[:len(data)-1]
			continue
		}
		break
	}
	return data
}

// skipValue validates the JSON value starting at data[i] (no leading white
// space) and returns the index just after it.
func skipValue(data []byte, i, depth int) (int, error) {
	if i >= len(data) {
		return i, errEOF(i)
	}
	switch c := data[i]; {
	case c == '"':
		end, _, err := scanString(data, i)
		return end, err
	case c == '{' || c == '[':
		if depth >= maxDepth {
			return i, &syntaxError{offset: int64(i), msg: "exceeded max depth"}
		}
		closer := byte('}')
		if c == '[' {
			closer = ']'
		}
		i = skipSpace(data, i+1)
		if i < len(data) && data[i] == closer {
			return i + 1, nil
		}
		for {
			if c == '{' {
				if i >= len(data) {
					return i, errEOF(i)
				}
				if data[i] != '"' {
					return i, badChar(data, i, "looking for beginning of object key string")
				}
				end, _, err := scanString(data, i)
				if err != nil {
					return end, err
				}
				i = skipSpace(data, end)
				if i >= len(data) {
					return i, errEOF(i)
				}
				if data[i] != ':' {
					return i, badChar(data, i, "after object key")
				}
				i = skipSpace(data, i+1)
			}
			var err error
			if i, err = skipValue(data, i, depth+1); err != nil {
				return i, err
			}
			i = skipSpace(data, i)
			if i >= len(data) {
				return i, errEOF(i)
			}
			switch data[i] {
			case ',':
				i = skipSpace(data, i+1)
				continue
			case closer:
				return i + 1, nil
			}
			if c == '{' {
				return i, badChar(data, i, "after object key:value pair")
			}
			return i, badChar(data, i, "after array element")
		}
	case c == 't':
		return skipLiteral(data, i, "true")
	case c == 'f':
		return skipLiteral(data, i, "false")
	case c == 'n':
		return skipLiteral(data, i, "null")
	case c == '-' || ('0' <= c && c <= '9'):
		end := scanNumber(data, i)
		if end < 0 {
			if -end >= len(data) {
				return -end, errEOF(-end)
			}
			return -end, badChar(data, -end, "in numeric literal")
		}
		return end, nil
	}
	return i, badChar(data, i, "looking for beginning of value")
}

func skipLiteral(data []byte, i int, lit string) (int, error) {
	for j := 0; j < len(lit); j++ {
		if i+j >= len(data) {
			return i + j, errEOF(i + j)
		}
		if data[i+j] != lit[j] {
			return i + j, badChar(data, i+j, "in literal "+lit+" (expecting "+strconv.QuoteRune(rune(lit[j]))+")")
		}
	}
	return i + len(lit), nil
}

// scanNumber returns the index just after the JSON number starting at
// data[i], or minus the index of the offending byte (never 0, because a
// number has at least one byte).
func scanNumber(data []byte, i int) int {
	digits := func(i int) int {
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
		return i
	}
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i >= len(data):
		return -i
	case data[i] == '0':
		i++
	case '1' <= data[i] && data[i] <= '9':
		i = digits(i + 1)
	default:
		return -i
	}
	if i < len(data) && data[i] == '.' {
		i++
		j := digits(i)
		if j == i {
			return -i
		}
		i = j
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		j := digits(i)
		if j == i {
			return -i
		}
		i = j
	}
	return i
}

// validNumber reports whether s is exactly one JSON number.
func validNumber[S ~string | ~[]byte](s S) bool {
	return len(s) > 0 && scanNumber([]byte(s), 0) == len(s)
}

// scanString validates the JSON string starting at data[i] (a quote) and
// returns the index just after its closing quote, and whether it contains
// escapes.
func scanString(data []byte, i int) (end int, escaped bool, err error) {
	for j := i + 1; j < len(data); j++ {
		switch c := data[j]; {
		case c == '"':
			return j + 1, escaped, nil
		case c == '\\':
			escaped = true
			j++
			if j >= len(data) {
				return j, escaped, errEOF(j)
			}
			switch data[j] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				for k := 1; k <= 4; k++ {
					if j+k >= len(data) {
						return j + k, escaped, errEOF(j + k)
					}
					if !isHex(data[j+k]) {
						return j + k, escaped, badChar(data, j+k, "in \\u hexadecimal character escape")
					}
				}
				j += 4
			default:
				return j, escaped, badChar(data, j, "in string escape code")
			}
		case c < 0x20:
			return j, escaped, badChar(data, j, "in string literal")
		}
	}
	return len(data), escaped, errEOF(len(data))
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// jsonKind names the kind of JSON value that starts with c.
func jsonKind(c byte) string {
	switch c {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}
