package dev.newsmon.problem;

import java.math.BigInteger;
import java.net.URI;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * The problem for a JSON request body that cannot be read: an unknown field, a value of
 * the wrong type, malformed JSON or no body at all, each a 400 that names the field at
 * fault. Nothing of the body is quoted but field names, cut short, so a huge or hostile
 * body is never echoed.
 */
public final class UnreadableJson {

	static final URI TYPE = URI.create("https://newsmon.dev/problems/invalid-body");

	static final String TITLE = "Invalid request body";

	private static final int MAX_NAME_LENGTH = 100;

	private UnreadableJson() {
	}

	public static ProblemDetail problem(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		String field = field(cause);
		String detail;
		if (cause instanceof UnrecognizedPropertyException) {
			detail = "unknown field '" + field + "'";
		}
		else {
			detail = ((field != null) ? "field '" + field + "' " : "the body ") + reason(cause);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle(TITLE);
		problem.setType(TYPE);
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

	/**
	 * Returns the path of the field at fault, such as {@code channel.url} or
	 * {@code tags[1]}.
	 * @param cause why the body could not be read
	 * @return the path, or {@code null} when the body as a whole is at fault
	 */
	public static String field(Throwable cause) {
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return path(unknown, unknown.getPropertyName());
		}
		if (cause instanceof StreamConstraintsException
				|| cause instanceof StreamReadException && !(cause instanceof InputCoercionException)) {
			return null;
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			return path(jackson, null);
		}
		return null;
	}

	/**
	 * Returns what is wrong with the field at fault, or with the body when there is none,
	 * such as {@code must be a string}.
	 * @param cause why the body could not be read
	 * @return the reason, to follow the field or "the body"
	 */
	public static String reason(Throwable cause) {
		if (cause instanceof UnrecognizedPropertyException) {
			return "is not a known field";
		}
		if (cause instanceof StreamConstraintsException) {
			return "is nested too deeply or has a value too long";
		}
		if (cause instanceof StreamReadException malformed && !(cause instanceof InputCoercionException)) {
			return "is not valid JSON" + at(malformed.getLocation());
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String expected = expected(targetType(jackson));
			return (expected != null) ? "must be " + expected : "has a value that cannot be read";
		}
		// no body, "null", another kind of value or more than one
		return "must be a single JSON object";
	}

	/**
	 * The path of the field at fault, such as {@code channel.url} or {@code terms[2]};
	 * {@code last} is appended when the path does not end with it.
	 */
	private static String path(JacksonException ex, String last) {
		StringBuilder path = new StringBuilder();
		List<JacksonException.Reference> references = ex.getPath();
		String lastName = null;
		for (JacksonException.Reference reference : references) {
			lastName = reference.getPropertyName();
			if (lastName != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(shortly(lastName));
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		if (last != null && !last.equals(lastName)) {
			if (!path.isEmpty()) {
				path.append('.');
			}
			path.append(shortly(last));
		}
		return path.toString();
	}

	private static String shortly(String name) {
		return (name.length() > MAX_NAME_LENGTH) ? name.substring(0, MAX_NAME_LENGTH) + "…" : name;
	}

	private static Class<?> targetType(JacksonException ex) {
		if (ex instanceof MismatchedInputException mismatched) {
			return mismatched.getTargetType();
		}
		if (ex instanceof InputCoercionException coercion) {
			return coercion.getTargetType();
		}
		return null;
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return null;
		}
		if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
			return "a string";
		}
		if (type == int.class || type == long.class || type == short.class || type == byte.class
				|| type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
				|| type == BigInteger.class) {
			return "a whole number in range";
		}
		if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
			return "a number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "an ISO-8601 date-time";
		}
		if (type.isEnum()) {
			return "one of the documented values";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "an object";
		}
		return null;
	}

	private static String at(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

}
