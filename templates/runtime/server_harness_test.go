package runtime

import (
	"net/http"
	"strings"
	"testing"
)

// Tests of the handler example harness (examples_handler_test.go) on the
// hand-written operation of server_test.go.

func srvtHandlerCase(reqBody, respBody string) *handlerCase {
	return &handlerCase{
		Method:   "POST",
		URL:      "/beta/deviceManagement/images",
		File:     "docs/x.md",
		Line:     10,
		Test:     "pair",
		Headers:  [][2]string{{"Content-Type", "application/json"}},
		Request:  &exampleCase{Test: "req", Go: (*srvtImage)(nil), Name: "req", File: "docs/x.md", Line: 14, Type: "srvtImage", Body: reqBody},
		Response: &exampleCase{Test: "resp", Go: (*srvtImage)(nil), Name: "resp", File: "docs/x.md", Line: 30, Type: "srvtImage", Body: respBody},
		Status:   http.StatusCreated,
		Prefix:   "/beta",
		Op:       srvtOpCreate,
		Resp:     (*srvtImage)(nil),
	}
}

// srvtHarnessServer stands for a generated NewServer in the handler
// harness: newSrvtServer does not serve a nil group, so it serves the
// images group whatever impl says (the stub answers its create).
func srvtHarnessServer(_ srvtServers, opts ...ServerOption) *Server {
	return newSrvtServer(srvtServers{Images: &srvtImpl{}}, opts...)
}

// srvtMount is the mount function of the handler harness for
// srvtHarnessServer.
func srvtMount(prefix string) *Server {
	return srvtHarnessServer(srvtServers{}, WithPrefix(prefix))
}

func TestHandlerRun(t *testing.T) {
	tests := []struct {
		name string
		hc   *handlerCase
		fail string // substring of a failure line; "" for a pass
		log  string // substring of a log line
	}{
		{name: "documented pair", hc: srvtHandlerCase(`{"displayName": "a"}`, `{"id": "img-1", "displayName": "a"}`)},
		{name: "edited placeholder", hc: func() *handlerCase {
			hc := srvtHandlerCase(`{"displayName": "a", "status": "String"}`, `{"id": "img-1", "displayName": "a", "status": "ready"}`)
			hc.Request.Edits = []exampleEdit{{Pointer: "/status", Value: `"ready"`, Reason: "placeholder"}}
			return hc
		}(), log: "replaced by"},
		// srvtImage has no field for "zz": the answer cannot carry it.
		{name: "different body", hc: srvtHandlerCase(`{"displayName": "a"}`, `{"id": "img-2", "displayName": "a", "zz": 1}`), fail: "does not round-trip"},
		{name: "response not held", hc: srvtHandlerCase(`{"displayName": "a"}`, `{"id": 2}`), fail: "/id"},
		{name: "wrong status", hc: func() *handlerCase {
			hc := srvtHandlerCase(`{"displayName": "a"}`, `{"id": "img-1", "displayName": "a"}`)
			hc.Status = http.StatusOK
			return hc
		}(), fail: "answered 201, want the documented 200"},
		{name: "wrong route", hc: func() *handlerCase {
			hc := srvtHandlerCase(`{"displayName": "a"}`, `{"id": "img-1"}`)
			hc.URL = "/beta/deviceManagement/nothing"
			return hc
		}(), fail: "did not reach"},
		{name: "rule problems", hc: func() *handlerCase {
			hc := srvtHandlerCase(`{"id": "x"}`, `{"id": "img-1"}`)
			hc.Problems = []string{"/displayName", "/id"}
			return hc
		}(), log: "unreachable"},
		{name: "rule problems differ", hc: func() *handlerCase {
			hc := srvtHandlerCase(`{"id": "x"}`, `{"id": "img-1"}`)
			hc.Problems = []string{"/id"}
			return hc
		}(), fail: "names [/displayName /id], want [/id]"},
		{name: "known refusal", hc: func() *handlerCase {
			hc := srvtHandlerCase(`{"displayName": "a", "status": "bogus"}`, `{"id": "img-1"}`)
			hc.Request.Known = []exampleKnown{{Pointer: "/status", Diagnostic: "docs/x.md:15: bogus is not a status"}}
			return hc
		}(), log: "problems docgen reported"},
		{name: "unknown refusal", hc: srvtHandlerCase(`{"displayName": "a", "status": "bogus"}`, `{"id": "img-1"}`), fail: "answered 400"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var fails, logs []string
			for _, l := range handlerRun(tc.hc, srvtMount) {
				if l.fail {
					fails = append(fails, l.text)
				} else {
					logs = append(logs, l.text)
				}
			}
			all := strings.Join(fails, "\n")
			switch {
			case tc.fail == "" && len(fails) > 0:
				t.Errorf("unexpected failures:\n%s", all)
			case tc.fail != "" && !strings.Contains(all, tc.fail):
				t.Errorf("failures do not mention %q:\n%s", tc.fail, all)
			}
			if tc.log != "" && !strings.Contains(strings.Join(logs, "\n"), tc.log) {
				t.Errorf("logs do not mention %q:\n%s", tc.log, strings.Join(logs, "\n"))
			}
			for _, f := range fails {
				if !strings.HasPrefix(f, "docs/x.md:") {
					t.Errorf("failure without a doc position: %s", f)
				}
			}
		})
	}
}
