package parser

import (
	"fmt"
	"testing"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

func TestZZCount(t *testing.T) {
	files := pgCorpusFiles(t)
	md := pgNewMD()
	var tables, tablesRead, cells, cellsRead, paras, parasRead, heads int
	for _, f := range files {
		parsePage(md, f.Path, f.Src); r := pgDebugLast
		for _, b := range r.blocks {
			switch b.kind {
			case bTable:
				tables++
				n := 0
				if b.mdTable.node != nil {
					ast.Walk(b.mdTable.node, func(n2 ast.Node, e bool) (ast.WalkStatus, error) {
						if _, ok := n2.(*extast.TableCell); ok && e {
							n++
						}
						return ast.WalkContinue, nil
					})
				}
				cells += n
				if b.mdTable.loaded {
					tablesRead++
					cellsRead += n
				}
			case bPara:
				paras++
				if b.loaded {
					parasRead++
				}
			case bHeading:
				heads++
			}
		}
	}
	fmt.Println("tables", tables, tablesRead, "cells", cells, cellsRead, "paras", paras, parasRead, "heads", heads)
}
