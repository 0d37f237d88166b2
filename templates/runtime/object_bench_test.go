package runtime

import (
	"encoding/json"
	"testing"
	"time"
)

// benchMessage is the message of message-get.md (Example 1) with one null,
// 32 members, as in go-codegen-peers.md §3.5.
const benchMessage = `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('7f180cbb-a5ae-457c-b7e8-6f5b42ba33e7')/messages/$entity",` +
	`"@odata.etag":"W/\"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAnjjuZ\"","id":"AAMkADhMGAAA=","createdDateTime":"2018-09-09T03:15:05Z",` +
	`"lastModifiedDateTime":"2018-09-09T03:15:08Z","changeKey":"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAnjjuZ","categories":[],` +
	`"receivedDateTime":"2018-09-09T03:15:08Z","sentDateTime":"2018-09-09T03:15:06Z","hasAttachments":false,` +
	`"internetMessageId":"<MWHPR6E1BE060@MWHPR1120.namprd22.prod.outlook.com>","subject":"9/9/2018: concert",` +
	`"bodyPreview":"The group represents Nevada.","importance":"normal","parentFolderId":"AAMkADcbAAAAAAEJAAA=",` +
	`"conversationId":"AAQkADOUpag6yWs=","conversationIndex":"AQHUR/CoRGBAAAA==","isDeliveryReceiptRequested":null,"isReadReceiptRequested":false,` +
	`"isRead":true,"isDraft":false,"webLink":"https://outlook.office365.com/owa/?ItemID=AAMkADMGAAA%3D&exvsurl=1&viewmodel=ReadMessageItem",` +
	`"inferenceClassification":"focused","body":{"contentType":"html","content":"<html>\r\n<head>\r\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\r\n<meta content=\"text/html; charset=us-ascii\">\r\n</head>\r\n<body>\r\nThe group represents Nevada. The group represents Nevada. The group represents Nevada. The group represents Nevada. The group represents Nevada. The group represents Nevada.\r\n</body>\r\n</html>\r\n"},` +
	`"sender":{"emailAddress":{"name":"Adele Vance","address":"adelev@contoso.OnMicrosoft.com"}},` +
	`"from":{"emailAddress":{"name":"Adele Vance","address":"adelev@contoso.OnMicrosoft.com"}},` +
	`"toRecipients":[{"emailAddress":{"name":"Alex Wilber","address":"AlexW@contoso.OnMicrosoft.com"}},{"emailAddress":{"name":"Megan Bowen","address":"MeganB@contoso.OnMicrosoft.com"}}],` +
	`"ccRecipients":[],"bccRecipients":[],"replyTo":[],"uniqueBody":null,"flag":{"flagStatus":"notFlagged"}}`

// The pointer model: what oapi-codegen emits, through encoding/json.

type ptrEmail struct {
	Name    *string `json:"name,omitempty"`
	Address *string `json:"address,omitempty"`
}

type ptrRecipient struct {
	EmailAddress *ptrEmail `json:"emailAddress,omitempty"`
}

type ptrBody struct {
	ContentType *string `json:"contentType,omitempty"`
	Content     *string `json:"content,omitempty"`
}

type ptrFlag struct {
	FlagStatus *string `json:"flagStatus,omitempty"`
}

type ptrMessage struct {
	ODataContext               *string        `json:"@odata.context,omitempty"`
	ODataEtag                  *string        `json:"@odata.etag,omitempty"`
	ID                         *string        `json:"id,omitempty"`
	CreatedDateTime            *time.Time     `json:"createdDateTime,omitempty"`
	LastModifiedDateTime       *time.Time     `json:"lastModifiedDateTime,omitempty"`
	ChangeKey                  *string        `json:"changeKey,omitempty"`
	Categories                 []string       `json:"categories,omitempty"`
	ReceivedDateTime           *time.Time     `json:"receivedDateTime,omitempty"`
	SentDateTime               *time.Time     `json:"sentDateTime,omitempty"`
	HasAttachments             *bool          `json:"hasAttachments,omitempty"`
	InternetMessageID          *string        `json:"internetMessageId,omitempty"`
	Subject                    *string        `json:"subject,omitempty"`
	BodyPreview                *string        `json:"bodyPreview,omitempty"`
	Importance                 *string        `json:"importance,omitempty"`
	ParentFolderID             *string        `json:"parentFolderId,omitempty"`
	ConversationID             *string        `json:"conversationId,omitempty"`
	ConversationIndex          *string        `json:"conversationIndex,omitempty"`
	IsDeliveryReceiptRequested *bool          `json:"isDeliveryReceiptRequested,omitempty"`
	IsReadReceiptRequested     *bool          `json:"isReadReceiptRequested,omitempty"`
	IsRead                     *bool          `json:"isRead,omitempty"`
	IsDraft                    *bool          `json:"isDraft,omitempty"`
	WebLink                    *string        `json:"webLink,omitempty"`
	InferenceClassification    *string        `json:"inferenceClassification,omitempty"`
	Body                       *ptrBody       `json:"body,omitempty"`
	UniqueBody                 *ptrBody       `json:"uniqueBody,omitempty"`
	Sender                     *ptrRecipient  `json:"sender,omitempty"`
	From                       *ptrRecipient  `json:"from,omitempty"`
	ToRecipients               []ptrRecipient `json:"toRecipients,omitempty"`
	CcRecipients               []ptrRecipient `json:"ccRecipients,omitempty"`
	BccRecipients              []ptrRecipient `json:"bccRecipients,omitempty"`
	ReplyTo                    []ptrRecipient `json:"replyTo,omitempty"`
	Flag                       *ptrFlag       `json:"flag,omitempty"`
}

