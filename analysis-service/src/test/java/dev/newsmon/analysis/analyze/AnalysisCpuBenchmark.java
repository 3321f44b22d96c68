package dev.newsmon.analysis.analyze;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * The articles per second of CPU time that one thread analyses, the same work and mix as
 * {@link AnalysisBenchmark}. On a shared machine a thread's CPU time is steadier than the
 * wall clock that JMH reports: it leaves out the time the thread waits for a core, not
 * the time lost to a neighbour on the same core. Run with
 * {@code deploy/local/bench.sh analysis-service dev.newsmon.analysis.analyze.AnalysisCpuBenchmark [rounds] [seconds]}.
 */
public final class AnalysisCpuBenchmark {

	private AnalysisCpuBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		long seconds = (args.length > 1) ? Long.parseLong(args[1]) : 5;
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		AnalysisBenchmark benchmark = new AnalysisBenchmark();
		benchmark.setUp();
		try {
			List<String[]> articles = AnalysisBenchmark.articles();
			// warm-up: as long as two rounds
			long warmUpEnd = System.nanoTime() + 2 * seconds * 1_000_000_000L;
			while (System.nanoTime() < warmUpEnd) {
				benchmark.analyze();
			}
			System.out.printf("%d articles in the mix; per round: articles per CPU second, per wall second%n",
					articles.size());
			for (int round = 1; round <= rounds; round++) {
				long cpuStart = threads.getCurrentThreadCpuTime();
				long wallStart = System.nanoTime();
				long end = wallStart + seconds * 1_000_000_000L;
				long count = 0;
				while (System.nanoTime() < end) {
					benchmark.analyze();
					count++;
				}
				double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
				double wall = (System.nanoTime() - wallStart) / 1e9;
				System.out.printf("round %d: %.0f per CPU second, %.0f per wall second (%d articles)%n", round,
						count / cpu, count / wall, count);
			}
		}
		finally {
			benchmark.tearDown();
		}
	}

}
