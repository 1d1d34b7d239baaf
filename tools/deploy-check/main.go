// deploy-check renders kustomize overlays offline and checks every object against its typed schema.
//
//	deploy-check [--external-secrets a,b] OVERLAY_DIR...
//
// For each overlay: the folder tree above it (the --root, by default the overlay's grandparent, where base/
// lives) is copied into an in-memory file system and rendered with kustomize's krusty (no plugins, no Helm,
// no remote bases: a resource that is not a local path is an error, so nothing is fetched). Every rendered
// object is decoded strictly into its Go type (k8s.io/api, KEDA's v1alpha1): an unknown or misspelt field, a
// duplicate field or a wrong type is an error naming the object and the field. Then the checks in checks.go.
//
// It prints a JSON report on stdout (the rendered objects included, for the config checks the TypeScript
// test makes against the services' schemas) and exits 1 when there is any error, 2 on bad usage.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// version is set at build time (-ldflags -X main.version=...) to a hash of this module's sources and go.sum,
// so a cached binary is rebuilt when either changes.
var version = "0.0.0-dev"

type overlayReport struct {
	Path    string            `json:"path"`
	Objects int               `json:"objects"`
	Kinds   map[string]int    `json:"kinds"`
	Errors  []string          `json:"errors"`
	Render  []json.RawMessage `json:"rendered"`
	Millis  int64             `json:"ms"`
}

type report struct {
	Version  string          `json:"version"`
	Overlays []overlayReport `json:"overlays"`
	Errors   int             `json:"errors"`
	Millis   int64           `json:"ms"`
}

func main() {
	showVersion := flag.Bool("version", false, "print the version and exit")
	root := flag.String("root", "", "folder loaded into the in-memory file system (default: the overlay's grandparent)")
	external := flag.String("external-secrets", "", "comma-separated Secret names that exist in the cluster without being rendered")
	flag.Parse()
	if *showVersion {
		fmt.Printf("deploy-check v%s\n", version)
		return
	}
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: deploy-check [--root DIR] [--external-secrets a,b] OVERLAY_DIR...")
		os.Exit(2)
	}
	externalSecrets := map[string]bool{}
	for _, name := range strings.Split(*external, ",") {
		if name = strings.TrimSpace(name); name != "" {
			externalSecrets[name] = true
		}
	}

	started := time.Now()
	out := report{Version: version}
	for _, dir := range flag.Args() {
		overlayStarted := time.Now()
		abs, err := filepath.Abs(dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		rootDir := *root
		if rootDir == "" {
			rootDir = filepath.Dir(filepath.Dir(abs))
		}
		rootDir, _ = filepath.Abs(rootDir)
		rep := overlayReport{Path: dir, Kinds: map[string]int{}, Errors: []string{}, Render: []json.RawMessage{}}
		objects, rendered, errs := renderAndDecode(rootDir, abs)
		rep.Errors = append(rep.Errors, errs...)
		if objects != nil {
			rep.Errors = append(rep.Errors, check(objects, externalSecrets)...)
			for _, object := range objects.all {
				rep.Kinds[object.kind]++
			}
			rep.Objects = len(objects.all)
		}
		rep.Render = rendered
		sort.Strings(rep.Errors)
		rep.Millis = time.Since(overlayStarted).Milliseconds()
		out.Errors += len(rep.Errors)
		out.Overlays = append(out.Overlays, rep)
	}
	out.Millis = time.Since(started).Milliseconds()
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetIndent("", " ")
	if err := encoder.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for _, rep := range out.Overlays {
		for _, problem := range rep.Errors {
			fmt.Fprintf(os.Stderr, "%s: %s\n", rep.Path, problem)
		}
	}
	if out.Errors > 0 {
		os.Exit(1)
	}
}
