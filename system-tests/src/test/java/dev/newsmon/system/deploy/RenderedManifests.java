package dev.newsmon.system.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The objects of one Kustomize overlay, rendered by {@code kubectl kustomize} (or a
 * standalone {@code kustomize}) and parsed with the fabric8 Kubernetes model. Kinds the
 * model does not know (Strimzi, ECK, Prometheus Operator) become
 * {@link GenericKubernetesResource}s.
 */
final class RenderedManifests {

	private static final KubernetesSerialization serialization = new KubernetesSerialization();

	private final String source;

	private final List<HasMetadata> objects;

	private RenderedManifests(String source, List<HasMetadata> objects) {
		this.source = source;
		this.objects = objects;
	}

	static RenderedManifests render(Path overlay) {
		return parse(overlay.toString(), kustomize(overlay));
	}

	static RenderedManifests parse(String source, String yaml) {
		InputStream stream = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
		Object parsed = serialization.unmarshal(stream);
		List<HasMetadata> objects = new ArrayList<>();
		if (parsed instanceof List<?> list) {
			list.forEach((item) -> objects.add(asObject(item, source)));
		}
		else {
			objects.add(asObject(parsed, source));
		}
		return new RenderedManifests(source, List.copyOf(objects));
	}

	private static HasMetadata asObject(Object item, String source) {
		if (item instanceof HasMetadata object) {
			return object;
		}
		throw new AssertionError(source + " rendered something that is not a Kubernetes object: " + item);
	}

	String source() {
		return this.source;
	}

	List<HasMetadata> all() {
		return this.objects;
	}

	<T extends HasMetadata> List<T> all(Class<T> type) {
		return this.objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	<T extends HasMetadata> T one(Class<T> type, String name) {
		return all(type).stream()
			.filter((object) -> object.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(this.source + " has no " + type.getSimpleName() + " named " + name));
	}

	List<GenericKubernetesResource> custom(String kind) {
		return all(GenericKubernetesResource.class).stream().filter((object) -> kind.equals(object.getKind())).toList();
	}

	Optional<HasMetadata> named(String kind, String name) {
		return this.objects.stream()
			.filter((object) -> kind.equals(object.getKind()) && name.equals(object.getMetadata().getName()))
			.findFirst();
	}

	/**
	 * The paths of every field that the model did not know: the model keeps them in
	 * {@code additionalProperties} instead of failing, so a misspelt field would silently
	 * do nothing on a cluster. Custom resources are checked up to their metadata only.
	 * @param object a parsed object
	 * @return the unknown fields, as paths from the object's root
	 */
	static List<String> unknownFields(Object object) {
		List<String> found = new ArrayList<>();
		collectUnknownFields(object, object.getClass().getSimpleName(), found,
				Collections.newSetFromMap(new IdentityHashMap<>()));
		return found;
	}

	private static void collectUnknownFields(Object value, String path, List<String> found, Set<Object> seen) {
		if (value == null || !seen.add(value)) {
			return;
		}
		if (value instanceof Collection<?> items) {
			int index = 0;
			for (Object item : items) {
				collectUnknownFields(item, path + "[" + index++ + "]", found, seen);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> collectUnknownFields(item, path + "." + key, found, seen));
			return;
		}
		if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		if (value instanceof GenericKubernetesResource resource) {
			collectUnknownFields(resource.getMetadata(), path + ".metadata", found, seen);
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (!isModelGetter(getter)) {
				continue;
			}
			Object property = invoke(getter, value);
			if (getter.getName().equals("getAdditionalProperties")) {
				if (property instanceof Map<?, ?> additional) {
					additional.keySet().forEach((key) -> found.add(path + "." + key));
				}
			}
			else {
				collectUnknownFields(property, path + "." + propertyName(getter), found, seen);
			}
		}
	}

	private static boolean isModelGetter(Method method) {
		return method.getName().startsWith("get") && method.getParameterCount() == 0
				&& !Modifier.isStatic(method.getModifiers()) && !method.getReturnType().isPrimitive()
				&& !method.getDeclaringClass().isInterface() && method.getDeclaringClass() != Object.class;
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Could not read " + getter, ex);
		}
	}

	private static String propertyName(Method getter) {
		String name = getter.getName().substring(3);
		return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	private static String kustomize(Path overlay) {
		List<List<String>> commands = List.of(List.of("kubectl", "kustomize", overlay.toString()),
				List.of("kustomize", "build", overlay.toString()));
		List<String> missing = new ArrayList<>();
		for (List<String> command : commands) {
			Optional<String> output = run(command);
			if (output.isPresent()) {
				return output.get();
			}
			missing.add(command.get(0));
		}
		throw new AssertionError("Rendering " + overlay + " needs kubectl (which has Kustomize built in) or a"
				+ " standalone kustomize on the PATH; neither was found (tried " + String.join(", ", missing)
				+ "). Install kubectl, the Kubernetes command-line tool, and run the test again.");
	}

	private static Optional<String> run(List<String> command) {
		Process process;
		Path errors;
		try {
			errors = Files.createTempFile("kustomize", ".err");
			process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
		}
		catch (IOException ex) {
			// the program is not installed
			return Optional.empty();
		}
		try {
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new AssertionError(String.join(" ", command) + " did not finish within two minutes");
			}
			String stderr = Files.readString(errors);
			if (process.exitValue() != 0) {
				throw new AssertionError(
						String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + stderr);
			}
			return Optional.of(new String(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new AssertionError("Could not read the output of " + String.join(" ", command), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while running " + String.join(" ", command), ex);
		}
		finally {
			try {
				Files.deleteIfExists(errors);
			}
			catch (IOException ex) {
				// a temporary file; nothing depends on it
			}
		}
	}

}
