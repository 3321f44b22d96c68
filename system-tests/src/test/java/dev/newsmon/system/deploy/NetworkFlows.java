package dev.newsmon.system.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * The flows a {@link NetworkPolicy} allows, written {@code "<from> -> <to>:<port>"} with
 * the names a reader of DESIGN.md knows: a service's name, {@code kafka},
 * {@code elasticsearch}, {@code internet} (every public address), {@code namespace} (any
 * pod of the namespace), another namespace's name, {@code anywhere}, and {@code *} for
 * every pod.
 */
final class NetworkFlows {

	private static final Set<String> PRIVATE_RANGES = Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

	private NetworkFlows() {
	}

	static List<String> of(NetworkPolicy policy) {
		List<String> flows = new ArrayList<>();
		List<String> targets = targets(policy.getSpec().getPodSelector());
		for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
			for (String peer : peers(rule.getFrom())) {
				for (String port : ports(rule.getPorts())) {
					targets.forEach((target) -> flows.add(peer + " -> " + target + ":" + port));
				}
			}
		}
		for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
			for (String peer : peers(rule.getTo())) {
				for (String port : ports(rule.getPorts())) {
					targets.forEach((target) -> flows.add(target + " -> " + peer + ":" + port));
				}
			}
		}
		return flows;
	}

	static boolean isDefaultDeny(NetworkPolicy policy) {
		return isEmpty(policy.getSpec().getPodSelector()) && policy.getSpec().getPolicyTypes().contains("Ingress")
				&& policy.getSpec().getPolicyTypes().contains("Egress") && policy.getSpec().getIngress().isEmpty()
				&& policy.getSpec().getEgress().isEmpty();
	}

	private static List<String> targets(LabelSelector selector) {
		if (isEmpty(selector)) {
			return List.of("*");
		}
		List<String> names = new ArrayList<>();
		names.add(podName(selector));
		return names;
	}

	private static List<String> peers(List<NetworkPolicyPeer> peers) {
		if (peers.isEmpty()) {
			return List.of("anywhere");
		}
		return peers.stream().map(NetworkFlows::peer).toList();
	}

	private static String peer(NetworkPolicyPeer peer) {
		if (peer.getIpBlock() != null) {
			return ipBlock(peer.getIpBlock());
		}
		if (peer.getNamespaceSelector() != null) {
			String namespace = label(peer.getNamespaceSelector(), "kubernetes.io/metadata.name");
			return (peer.getPodSelector() != null) ? namespace + "/" + podName(peer.getPodSelector()) : namespace;
		}
		return isEmpty(peer.getPodSelector()) ? "namespace" : podName(peer.getPodSelector());
	}

	private static String ipBlock(IPBlock block) {
		if ("0.0.0.0/0".equals(block.getCidr()) && block.getExcept().containsAll(PRIVATE_RANGES)) {
			return "internet";
		}
		return block.getCidr();
	}

	private static String podName(LabelSelector selector) {
		Map<String, String> labels = selector.getMatchLabels();
		if (labels.containsKey("app.kubernetes.io/name")) {
			return labels.get("app.kubernetes.io/name");
		}
		if (labels.containsKey("strimzi.io/cluster")) {
			return "kafka";
		}
		if (labels.containsKey("elasticsearch.k8s.elastic.co/cluster-name")) {
			return "elasticsearch";
		}
		if (labels.containsKey("k8s-app")) {
			return labels.get("k8s-app");
		}
		return "pods " + labels + " " + selector.getMatchExpressions();
	}

	private static String label(LabelSelector selector, String key) {
		String value = selector.getMatchLabels().get(key);
		if (value == null) {
			List<String> expressions = selector.getMatchExpressions()
				.stream()
				.map(LabelSelectorRequirement::toString)
				.toList();
			return "namespaces " + selector.getMatchLabels() + " " + expressions;
		}
		return value;
	}

	private static List<String> ports(List<NetworkPolicyPort> ports) {
		if (ports.isEmpty()) {
			return List.of("*");
		}
		return ports.stream().map(NetworkPolicyPort::getPort).map(NetworkFlows::port).toList();
	}

	private static String port(IntOrString port) {
		if (port == null) {
			return "*";
		}
		return (port.getIntVal() != null) ? String.valueOf(port.getIntVal()) : port.getStrVal();
	}

	private static boolean isEmpty(LabelSelector selector) {
		return selector == null || (selector.getMatchLabels().isEmpty() && selector.getMatchExpressions().isEmpty());
	}

}
