package runtime

// exampleLines is docgen_lines_test.go's table in a generated package: the
// page line of each test anchor. The runtime's own tests give their cases
// a Line, or add entries here.
var exampleLines = map[string]int{}
