package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	kedav1alpha1 "github.com/kedacore/keda/v2/apis/keda/v1alpha1"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	sigsjson "sigs.k8s.io/json"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/api/types"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// object is one rendered object with its typed value.
type object struct {
	kind      string // apiVersion/kind
	name      string
	namespace string
	value     any
}

func (o object) id() string { return fmt.Sprintf("%s %s", o.kind, o.name) }

type objects struct {
	all []object
}

// schemas are the types an object of each apiVersion/kind decodes into. A kind not listed is an error: the
// check must know every object it passes.
var schemas = map[string]func() any{
	"v1/Namespace":                           func() any { return &corev1.Namespace{} },
	"v1/ConfigMap":                           func() any { return &corev1.ConfigMap{} },
	"v1/Secret":                              func() any { return &corev1.Secret{} },
	"v1/Service":                             func() any { return &corev1.Service{} },
	"v1/ServiceAccount":                      func() any { return &corev1.ServiceAccount{} },
	"apps/v1/Deployment":                     func() any { return &appsv1.Deployment{} },
	"apps/v1/StatefulSet":                    func() any { return &appsv1.StatefulSet{} },
	"policy/v1/PodDisruptionBudget":          func() any { return &policyv1.PodDisruptionBudget{} },
	"autoscaling/v2/HorizontalPodAutoscaler": func() any { return &autoscalingv2.HorizontalPodAutoscaler{} },
	"networking.k8s.io/v1/NetworkPolicy":     func() any { return &networkingv1.NetworkPolicy{} },
	"networking.k8s.io/v1/Ingress":           func() any { return &networkingv1.Ingress{} },
	"keda.sh/v1alpha1/ScaledObject":          func() any { return &kedav1alpha1.ScaledObject{} },
	"keda.sh/v1alpha1/TriggerAuthentication": func() any { return &kedav1alpha1.TriggerAuthentication{} },
}

// loadTree copies every regular file under root into an in-memory file system at the same absolute path.
func loadTree(root string) (filesys.FileSystem, error) {
	memory := filesys.MakeFsInMemory()
	err := filepath.WalkDir(root, func(path string, entry fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if entry.IsDir() {
			return memory.MkdirAll(path)
		}
		if !entry.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return memory.WriteFile(path, data)
	})
	return memory, err
}

// localOnly walks the kustomizations reachable from dir and reports every resource, component or base that is
// not a path inside the in-memory tree (a URL would make kustomize run git or fetch over HTTP).
func localOnly(memory filesys.FileSystem, dir string, seen map[string]bool) []string {
	if seen[dir] {
		return nil
	}
	seen[dir] = true
	var file string
	for _, name := range []string{"kustomization.yaml", "kustomization.yml", "Kustomization"} {
		if memory.Exists(filepath.Join(dir, name)) {
			file = filepath.Join(dir, name)
			break
		}
	}
	if file == "" {
		return []string{fmt.Sprintf("%s: no kustomization file", dir)}
	}
	data, err := memory.ReadFile(file)
	if err != nil {
		return []string{err.Error()}
	}
	var k types.Kustomization
	if err := yaml.Unmarshal(data, &k); err != nil {
		return []string{fmt.Sprintf("%s: %v", file, err)}
	}
	if len(k.HelmCharts) > 0 || len(k.HelmChartInflationGenerator) > 0 {
		return []string{fmt.Sprintf("%s: helmCharts need a chart download; render them into plain manifests", file)}
	}
	var problems []string
	for _, entry := range append(append([]string{}, k.Resources...), k.Components...) {
		if strings.Contains(entry, "://") || strings.HasPrefix(entry, "github.com/") || strings.HasPrefix(entry, "git@") {
			problems = append(problems, fmt.Sprintf("%s: %q is remote; the deployment must render offline", file, entry))
			continue
		}
		path := filepath.Join(dir, entry)
		if !memory.Exists(path) {
			problems = append(problems, fmt.Sprintf("%s: %q does not exist", file, entry))
			continue
		}
		if memory.IsDir(path) {
			problems = append(problems, localOnly(memory, path, seen)...)
		}
	}
	return problems
}

// renderAndDecode renders overlay (inside root) and decodes each object strictly into its type.
func renderAndDecode(root, overlay string) (*objects, []json.RawMessage, []string) {
	if rel, err := filepath.Rel(root, overlay); err != nil || strings.HasPrefix(rel, "..") {
		return nil, nil, []string{fmt.Sprintf("overlay %s is not inside the root %s", overlay, root)}
	}
	memory, err := loadTree(root)
	if err != nil {
		return nil, nil, []string{fmt.Sprintf("reading %s: %v", root, err)}
	}
	if problems := localOnly(memory, overlay, map[string]bool{}); len(problems) > 0 {
		return nil, nil, problems
	}
	options := krusty.MakeDefaultOptions() // builtin plugins only, load restricted to the kustomization's root
	options.PluginConfig.HelmConfig.Enabled = false
	resources, err := krusty.MakeKustomizer(options).Run(memory, overlay)
	if err != nil {
		return nil, nil, []string{fmt.Sprintf("kustomize: %v", err)}
	}
	result := &objects{}
	var rendered []json.RawMessage
	var problems []string
	for _, resource := range resources.Resources() {
		data, err := resource.MarshalJSON()
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", resource.CurId(), err))
			continue
		}
		rendered = append(rendered, data)
		gvk := resource.GetGvk()
		apiVersion := gvk.Version
		if gvk.Group != "" {
			apiVersion = gvk.Group + "/" + gvk.Version
		}
		kind := apiVersion + "/" + gvk.Kind
		name := resource.GetName()
		newValue, known := schemas[kind]
		if !known {
			problems = append(problems, fmt.Sprintf("%s %s: no typed schema for this apiVersion/kind in deploy-check", kind, name))
			continue
		}
		value := newValue()
		// The decoder the API server uses: case-sensitive, and strict errors name the field path.
		strictErrors, err := sigsjson.UnmarshalStrict(data, value, sigsjson.DisallowDuplicateFields, sigsjson.DisallowUnknownFields)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s %s: does not decode as %s: %v", kind, name, gvk.Kind, err))
			continue
		}
		for _, strictError := range strictErrors {
			problems = append(problems, fmt.Sprintf("%s %s: %v", kind, name, strictError))
		}
		result.all = append(result.all, object{kind: kind, name: name, namespace: resource.GetNamespace(), value: value})
	}
	return result, rendered, problems
}