// The generated model: Opt fields, Extra, and the struct-level codecs the
// generator emits.

type genImportance string

type genEmail struct {
	ODataType Opt[string]
	Name      Opt[string]
	Address   Opt[string]
	Extra     JSONMembers
}

type genRecipient struct {
	ODataType    Opt[string]
	EmailAddress Opt[genEmail]
	Extra        JSONMembers
}

type genBody struct {
	ODataType   Opt[string]
	ContentType Opt[genImportance]
	Content     Opt[string]
	Extra       JSONMembers
}

type genFlag struct {
	ODataType  Opt[string]
	FlagStatus Opt[genImportance]
	Extra      JSONMembers
}

type genMessage struct {
	ODataType                  Opt[string]
	ID                         Opt[string]
	CreatedDateTime            Opt[time.Time]
	LastModifiedDateTime       Opt[time.Time]
	ChangeKey                  Opt[string]
	Categories                 []string
	ReceivedDateTime           Opt[time.Time]
	SentDateTime               Opt[time.Time]
	HasAttachments             Opt[bool]
	InternetMessageID          Opt[string]
	Subject                    Opt[string]
	BodyPreview                Opt[string]
	Importance                 Opt[genImportance]
	ParentFolderID             Opt[string]
	ConversationID             Opt[string]
	ConversationIndex          Opt[string]
	IsDeliveryReceiptRequested Opt[bool]
	IsReadReceiptRequested     Opt[bool]
	IsRead                     Opt[bool]
	IsDraft                    Opt[bool]
	WebLink                    Opt[string]
	InferenceClassification    Opt[genImportance]
	Body                       Opt[genBody]
	UniqueBody                 Opt[genBody]
	Sender                     Opt[genRecipient]
	From                       Opt[genRecipient]
	ToRecipients               []genRecipient
	CcRecipients               []genRecipient
	BccRecipients              []genRecipient
	ReplyTo                    []genRecipient
	Flag                       Opt[genFlag]
	Extra                      JSONMembers
}

// benchStdDecode makes the generated decoders call json.Unmarshal per
// member (the generator's first form) instead of decodeValue.
var benchStdDecode bool

// benchBoxed makes the generated encoders pass Opt fields to
// objectWriter.field (an interface conversion each) instead of optField.
var benchBoxed bool

func put[T any](w *objectWriter, name string, o Opt[T]) {
	if benchBoxed {
		w.field(name, o)
		return
	}
	optField(w, name, o)
}

func dec[T any](raw []byte, p *T) error {
	if benchStdDecode {
		return json.Unmarshal(raw, p)
	}
	return decodeValue(raw, p)
}

func (v *genEmail) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	*v = genEmail{}
	return decodeObject(b, &v.Extra, func(n string, raw []byte) (bool, error) {
		switch n {
		case "@odata.type":
			return true, dec(raw, &v.ODataType)
		case "name":
			return true, dec(raw, &v.Name)
		case "address":
			return true, dec(raw, &v.Address)
		}
		return false, nil
	})
}

func (v genEmail) MarshalJSON() ([]byte, error) {
	var w objectWriter
	put(&w, "@odata.type", v.ODataType)
	put(&w, "name", v.Name)
	put(&w, "address", v.Address)
	w.extra(v.Extra)
	return w.bytes()
}

