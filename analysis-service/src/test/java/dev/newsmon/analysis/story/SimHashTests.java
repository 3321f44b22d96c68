package dev.newsmon.analysis.story;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SimHash}.
 */
class SimHashTests {

	private static final String WIRE = """
			Japan and South Korea agreed on Friday to relaunch a joint history research committee, more than a decade
			after the previous panel stopped meeting. Historians from both countries will study the colonial period,
			wartime mobilisation and the post-war settlement, and publish their findings. Officials in Tokyo and Seoul
			said the step would help keep disputes over the past from derailing cooperation on security and trade.
			""";

	@Test
	void identicalTextsHaveTheSameFingerprint() {
		assertThat(SimHash.of(WIRE)).isEqualTo(SimHash.of(WIRE));
	}

	@Test
	void caseAndPunctuationDoNotMatter() {
		String noisy = WIRE.toUpperCase().replace(",", " ,").replace(".", " . ");
		assertThat(SimHash.distance(SimHash.of(WIRE), SimHash.of(noisy))).isZero();
	}

	@Test
	void lightlyEditedCopiesAreClose() {
		String edited = WIRE.replace("on Friday", "on Friday afternoon").replace("Officials", "Government officials");
		assertThat(SimHash.distance(SimHash.of(WIRE), SimHash.of(edited))).isLessThanOrEqualTo(6);
	}

	@Test
	void japaneseCopiesAreClose() {
		String text = "日韓両政府は、共同歴史研究を再開することで合意した。前回の委員会が活動を止めてから十年以上がたつ。両国の歴史家が植民地時代などを研究する。";
		String edited = text.replace("合意した", "合意したと発表した");
		assertThat(SimHash.distance(SimHash.of(text), SimHash.of(edited))).isLessThanOrEqualTo(6);
	}

	@Test
	void unrelatedTextsAreFar() {
		String other = """
				Apartment prices in Seoul rose for the 35th consecutive week, data from the real estate board showed,
				despite government measures to cool the market. Prices climbed fastest in districts south of the river,
				where new developments are in short supply, and agents expect the rise to continue into spring.
				""";
		assertThat(SimHash.distance(SimHash.of(WIRE), SimHash.of(other))).isGreaterThan(12);
	}

	@Test
	void emptyTextHasAZeroFingerprint() {
		assertThat(SimHash.of("")).isZero();
		assertThat(SimHash.of(null)).isZero();
	}

	@Test
	void hashesTheUtf8BytesOfAShingle() {
		for (String shingle : List.of("", "nato", "é", "日米韓", "북한은", "a\uD83D\uDE00b", "x\uD800y", "\uDC00")) {
			long expected = 0xcbf29ce484222325L;
			for (byte b : shingle.getBytes(StandardCharsets.UTF_8)) {
				expected = (expected ^ (b & 0xff)) * 0x100000001b3L;
			}
			expected ^= expected >>> 33;
			expected *= 0xff51afd7ed558ccdL;
			expected ^= expected >>> 33;
			expected *= 0xc4ceb9fe1a85ec53L;
			expected ^= expected >>> 33;
			assertThat(SimHash.hash(shingle)).as(shingle).isEqualTo(expected);
		}
	}

}
