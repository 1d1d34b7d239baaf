package main

import (
	"fmt"
	"sort"
	"strings"

	kedav1alpha1 "github.com/kedacore/keda/v2/apis/keda/v1alpha1"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// workload is a Deployment or StatefulSet, by its pod template.
type workload struct {
	obj      object
	kind     string
	name     string
	replicas *int32
	selector *metav1.LabelSelector
	pod      corev1.PodTemplateSpec
}

// natsJetStreamMetadata are the trigger metadata keys KEDA's nats-jetstream scaler reads (the keda:"name=…"
// tags of natsJetStreamMetadata in pkg/scalers/nats_jetstream_scaler.go, v2.21.0; that package is not imported,
// it pulls in every scaler's SDK). Required: true. A misspelt key would be ignored by KEDA and fall back to a
// default, so it is an error here.
var natsJetStreamMetadata = map[string]bool{
	"natsServerMonitoringEndpoint": true,
	"account":                      false, // or accountID; one of the two
	"accountID":                    false,
	"stream":                       true,
	"consumer":                     true,
	"lagThreshold":                 false,
	"activationLagThreshold":       false,
	"useHttps":                     false,
}

type index struct {
	workloads       []workload
	services        []*corev1.Service
	configMaps      map[string]*corev1.ConfigMap
	secrets         map[string]*corev1.Secret
	pdbs            []*policyv1.PodDisruptionBudget
	hpas            []*autoscalingv2.HorizontalPodAutoscaler
	scaledObjects   []*kedav1alpha1.ScaledObject
	triggerAuths    map[string]bool
	networkPolicies []*networkingv1.NetworkPolicy
	namespaces      map[string]bool
}

func build(objs *objects) *index {
	ix := &index{configMaps: map[string]*corev1.ConfigMap{}, secrets: map[string]*corev1.Secret{}, triggerAuths: map[string]bool{}, namespaces: map[string]bool{}}
	for _, o := range objs.all {
		switch v := o.value.(type) {
		case *appsv1.Deployment:
			ix.workloads = append(ix.workloads, workload{obj: o, kind: "Deployment", name: v.Name, replicas: v.Spec.Replicas, selector: v.Spec.Selector, pod: v.Spec.Template})
		case *appsv1.StatefulSet:
			ix.workloads = append(ix.workloads, workload{obj: o, kind: "StatefulSet", name: v.Name, replicas: v.Spec.Replicas, selector: v.Spec.Selector, pod: v.Spec.Template})
		case *corev1.Service:
			ix.services = append(ix.services, v)
		case *corev1.ConfigMap:
			ix.configMaps[v.Name] = v
		case *corev1.Secret:
			ix.secrets[v.Name] = v
		case *policyv1.PodDisruptionBudget:
			ix.pdbs = append(ix.pdbs, v)
		case *autoscalingv2.HorizontalPodAutoscaler:
			ix.hpas = append(ix.hpas, v)
		case *kedav1alpha1.ScaledObject:
			ix.scaledObjects = append(ix.scaledObjects, v)
		case *kedav1alpha1.TriggerAuthentication:
			ix.triggerAuths[v.Name] = true
		case *networkingv1.NetworkPolicy:
			ix.networkPolicies = append(ix.networkPolicies, v)
		case *corev1.Namespace:
			ix.namespaces[v.Name] = true
		}
	}
	return ix
}

func selects(selector *metav1.LabelSelector, podLabels map[string]string) bool {
	if selector == nil {
		return false
	}
	parsed, err := metav1.LabelSelectorAsSelector(selector)
	if err != nil {
		return false
	}
	return parsed.Matches(labels.Set(podLabels))
}

func (ix *index) workload(kind, name string) *workload {
	for i := range ix.workloads {
		if ix.workloads[i].kind == kind && ix.workloads[i].name == name {
			return &ix.workloads[i]
		}
	}
	return nil
}

// hasPort says whether a container of the pod serves port (a name or a number).
func hasPort(pod corev1.PodSpec, port intstr.IntOrString) bool {
	for _, container := range pod.Containers {
		for _, p := range container.Ports {
			if (port.Type == intstr.String && p.Name == port.StrVal) || (port.Type == intstr.Int && p.ContainerPort == port.IntVal) {
				return true
			}
		}
	}
	return false
}

func probeProblems(where string, name string, probe *corev1.Probe, pod corev1.PodSpec) []string {
	if probe == nil {
		return []string{fmt.Sprintf("%s: no %s probe", where, name)}
	}
	var problems []string
	switch {
	case probe.HTTPGet != nil:
		if !hasPort(pod, probe.HTTPGet.Port) {
			problems = append(problems, fmt.Sprintf("%s: %s probe port %s is not a container port", where, name, probe.HTTPGet.Port.String()))
		}
		if !strings.HasPrefix(probe.HTTPGet.Path, "/") {
			problems = append(problems, fmt.Sprintf("%s: %s probe path %q", where, name, probe.HTTPGet.Path))
		}
	case probe.TCPSocket != nil:
		if !hasPort(pod, probe.TCPSocket.Port) {
			problems = append(problems, fmt.Sprintf("%s: %s probe port %s is not a container port", where, name, probe.TCPSocket.Port.String()))
		}
	case probe.Exec == nil && probe.GRPC == nil:
		problems = append(problems, fmt.Sprintf("%s: %s probe has no handler", where, name))
	}
	return problems
}

func (ix *index) secretKnown(name, key string, external map[string]bool) bool {
	if external[name] {
		return true
	}
	secret, ok := ix.secrets[name]
	if !ok {
		return false
	}
	if key == "" {
		return true
	}
	_, inData := secret.Data[key]
	_, inString := secret.StringData[key]
	return inData || inString
}

func (ix *index) checkWorkload(w workload, external map[string]bool) []string {
	id := fmt.Sprintf("%s %s", w.kind, w.name)
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(id+": "+format, args...)) }
	spec := w.pod.Spec
	if !selects(w.selector, w.pod.Labels) {
		add("its selector does not match its own pod template's labels")
	}
	if spec.TerminationGracePeriodSeconds == nil {
		add("terminationGracePeriodSeconds is not set (the default 30 s may be shorter than the drain)")
	}
	podNonRoot := spec.SecurityContext != nil && spec.SecurityContext.RunAsNonRoot != nil && *spec.SecurityContext.RunAsNonRoot
	podUser := spec.SecurityContext != nil && spec.SecurityContext.RunAsUser != nil && *spec.SecurityContext.RunAsUser != 0
	for _, c := range spec.Containers {
		where := fmt.Sprintf("%s container %s", id, c.Name)
		problems = append(problems, probeProblems(where, "readiness", c.ReadinessProbe, spec)...)
		problems = append(problems, probeProblems(where, "liveness", c.LivenessProbe, spec)...)
		if c.StartupProbe != nil {
			problems = append(problems, probeProblems(where, "startup", c.StartupProbe, spec)...)
		}
		if _, ok := c.Resources.Requests[corev1.ResourceCPU]; !ok {
			problems = append(problems, where+": no cpu request")
		}
		if _, ok := c.Resources.Requests[corev1.ResourceMemory]; !ok {
			problems = append(problems, where+": no memory request")
		}
		if _, ok := c.Resources.Limits[corev1.ResourceMemory]; !ok {
			problems = append(problems, where+": no memory limit")
		}
		image := c.Image
		if at := strings.LastIndex(image, "@"); at >= 0 {
			image = image[:at]
		} else if colon := strings.LastIndex(image, ":"); colon <= strings.LastIndex(image, "/") {
			problems = append(problems, fmt.Sprintf("%s: image %q has no tag (the overlay sets one)", where, c.Image))
		} else if strings.HasSuffix(image, ":latest") {
			problems = append(problems, fmt.Sprintf("%s: image %q is :latest", where, c.Image))
		}
		sc := c.SecurityContext
		if sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
			problems = append(problems, where+": root file system is not read-only")
		}
		if sc == nil || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
			problems = append(problems, where+": allowPrivilegeEscalation is not false")
		}
		if sc == nil || sc.Capabilities == nil || len(sc.Capabilities.Drop) != 1 || sc.Capabilities.Drop[0] != "ALL" {
			problems = append(problems, where+": capabilities do not drop ALL")
		}
		nonRoot := podNonRoot || (sc != nil && sc.RunAsNonRoot != nil && *sc.RunAsNonRoot)
		user := podUser || (sc != nil && sc.RunAsUser != nil && *sc.RunAsUser != 0)
		if !nonRoot || !user {
			problems = append(problems, where+": not runAsNonRoot with a numeric non-zero runAsUser")
		}
		for _, from := range c.EnvFrom {
			if from.ConfigMapRef != nil {
				if _, ok := ix.configMaps[from.ConfigMapRef.Name]; !ok && (from.ConfigMapRef.Optional == nil || !*from.ConfigMapRef.Optional) {
					problems = append(problems, fmt.Sprintf("%s: envFrom ConfigMap %s is not in the deployment", where, from.ConfigMapRef.Name))
				}
			}
			if from.SecretRef != nil {
				if _, ok := ix.secrets[from.SecretRef.Name]; !ok {
					problems = append(problems, fmt.Sprintf("%s: envFrom Secret %s is not rendered, so its keys cannot be checked; name each with secretKeyRef", where, from.SecretRef.Name))
				}
			}
		}
		for _, env := range c.Env {
			if env.ValueFrom == nil {
				continue
			}
			if ref := env.ValueFrom.ConfigMapKeyRef; ref != nil {
				configMap, ok := ix.configMaps[ref.Name]
				if !ok {
					problems = append(problems, fmt.Sprintf("%s: env %s: ConfigMap %s is not in the deployment", where, env.Name, ref.Name))
				} else if _, has := configMap.Data[ref.Key]; !has {
					problems = append(problems, fmt.Sprintf("%s: env %s: ConfigMap %s has no key %s", where, env.Name, ref.Name, ref.Key))
				}
			}
			if ref := env.ValueFrom.SecretKeyRef; ref != nil && !ix.secretKnown(ref.Name, ref.Key, external) {
				problems = append(problems, fmt.Sprintf("%s: env %s: Secret %s (key %s) is neither rendered nor a documented external Secret", where, env.Name, ref.Name, ref.Key))
			}
		}
	}
	for _, volume := range spec.Volumes {
		if volume.ConfigMap != nil {
			if _, ok := ix.configMaps[volume.ConfigMap.Name]; !ok {
				add("volume %s: ConfigMap %s is not in the deployment", volume.Name, volume.ConfigMap.Name)
			}
		}
		if volume.Secret != nil && !ix.secretKnown(volume.Secret.SecretName, "", external) {
			add("volume %s: Secret %s is neither rendered nor a documented external Secret", volume.Name, volume.Secret.SecretName)
		}
	}
	for _, c := range spec.Containers {
		for _, mount := range c.VolumeMounts {
			found := false
			for _, volume := range spec.Volumes {
				found = found || volume.Name == mount.Name
			}
			if sts, ok := w.obj.value.(*appsv1.StatefulSet); ok {
				for _, claim := range sts.Spec.VolumeClaimTemplates {
					found = found || claim.Name == mount.Name
				}
			}
			if !found {
				add("container %s mounts %s, which is no volume of the pod", c.Name, mount.Name)
			}
		}
	}

	// Disruption budget and Service.
	budgets := 0
	for _, pdb := range ix.pdbs {
		if selects(pdb.Spec.Selector, w.pod.Labels) {
			budgets++
		}
	}
	if budgets != 1 {
		add("%d PodDisruptionBudgets select its pods (want exactly 1)", budgets)
	}
	served := false
	for _, service := range ix.services {
		if len(service.Spec.Selector) > 0 && labels.SelectorFromSet(service.Spec.Selector).Matches(labels.Set(w.pod.Labels)) {
			served = true
		}
	}
	if !served {
		add("no Service selects its pods")
	}
	if sts, ok := w.obj.value.(*appsv1.StatefulSet); ok {
		headless := false
		for _, service := range ix.services {
			if service.Name == sts.Spec.ServiceName && service.Spec.ClusterIP == corev1.ClusterIPNone &&
				labels.SelectorFromSet(service.Spec.Selector).Matches(labels.Set(w.pod.Labels)) {
				headless = true
			}
		}
		if !headless {
			add("serviceName %q is not a headless Service selecting its pods", sts.Spec.ServiceName)
		}
	}
	return problems
}

