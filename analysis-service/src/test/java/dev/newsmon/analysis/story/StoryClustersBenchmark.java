package dev.newsmon.analysis.story;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The cost of placing one article in its story with a full window: the production
 * settings (20,000 articles, 48 hours), articles of 100 distinct words (the most an
 * article brings) drawn from a skewed vocabulary of 200,000 words and random SimHashes,
 * so that almost none is a near-duplicate and the words decide. Prints articles per CPU
 * second of one thread and the heap the window holds. Run with
 * {@code deploy/local/bench.sh analysis-service dev.newsmon.analysis.story.StoryClustersBenchmark [rounds] [seconds]}.
 */
public final class StoryClustersBenchmark {

	private static final int CAPACITY = 20_000;

	private static final int VOCABULARY = 200_000;

	private static final int WORDS = 100;

	private StoryClustersBenchmark() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		long seconds = (args.length > 1) ? Long.parseLong(args[1]) : 5;
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Random random = new Random(7);
		String[] vocabulary = new String[VOCABULARY];
		for (int i = 0; i < VOCABULARY; i++) {
			vocabulary[i] = "w" + Integer.toString(i, 36);
		}
		StoryClusters stories = new StoryClusters(Clock.systemUTC(), Duration.ofHours(48), CAPACITY, 3, 0.30, 0.20, 20);
		long heapBefore = usedHeap();
		long id = 0;
		for (; id < CAPACITY; id++) {
			stories.clusterOf("a" + id, random.nextLong(), "en", article(random, vocabulary), null);
		}
		System.out.printf("window of %,d articles: about %,d MB of heap%n", CAPACITY,
				(usedHeap() - heapBefore) / 1_000_000);
		for (int round = 1; round <= rounds; round++) {
			long cpuStart = threads.getCurrentThreadCpuTime();
			long end = System.nanoTime() + seconds * 1_000_000_000L;
			long count = 0;
			while (System.nanoTime() < end) {
				stories.clusterOf("a" + id++, random.nextLong(), "en", article(random, vocabulary), null);
				count++;
			}
			double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
			System.out.printf("round %d: %,.0f articles per CPU second (%,d articles)%n", round, count / cpu, count);
		}
	}

	// Zipf-like: word i is drawn with probability about 1 / (i + 1)
	private static List<String> article(Random random, String[] vocabulary) {
		List<String> words = new ArrayList<>(WORDS);
		double logSize = Math.log(vocabulary.length);
		while (words.size() < WORDS) {
			int index = (int) Math.exp(random.nextDouble() * logSize) - 1;
			words.add(vocabulary[Math.max(0, Math.min(vocabulary.length - 1, index))]);
		}
		return words;
	}

	private static long usedHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
