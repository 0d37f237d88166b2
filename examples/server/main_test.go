package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestServer starts the real server on a free port and creates a snapshot
// and an image, then checks a conflict and a Graph 404.
func TestServer(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var logs bytes.Buffer
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"-addr", "127.0.0.1:0"}, &logs, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("run: %v", err)
	}
	base := "http://" + addr + "/beta/deviceManagement/virtualEndpoint"
	post := func(path, body string) (int, map[string]any) {
		t.Helper()
		resp, err := http.Post(base+path, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("POST %s: %v: %s", path, err, b)
		}
		return resp.StatusCode, m
	}
	if code, m := post("/snapshots", `{"cloudPcId": "pc-1", "status": "ready"}`); code != 201 || m["cloudPcId"] != "pc-1" || m["id"] == nil || m["createdDateTime"] == nil {
		t.Errorf("create snapshot: %d %v", code, m)
	}
	// The seed page's documented request, its placeholders given values.
	image := `{"@odata.type": "#microsoft.graph.cloudPcDeviceImage", "displayName": "Win11", "operatingSystem": "Windows 11",
		"osBuildNumber": "22000", "version": "1.0", "status": "ready", "statusDetails": "internalServerError", "sourceImageResourceId": "/images/1"}`
	if code, m := post("/deviceImages", image); code != 201 || m["displayName"] != "Win11" {
		t.Errorf("create image: %d %v", code, m)
	}
	if code, m := post("/deviceImages", image); code != 409 || m["error"].(map[string]any)["code"] != "nameAlreadyExists" {
		t.Errorf("duplicate image: %d %v", code, m)
	}
	if code, m := post("/nothing", `{}`); code != 404 || m["error"] == nil {
		t.Errorf("unknown route: %d %v", code, m)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("shutdown: %v", err)
	}
	if !strings.Contains(logs.String(), "nameAlreadyExists") {
		t.Errorf("the error handler did not log the conflict:\n%s", logs.String())
	}
}
