package dev.newsmon.ingest.polling;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpServer;
import dev.newsmon.events.ArticleFetched;
import dev.newsmon.ingest.feed.Feed;
import dev.newsmon.ingest.feed.FeedState;
import dev.newsmon.ingest.feed.FeedStore;
import dev.newsmon.ingest.fetcher.AddressPolicy;
import dev.newsmon.ingest.fetcher.FeedFetcher;
import dev.newsmon.ingest.fetcher.FetchProperties;
import dev.newsmon.ingest.fulltext.ArticlePages;
import dev.newsmon.ingest.fulltext.FullTextProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.unit.DataSize;

/**
 * Polls N feeds (2,000 by default) served by an HTTP server in the same process, with the
 * real fetcher, parser, cleaner and dedupe, and reports the CPU time and heap of each
 * poll cycle. Kafka is left out: articles go to a counting sink, and the feed state to
 * memory, so the figures are those of the polling itself.
 * <p>
 * Cycles: 1 finds every item new; 2 fetches every feed again unchanged (HTTP 200, the
 * content hashes match, nothing published); 3 sends the ETags and gets 304s.
 * <p>
 * Arguments: {@code [feeds] [items per feed] [concurrency]}.
 */
public final class PollCycleBenchmark {

	private PollCycleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int feeds = (args.length > 0) ? Integer.parseInt(args[0]) : 2000;
		int items = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		int concurrency = (args.length > 2) ? Integer.parseInt(args[2]) : 8;
		Map<String, byte[]> bodies = new ConcurrentHashMap<>();
		ExecutorService serverThreads = Executors.newFixedThreadPool(4,
				Thread.ofPlatform().name("feed-server-", 1).factory());
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
		server.setExecutor(serverThreads);
		server.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			byte[] body = bodies.get(path);
			String etag = "\"" + path.hashCode() + "\"";
			exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
			exchange.getResponseHeaders().set("ETag", etag);
			boolean sendsEtag = path.contains("/etag/");
			if (body == null) {
				exchange.sendResponseHeaders(404, -1);
			}
			else if (sendsEtag && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
			}
			else {
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
			exchange.close();
		});
		server.start();
		String base = "http://127.0.0.1:" + server.getAddress().getPort();

		MemoryStore store = new MemoryStore();
		CountingSink sink = new CountingSink();
		Clock clock = Clock.systemUTC();
		FetchProperties fetchProperties = new FetchProperties(Duration.ofSeconds(5), Duration.ofSeconds(20),
				DataSize.ofMegabytes(5), 200, 5, "https://newsmon.invalid/bench");
		PollProperties pollProperties = new PollProperties(false, concurrency, Duration.ofSeconds(1),
				Duration.ofMinutes(1), Duration.ofHours(6), Duration.ofMinutes(5), Duration.ofHours(4), Duration.ZERO,
				1000);
		try (FeedFetcher fetcher = new FeedFetcher(fetchProperties, new AddressPolicy(List.of("127.0.0.0/8")), clock)) {
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			FeedPoller poller = new FeedPoller(store, fetcher, sink, fetchProperties, pollProperties, clock, meters,
					new StaticListableBeanFactory().getBeanProvider(HubSubscriber.class),
					new ArticlePages(fetcher, new FullTextProperties(10, Duration.ofSeconds(10), Duration.ofSeconds(30),
							DataSize.ofMegabytes(2)), clock, meters));
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < feeds; i++) {
				String path = "/etag/" + i + ".xml";
				bodies.put(path, rss(i, items).getBytes(StandardCharsets.UTF_8));
				String id = "feed-" + i;
				store.addIfAbsent(FeedState.registered(new Feed(id, base + path, "Feed " + i, "en", 900, false),
						clock.instant()));
				ids.add(id);
			}
			System.out.printf("%d feeds of %d items, %d polls at once, one in-process HTTP server%n", feeds, items,
					concurrency);
			ExecutorService pool = Executors.newFixedThreadPool(concurrency);
			cycle("1 all new", ids, poller, pool, sink);
			// cycle 2: drop the validators so that every feed answers 200 with the same
			// items
			for (String id : ids) {
				store.update(id, (state) -> state.with(state.health(), null, null));
			}
			cycle("2 unchanged (200)", ids, poller, pool, sink);
			cycle("3 not modified (304)", ids, poller, pool, sink);
			pool.shutdown();
		}
		server.stop(0);
		serverThreads.shutdown();
	}

	private static void cycle(String name, List<String> ids, FeedPoller poller, ExecutorService pool, CountingSink sink)
			throws Exception {
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long published = sink.count.get();
		long serverBefore = serverCpu();
		long cpuBefore = os.getProcessCpuTime();
		long start = System.nanoTime();
		List<Future<Optional<PollOutcome>>> polls = new ArrayList<>(ids.size());
		for (String id : ids) {
			polls.add(pool.submit(() -> poller.poll(id)));
		}
		int failed = 0;
		for (Future<Optional<PollOutcome>> poll : polls) {
			if (poll.get().map((outcome) -> outcome.status().equals("failed")).orElse(true)) {
				failed++;
			}
		}
		long wall = System.nanoTime() - start;
		long cpu = os.getProcessCpuTime() - cpuBefore;
		long server = serverCpu() - serverBefore;
		System.gc();
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		System.out.printf(
				"cycle %-22s wall %6.2f s, CPU %6.2f s (in-process server %5.2f s, polling %6.2f s = %5.2f ms/feed), "
						+ "published %6d, failed %d, heap after GC %5.1f MB%n",
				name, wall / 1e9, cpu / 1e9, server / 1e9, (cpu - server) / 1e9, (cpu - server) / 1e6 / ids.size(),
				sink.count.get() - published, failed, heap / 1048576.0);
	}

	private static long serverCpu() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long total = 0;
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().startsWith("feed-server-")) {
				total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
			}
		}
		return total;
	}

	private static String rss(int feed, int items) {
		StringBuilder xml = new StringBuilder();
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Feed ")
			.append(feed)
			.append("</title><link>https://bench.newsmon.invalid/</link><description>Bench</description>\n");
		for (int i = 0; i < items; i++) {
			xml.append("<item><title>Story ")
				.append(i)
				.append(" of feed ")
				.append(feed)
				.append(": allies plan joint drills</title><link>https://bench.newsmon.invalid/")
				.append(feed)
				.append('/')
				.append(i)
				.append("?utm_source=rss</link><pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate>")
				.append("<description><![CDATA[<p>Ministers met to plan <b>joint exercises</b> and missile ")
				.append("warning data sharing for the coming year.</p>]]></description></item>\n");
		}
		return xml.append("</channel></rss>\n").toString();
	}

	/** The feed state in memory, as one replica that owns every feed sees it. */
	private static final class MemoryStore implements FeedStore {

		private final Map<String, FeedState> feeds = new ConcurrentHashMap<>();

		@Override
		public List<FeedState> findAll() {
			return this.feeds.values().stream().sorted(Comparator.comparing((state) -> state.feed().id())).toList();
		}

		@Override
		public Optional<FeedState> findById(String id) {
			return Optional.ofNullable(this.feeds.get(id));
		}

		@Override
		public FeedState addIfAbsent(FeedState state) {
			FeedState existing = this.feeds.putIfAbsent(state.feed().id(), state);
			return (existing != null) ? existing : state;
		}

		@Override
		public Optional<FeedState> update(String id, UnaryOperator<FeedState> change) {
			return Optional.ofNullable(this.feeds.computeIfPresent(id, (key, state) -> change.apply(state)));
		}

		@Override
		public boolean delete(String id) {
			return this.feeds.remove(id) != null;
		}

		@Override
		public boolean owns(String id) {
			return true;
		}

		@Override
		public boolean claim(String id) {
			return true;
		}

		@Override
		public void release(String id) {
		}

		@Override
		public Optional<String> contentHash(String articleId) {
			return Optional.empty();
		}

		@Override
		public boolean startedEmpty() {
			return true;
		}

	}

	private static final class CountingSink implements ArticleSink {

		private final AtomicLong count = new AtomicLong();

		@Override
		public void publish(List<ArticleFetched> articles) {
			this.count.addAndGet(articles.size());
		}

	}

}