func (ix *index) checkServices() []string {
	var problems []string
	for _, service := range ix.services {
		id := "Service " + service.Name
		if len(service.Spec.Selector) == 0 {
			problems = append(problems, id+": no selector")
			continue
		}
		var matched []workload
		for _, w := range ix.workloads {
			if labels.SelectorFromSet(service.Spec.Selector).Matches(labels.Set(w.pod.Labels)) {
				matched = append(matched, w)
			}
		}
		if len(matched) == 0 {
			problems = append(problems, id+": its selector matches no workload's pods")
			continue
		}
		for _, port := range service.Spec.Ports {
			target := port.TargetPort
			if target.Type == intstr.Int && target.IntVal == 0 {
				target = intstr.FromInt32(port.Port)
			}
			for _, w := range matched {
				if !hasPort(w.pod.Spec, target) {
					problems = append(problems, fmt.Sprintf("%s: port %s targets %s, which %s %s does not serve", id, port.Name, target.String(), w.kind, w.name))
				}
			}
		}
	}
	return problems
}

func (ix *index) checkBudgets() []string {
	var problems []string
	for _, pdb := range ix.pdbs {
		id := "PodDisruptionBudget " + pdb.Name
		if (pdb.Spec.MinAvailable == nil) == (pdb.Spec.MaxUnavailable == nil) {
			problems = append(problems, id+": set exactly one of minAvailable and maxUnavailable")
		}
		selected := 0
		for _, w := range ix.workloads {
			if selects(pdb.Spec.Selector, w.pod.Labels) {
				selected++
				// A budget that needs as many pods as there are blocks every node drain.
				if pdb.Spec.MinAvailable != nil && pdb.Spec.MinAvailable.Type == intstr.Int && w.replicas != nil && pdb.Spec.MinAvailable.IntVal >= *w.replicas {
					problems = append(problems, fmt.Sprintf("%s: minAvailable %d with %d replicas of %s %s blocks every drain", id, pdb.Spec.MinAvailable.IntVal, *w.replicas, w.kind, w.name))
				}
			}
		}
		if selected == 0 {
			problems = append(problems, id+": selects no workload's pods")
		}
	}
	return problems
}

