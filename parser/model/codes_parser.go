package model

// parserCodes are the diagnostic codes reported by the parser.
// Codes are kebab-case, stable once released, and each has an explanation.
var parserCodes = []CodeInfo{}
