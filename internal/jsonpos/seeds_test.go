package jsonpos

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// repairSeeds reads testdata/repair_seeds.txt.
func repairSeeds(t testing.TB) []string {
	f, err := os.Open("testdata/repair_seeds.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		s, err := strconv.Unquote(line)
		if err != nil {
			t.Fatalf("testdata/repair_seeds.txt: %q: %v", line, err)
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