func (ix *index) checkAutoscalers() []string {
	var problems []string
	scaled := map[string]string{}
	for _, hpa := range ix.hpas {
		id := "HorizontalPodAutoscaler " + hpa.Name
		target := hpa.Spec.ScaleTargetRef
		w := ix.workload(target.Kind, target.Name)
		if w == nil || target.APIVersion != "apps/v1" {
			problems = append(problems, fmt.Sprintf("%s: target %s %s %s is not in the deployment", id, target.APIVersion, target.Kind, target.Name))
			continue
		}
		scaled[target.Kind+"/"+target.Name] = id
		if hpa.Spec.MinReplicas != nil && *hpa.Spec.MinReplicas > hpa.Spec.MaxReplicas {
			problems = append(problems, fmt.Sprintf("%s: minReplicas %d > maxReplicas %d", id, *hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas))
		}
		if len(hpa.Spec.Metrics) == 0 {
			problems = append(problems, id+": no metrics")
		}
		for _, metric := range hpa.Spec.Metrics {
			if metric.Type != autoscalingv2.ResourceMetricSourceType || metric.Resource == nil {
				continue
			}
			for _, c := range w.pod.Spec.Containers {
				if _, ok := c.Resources.Requests[metric.Resource.Name]; !ok && metric.Resource.Target.Type == autoscalingv2.UtilizationMetricType {
					problems = append(problems, fmt.Sprintf("%s: scales on %s utilization but container %s requests no %s", id, metric.Resource.Name, c.Name, metric.Resource.Name))
				}
			}
		}
		if w.replicas != nil {
			problems = append(problems, fmt.Sprintf("%s: %s %s sets replicas, which every apply would reset under the autoscaler", id, w.kind, w.name))
		}
	}
	for _, so := range ix.scaledObjects {
		id := "ScaledObject " + so.Name
		target := so.Spec.ScaleTargetRef
		if target == nil {
			problems = append(problems, id+": no scaleTargetRef")
			continue
		}
		kind := target.Kind
		if kind == "" {
			kind = "Deployment"
		}
		w := ix.workload(kind, target.Name)
		if w == nil || (target.APIVersion != "" && target.APIVersion != "apps/v1") {
			problems = append(problems, fmt.Sprintf("%s: target %s %s is not in the deployment", id, kind, target.Name))
			continue
		}
		if other, ok := scaled[kind+"/"+target.Name]; ok {
			problems = append(problems, fmt.Sprintf("%s: %s %s is also scaled by %s (KEDA makes an HPA of its own)", id, kind, target.Name, other))
		}
		scaled[kind+"/"+target.Name] = id
		if w.replicas != nil {
			problems = append(problems, fmt.Sprintf("%s: %s %s sets replicas, which every apply would reset under the autoscaler", id, kind, target.Name))
		}
		// KEDA's own admission checks that need no cluster.
		if err := kedav1alpha1.ValidateTriggers(so.Spec.Triggers); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", id, err))
		}
		if err := kedav1alpha1.CheckReplicaCountBoundsAreValid(so); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", id, err))
		}
		if err := kedav1alpha1.CheckFallbackValid(so); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", id, err))
		}
		for i, trigger := range so.Spec.Triggers {
			where := fmt.Sprintf("%s trigger %d (%s)", id, i, trigger.Type)
			if trigger.AuthenticationRef != nil && (trigger.AuthenticationRef.Kind == "" || trigger.AuthenticationRef.Kind == "TriggerAuthentication") && !ix.triggerAuths[trigger.AuthenticationRef.Name] {
				problems = append(problems, fmt.Sprintf("%s: TriggerAuthentication %s is not in the deployment", where, trigger.AuthenticationRef.Name))
			}
			if trigger.Type != "nats-jetstream" {
				continue
			}
			keys := make([]string, 0, len(trigger.Metadata))
			for key := range trigger.Metadata {
				keys = append(keys, key)
			}
			sort.Strings(keys)
			for _, key := range keys {
				if _, known := natsJetStreamMetadata[key]; !known {
					problems = append(problems, fmt.Sprintf("%s: metadata %q is not a nats-jetstream setting", where, key))
				}
			}
			for key, required := range natsJetStreamMetadata {
				if required && trigger.Metadata[key] == "" {
					problems = append(problems, fmt.Sprintf("%s: metadata %s is missing", where, key))
				}
			}
			if trigger.Metadata["account"] == "" && trigger.Metadata["accountID"] == "" {
				problems = append(problems, where+": metadata account (or accountID) is missing")
			}
		}
	}
	return problems
}

