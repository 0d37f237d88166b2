package generated

// BenchmarkCodec compares the generated models (Opt fields, single-pass
// codec, Extra) with plain pointer structs under encoding/json, on a
// corpus-like response: a {"value": [...]} page of 20 device images with
// annotations. Run: go test ./generated -run XXX -bench Codec -benchmem

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// plainImage is what a minimal hand-written model looks like: pointers for
// optional members, no unknown-member bag.
type plainImage struct {
	ODataType             *string    `json:"@odata.type,omitempty"`
	ID                    *string    `json:"id,omitempty"`
	DisplayName           *string    `json:"displayName,omitempty"`
	OperatingSystem       *string    `json:"operatingSystem,omitempty"`
	OsBuildNumber         *string    `json:"osBuildNumber,omitempty"`
	Version               *string    `json:"version,omitempty"`
	LastModifiedDateTime  *time.Time `json:"lastModifiedDateTime,omitempty"`
	Status                *string    `json:"status,omitempty"`
	StatusDetails         *string    `json:"statusDetails,omitempty"`
	SourceImageResourceID *string    `json:"sourceImageResourceId,omitempty"`
}

func benchPage() []byte {
	var items []string
	for i := range 20 {
		items = append(items, fmt.Sprintf(`{
      "@odata.type": "#microsoft.graph.cloudPcDeviceImage",
      "@odata.etag": "W/\"%d\"",
      "id": "eda7ed64-7705-4079-9d08-c2bd883f%04d",
      "displayName": "Image %d",
      "operatingSystem": "Windows 10 Enterprise",
      "osBuildNumber": "1909",
      "version": "0.0.%d",
      "lastModifiedDateTime": "2020-11-03T07:03:44.97Z",
      "status": "ready",
      "statusDetails": null,
      "sourceImageResourceId": "/subscriptions/4a51a5e1/resourceGroups/rg/providers/Microsoft.Compute/images/image%d"
    }`, i, i, i, i, i))
	}
	return []byte(`{"@odata.context": "https://graph.microsoft.com/beta/$metadata#deviceManagement/virtualEndpoint/deviceImages", "value": [` + strings.Join(items, ",") + `]}`)
}

type generatedPage struct {
	Context string               `json:"@odata.context"`
	Value   []CloudPcDeviceImage `json:"value"`
}

type plainPage struct {
	Context string       `json:"@odata.context"`
	Value   []plainImage `json:"value"`
}

func benchDecode[P any](b *testing.B) {
	data := benchPage()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var p P
		if err := json.Unmarshal(data, &p); err != nil {
			b.Fatal(err)
		}
	}
}

func benchEncode[P any](b *testing.B) {
	data := benchPage()
	var p P
	if err := json.Unmarshal(data, &p); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(&p); err != nil {
			b.Fatal(err)
		}
	}
}

// benchEncodeItems encodes each item of the page on its own: the
// generated MarshalJSON called directly (as the generated server does)
// against json.Marshal of a plain item. Encoding a page through
// json.Marshal (benchEncode) also pays encoding/json's re-validation of
// every MarshalJSON result, which plain structs do not.
func benchEncodeItems(b *testing.B, generated bool) {
	data := benchPage()
	var g generatedPage
	var p plainPage
	if err := json.Unmarshal(data, &g); err != nil {
		b.Fatal(err)
	}
	if err := json.Unmarshal(data, &p); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		for i := range g.Value {
			var err error
			if generated {
				_, err = g.Value[i].MarshalJSON()
			} else {
				_, err = json.Marshal(&p.Value[i])
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// benchEncodeCollection encodes the page as the generated server does:
// the runtime's ODataCollection, through its MarshalJSON, called directly. The
// items are appended into the page's buffer by their appendJSON methods,
// and encoding/json never re-validates them.
func benchEncodeCollection(b *testing.B) {
	data := benchPage()
	var c ODataCollection[CloudPcDeviceImage]
	if err := json.Unmarshal(data, &c); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCodec(b *testing.B) {
	b.Run("encode-items/generated", func(b *testing.B) { benchEncodeItems(b, true) })
	b.Run("encode-items/plain", func(b *testing.B) { benchEncodeItems(b, false) })
	b.Run("decode/generated", benchDecode[generatedPage])
	b.Run("decode/plain", benchDecode[plainPage])
	b.Run("encode/generated", benchEncode[generatedPage])
	b.Run("encode/plain", benchEncode[plainPage])
	b.Run("encode-collection/generated", benchEncodeCollection)
}

// TestBenchPageRoundTrips keeps the benchmark honest: the generated models
// lose nothing of the page (annotations, null), the plain ones do.
func TestBenchPageRoundTrips(t *testing.T) {
	data := benchPage()
	var g generatedPage
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(&g)
	if err != nil {
		t.Fatal(err)
	}
	if !jsonEqualUnordered(t, string(data), string(out)) {
		t.Errorf("generated models changed the page:\n%s", out)
	}
	// The ODataCollection path of benchEncodeCollection writes the same bytes.
	var c ODataCollection[CloudPcDeviceImage]
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	direct, err := c.MarshalJSON()
	if err != nil || string(direct) != string(out) {
		t.Errorf("ODataCollection.MarshalJSON = %s, %v\nwant %s", direct, err, out)
	}
}
