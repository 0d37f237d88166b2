package generator

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docgen-dev/docgen/parser/model"
)

func lit(s string) *model.Segment { return &model.Segment{Kind: model.Literal, Raw: s, Name: s} }

func param(raw string, names ...string) *model.Segment {
	return &model.Segment{Kind: model.Param, Raw: raw, Params: []*model.PathParam{{Name: names[0], Alternatives: names}}}
}

func fn(raw, name string, args ...string) *model.Segment {
	s := &model.Segment{Kind: model.FunctionSegment, Raw: raw, Name: name}
	for _, a := range args {
		s.Params = append(s.Params, &model.PathParam{Arg: a, Quoted: true})
	}
	return s
}

func TestBuildRoute(t *testing.T) {
	tests := []struct {
		name     string
		method   string
		tmpl     string
		segs     []*model.Segment
		pattern  string
		fields   []string
		segments string // signature of the parsed segments
		why      string // substring of the refusal
	}{
		{name: "literals", method: "POST", tmpl: "/deviceManagement/virtualEndpoint/deviceImages",
			segs:    []*model.Segment{lit("deviceManagement"), lit("virtualEndpoint"), lit("deviceImages")},
			pattern: "/deviceManagement/virtualEndpoint/deviceImages"},
		{name: "alternatives and bare ids", method: "GET", tmpl: "/users/{id | userPrincipalName}/events/{id}",
			segs:    []*model.Segment{lit("users"), param("{id | userPrincipalName}", "id", "userPrincipalName"), lit("events"), param("{id}", "id")},
			pattern: "/users/{UserID}/events/{EventID}", fields: []string{"UserID", "EventID"}},
		{name: "named parameters", method: "GET", tmpl: "/teams/{team-id}/channels/{channel-id}",
			segs:    []*model.Segment{lit("teams"), param("{team-id}", "team-id"), lit("channels"), param("{channel-id}", "channel-id")},
			pattern: "/teams/{TeamID}/channels/{ChannelID}", fields: []string{"TeamID", "ChannelID"}},
		{name: "same name twice", method: "GET", tmpl: "/a/{x}/b/{x}",
			segs:    []*model.Segment{lit("a"), param("{x}", "x"), lit("b"), param("{x}", "x")},
			pattern: "/a/{X}/b/{X2}", fields: []string{"X", "X2"}},
		{name: "function with arguments", method: "GET", tmpl: "/reports/getEmailActivityCounts(period='{period_value}')",
			segs:    []*model.Segment{lit("reports"), fn("getEmailActivityCounts(period='{period_value}')", "getEmailActivityCounts", "period")},
			pattern: "/reports/{seg2}", fields: []string{"Period"},
			segments: "seg2:getemailactivitycounts(period,)"},
		{name: "function without arguments is literal", method: "GET", tmpl: "/users/delta()",
			segs:    []*model.Segment{lit("users"), fn("delta()", "delta")},
			pattern: "/users/delta()"},
		{name: "key segment", method: "GET", tmpl: "/range(<address>)/format",
			segs:    []*model.Segment{{Kind: model.KeySegment, Raw: "range(<address>)", Name: "range", Params: []*model.PathParam{{Name: ""}}}, lit("format")},
			pattern: "/{seg1}/format", fields: []string{"RangeID"}, segments: "seg1:range(#,)"},
		{name: "cast", method: "GET", tmpl: "/groups/{id}/members/microsoft.graph.user",
			segs:    []*model.Segment{lit("groups"), param("{id}", "id"), lit("members"), {Kind: model.CastSegment, Raw: "microsoft.graph.user", Name: "microsoft.graph.user"}},
			pattern: "/groups/{GroupID}/members/microsoft.graph.user", fields: []string{"GroupID"}},
		{name: "no segments in the model", method: "DELETE", tmpl: "/widgets/{id}/parts/{part-id}",
			pattern: "/widgets/{WidgetID}/parts/{PartID}", fields: []string{"WidgetID", "PartID"}},
		{name: "root", method: "GET", tmpl: "/", segs: []*model.Segment{}, pattern: "/{$}"},
		{name: "path addressing", method: "GET", tmpl: "/me/drive/root:/{item-path}:/content",
			segs: []*model.Segment{lit("me"), lit("drive"),
				{Kind: model.PathSegment, Raw: "root:/{item-path}:", Name: "root", Params: []*model.PathParam{{Name: "item-path"}}}, lit("content")},
			pattern: "/me/drive/{seg3}/content", fields: []string{"ItemPath"}, segments: "seg3:root:(#,)"},
		{name: "path addressing under a key", method: "PUT", tmpl: "/me/drive/items/{parent-id}:/{filename}:/content",
			segs: []*model.Segment{lit("me"), lit("drive"), lit("items"),
				{Kind: model.PathSegment, Raw: "{parent-id}:/{filename}:", Params: []*model.PathParam{{Name: "parent-id"}, {Name: "filename"}}}, lit("content")},
			pattern: "/me/drive/items/{seg4}/content", fields: []string{"ParentID", "Filename"}, segments: "seg4::(#,#,)"},
		{name: "fixed item path", method: "GET", tmpl: "/me/drive/root:/folder/file.txt",
			segs: []*model.Segment{lit("me"), lit("drive"), {Kind: model.PathSegment, Raw: "root:/folder/file.txt", Name: "root"}}, why: "one parameter for the path"},
		{name: "mixed literal", method: "GET", tmpl: "/directoryRoles/roleTemplateId={roleTemplateId}",
			segs: []*model.Segment{lit("directoryRoles"), lit("roleTemplateId={roleTemplateId}")}, why: "mixes literal text"},
		{name: "bad character", method: "GET", tmpl: "/a b", segs: []*model.Segment{lit("a b")}, why: "cannot hold"},
		{name: "bad method", method: "OPTIONS", tmpl: "/a", segs: []*model.Segment{lit("a")}, why: "not one of"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			segs := tc.segs
			if tc.name == "root" {
				segs = nil
			}
			rt, why := buildRoute(&model.Path{Method: tc.method, Template: tc.tmpl, Segments: segs}, "")
			if tc.why != "" {
				if rt != nil || !strings.Contains(why, tc.why) {
					t.Fatalf("buildRoute = %v, %q; want a refusal containing %q", rt, why, tc.why)
				}
				return
			}
			if why != "" {
				t.Fatalf("buildRoute refused: %s", why)
			}
			var fields []string
			for _, p := range rt.params {
				fields = append(fields, p.field)
			}
			if rt.pattern != tc.pattern || !cmp.Equal(fields, tc.fields) || rt.signature() != tc.segments {
				t.Errorf("got pattern %q fields %v segments %q; want %q %v %q", rt.pattern, fields, rt.signature(), tc.pattern, tc.fields, tc.segments)
			}
		})
	}
}

