package dev.newsmon.analysis.tagging;

import java.nio.file.Path;

/**
 * Prints precision, recall and confusions per topic and language for the bundled rules on
 * the development, held-out and fresh sets, or on the labelled JSON Lines files given as
 * arguments:
 * {@code deploy/local/bench.sh analysis-service dev.newsmon.analysis.tagging.TaggingReport [file...]}.
 */
public final class TaggingReport {

	private TaggingReport() {
	}

	public static void main(String[] args) {
		try (TopicTagger tagger = Rules.tagger()) {
			if (args.length == 0) {
				System.out.println(Evaluation.of(tagger, Evaluation.read("/eval/tagging-dev.jsonl")).report("dev"));
				System.out
					.println(Evaluation.of(tagger, Evaluation.read("/eval/tagging-holdout.jsonl")).report("held-out"));
				System.out.println(Evaluation.of(tagger, Evaluation.read("/eval/tagging-fresh.jsonl")).report("fresh"));
			}
			for (String file : args) {
				System.out.println(Evaluation.of(tagger, Evaluation.read(Path.of(file))).report(file));
			}
		}
	}

}
