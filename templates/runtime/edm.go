package runtime

import (
	"encoding/json"
	"math"
	"strconv"
	"time"
)

// EdmDate is an Edm.Date: a calendar day without time or zone, written
// "2006-01-02". Years before 1 and after 9999 are allowed as in OData
// ("-0001-12-31", "12345-01-01"). The zero EdmDate is not a valid date and
// means "not set".
type EdmDate struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseEdmDate parses an Edm.Date such as "2021-07-01". It rejects days that do
// not exist ("2021-02-29").
func ParseEdmDate(s string) (EdmDate, error) {
	d, ok := parseDate(s)
	if !ok {
		return EdmDate{}, &formatError{kind: "Edm.Date", value: s, want: "YYYY-MM-DD"}
	}
	return d, nil
}

func parseDate(s string) (EdmDate, bool) {
	i := 0
	neg := false
	if i < len(s) && s[i] == '-' {
		neg = true
		i++
	}
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j-i < 4 || j-i > 9 || j-i > 4 && s[i] == '0' {
		return EdmDate{}, false
	}
	year := atoiDigits(s[i:j])
	if neg {
		if year == 0 {
			return EdmDate{}, false // "-0000" would not format back
		}
		year = -year
	}
	rest := s[j:]
	if len(rest) != 6 || rest[0] != '-' || rest[3] != '-' || !isDigit(rest[1]) || !isDigit(rest[2]) || !isDigit(rest[4]) || !isDigit(rest[5]) {
		return EdmDate{}, false
	}
	d := EdmDate{Year: year, Month: time.Month(atoiDigits(rest[1:3])), Day: atoiDigits(rest[4:6])}
	return d, d.Valid()
}

// EdmDateOf returns the calendar day of t in t's location.
func EdmDateOf(t time.Time) EdmDate {
	y, m, d := t.Date()
	return EdmDate{Year: y, Month: m, Day: d}
}

// Valid reports whether d is a day of the proleptic Gregorian calendar.
func (d EdmDate) Valid() bool {
	return d.Month >= time.January && d.Month <= time.December && d.Day >= 1 && d.Day <= daysIn(d.Month, d.Year)
}

// IsZero reports whether d is the zero EdmDate, which means "not set".
func (d EdmDate) IsZero() bool { return d == EdmDate{} }

// In returns midnight at the start of d in loc.
func (d EdmDate) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// String formats d as "2006-01-02" (with a sign and more digits for years
// outside 0..9999).
func (d EdmDate) String() string { return string(d.appendText(nil)) }

func (d EdmDate) appendText(b []byte) []byte {
	y := d.Year
	if y < 0 {
		b = append(b, '-')
		y = -y
	}
	b = appendPadded(b, y, 4)
	b = append(b, '-')
	b = appendPadded(b, int(d.Month), 2)
	b = append(b, '-')
	return appendPadded(b, d.Day, 2)
}

// MarshalText formats d; it fails for an invalid date.
func (d EdmDate) MarshalText() ([]byte, error) {
	if !d.Valid() {
		return nil, &formatError{kind: "Edm.Date", value: d.String(), want: "a valid date"}
	}
	return d.appendText(nil), nil
}

