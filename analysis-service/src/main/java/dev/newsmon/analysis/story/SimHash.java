package dev.newsmon.analysis.story;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A 64-bit SimHash (Charikar, 2002) of a text: texts that share most of their shingles
 * get fingerprints a few bits apart. The text is NFKC-normalised and lower-cased; words
 * of space-separated scripts count alone and in pairs, runs of Han and kana (which have
 * no spaces) in character trigrams.
 */
public final class SimHash {

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	private SimHash() {
	}

	/**
	 * Computes the fingerprint of a text.
	 * @param text the text
	 * @return the fingerprint; {@code 0} for a text without words
	 */
	public static long of(String text) {
		List<String> shingles = shingles(text);
		int[] votes = new int[64];
		for (String shingle : shingles) {
			long hash = hash(shingle);
			for (int bit = 0; bit < 64; bit++) {
				votes[bit] += (((hash >>> bit) & 1) != 0) ? 1 : -1;
			}
		}
		long fingerprint = 0;
		for (int bit = 0; bit < 64; bit++) {
			if (votes[bit] > 0) {
				fingerprint |= 1L << bit;
			}
		}
		return fingerprint;
	}

	/**
	 * Returns the number of bits in which two fingerprints differ.
	 * @param a a fingerprint
	 * @param b another fingerprint
	 * @return the Hamming distance, from 0 to 64
	 */
	public static int distance(long a, long b) {
		return Long.bitCount(a ^ b);
	}

	static List<String> shingles(String text) {
		String normalized = Normalizer.normalize((text != null) ? text : "", Normalizer.Form.NFKC)
			.toLowerCase(Locale.ROOT);
		List<String> words = new ArrayList<>();
		List<String> shingles = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		StringBuilder unspaced = new StringBuilder();
		for (int i = 0; i < normalized.length();) {
			int codePoint = normalized.codePointAt(i);
			i += Character.charCount(codePoint);
			if (isUnspaced(codePoint)) {
				flush(word, words);
				unspaced.appendCodePoint(codePoint);
			}
			else if (Character.isLetterOrDigit(codePoint)) {
				flushUnspaced(unspaced, shingles);
				word.appendCodePoint(codePoint);
			}
			else {
				flush(word, words);
				flushUnspaced(unspaced, shingles);
			}
		}
		flush(word, words);
		flushUnspaced(unspaced, shingles);
		// words and word pairs: pairs keep some order, words keep an edit's reach small
		shingles.addAll(words);
		for (int i = 0; i + 1 < words.size(); i++) {
			shingles.add(words.get(i) + " " + words.get(i + 1));
		}
		return shingles;
	}

	private static boolean isUnspaced(int codePoint) {
		// every Han, hiragana and katakana code point lies above the CJK radicals block;
		// the script lookup is a binary search, too slow for every Latin letter
		if (codePoint < 0x2E80) {
			return false;
		}
		Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA;
	}

	private static void flush(StringBuilder word, List<String> words) {
		if (!word.isEmpty()) {
			words.add(word.toString());
			word.setLength(0);
		}
	}

	private static void flushUnspaced(StringBuilder run, List<String> shingles) {
		if (run.isEmpty()) {
			return;
		}
		int[] codePoints = run.codePoints().toArray();
		if (codePoints.length < 3) {
			shingles.add(run.toString());
		}
		for (int i = 0; i + 3 <= codePoints.length; i++) {
			shingles.add(new String(codePoints, i, 3));
		}
		run.setLength(0);
	}

	// FNV-1a over the UTF-8 bytes (encoded here, without a copy), then a murmur3
	// finaliser so that every bit depends on every input byte
	static long hash(String shingle) {
		long hash = FNV_OFFSET;
		for (int i = 0; i < shingle.length();) {
			int codePoint = shingle.codePointAt(i);
			i += Character.charCount(codePoint);
			if (codePoint < 0x80) {
				hash = fnv(hash, codePoint);
			}
			else if (Character.isSurrogate((char) codePoint) && codePoint < 0x10000) {
				// an unpaired surrogate encodes as '?', as String.getBytes does
				hash = fnv(hash, '?');
			}
			else if (codePoint < 0x800) {
				hash = fnv(fnv(hash, 0xC0 | (codePoint >> 6)), 0x80 | (codePoint & 0x3F));
			}
			else if (codePoint < 0x10000) {
				hash = fnv(fnv(fnv(hash, 0xE0 | (codePoint >> 12)), 0x80 | ((codePoint >> 6) & 0x3F)),
						0x80 | (codePoint & 0x3F));
			}
			else {
				hash = fnv(fnv(fnv(fnv(hash, 0xF0 | (codePoint >> 18)), 0x80 | ((codePoint >> 12) & 0x3F)),
						0x80 | ((codePoint >> 6) & 0x3F)), 0x80 | (codePoint & 0x3F));
			}
		}
		hash ^= hash >>> 33;
		hash *= 0xff51afd7ed558ccdL;
		hash ^= hash >>> 33;
		hash *= 0xc4ceb9fe1a85ec53L;
		hash ^= hash >>> 33;
		return hash;
	}

	private static long fnv(long hash, int b) {
		return (hash ^ b) * FNV_PRIME;
	}

}
