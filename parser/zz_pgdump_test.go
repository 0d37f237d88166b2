package parser

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func TestZZDumpModel(t *testing.T) {
	files := pgCorpusFiles(t)
	pkg := ParseFiles(files)
	b, err := json.Marshal(pkg)
	if err != nil {
		t.Fatal(err)
	}
	var rs []byte
	for _, f := range files {
		r := ParsePage(f.Path, f.Src)
		x, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, x...)
	}
	os.WriteFile(os.Getenv("PGDUMP"), append(b, rs...), 0o644)
	fmt.Printf("%x %d\n", sha256.Sum256(b), len(b))
}