func (v *genRecipient) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	*v = genRecipient{}
	return decodeObject(b, &v.Extra, func(n string, raw []byte) (bool, error) {
		switch n {
		case "@odata.type":
			return true, dec(raw, &v.ODataType)
		case "emailAddress":
			return true, dec(raw, &v.EmailAddress)
		}
		return false, nil
	})
}

func (v genRecipient) MarshalJSON() ([]byte, error) {
	var w objectWriter
	put(&w, "@odata.type", v.ODataType)
	put(&w, "emailAddress", v.EmailAddress)
	w.extra(v.Extra)
	return w.bytes()
}

func (v *genBody) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	*v = genBody{}
	return decodeObject(b, &v.Extra, func(n string, raw []byte) (bool, error) {
		switch n {
		case "@odata.type":
			return true, dec(raw, &v.ODataType)
		case "contentType":
			return true, dec(raw, &v.ContentType)
		case "content":
			return true, dec(raw, &v.Content)
		}
		return false, nil
	})
}

func (v genBody) MarshalJSON() ([]byte, error) {
	var w objectWriter
	put(&w, "@odata.type", v.ODataType)
	put(&w, "contentType", v.ContentType)
	put(&w, "content", v.Content)
	w.extra(v.Extra)
	return w.bytes()
}

func (v *genFlag) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	*v = genFlag{}
	return decodeObject(b, &v.Extra, func(n string, raw []byte) (bool, error) {
		switch n {
		case "@odata.type":
			return true, dec(raw, &v.ODataType)
		case "flagStatus":
			return true, dec(raw, &v.FlagStatus)
		}
		return false, nil
	})
}

func (v genFlag) MarshalJSON() ([]byte, error) {
	var w objectWriter
	put(&w, "@odata.type", v.ODataType)
	put(&w, "flagStatus", v.FlagStatus)
	w.extra(v.Extra)
	return w.bytes()
}

func (v *genMessage) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	*v = genMessage{}
	return decodeObject(b, &v.Extra, func(n string, raw []byte) (bool, error) {
		switch n {
		case "@odata.type":
			return true, dec(raw, &v.ODataType)
		case "id":
			return true, dec(raw, &v.ID)
		case "createdDateTime":
			return true, dec(raw, &v.CreatedDateTime)
		case "lastModifiedDateTime":
			return true, dec(raw, &v.LastModifiedDateTime)
		case "changeKey":
			return true, dec(raw, &v.ChangeKey)
		case "categories":
			return true, dec(raw, &v.Categories)
		case "receivedDateTime":
			return true, dec(raw, &v.ReceivedDateTime)
		case "sentDateTime":
			return true, dec(raw, &v.SentDateTime)
		case "hasAttachments":
			return true, dec(raw, &v.HasAttachments)
		case "internetMessageId":
			return true, dec(raw, &v.InternetMessageID)
		case "subject":
			return true, dec(raw, &v.Subject)
		case "bodyPreview":
			return true, dec(raw, &v.BodyPreview)
		case "importance":
			return true, dec(raw, &v.Importance)
		case "parentFolderId":
			return true, dec(raw, &v.ParentFolderID)
		case "conversationId":
			return true, dec(raw, &v.ConversationID)
		case "conversationIndex":
			return true, dec(raw, &v.ConversationIndex)
		case "isDeliveryReceiptRequested":
			return true, dec(raw, &v.IsDeliveryReceiptRequested)
		case "isReadReceiptRequested":
			return true, dec(raw, &v.IsReadReceiptRequested)
		case "isRead":
			return true, dec(raw, &v.IsRead)
		case "isDraft":
			return true, dec(raw, &v.IsDraft)
		case "webLink":
			return true, dec(raw, &v.WebLink)
		case "inferenceClassification":
			return true, dec(raw, &v.InferenceClassification)
		case "body":
			return true, dec(raw, &v.Body)
		case "uniqueBody":
			return true, dec(raw, &v.UniqueBody)
		case "sender":
			return true, dec(raw, &v.Sender)
		case "from":
			return true, dec(raw, &v.From)
		case "toRecipients":
			return true, dec(raw, &v.ToRecipients)
		case "ccRecipients":
			return true, dec(raw, &v.CcRecipients)
		case "bccRecipients":
			return true, dec(raw, &v.BccRecipients)
		case "replyTo":
			return true, dec(raw, &v.ReplyTo)
		case "flag":
			return true, dec(raw, &v.Flag)
		}
		return false, nil
	})
}

