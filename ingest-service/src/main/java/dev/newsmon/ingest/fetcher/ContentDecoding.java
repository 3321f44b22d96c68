package dev.newsmon.ingest.fetcher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes a {@code Content-Encoding} (RFC 9110 section 8.4) while counting the decoded
 * bytes, so that a compression bomb stops at the limit instead of filling the heap.
 */
final class ContentDecoding {

	private static final int CHUNK = 8192;

	private ContentDecoding() {
	}

	static byte[] decode(byte[] body, String contentEncoding, long limit) throws IOException {
		String encoding = (contentEncoding != null) ? contentEncoding.strip().toLowerCase(Locale.ROOT) : "";
		return switch (encoding) {
			case "", "identity" -> body;
			case "gzip", "x-gzip" -> readLimited(new GZIPInputStream(new ByteArrayInputStream(body), CHUNK), limit);
			case "deflate" -> readLimited(inflater(body), limit);
			default -> throw new IOException("unsupported Content-Encoding '" + contentEncoding + "'");
		};
	}

	/**
	 * "deflate" is zlib-wrapped by the RFC, but some servers send raw deflate data; the
	 * two-byte zlib header tells them apart (RFC 1950 section 2.2).
	 */
	private static InputStream inflater(byte[] body) {
		boolean zlib = body.length >= 2 && (body[0] & 0x0f) == 8
				&& (((body[0] & 0xff) << 8) | (body[1] & 0xff)) % 31 == 0;
		return new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(!zlib), CHUNK);
	}

	static byte[] readLimited(InputStream in, long limit) throws IOException {
		try (in) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] chunk = new byte[CHUNK];
			long total = 0;
			int read;
			while ((read = in.read(chunk)) != -1) {
				total += read;
				if (total > limit) {
					throw new BodyTooLargeException(limit);
				}
				out.write(chunk, 0, read);
			}
			return out.toByteArray();
		}
	}

}
