//go:build !unix

package parser

func processCPU() int64 { return 0 }