// UnmarshalText parses an Edm.Date strictly.
func (d *EdmDate) UnmarshalText(text []byte) error {
	v, err := ParseEdmDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func (d EdmDate) appendJSON(b []byte) ([]byte, error) {
	if !d.Valid() {
		return b, &formatError{kind: "Edm.Date", value: d.String(), want: "a valid date"}
	}
	b = append(b, '"')
	b = d.appendText(b)
	return append(b, '"'), nil
}

// EdmTimeOfDay is an Edm.TimeOfDay: a clock time without date or zone,
// written "15:04:05" with an optional fraction of up to 12 digits.
type EdmTimeOfDay struct {
	Hour, Minute, Second, Nanosecond int
	// Digits is the number of fractional-second digits as written, so that
	// "08:00:00.0000000" formats back unchanged. String writes more digits
	// when Nanosecond needs them, so no precision is ever lost.
	Digits int
}

// ParseEdmTimeOfDay parses an Edm.TimeOfDay such as "08:00:00.0000000". The
// seconds are optional, as in OData ("08:00" formats as "08:00:00"). A
// fraction may have up to 12 digits; digits beyond the ninth must be zero.
func ParseEdmTimeOfDay(s string) (EdmTimeOfDay, error) {
	t, ok := parseTimeOfDay(s)
	if !ok {
		return EdmTimeOfDay{}, &formatError{kind: "Edm.TimeOfDay", value: s, want: "hh:mm:ss[.fffffff]"}
	}
	return t, nil
}

func parseTimeOfDay(s string) (EdmTimeOfDay, bool) {
	if len(s) < 5 || !isDigit(s[0]) || !isDigit(s[1]) || s[2] != ':' || !isDigit(s[3]) || !isDigit(s[4]) {
		return EdmTimeOfDay{}, false
	}
	t := EdmTimeOfDay{Hour: atoiDigits(s[0:2]), Minute: atoiDigits(s[3:5])}
	rest := s[5:]
	if len(rest) > 0 {
		if len(rest) < 3 || rest[0] != ':' || !isDigit(rest[1]) || !isDigit(rest[2]) {
			return EdmTimeOfDay{}, false
		}
		t.Second = atoiDigits(rest[1:3])
		rest = rest[3:]
		if len(rest) > 0 {
			if rest[0] != '.' {
				return EdmTimeOfDay{}, false
			}
			ns, digits, ok := parseFraction(rest[1:], 12)
			if !ok || digits != len(rest)-1 {
				return EdmTimeOfDay{}, false
			}
			t.Nanosecond, t.Digits = ns, digits
		}
	}
	return t, t.Valid()
}

// Valid reports whether every field of t is in range.
func (t EdmTimeOfDay) Valid() bool {
	return t.Hour >= 0 && t.Hour < 24 && t.Minute >= 0 && t.Minute < 60 && t.Second >= 0 && t.Second < 60 &&
		t.Nanosecond >= 0 && t.Nanosecond < 1e9 && t.Digits >= 0 && t.Digits <= 12
}

// String formats t as "15:04:05" plus a fraction of Digits digits (or more
// when Nanosecond needs them).
func (t EdmTimeOfDay) String() string { return string(t.appendText(nil)) }

func (t EdmTimeOfDay) appendText(b []byte) []byte {
	b = appendPadded(b, t.Hour, 2)
	b = append(b, ':')
	b = appendPadded(b, t.Minute, 2)
	b = append(b, ':')
	b = appendPadded(b, t.Second, 2)
	return appendFraction(b, t.Nanosecond, t.Digits)
}

// MarshalText formats t; it fails when a field is out of range.
func (t EdmTimeOfDay) MarshalText() ([]byte, error) {
	if !t.Valid() {
		return nil, &formatError{kind: "Edm.TimeOfDay", value: t.String(), want: "a valid time of day"}
	}
	return t.appendText(nil), nil
}

// UnmarshalText parses an Edm.TimeOfDay strictly.
func (t *EdmTimeOfDay) UnmarshalText(text []byte) error {
	v, err := ParseEdmTimeOfDay(string(text))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

func (t EdmTimeOfDay) appendJSON(b []byte) ([]byte, error) {
	if !t.Valid() {
		return b, &formatError{kind: "Edm.TimeOfDay", value: t.String(), want: "a valid time of day"}
	}
	b = append(b, '"')
	b = t.appendText(b)
	return append(b, '"'), nil
}

// EdmDuration is an Edm.Duration, an ISO 8601 duration such as "P1DT2H",
// "-PT3M22.1587532S", "P2W" or "P1Y6M". Components are kept as written and
// never normalised, so "PT36H" stays "PT36H" and "P1Y" is not a number of
// days. Only seconds may have a fraction.
//
// String is canonical: components in the order Y M W D T H M S, zero
// components left out (an all-zero duration is "PT0S"), numbers without
// leading zeros, and the fraction with Digits digits. Every EdmDuration
// written in that form, which includes all the corpus examples, formats
// back to the same text.
type EdmDuration struct {
	Negative                                            bool
	Years, Months, Weeks, Days, Hours, Minutes, Seconds int64
	// Nanoseconds is the fractional part of Seconds, in [0, 1e9).
	Nanoseconds int64
	// Digits is the number of fractional-second digits as written
	// ("PT1.50S" has 2). String writes more when Nanoseconds needs them.
	Digits int
}

// ParseEdmDuration parses an ISO 8601 duration: an optional "-", "P", then
// any of nY nM nW nD in that order, then optionally "T" and any of nH nM nS
// (seconds may have a fraction of up to 9 significant digits). At least one
// component is required.
func ParseEdmDuration(s string) (EdmDuration, error) {
	d, ok := parseDuration(s)
	if !ok {
		return EdmDuration{}, &formatError{kind: "Edm.Duration", value: s, want: "an ISO 8601 duration like P1DT2H30M"}
	}
	return d, nil
}

func parseDuration(s string) (EdmDuration, bool) {
	var d EdmDuration
	i := 0
	if i < len(s) && s[i] == '-' {
		d.Negative = true
		i++
	}
	if i >= len(s) || s[i] != 'P' {
		return EdmDuration{}, false
	}
	i++
	const datePart, timePart = "YMWD", "HMS"
	units := datePart
	next := 0 // index in units of the next allowed designator
	seen := false
	for i < len(s) {
		if s[i] == 'T' {
			if units == timePart || i+1 >= len(s) {
				return EdmDuration{}, false
			}
			units, next = timePart, 0
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j == i || j >= len(s) {
			return EdmDuration{}, false
		}
		n, err := strconv.ParseInt(s[i:j], 10, 64)
		if err != nil {
			return EdmDuration{}, false
		}
		var ns int64
		digits := 0
		if s[j] == '.' {
			if units != timePart {
				return EdmDuration{}, false
			}
			k := j + 1
			for k < len(s) && isDigit(s[k]) {
				k++
			}
			f, dg, ok := parseFraction(s[j+1:k], 18)
			if !ok || dg == 0 || k >= len(s) || s[k] != 'S' {
				return EdmDuration{}, false
			}
			ns, digits, j = int64(f), dg, k
		}
		pos := -1
		for u := next; u < len(units); u++ {
			if units[u] == s[j] {
				pos = u
				break
			}
		}
		if pos < 0 {
			return EdmDuration{}, false
		}
		next = pos + 1
		switch {
		case units == datePart && s[j] == 'Y':
			d.Years = n
		case units == datePart && s[j] == 'M':
			d.Months = n
		case s[j] == 'W':
			d.Weeks = n
		case s[j] == 'D':
			d.Days = n
		case s[j] == 'H':
			d.Hours = n
		case s[j] == 'M':
			d.Minutes = n
		case s[j] == 'S':
			d.Seconds, d.Nanoseconds, d.Digits = n, ns, digits
		}
		seen = true
		i = j + 1
	}
	return d, seen
}

// EdmDurationOf returns d as hours, minutes and seconds ("PT36H", "PT1.5S").
func EdmDurationOf(d time.Duration) EdmDuration {
	var r EdmDuration
	u := uint64(d)
	if d < 0 {
		r.Negative = true
		u = -u
	}
	r.Nanoseconds = int64(u % 1e9)
	u /= 1e9
	r.Seconds = int64(u % 60)
	u /= 60
	r.Minutes = int64(u % 60)
	r.Hours = int64(u / 60)
	return r
}

// Std converts d to a time.Duration, counting a week as 7 days and a day as
// 24 hours. It reports false when d has years or months (which have no
// fixed length) or does not fit.
func (d EdmDuration) Std() (time.Duration, bool) {
	if d.Years != 0 || d.Months != 0 {
		return 0, false
	}
	total := int64(0)
	for _, part := range [...]struct{ n, unit int64 }{
		{d.Weeks, 7 * 24 * int64(time.Hour)},
		{d.Days, 24 * int64(time.Hour)},
		{d.Hours, int64(time.Hour)},
		{d.Minutes, int64(time.Minute)},
		{d.Seconds, int64(time.Second)},
		{d.Nanoseconds, 1},
	} {
		if part.n < 0 || part.n > (math.MaxInt64-total)/part.unit {
			return 0, false
		}
		total += part.n * part.unit
	}
	if d.Negative {
		total = -total
	}
	return time.Duration(total), true
}

// Valid reports whether no component is negative and Nanoseconds and
// Digits are in range.
func (d EdmDuration) Valid() bool {
	return d.Years >= 0 && d.Months >= 0 && d.Weeks >= 0 && d.Days >= 0 && d.Hours >= 0 && d.Minutes >= 0 &&
		d.Seconds >= 0 && d.Nanoseconds >= 0 && d.Nanoseconds < 1e9 && d.Digits >= 0 && d.Digits <= 18
}

// String formats d in the canonical form described on EdmDuration.
func (d EdmDuration) String() string { return string(d.appendText(nil)) }

func (d EdmDuration) appendText(b []byte) []byte {
	if d.Negative {
		b = append(b, '-')
	}
	b = append(b, 'P')
	dated := false
	for _, c := range [...]struct {
		n    int64
		unit byte
	}{{d.Years, 'Y'}, {d.Months, 'M'}, {d.Weeks, 'W'}, {d.Days, 'D'}} {
		if c.n != 0 {
			b = strconv.AppendInt(b, c.n, 10)
			b = append(b, c.unit)
			dated = true
		}
	}
	secs := d.Seconds != 0 || d.Nanoseconds != 0 || d.Digits > 0
	if d.Hours != 0 || d.Minutes != 0 || secs || !dated {
		b = append(b, 'T')
		if d.Hours != 0 {
			b = strconv.AppendInt(b, d.Hours, 10)
			b = append(b, 'H')
		}
		if d.Minutes != 0 {
			b = strconv.AppendInt(b, d.Minutes, 10)
			b = append(b, 'M')
		}
		if secs || b[len(b)-1] == 'T' {
			b = strconv.AppendInt(b, d.Seconds, 10)
			b = appendFraction(b, int(d.Nanoseconds), d.Digits)
			b = append(b, 'S')
		}
	}
	return b
}

// MarshalText formats d; it fails when d is not Valid.
func (d EdmDuration) MarshalText() ([]byte, error) {
	if !d.Valid() {
		return nil, &formatError{kind: "Edm.Duration", value: d.String(), want: "non-negative components"}
	}
	return d.appendText(nil), nil
}

// UnmarshalText parses an ISO 8601 duration strictly.
func (d *EdmDuration) UnmarshalText(text []byte) error {
	v, err := ParseEdmDuration(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func (d EdmDuration) appendJSON(b []byte) ([]byte, error) {
	if !d.Valid() {
		return b, &formatError{kind: "Edm.Duration", value: d.String(), want: "non-negative components"}
	}
	b = append(b, '"')
	b = d.appendText(b)
	return append(b, '"'), nil
}

// EdmDecimal is an Edm.Decimal kept exactly as written: "1.10" stays "1.10"
// and 30-digit numbers keep every digit. It remembers whether the JSON
// carried it as a number or as a string (OData IEEE754Compatible) and
// encodes it the same way. The zero EdmDecimal means "not set" and formats as 0.
type EdmDecimal struct {
	text   string
	quoted bool
}

// ParseEdmDecimal parses a decimal number written as a JSON number literal
// ("-12.50", "1e-3").
func ParseEdmDecimal(s string) (EdmDecimal, error) {
	if !validNumber(s) {
		return EdmDecimal{}, &formatError{kind: "Edm.Decimal", value: s, want: "a number"}
	}
	return EdmDecimal{text: s}, nil
}

// String returns the number as written, or "0" for the zero EdmDecimal.
func (d EdmDecimal) String() string {
	if d.text == "" {
		return "0"
	}
	return d.text
}

// IsZero reports whether d is the zero EdmDecimal ("not set"); a parsed "0" is
// not zero.
func (d EdmDecimal) IsZero() bool { return d.text == "" }

// Quoted reports whether d was read from (and will be written as) a JSON
// string.
func (d EdmDecimal) Quoted() bool { return d.quoted }

// WithQuoted returns d set to be written as a JSON string (true) or number.
func (d EdmDecimal) WithQuoted(quoted bool) EdmDecimal {
	d.quoted = quoted
	return d
}

// Equal reports whether d and e are written identically (same digits, same
// quoting); go-cmp uses it.
func (d EdmDecimal) Equal(e EdmDecimal) bool { return d.String() == e.String() && d.quoted == e.quoted }

// Float64 returns the nearest float64, or an error when out of range.
func (d EdmDecimal) Float64() (float64, error) {
	return strconv.ParseFloat(d.String(), 64)
}

// MarshalJSON writes the number as written: a JSON number, or a JSON string
// when it was read from one.
func (d EdmDecimal) MarshalJSON() ([]byte, error) { return d.appendJSON(nil) }

func (d EdmDecimal) appendJSON(b []byte) ([]byte, error) {
	if d.quoted {
		b = append(b, '"')
		b = append(b, d.String()...)
		return append(b, '"'), nil
	}
	return append(b, d.String()...), nil
}

// UnmarshalJSON accepts a JSON number or a JSON string holding one. JSON
// null leaves d unchanged.
func (d *EdmDecimal) UnmarshalJSON(data []byte) error {
	data = trimSpace(data)
	if isNull(data) {
		return nil
	}
	quoted := false
	if len(data) > 0 && data[0] == '"' {
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
		data, quoted = []byte(s), true
	}
	if !validNumber(data) {
		return &formatError{kind: "Edm.Decimal", value: string(data), want: "a number"}
	}
	*d = EdmDecimal{text: string(data), quoted: quoted}
	return nil
}

// parseDateTimeOffset parses an Edm.DateTimeOffset: RFC 3339 with any
// number of fraction digits. A missing zone, which Graph sometimes sends
// ("2021-07-01T08:00:00.0000000"), is read as UTC.
func parseDateTimeOffset(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err == nil {
		return t, nil
	}
	if t2, err2 := time.Parse("2006-01-02T15:04:05.999999999", s); err2 == nil {
		return t2, nil
	}
	return time.Time{}, &formatError{kind: "Edm.DateTimeOffset", value: s, want: "RFC 3339 like 2006-01-02T15:04:05Z"}
}

// formatError reports text that is not in the format of an Edm type.
type formatError struct {
	kind, value, want string
}

// Error implements error.
func (e *formatError) Error() string {
	return "invalid " + e.kind + " " + strconv.Quote(e.value) + ": want " + e.want
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// atoiDigits converts a string of ASCII digits (checked by the caller).
func atoiDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// parseFraction parses the digits after a decimal point as nanoseconds.
// It accepts up to max digits, but digits after the ninth must be zero.
func parseFraction(s string, max int) (ns, digits int, ok bool) {
	if len(s) == 0 || len(s) > max {
		return 0, 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isDigit(c) {
			return 0, 0, false
		}
		if i < 9 {
			ns = ns*10 + int(c-'0')
		} else if c != '0' {
			return 0, 0, false
		}
	}
	for i := len(s); i < 9; i++ {
		ns *= 10
	}
	return ns, len(s), true
}

// appendFraction appends "." and the fraction ns (nanoseconds) with at least
// digits digits, and as many more as ns needs, or nothing when both are 0.
func appendFraction(b []byte, ns, digits int) []byte {
	need := 0
	if ns != 0 {
		need = 9
		for n := ns; n%10 == 0; n /= 10 {
			need--
		}
	}
	if digits < need {
		digits = need
	}
	if digits == 0 {
		return b
	}
	b = append(b, '.')
	var buf [9]byte
	for i, n := 8, ns; i >= 0; i-- {
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	for i := 0; i < digits; i++ {
		if i < 9 {
			b = append(b, buf[i])
		} else {
			b = append(b, '0')
		}
	}
	return b
}

// appendPadded appends the non-negative n with at least width digits.
func appendPadded(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var buf [20]byte
	i := len(buf)
	for n >= 10 || len(buf)-i < width-1 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	i--
	buf[i] = byte('0' + n%10)
	return append(b, buf[i:]...)
}

// daysIn returns the number of days of month m in year y (proleptic
// Gregorian; year 0 is a leap year).
func daysIn(m time.Month, y int) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}