func (v genMessage) MarshalJSON() ([]byte, error) {
	var w objectWriter
	put(&w, "@odata.type", v.ODataType)
	put(&w, "id", v.ID)
	put(&w, "createdDateTime", v.CreatedDateTime)
	put(&w, "lastModifiedDateTime", v.LastModifiedDateTime)
	put(&w, "changeKey", v.ChangeKey)
	w.field("categories", v.Categories)
	put(&w, "receivedDateTime", v.ReceivedDateTime)
	put(&w, "sentDateTime", v.SentDateTime)
	put(&w, "hasAttachments", v.HasAttachments)
	put(&w, "internetMessageId", v.InternetMessageID)
	put(&w, "subject", v.Subject)
	put(&w, "bodyPreview", v.BodyPreview)
	put(&w, "importance", v.Importance)
	put(&w, "parentFolderId", v.ParentFolderID)
	put(&w, "conversationId", v.ConversationID)
	put(&w, "conversationIndex", v.ConversationIndex)
	put(&w, "isDeliveryReceiptRequested", v.IsDeliveryReceiptRequested)
	put(&w, "isReadReceiptRequested", v.IsReadReceiptRequested)
	put(&w, "isRead", v.IsRead)
	put(&w, "isDraft", v.IsDraft)
	put(&w, "webLink", v.WebLink)
	put(&w, "inferenceClassification", v.InferenceClassification)
	put(&w, "body", v.Body)
	put(&w, "uniqueBody", v.UniqueBody)
	put(&w, "sender", v.Sender)
	put(&w, "from", v.From)
	w.field("toRecipients", v.ToRecipients)
	w.field("ccRecipients", v.CcRecipients)
	w.field("bccRecipients", v.BccRecipients)
	w.field("replyTo", v.ReplyTo)
	put(&w, "flag", v.Flag)
	w.extra(v.Extra)
	return w.bytes()
}

// TestBenchMessageRoundTrip checks that the benchmark model is lossless:
// every member survives decode and encode, including the null and the [].
func TestBenchMessageRoundTrip(t *testing.T) {
	for _, std := range []bool{false, true} {
		benchStdDecode = std
		benchBoxed = std
		var m genMessage
		if err := json.Unmarshal([]byte(benchMessage), &m); err != nil {
			t.Fatal(err)
		}
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if !otJSONEqual(t, benchMessage, string(out)) {
			t.Errorf("std=%v: round trip lost data:\n in: %s\nout: %s", std, benchMessage, out)
		}
		if got, _ := m.Extra.Get("@odata.etag"); string(got) != `"W/\"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAnjjuZ\""` {
			t.Errorf("etag = %s", got)
		}
	}
	benchStdDecode, benchBoxed = false, false
	// The pointer model loses the null (the reason for Opt).
	var p ptrMessage
	if err := json.Unmarshal([]byte(benchMessage), &p); err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(p)
	if otJSONEqual(t, benchMessage, string(out)) {
		t.Error("pointer model unexpectedly lossless")
	}
}

func BenchmarkDecodeObject(b *testing.B) {
	data := []byte(benchMessage)
	b.Run("pointer-struct", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var m ptrMessage
			if err := json.Unmarshal(data, &m); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, c := range []struct {
		name   string
		std    bool
		direct bool
	}{
		{"opt-decodeValue", false, false},
		{"opt-json.Unmarshal-per-field", true, false},
		{"opt-decodeValue-direct", false, true},
	} {
		b.Run(c.name, func(b *testing.B) {
			benchStdDecode = c.std
			defer func() { benchStdDecode = false }()
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var m genMessage
				var err error
				if c.direct {
					err = m.UnmarshalJSON(data)
				} else {
					err = json.Unmarshal(data, &m)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEncodeObject(b *testing.B) {
	data := []byte(benchMessage)
	var p ptrMessage
	var g genMessage
	if err := json.Unmarshal(data, &p); err != nil {
		b.Fatal(err)
	}
	if err := json.Unmarshal(data, &g); err != nil {
		b.Fatal(err)
	}
	b.Run("pointer-struct", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(&p); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, c := range []struct {
		name          string
		boxed, direct bool
	}{
		{"opt-field-json.Marshal", true, false},
		{"opt-field-direct", true, true},
		{"opt-optField-json.Marshal", false, false},
		{"opt-optField-direct", false, true},
	} {
		b.Run(c.name, func(b *testing.B) {
			benchBoxed = c.boxed
			defer func() { benchBoxed = false }()
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var err error
				if c.direct {
					_, err = g.MarshalJSON()
				} else {
					_, err = json.Marshal(&g)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
