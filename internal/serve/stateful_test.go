package serve

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// call sends a request and decodes a JSON answer.
func call(t testing.TB, c *http.Client, method, url, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	var m map[string]any
	if len(data) > 0 {
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s %s: %d %q: %v", method, url, resp.StatusCode, data, err)
		}
	}
	return resp.StatusCode, m
}

// crudCase is a create → list → get → patch → delete cycle on one entity
// collection.
type crudCase struct {
	coll   string // collection path
	create string // a valid create body
	member string // the member a PATCH sets to value
	value  any
}

func runCRUD(t *testing.T, base string, c *http.Client, cc crudCase) {
	t.Helper()
	st, created := call(t, c, "POST", base+cc.coll, cc.create)
	if st != http.StatusCreated {
		t.Fatalf("create %s: %d %v", cc.coll, st, created)
	}
	id, _ := created["id"].(string)
	if id == "" {
		t.Fatalf("create %s: no id in %v", cc.coll, created)
	}
	// A second object, so that list, $filter and paging have a choice.
	if st, _ := call(t, c, "POST", base+cc.coll, cc.create); st != http.StatusCreated {
		t.Fatalf("second create: %d", st)
	}
	st, list := call(t, c, "GET", base+cc.coll+"?$count=true&$top=1", "")
	if st != 200 || list["@odata.count"] != float64(2) || len(list["value"].([]any)) != 1 || list["@odata.nextLink"] == nil {
		t.Fatalf("list %s: %d %v", cc.coll, st, list)
	}
	next := list["@odata.nextLink"].(string)
	st, page2 := call(t, c, "GET", next, "")
	if st != 200 || len(page2["value"].([]any)) != 1 || page2["value"].([]any)[0].(map[string]any)["id"] == list["value"].([]any)[0].(map[string]any)["id"] {
		t.Fatalf("next page %s: %d %v", next, st, page2)
	}
	st, filtered := call(t, c, "GET", base+cc.coll+"?$filter="+strings.ReplaceAll(fmt.Sprintf("id eq '%s'", id), " ", "%20")+"&$select="+cc.member, "")
	if st != 200 || len(filtered["value"].([]any)) != 1 {
		t.Fatalf("filter: %d %v", st, filtered)
	}
	if got := filtered["value"].([]any)[0].(map[string]any); len(got) > 3 {
		t.Errorf("$select=%s kept %v", cc.member, got)
	}
	st, got := call(t, c, "GET", base+cc.coll+"/"+id, "")
	if st != 200 || got["id"] != id {
		t.Fatalf("get: %d %v", st, got)
	}
	before := len(got)
	patch, _ := json.Marshal(map[string]any{cc.member: cc.value})
	if st, _ := call(t, c, "PATCH", base+cc.coll+"/"+id, string(patch)); st >= 300 {
		t.Fatalf("patch: %d", st)
	}
	st, got = call(t, c, "GET", base+cc.coll+"/"+id, "")
	if st != 200 || fmt.Sprint(got[cc.member]) != fmt.Sprint(cc.value) || len(got) < before {
		t.Fatalf("after patch: %d %v", st, got)
	}
	// null clears; absent members stay.
	if st, _ := call(t, c, "PATCH", base+cc.coll+"/"+id, `{"`+cc.member+`":null}`); st >= 300 {
		t.Fatalf("patch null: %d", st)
	}
	_, got = call(t, c, "GET", base+cc.coll+"/"+id, "")
	if v, ok := got[cc.member]; !ok || v != nil || got["id"] != id {
		t.Fatalf("after patch null: %v", got)
	}
	if st, _ := call(t, c, "DELETE", base+cc.coll+"/"+id, ""); st != http.StatusNoContent {
		t.Fatalf("delete: %d", st)
	}
	if st, e := call(t, c, "GET", base+cc.coll+"/"+id, ""); st != http.StatusNotFound || e["error"] == nil {
		t.Fatalf("get after delete: %d %v", st, e)
	}
	_, list = call(t, c, "GET", base+cc.coll+"?$count=true", "")
	if list["@odata.count"] != float64(1) {
		t.Fatalf("list after delete: %v", list)
	}
}

func TestStatefulCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	pkg := loadCorpus(t)
	srv, err := New(pkg, Options{Stateful: true, Prefix: "/v1.0"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	base := ts.URL + "/v1.0/"
	for _, cc := range []crudCase{
		{coll: "users", create: `{"accountEnabled":true,"displayName":"Adele","mailNickname":"adele","userPrincipalName":"adele@contoso.com","onPremisesImmutableId":"adele","passwordProfile":{"forceChangePasswordNextSignIn":true,"password":"x"}}`, member: "displayName", value: "Adele V"},
		{coll: "groups", create: `{"displayName":"Sales","mailEnabled":false,"mailNickname":"sales","securityEnabled":true}`, member: "description", value: "The sales team"},
		{coll: "applications", create: `{"displayName":"app"}`, member: "displayName", value: "app 2"},
		{coll: "me/events", create: `{"subject":"Lunch","start":{"dateTime":"2021-07-01T12:00:00","timeZone":"UTC"},"end":{"dateTime":"2021-07-01T13:00:00","timeZone":"UTC"}}`, member: "subject", value: "Dinner"},
	} {
		t.Run(strings.ReplaceAll(cc.coll, "/", "_"), func(t *testing.T) { runCRUD(t, base, ts.Client(), cc) })
	}
	// Invalid creates are rejected as the generated servers reject them.
	st, e := call(t, ts.Client(), "POST", base+"groups", `{"displayName":5}`)
	if st != http.StatusBadRequest || e["error"] == nil {
		t.Errorf("invalid create: %d %v", st, e)
	}
}

// TestStatefulConcurrent: 8 goroutines × 1,000 requests (creates, gets,
// patches, lists) on the seed pages' collections; no write is lost. Run
// with -race.
func TestStatefulConcurrent(t *testing.T) {
	srv := seedServer(t, Options{Stateful: true, Seed: []byte(`{"deviceManagement/virtualEndpoint/snapshots":[{"id":"s0","cloudPcId":"pc-0"}]}`)})
	ts := httptest.NewServer(srv)
	defer ts.Close()
	const workers, per = 8, 1000
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := ts.Client()
			for i := range per {
				body := fmt.Sprintf(`{"cloudPcId":"pc-%d-%d","status":"ready"}`, w, i)
				req, _ := http.NewRequest("POST", ts.URL+"/deviceManagement/virtualEndpoint/snapshots", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				resp, err := c.Do(req)
				if err != nil {
					errs <- err
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusCreated {
					errs <- fmt.Errorf("create %d/%d: %d", w, i, resp.StatusCode)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	srv.store.mu.RLock()
	n := len(srv.store.cols["devicemanagement/virtualendpoint/snapshots"].items)
	srv.store.mu.RUnlock()
	if n != workers*per+1 {
		t.Fatalf("%d objects stored, want %d", n, workers*per+1)
	}
}
