//go:build ignore

// load is the loopback load generator of scripts/serve-load.sh: W workers
// send the same request for D and it prints requests/second and latency
// percentiles.
//
//	go run load.go -url http://127.0.0.1:8080/x [-method POST -body '{...}'] [-w 8] [-d 5s]
package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

func main() {
	url := flag.String("url", "", "request URL")
	method := flag.String("method", "GET", "request method")
	body := flag.String("body", "", "request body (JSON)")
	workers := flag.Int("w", 8, "concurrent workers")
	dur := flag.Duration("d", 5*time.Second, "duration")
	label := flag.String("label", "", "label of the output line")
	want := flag.Int("status", 0, "expected status (0: any 2xx)")
	flag.Parse()
	tr := &http.Transport{MaxIdleConnsPerHost: *workers}
	client := &http.Client{Transport: tr}
	var mu sync.Mutex
	var lat []time.Duration
	bad := 0
	deadline := time.Now().Add(*dur)
	var wg sync.WaitGroup
	for range *workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			nbad := 0
			for time.Now().Before(deadline) {
				req, _ := http.NewRequest(*method, *url, strings.NewReader(*body))
				if *body != "" {
					req.Header.Set("Content-Type", "application/json")
				}
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					nbad++
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				mine = append(mine, time.Since(t0))
				if *want != 0 && resp.StatusCode != *want || *want == 0 && resp.StatusCode/100 != 2 {
					nbad++
				}
			}
			mu.Lock()
			lat = append(lat, mine...)
			bad += nbad
			mu.Unlock()
		}()
	}
	wg.Wait()
	slices.Sort(lat)
	if len(lat) == 0 {
		fmt.Fprintln(os.Stderr, "no answers")
		os.Exit(1)
	}
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	fmt.Printf("%-36s %6.0f req/s  p50 %8s  p99 %8s  n %d  errors %d\n", *label, float64(len(lat))/dur.Seconds(), pct(0.50).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), len(lat), bad)
}
