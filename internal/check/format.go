package check

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// Formats lists the output formats Write accepts.
var Formats = []string{"text", "json", "github", "sarif"}

// Tool describes docgen in SARIF output.
type Tool struct {
	Name           string
	Version        string
	InformationURI string
	// Codes documents the codes docgen reports (cmd/docgen passes them
	// all): WriteSARIF describes each rule a report uses with them. The
	// check's own codes (Codes) need not be listed.
	Codes []model.CodeInfo
}

// Write prints r in the named format. Text goes to stderr (findings, like go
// vet) and stdout (diffs); the other formats write only to stdout.
func Write(format string, stdout, stderr io.Writer, r *Report, tool Tool) error {
	switch format {
	case "text":
		return WriteText(stdout, stderr, r)
	case "json":
		return WriteJSON(stdout, r)
	case "github":
		return WriteGitHub(stdout, r)
	case "sarif":
		return WriteSARIF(stdout, r, tool)
	}
	return fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// DriftMessage says what is wrong with a drifted file and what to do.
func DriftMessage(k DriftKind) string {
	switch k {
	case Missing:
		return "generated file is missing; run `docgen generate` and commit the new file"
	case Stale:
		return "generated file is no longer produced by the docs; run `docgen generate` (or delete it) and commit"
	}
	return "generated file differs from what the docs produce; run `docgen generate` and commit the result (never edit generated files)"
}

func driftDiagnostic(d Drift) model.Diagnostic {
	sev := model.Error
	if c, ok := model.LookupCode(catalogue, d.Kind.Code()); ok {
		sev = c.Severity
	}
	return model.Diagnostic{Pos: model.Pos{File: d.File, Line: d.Line}, Severity: sev, Code: d.Kind.Code(), Message: DriftMessage(d.Kind)}
}

// errWriter remembers the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) print(a ...string) {
	for _, s := range a {
		if e.err != nil {
			return
		}
		_, e.err = io.WriteString(e.w, s)
	}
}

// WriteText prints findings as go vet does, "file:line:col: message [code]",
// one a line on stderr, followed by a line per drifted file; the unified
// diffs go to stdout.
func WriteText(stdout, stderr io.Writer, r *Report) error {
	ew := &errWriter{w: stderr}
	for _, d := range r.Findings {
		ew.print(d.String(), "\n")
	}
	for _, d := range r.Drift {
		ew.print(driftDiagnostic(d).String(), "\n")
	}
	if ew.err != nil {
		return ew.err
	}
	out := &errWriter{w: stdout}
	for _, d := range r.Drift {
		out.print(d.Diff)
	}
	return out.err
}

// JSONVersion is the version of the JSON report schema.
const JSONVersion = 1

type jsonFinding struct {
	File     string     `json:"file"`
	Line     int        `json:"line"`
	Col      int        `json:"col"`
	Severity string     `json:"severity"`
	Code     model.Code `json:"code"`
	Message  string     `json:"message"`
}

type jsonDrift struct {
	File string `json:"file"`
	Kind string `json:"kind"`
	Diff string `json:"diff"`
}

type jsonReport struct {
	Version  int           `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Drift    []jsonDrift   `json:"drift"`
}

// WriteJSON prints r as one JSON object:
//
//	{"version":1,
//	 "findings":[{"file","line","col","severity","code","message"}],
//	 "drift":[{"file","kind","diff"}]}
//
// severity is "info", "warning" or "error"; kind is "modified", "missing"
// or "stale"; empty lists are [] (never null).
func WriteJSON(w io.Writer, r *Report) error {
	out := jsonReport{Version: JSONVersion, Findings: []jsonFinding{}, Drift: []jsonDrift{}}
	for _, d := range r.Findings {
		out.Findings = append(out.Findings, jsonFinding{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col,
			Severity: d.Severity.String(), Code: d.Code, Message: d.Message})
	}
	for _, d := range r.Drift {
		out.Drift = append(out.Drift, jsonDrift{File: d.File, Kind: d.Kind.String(), Diff: d.Diff})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// escapeData escapes a workflow command's message as GitHub's runner
// unescapes it.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command property value: as data, plus
// ":" and ",", which separate properties.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

func githubLevel(s model.Severity) string {
	switch s {
	case model.Error:
		return "error"
	case model.Warning:
		return "warning"
	}
	return "notice"
}

func githubCommand(d model.Diagnostic) string {
	var props []string
	if d.Pos.File != "" && d.Pos.File != IgnoreFlagFile {
		props = append(props, "file="+escapeProperty(d.Pos.File))
		if d.Pos.Line > 0 {
			props = append(props, "line="+strconv.Itoa(d.Pos.Line))
			if d.Pos.Col > 0 {
				props = append(props, "col="+strconv.Itoa(d.Pos.Col))
			}
		}
	}
	props = append(props, "title="+escapeProperty(string(d.Code)))
	msg := d.Message
	if d.Pos.File == IgnoreFlagFile {
		msg = IgnoreFlagFile + ": " + msg
	}
	return "::" + githubLevel(d.Severity) + " " + strings.Join(props, ",") + "::" + escapeData(msg) + "\n"
}

// WriteGitHub prints r as GitHub Actions workflow commands, which the
// runner turns into annotations on the pull request:
//
//	::error file=docs/x.md,line=12,col=5,title=example-enum-value::message
//
// Severities map to error, warning and notice. Each drifted file gets an
// ::error annotation and its diff inside a collapsed ::group::, between
// ::stop-commands:: markers so that diff lines are never read as commands.
func WriteGitHub(w io.Writer, r *Report) error {
	ew := &errWriter{w: w}
	for _, d := range r.Findings {
		ew.print(githubCommand(d))
	}
	for _, d := range r.Drift {
		ew.print(githubCommand(driftDiagnostic(d)))
	}
	for _, d := range r.Drift {
		sum := sha256.Sum256([]byte(d.File + "\x00" + d.Diff))
		token := "docgen-" + hex.EncodeToString(sum[:8])
		ew.print("::group::", escapeData("diff "+d.File), "\n")
		ew.print("::stop-commands::", token, "\n")
		ew.print(d.Diff)
		ew.print("::", token, "::\n")
		ew.print("::endgroup::\n")
	}
	return ew.err
}

// SARIF 2.1.0 output (the subset code scanning reads).

// SARIFSchema is the schema URI written into SARIF reports.
const SARIFSchema = "https://json.schemastore.org/sarif-2.1.0.json"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations,omitempty"`
	Results     []sarifResult     `json:"results"`
}

