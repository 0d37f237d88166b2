package model

// lintCodes are the diagnostic codes reported by the lint.
// Codes are kebab-case, stable once released, and each has an explanation.
var lintCodes = []CodeInfo{}