func (ix *index) podsSelectedBy(selector metav1.LabelSelector) []workload {
	var matched []workload
	for _, w := range ix.workloads {
		if selects(&selector, w.pod.Labels) {
			matched = append(matched, w)
		}
	}
	return matched
}

func (ix *index) checkNetworkPolicies() []string {
	var problems []string
	defaultDeny := false
	for _, policy := range ix.networkPolicies {
		id := "NetworkPolicy " + policy.Name
		spec := policy.Spec
		if len(spec.PodSelector.MatchLabels) == 0 && len(spec.PodSelector.MatchExpressions) == 0 && len(spec.Ingress) == 0 && len(spec.Egress) == 0 {
			types := map[networkingv1.PolicyType]bool{}
			for _, t := range spec.PolicyTypes {
				types[t] = true
			}
			defaultDeny = defaultDeny || (types[networkingv1.PolicyTypeIngress] && types[networkingv1.PolicyTypeEgress])
			continue
		}
		selected := ix.podsSelectedBy(spec.PodSelector)
		if len(selected) == 0 {
			problems = append(problems, id+": its podSelector matches no workload's pods")
		}
		// A named port must be served by the pods it is about: the selected pods for ingress, the peers for egress.
		namedPorts := func(ports []networkingv1.NetworkPolicyPort, pods []workload, direction string) {
			for _, port := range ports {
				if port.Port == nil || port.Port.Type != intstr.String {
					continue
				}
				for _, w := range pods {
					if !hasPort(w.pod.Spec, *port.Port) {
						problems = append(problems, fmt.Sprintf("%s: %s port %q is not a port of %s %s", id, direction, port.Port.StrVal, w.kind, w.name))
					}
				}
			}
		}
		for _, rule := range spec.Ingress {
			namedPorts(rule.Ports, selected, "ingress")
		}
		for _, rule := range spec.Egress {
			var peers []workload
			for _, peer := range rule.To {
				if peer.PodSelector != nil && peer.NamespaceSelector == nil {
					peers = append(peers, ix.podsSelectedBy(*peer.PodSelector)...)
				}
			}
			namedPorts(rule.Ports, peers, "egress")
		}
	}
	if len(ix.networkPolicies) > 0 && !defaultDeny {
		problems = append(problems, "no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)")
	}
	return problems
}

