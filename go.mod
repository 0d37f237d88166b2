module github.com/docgen-dev/docgen

go 1.24

require (
	github.com/dave/jennifer v1.7.1
	github.com/google/go-cmp v0.7.0
	github.com/yuin/goldmark v1.8.7
)
