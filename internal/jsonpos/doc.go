// Package jsonpos reads JSON example bodies as documentation writes them,
// keeping track of where every value is in the text.
//
// It is the one place docgen's parser, lint and generator share for:
//
//   - Repair: the lenient rewrite of a body that is almost JSON (trailing
//     commas, comments, Unicode spaces used as whitespace, byte-order marks,
//     raw control characters inside strings), with a map from offsets in the
//     repaired text back to the body (Repaired.InOffset).
//   - LineIndex: byte offset to 0-based line and column.
//   - JSON Pointers (RFC 6901): EscapeToken, UnescapeToken, Split, Join,
//     AppendKey, AppendIndex.
//   - Fast scanners over valid JSON that do not decode it: SkipSpace,
//     SkipString, SkipValue, TopMembers, ArrayElems; Places lists the start
//     offset of every value by JSON Pointer.
//   - ParseTree: a tree that keeps member order and the offset of every
//     value and key; Parse: a generic tree with numbers kept as json.Number.
//   - The placeholder rules: which string values stand for "some value of a
//     type" ("String", "String (timestamp)", "<password>", "a | b") rather
//     than data (IsPlaceholderString, FindPlaceholders).
//
// Generated packages cannot import docgen, so the round-trip test harness
// (templates/runtime/examples_test.go) has its own copy of Repair and
// Places; templates/runtime/jsonpos_equiv_test.go pins that copy to this
// package over the fuzz seeds and every example body of the corpus.
//
// The package imports only the standard library and never panics on input.
package jsonpos