func (ix *index) checkNamespaces(objs *objects) []string {
	var problems []string
	namespaces := map[string]bool{}
	for _, o := range objs.all {
		if o.kind == "v1/Namespace" {
			continue
		}
		namespaces[o.namespace] = true
		if o.namespace != "" && len(ix.namespaces) > 0 && !ix.namespaces[o.namespace] {
			problems = append(problems, fmt.Sprintf("%s: namespace %s is not one the deployment creates", o.id(), o.namespace))
		}
	}
	if len(namespaces) > 1 {
		names := make([]string, 0, len(namespaces))
		for name := range namespaces {
			names = append(names, fmt.Sprintf("%q", name))
		}
		sort.Strings(names)
		problems = append(problems, "objects are in more than one namespace: "+strings.Join(names, ", "))
	}
	return problems
}

// check runs every check over the decoded objects of one overlay.
func check(objs *objects, external map[string]bool) []string {
	ix := build(objs)
	var problems []string
	if len(ix.workloads) == 0 {
		problems = append(problems, "no Deployments or StatefulSets rendered")
	}
	for _, w := range ix.workloads {
		problems = append(problems, ix.checkWorkload(w, external)...)
	}
	problems = append(problems, ix.checkServices()...)
	problems = append(problems, ix.checkBudgets()...)
	problems = append(problems, ix.checkAutoscalers()...)
	problems = append(problems, ix.checkNetworkPolicies()...)
	problems = append(problems, ix.checkNamespaces(objs)...)
	return problems
}
