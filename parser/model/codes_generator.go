package model

// generatorCodes are the diagnostic codes reported by the generator.
// Codes are kebab-case, stable once released, and each has an explanation.
var generatorCodes = []CodeInfo{}
