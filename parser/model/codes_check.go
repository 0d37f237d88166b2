package model

// checkCodes are the diagnostic codes reported by the check.
// Codes are kebab-case, stable once released, and each has an explanation.
var checkCodes = []CodeInfo{}
