package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRunUsage(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{"no args", nil, exitUsage, "", "Usage:"},
		{"help", []string{"-h"}, exitOK, "Commands:", ""},
		{"help command", []string{"help", "version"}, exitOK, "usage: docgen version", ""},
		{"unknown", []string{"frobnicate"}, exitUsage, "", `unknown command "frobnicate"`},
		{"version", []string{"version"}, exitOK, "docgen ", ""},
		{"version extra arg", []string{"version", "x"}, exitUsage, "", "unexpected argument"},
		{"version bad flag", []string{"version", "-nope"}, exitUsage, "", "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.wantCode {
				t.Errorf("run(%q) = %d, want %d; stderr:\n%s", tt.args, code, tt.wantCode, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.wantStdout) {
				t.Errorf("stdout %q does not contain %q", stdout.String(), tt.wantStdout)
			}
			if !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.wantStderr)
			}
		})
	}
}

// Every subcommand answers -h with its usage on stdout and exit 0.
func TestEveryCommandHasHelp(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run([]string{c.name, "-h"}, &stdout, &stderr); code != exitOK {
				t.Fatalf("docgen %s -h = %d, want 0; stderr:\n%s", c.name, code, stderr.String())
			}
			if n := strings.Count(stdout.String(), "usage: docgen "+c.name); n != 1 {
				t.Errorf("docgen %s -h printed %d usage lines to stdout, want 1:\n%s", c.name, n, stdout.String())
			}
			if stderr.Len() > 0 {
				t.Errorf("docgen %s -h wrote to stderr:\n%s", c.name, stderr.String())
			}
		})
	}
}