// sarifInvocation carries the notifications about docgen's own
// configuration: -ignore codes that matched nothing have no location in
// the repository, and code scanning rejects results without one.
type sarifInvocation struct {
	ExecutionSuccessful            bool                `json:"executionSuccessful"`
	ToolConfigurationNotifications []sarifNotification `json:"toolConfigurationNotifications,omitempty"`
}

type sarifNotification struct {
	Descriptor sarifDescriptorRef `json:"descriptor"`
	Level      string             `json:"level"`
	Message    sarifText          `json:"message"`
}

type sarifDescriptorRef struct {
	ID model.Code `json:"id"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   model.Code  `json:"id"`
	ShortDescription     sarifText   `json:"shortDescription"`
	FullDescription      sarifText   `json:"fullDescription"`
	Help                 sarifText   `json:"help"`
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              model.Code        `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

func sarifLevel(s model.Severity) string {
	switch s {
	case model.Error:
		return "error"
	case model.Warning:
		return "warning"
	}
	return "note"
}

// FingerprintKey is the partialFingerprints key of SARIF results. GitHub
// code scanning matches alerts across runs by this key; docgen fills it
// with a hash of code, file and message (not of the line), so an alert
// survives edits that only move it, and a ":n" suffix counting identical
// findings, as GitHub's own fingerprints do.
const FingerprintKey = "primaryLocationLineHash"

// WriteSARIF prints r as a SARIF 2.1.0 log with one run. Rules are the
// codes the results use (sorted), with the code's summary and explanation.
// Findings about the -ignore flag are tool configuration notifications of
// the run's invocation, not results.
func WriteSARIF(w io.Writer, r *Report, tool Tool) error {
	diags := slices.Clone(r.Findings)
	for _, d := range r.Drift {
		diags = append(diags, driftDiagnostic(d))
	}
	var notes []sarifNotification
	diags = slices.DeleteFunc(diags, func(d model.Diagnostic) bool {
		if d.Pos.File != IgnoreFlagFile {
			return false
		}
		notes = append(notes, sarifNotification{Descriptor: sarifDescriptorRef{d.Code}, Level: sarifLevel(d.Severity),
			Message: sarifText{IgnoreFlagFile + ": " + d.Message}})
		return true
	})
	var ruleIDs []model.Code
	for _, d := range diags {
		ruleIDs = append(ruleIDs, d.Code)
	}
	slices.Sort(ruleIDs)
	ruleIDs = slices.Compact(ruleIDs)
	drv := sarifDriver{Name: tool.Name, Version: tool.Version, InformationURI: tool.InformationURI, Rules: []sarifRule{}}
	if drv.Name == "" {
		drv.Name = "docgen"
	}
	for _, id := range ruleIDs {
		info, ok := lookup(tool.Codes, id)
		if !ok {
			info = model.CodeInfo{Code: id, Severity: model.Warning, Summary: string(id), Explain: string(id)}
		}
		drv.Rules = append(drv.Rules, sarifRule{
			ID:                   id,
			ShortDescription:     sarifText{info.Summary},
			FullDescription:      sarifText{info.Explain},
			Help:                 sarifText{info.Explain + " Run `docgen check -explain " + string(id) + "` for this text."},
			DefaultConfiguration: sarifConfig{sarifLevel(info.Severity)},
		})
	}
	run := sarifRun{Tool: sarifTool{Driver: drv}, Results: []sarifResult{}}
	if len(notes) > 0 {
		run.Invocations = []sarifInvocation{{ExecutionSuccessful: true, ToolConfigurationNotifications: notes}}
	}
	seen := map[string]int{}
	for _, d := range diags {
		res := sarifResult{
			RuleID:    d.Code,
			RuleIndex: slices.Index(ruleIDs, d.Code),
			Level:     sarifLevel(d.Severity),
			Message:   sarifText{d.Message},
		}
		if d.Pos.File != "" {
			loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: d.Pos.File}}}
			if d.Pos.Line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: d.Pos.Line, StartColumn: d.Pos.Col}
			}
			res.Locations = []sarifLocation{loc}
		}
		sum := sha256.Sum256([]byte(string(d.Code) + "\x00" + d.Pos.File + "\x00" + d.Message))
		h := hex.EncodeToString(sum[:16])
		seen[h]++
		res.PartialFingerprints = map[string]string{FingerprintKey: h + ":" + strconv.Itoa(seen[h])}
		run.Results = append(run.Results, res)
	}
	log := sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}
