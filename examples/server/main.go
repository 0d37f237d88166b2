// Command server is a small runnable Microsoft Graph-style server built on
// the handlers docgen generates for the seed pages (package generated): it
// creates cloudPcDeviceImage and cloudPcSnapshot objects in memory.
//
//	go run ./examples/server -addr 127.0.0.1:8080
//
//	curl -i -X POST http://127.0.0.1:8080/beta/deviceManagement/virtualEndpoint/snapshots \
//	  -H 'Content-Type: application/json' \
//	  -d '{"cloudPcId": "pc-1", "status": "ready"}'
//
// Every error is answered in Graph's JSON error format; the error handler
// logs the original error (including recovered panics) to stderr.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"time"

	"github.com/docgen-dev/docgen/generated"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stderr, nil); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

// run parses the flags and serves until ctx is done. When ready is not
// nil it receives the listening address.
func run(ctx context.Context, args []string, stderr io.Writer, ready chan<- string) error {
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	prefix := fs.String("prefix", "/beta", "path prefix of the API (\"/beta\", \"/v1.0\", or \"\")")
	if err := fs.Parse(args); err != nil {
		return err
	}
	logger := log.New(stderr, "", log.LstdFlags)
	srv := &http.Server{
		Handler:           newHandler(logger, *prefix),
		ReadHeaderTimeout: 10 * time.Second,
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	logger.Printf("serving %s on http://%s", *prefix, ln.Addr())
	if ready != nil {
		ready <- ln.Addr().String()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdown); err != nil {
			return err
		}
		if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}

// newHandler serves both seed groups under prefix.
func newHandler(logger *log.Logger, prefix string) http.Handler {
	st := &store{images: map[string]*generated.CloudPcDeviceImage{}, snapshots: map[string]*generated.CloudPcSnapshot{}}
	return generated.NewServer(
		generated.Servers{CloudPcDeviceImages: st, CloudPcSnapshots: st},
		generated.WithPrefix(prefix),
		generated.WithErrorHandler(func(r *http.Request, err error) *generated.GraphError {
			logger.Printf("%s %s: %v", r.Method, r.URL.Path, err)
			return nil // keep the default Graph error
		}),
	)
}

// store keeps the created objects in memory.
type store struct {
	mu        sync.Mutex
	n         int
	images    map[string]*generated.CloudPcDeviceImage
	snapshots map[string]*generated.CloudPcSnapshot
}

// newID returns a fresh GUID-shaped id.
func (s *store) newID() string {
	s.n++
	return fmt.Sprintf("%08x-0000-4000-8000-%012x", time.Now().Unix()&0xffffffff, s.n)
}

func (s *store) CreateCloudPcDeviceImage(ctx context.Context, req *generated.CreateCloudPcDeviceImageRequest) (*generated.CloudPcDeviceImage, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, img := range s.images {
		if img.DisplayName == req.Body.DisplayName {
			ge := generated.GraphConflict(fmt.Sprintf("A device image named %q already exists.", req.Body.DisplayName.Value))
			ge.Target = "/displayName"
			return nil, ge
		}
	}
	img := *req.Body
	img.ID = generated.Some(s.newID())
	s.images[img.ID.Value] = &img
	// The created resource's address, as Graph answers a create.
	generated.ServerResponseHeader(ctx).Set("Location", "/deviceManagement/virtualEndpoint/deviceImages/"+img.ID.Value)
	return &img, nil
}

func (s *store) CreateCloudPcSnapshot(ctx context.Context, req *generated.CreateCloudPcSnapshotRequest) (*generated.CloudPcSnapshot, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	snap := *req.Body
	snap.ID = generated.Some(s.newID())
	if snap.CreatedDateTime.State != generated.OptPresent {
		snap.CreatedDateTime = generated.Some(time.Now().UTC().Truncate(time.Second))
	}
	s.snapshots[snap.ID.Value] = &snap
	return &snap, nil
}
