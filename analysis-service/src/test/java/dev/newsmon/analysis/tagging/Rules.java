package dev.newsmon.analysis.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rule files and the gazetteer of the service, read from the source tree as the
 * application reads them from the class path.
 */
public final class Rules {

	static final Path DIRECTORY = Path.of("src/main/resources/rules");

	static final Path GAZETTEER = Path.of("src/main/resources/entities/gazetteer.json");

	private Rules() {
	}

	static List<TopicRule> all() {
		RuleParser parser = new RuleParser();
		try (Stream<Path> files = Files.list(DIRECTORY)) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().map((file) -> {
				try (InputStream in = Files.newInputStream(file)) {
					return parser.parse(file.getFileName().toString(), in);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A tagger with every rule and the gazetteer.
	 * @return the tagger
	 */
	public static TopicTagger tagger() {
		TopicTagger tagger = new TopicTagger();
		all().forEach(tagger::register);
		tagger.registerEntities(gazetteer());
		return tagger;
	}

	static List<GazetteerEntity> gazetteer() {
		try (InputStream in = Files.newInputStream(GAZETTEER)) {
			return new GazetteerParser().parse(GAZETTEER.toString(), in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