func TestSingularPlural(t *testing.T) {
	for in, want := range map[string]string{"users": "user", "policies": "policy", "addresses": "address", "boxes": "box", "status": "status", "deviceImages": "deviceImage", "me": "me"} {
		if got := singular(in); got != want {
			t.Errorf("singular(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"CloudPcDeviceImage": "CloudPcDeviceImages", "Policy": "Policies", "Day": "Days", "Address": "Addresses", "Box": "Boxes"} {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}

// handlerOpFor builds a handler op for checkRoutes from path templates.
func handlerOpFor(t *testing.T, name, page string, paths ...*model.Path) *handlerOp {
	t.Helper()
	ho := &handlerOp{o: &opInfo{Operation: &model.Operation{Name: name, Page: page}}}
	for _, p := range paths {
		rt, why := buildRoute(p, "")
		if why != "" {
			t.Fatalf("%s: %s", p.Template, why)
		}
		ho.routes = append(ho.routes, rt)
	}
	return ho
}

func TestCheckRoutes(t *testing.T) {
	at := func(file string, line int) model.Pos { return model.Pos{File: file, Line: line, Col: 1} }
	p := &plan{}
	get := handlerOpFor(t, "user-get", "a.md", &model.Path{Method: "GET", Template: "/users/{id}", Pos: at("a.md", 10),
		Segments: []*model.Segment{lit("users"), param("{id}", "id")}})
	dup := handlerOpFor(t, "user-get-2", "b.md", &model.Path{Method: "GET", Template: "/users/{user-id}", Pos: at("b.md", 20),
		Segments: []*model.Segment{lit("users"), param("{user-id}", "user-id")}})
	del := handlerOpFor(t, "user-delete", "c.md", &model.Path{Method: "DELETE", Template: "/users/{user-id}", Pos: at("c.md", 5),
		Segments: []*model.Segment{lit("users"), param("{user-id}", "user-id")}})
	filter := handlerOpFor(t, "user-filter", "0.md", &model.Path{Method: "GET", Template: "/users/filter(on='{x}')", Pos: at("0.md", 3),
		Segments: []*model.Segment{lit("users"), fn("filter(on='{x}')", "filter", "on")}})
	// GET /a/{x}/b and GET /a/b/{y}: ServeMux cannot order them.
	left := handlerOpFor(t, "left", "d.md", &model.Path{Method: "GET", Template: "/a/{x}/b", Pos: at("d.md", 1)})
	right := handlerOpFor(t, "right", "e.md", &model.Path{Method: "GET", Template: "/a/b/{y}", Pos: at("e.md", 1)})
	p.checkRoutes([]*handlerOp{get, dup, del, filter, left, right})

	var got []string
	for _, d := range p.diags {
		got = append(got, d.Pos.String()+" "+string(d.Code))
	}
	want := []string{"b.md:20:1 route-conflict", "e.md:1:1 route-conflict"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s\n%v", diff, p.diags)
	}
	if len(dup.routes) != 0 || len(right.routes) != 0 || len(get.routes) != 1 || len(del.routes) != 1 || len(left.routes) != 1 {
		t.Errorf("kept routes: get %d dup %d del %d left %d right %d", len(get.routes), len(dup.routes), len(del.routes), len(left.routes), len(right.routes))
	}
	// The function shares the plain route's registration under its name.
	if filter.routes[0].pattern != "/users/{UserID}" || filter.routes[0].segs[0].wildcard != "UserID" {
		t.Errorf("function route = %q (wildcard %q), want it to share /users/{UserID}", filter.routes[0].pattern, filter.routes[0].segs[0].wildcard)
	}
	for _, d := range p.diags {
		if d.Code == CodeRouteConflict && !strings.Contains(d.Message, ".md:") {
			t.Errorf("conflict message does not name the other page: %s", d.Message)
		}
	}
}

func TestGroupKey(t *testing.T) {
	tests := []struct {
		title string
		segs  []*model.Segment
		want  string
	}{
		{"Create cloudPcDeviceImage", []*model.Segment{lit("deviceManagement"), lit("virtualEndpoint"), lit("deviceImages")}, "deviceImages"},
		{"Get event", []*model.Segment{lit("me"), lit("events"), param("{id}", "id")}, "events"},
		{"event: forward", []*model.Segment{lit("me"), lit("events"), param("{id}", "id"), lit("forward")}, "events"},
		{"Get photo", []*model.Segment{lit("me"), lit("photo"), lit("$value")}, "photo"},
		{"reportRoot: getX", []*model.Segment{lit("reports"), fn("getX(period='{p}')", "getX", "period")}, "reports"},
		{"Get root", nil, "root"},
	}
	for _, tc := range tests {
		ho := &handlerOp{o: &opInfo{Operation: &model.Operation{Title: tc.title}}, routes: []*handlerRoute{{path: &model.Path{Segments: tc.segs}}}}
		if got := groupKey(ho); got != tc.want {
			t.Errorf("groupKey(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}
