package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeChild is the docgen serve process of the tests below: the test
// binary re-executed with DOCGEN_SERVE_CHILD set runs `docgen serve` with
// the arguments in DOCGEN_SERVE_ARGS and exits with its status.
func TestServeChild(t *testing.T) {
	if os.Getenv("DOCGEN_SERVE_CHILD") != "1" {
		t.Skip("the serve subprocess of TestServeKill9 and TestServeShutdown")
	}
	var args []string
	if err := json.Unmarshal([]byte(os.Getenv("DOCGEN_SERVE_ARGS")), &args); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(run(append([]string{"serve"}, args...), os.Stdout, os.Stderr))
}

var listeningRE = regexp.MustCompile(`listening on (http://[^ /]+)`)

// startServe starts `docgen serve args...` as a subprocess and returns it
// with its base URL once it listens.
func startServe(t *testing.T, args ...string) (*exec.Cmd, string) {
	t.Helper()
	a, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeChild$")
	cmd.Env = append(os.Environ(), "DOCGEN_SERVE_CHILD=1", "DOCGEN_SERVE_ARGS="+string(a))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sent := false
		for sc.Scan() {
			if m := listeningRE.FindStringSubmatch(sc.Text()); m != nil && !sent {
				found <- m[1]
				sent = true
			}
		}
		if !sent {
			close(found)
		}
	}()
	select {
	case base, ok := <-found:
		if !ok {
			t.Fatal("docgen serve exited before listening")
		}
		return cmd, base
	case <-time.After(60 * time.Second):
		t.Fatal("docgen serve did not start")
	}
	return nil, ""
}

func post(t *testing.T, url, body string) int {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// serveDocs are the seed pages plus a get and a list page of snapshots
// (internal/serve/testdata/docs), so that a restarted server can be asked
// what it kept.
var serveDocs = []string{"../../docs", "../../internal/serve/testdata/docs"}

// createSnapshot creates a snapshot and returns its id ("" when the
// server did not acknowledge it).
func createSnapshot(coll string, i int) string {
	resp, err := http.Post(coll, "application/json", strings.NewReader(fmt.Sprintf(`{"cloudPcId":"pc-%d"}`, i)))
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	var v struct{ ID string }
	if resp.StatusCode != http.StatusCreated || json.NewDecoder(resp.Body).Decode(&v) != nil {
		return ""
	}
	return v.ID
}

// TestServeKill9: every create acknowledged by a -stateful-dir server is
// still there after the process is killed with SIGKILL and restarted.
func TestServeKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	dir := t.TempDir()
	args := append([]string{"-addr", "127.0.0.1:0", "-stateful-dir", dir, "-log", "none"}, serveDocs...)
	cmd, base := startServe(t, args...)
	coll := base + "/deviceManagement/virtualEndpoint/snapshots"
	var ids []string
	for i := range 100 {
		id := createSnapshot(coll, i)
		if id == "" {
			t.Fatalf("create %d not acknowledged", i)
		}
		ids = append(ids, id)
	}
	// Kill it while a writer is still sending: every acknowledged create
	// must survive.
	acked := make(chan []string, 1)
	go func() {
		var more []string
		for i := 100; ; i++ {
			id := createSnapshot(coll, i)
			if id == "" {
				break
			}
			more = append(more, id)
		}
		acked <- more
	}()
	time.Sleep(300 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	ids = append(ids, <-acked...)
	_, base = startServe(t, args...)
	coll = base + "/deviceManagement/virtualEndpoint/snapshots"
	for _, id := range ids {
		resp, err := http.Get(coll + "/" + id)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s, acknowledged before the kill: GET answered %d after the restart", id, resp.StatusCode)
		}
	}
	resp, err := http.Get(coll + "?$count=true&$top=1")
	if err != nil {
		t.Fatal(err)
	}
	var list struct {
		Count int `json:"@odata.count"`
	}
	json.NewDecoder(resp.Body).Decode(&list)
	resp.Body.Close()
	// One create may have been written but not acknowledged.
	if list.Count < len(ids) || list.Count > len(ids)+1 {
		t.Errorf("%d objects after the restart, %d acknowledged", list.Count, len(ids))
	}
	t.Logf("%d creates acknowledged before the kill, %d stored after the restart", len(ids), list.Count)
}

// TestServeShutdown: SIGTERM shuts the server down gracefully (exit 0);
// /healthz answers outside the Graph routes.
func TestServeShutdown(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	cmd, base := startServe(t, "-docs", "../../docs", "-addr", "127.0.0.1:0", "-prefix", "/beta", "-log", "json")
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("/healthz: %d", resp.StatusCode)
	}
	if st := post(t, base+"/beta/deviceManagement/virtualEndpoint/snapshots", `{"cloudPcId":"pc"}`); st != http.StatusCreated {
		t.Fatalf("create: %d", st)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("after SIGTERM: %v", err)
	}
}
