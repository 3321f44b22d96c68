package dev.newsmon.search.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import dev.newsmon.events.ArticleAnalyzed;
import dev.newsmon.events.ArticleFetched;
import dev.newsmon.events.Topics;
import dev.newsmon.search.indexing.ArticleIndexer;
import dev.newsmon.search.indexing.IndexProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The page at {@code /} in a real browser (Debian's chromium, headless) against the real
 * Elasticsearch: 39 articles of {@code web/articles.tsv} in English, Japanese and Korean,
 * two of them hostile, are indexed through {@link ArticleIndexer} into an index of its
 * own; a subscription is created, watched and deleted in the page, and an article
 * published on the run's own articles topic shows live. Screenshots land in
 * {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${KAFKA_BOOTSTRAP_SERVERS}",
				"spring.elasticsearch.uris=${ELASTICSEARCH_URL}", "newsmon.api-key=" + WebPageIntegrationTests.KEY,
				"newsmon.kafka.partitions=1" })
class WebPageIntegrationTests {

	static final String KEY = "web-test-key";

	private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	private static final String ALIAS = "it-web-" + RUN;

	private static final String ARTICLES = "it-web-articles-" + RUN;

	private static final String SUBSCRIPTIONS = "it-web-subscriptions-" + RUN;

	private static final String DELIVERIES = "it-web-deliveries-" + RUN;

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	private ArticleIndexer indexer;

	@Autowired
	private IndexProperties index;

	@LocalServerPort
	private int port;

	private HeadlessChromium chromium;

	private KafkaProducer<String, byte[]> producer;

	static {
		// the articles topic of this run: live matches arrive on it
		try (Admin admin = Admin.create(kafkaProperties())) {
			admin.createTopics(List.of(new NewTopic(ARTICLES, 1, (short) 1),
					new NewTopic(ARTICLES + Topics.DEAD_LETTER_SUFFIX, 1, (short) 1)))
				.all()
				.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("The test topics could not be created", ex);
		}
		// after the cached context has stopped reading them
		Runtime.getRuntime().addShutdownHook(new Thread(WebPageIntegrationTests::deleteTopics));
	}

	@DynamicPropertySource
	static void runProperties(DynamicPropertyRegistry registry) {
		registry.add("newsmon.search.index.alias", () -> ALIAS);
		registry.add("newsmon.search.messaging.topic", () -> ARTICLES);
		registry.add("newsmon.search.subscriptions.topic", () -> SUBSCRIPTIONS);
		registry.add("newsmon.search.alert.deliveries-index", () -> DELIVERIES);
		registry.add("spring.kafka.consumer.group-id", () -> "it-web-" + RUN);
	}

	@BeforeAll
	void indexArticlesAndStartTheBrowser() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		assertThat(this.indexer.index(articles(now))).isEmpty();
		elasticsearch("POST", "/" + ALIAS + "/_refresh");
		this.chromium = HeadlessChromium.start(1400, 1000);
	}

	@AfterAll
	void stopTheBrowserAndCleanUp() throws Exception {
		if (this.chromium != null) {
			this.chromium.close();
		}
		elasticsearch("DELETE", "/" + this.index.indexName());
		elasticsearch("DELETE", "/_index_template/" + ALIAS);
		elasticsearch("DELETE", "/" + DELIVERIES);
		if (this.producer != null) {
			this.producer.close();
		}
	}

	private static void deleteTopics() {
		try (Admin admin = Admin.create(kafkaProperties())) {
			admin.deleteTopics(List.of(ARTICLES, ARTICLES + Topics.DEAD_LETTER_SUFFIX, SUBSCRIPTIONS)).all().get();
		}
		catch (Exception ex) {
			// best effort: the names are this run's own
		}
	}

	@Test
	void searchesWithFiltersAndShowsHighlightedSnippets() throws Exception {
		WebDriver browser = open("/?q=missile");
		assertThat(hitIds(browser)).contains("nk-launch-en-1", "nk-launch-en-2");
		assertThat(browser.findElements(By.cssSelector("#results .snippet mark"))).isNotEmpty();
		assertThat(browser.findElement(By.id("status")).getText()).contains("articles");

		browser.findElement(By.id("q")).clear();
		browser.findElement(By.id("q")).sendKeys("北朝鮮 | 북한 | \"North Korea\"\n");
		waitForSearch(browser);
		WebElement topic = browser.findElement(By.id("topic-north-korea"));
		assertThat(browser.findElement(By.cssSelector("label[for='topic-north-korea']")).getText())
			.contains("North Korea");
		topic.click();
		waitForSearch(browser);
		new Select(browser.findElement(By.id("lang"))).selectByValue("ko");
		waitForSearch(browser);
		assertThat(hitIds(browser)).contains("nk-launch-ko-1", "nk-drill-ko", "nk-old-2");
		assertThat(browser.findElements(By.cssSelector("#results .hit-lang"))).extracting(WebElement::getText)
			.containsOnly("KO");
		assertThat(browser.getCurrentUrl()).contains("topic=north-korea").contains("lang=ko");
		this.chromium.screenshot("search-filters");

		// the topics of a result and their scores on expand
		WebElement why = browser.findElement(By.cssSelector("#results .hit .why summary"));
		why.click();
		new WebDriverWait(browser, WAIT).until(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .hit .why .evidence .summary")));
		assertThat(browser.findElement(By.cssSelector("#results .hit .why .scores")).getText()).contains("North Korea");
	}

	@Test
	void pagesThroughTheCursor() throws Exception {
		WebDriver browser = open("/?sort=newest");
		assertThat(hitIds(browser)).hasSize(20);
		browser.findElement(By.id("more")).click();
		long total = get("/api/search?size=1").get("total").asLong();
		assertThat(total).isGreaterThanOrEqualTo(39);
		new WebDriverWait(browser, WAIT).until((driver) -> hitIds(driver).size() == total);
		assertThat(hitIds(browser)).doesNotHaveDuplicates();
		assertThat(browser.findElement(By.id("more")).isDisplayed()).isFalse();
	}

	@Test
	void drawsTheTimelineOfTheSelectedTopicsAndTheRisingTopics() throws Exception {
		WebDriver browser = open("/?topic=north-korea&topic=taiwan-strait");
		new WebDriverWait(browser, WAIT)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline .uplot canvas")));
		String legend = browser.findElement(By.cssSelector("#timeline .u-legend")).getText();
		assertThat(legend).contains("North Korea").contains("Taiwan Strait");
		new WebDriverWait(browser, WAIT)
			.until((driver) -> !driver.findElements(By.cssSelector("#rising li button")).isEmpty());
		assertThat(browser.findElements(By.cssSelector("#rising li button"))).extracting(WebElement::getText)
			.contains("North Korea", "Cyber security");
		this.chromium.screenshot("timeline");
		// uPlot and the page run under the policy without a violation
		assertThat(this.chromium.console()).noneMatch((message) -> message.contains("Content Security Policy"));

		JsonNode rising = get("/api/rising");
		JsonNode northKorea = null;
		for (JsonNode topic : rising.get("topics")) {
			if (topic.get("topic").asString().equals("north-korea")) {
				northKorea = topic;
			}
		}
		assertThat(northKorea).as("north-korea is rising: %s", rising).isNotNull();
		assertThat(northKorea.get("last24h").asLong()).isEqualTo(8);
		assertThat(northKorea.get("baselineTotal").asLong()).isEqualTo(3);

		JsonNode timeline = get("/api/timeline?topic=north-korea&topic=taiwan-strait");
		assertThat(timeline.get("dates")).hasSize(31);
		long northKoreaTotal = 0;
		for (JsonNode series : timeline.get("series")) {
			if (series.get("topic").asString().equals("north-korea")) {
				northKoreaTotal = series.get("total").asLong();
			}
		}
		assertThat(northKoreaTotal).isEqualTo(11);
	}

	@Test
	void showsHostileTitlesAndSummariesAsText() throws Exception {
		WebDriver browser = open("/?q=hostile");
		assertThat(hitIds(browser)).contains("hostile-1", "hostile-2");
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> browser.switchTo().alert());
		assertThat(script(browser, "return document.body.dataset.pwned || null")).isNull();
		assertThat(browser.findElements(By.cssSelector("#results img, #results script, #results svg, #results iframe")))
			.isEmpty();
		assertThat(
				browser.findElements(By.cssSelector("#results [onerror], #results [onmouseover], #results [onload]")))
			.isEmpty();
		assertThat(browser.findElements(By.cssSelector("#results mark *"))).isEmpty();
		WebElement first = browser.findElement(By.cssSelector("#results li[data-id='hostile-1']"));
		assertThat(first.findElement(By.cssSelector(".hit-title")).getText())
			.startsWith("<img src=x onerror=\"document.body.dataset.pwned='img'\">");
		assertThat(first.findElement(By.cssSelector(".hit-source")).getText()).isEqualTo("<b>Evil</b> Source");
		// a javascript: URL from a feed never becomes a link
		WebElement second = browser.findElement(By.cssSelector("#results li[data-id='hostile-2']"));
		assertThat(second.findElements(By.cssSelector(".hit-title a"))).isEmpty();
		assertThat(second.findElement(By.cssSelector(".hit-title")).getText()).contains("<em onmouseover=");
		second.findElement(By.cssSelector(".why summary")).click();
		new WebDriverWait(browser, WAIT)
			.until(ExpectedConditions.presenceOfNestedElementLocatedBy(second, By.cssSelector(".evidence .summary")));
		assertThat(second.findElement(By.cssSelector(".evidence .summary")).getText()).contains("<iframe");
		assertThat(browser.findElements(By.cssSelector("iframe"))).isEmpty();
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> browser.switchTo().alert());
		assertThat(script(browser, "return document.body.dataset.pwned || null")).isNull();
		for (WebElement link : browser.findElements(By.cssSelector("#results a[target='_blank']"))) {
			assertThat(link.getDomAttribute("rel")).isEqualTo("noopener noreferrer");
			assertThat(link.getDomAttribute("href")).startsWith("https://");
		}
		this.chromium.screenshot("hostile-content");
		assertThat(this.chromium.console()).noneMatch((message) -> message.contains("Content Security Policy"));
	}

	@Test
	void showsAStoryWithItsSourcesAndLanguages() throws Exception {
		WebDriver browser = open("/?q=missile&sort=newest");
		browser.findElement(By.cssSelector("#results li[data-id='nk-launch-en-1'] .story-button")).click();
		new WebDriverWait(browser, WAIT)
			.until((driver) -> driver.findElements(By.cssSelector("#story-articles .hit")).size() == 4);
		assertThat(browser.findElement(By.id("story")).isDisplayed()).isTrue();
		String summary = browser.findElement(By.id("story-summary")).getText();
		assertThat(summary).contains("4 articles")
			.contains("4 sources")
			.contains("en 2")
			.contains("ja 1")
			.contains("ko 1");
		assertThat(browser.findElements(By.cssSelector("#story-articles .hit")))
			.extracting((hit) -> hit.getDomAttribute("data-id"))
			.containsExactly("nk-launch-en-2", "nk-launch-ja-1", "nk-launch-ko-1", "nk-launch-en-1");
		this.chromium.screenshot("story");
		browser.findElement(By.id("story-close")).click();
		assertThat(browser.findElement(By.id("story")).isDisplayed()).isFalse();
	}

	@Test
	void switchesTheInterfaceLanguage() throws Exception {
		WebDriver browser = open("/?topic=korea-japan-relations");
		new Select(browser.findElement(By.id("ui-lang"))).selectByValue("ja");
		assertThat(browser.findElement(By.id("rising-heading")).getText()).isEqualTo("急上昇");
		assertThat(browser.findElement(By.cssSelector("label[for='topic-korea-japan-relations']")).getText())
			.contains("日韓関係");
		assertThat(script(browser, "return document.documentElement.lang")).isEqualTo("ja");
		new Select(browser.findElement(By.id("ui-lang"))).selectByValue("ko");
		assertThat(browser.findElement(By.cssSelector("#results .chip")).getText()).isEqualTo("한일 관계");
		this.chromium.screenshot("korean");
		new Select(browser.findElement(By.id("ui-lang"))).selectByValue("en");
	}

	@Test
	void fitsAPhoneScreenAndWorksFromTheKeyboard() throws Exception {
		WebDriver browser = this.chromium.driver();
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			open("/?q=Taiwan");
			long overflow = ((Number) script(browser,
					"return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
				.longValue();
			assertThat(overflow).as("horizontal overflow in pixels").isLessThanOrEqualTo(0);
			// the search box is reachable and a search runs from the keyboard alone
			WebElement q = browser.findElement(By.id("q"));
			q.clear();
			q.sendKeys("Quad\n");
			waitForSearch(browser);
			assertThat(hitIds(browser)).contains("quad-en");
			assertThat(browser.findElement(By.id("results")).getDomAttribute("aria-busy")).isNull();
			assertThat(browser.findElement(By.id("status")).getDomAttribute("aria-live")).isEqualTo("polite");
			this.chromium.screenshot("phone");
		}
		finally {
			browser.manage().window().setSize(new Dimension(1400, 1000));
		}
	}

	@Test
	void servesThePageWithAStrictContentSecurityPolicy() throws Exception {
		for (String path : List.of("/", "/app.js", "/taxonomy.json", "/webjars/uplot/dist/uPlot.iife.min.js")) {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
			assertThat(policy).as(path)
				.contains("script-src 'self'")
				.contains("frame-ancestors 'none'")
				.doesNotContain("unsafe-inline")
				.doesNotContain("unsafe-eval");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
		}
	}

	@Test
	void createsWatchesAndDeletesASubscription() throws Exception {
		String word = "kakapo" + RUN;
		WebDriver browser = open("/");
		WebElement key = browser.findElement(By.id("api-key"));
		key.sendKeys(KEY + "\n");
		new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("key-state"), "Key set for this tab"));
		assertThat(browser.getPageSource()).doesNotContain(KEY);
		assertThat(script(browser, "return sessionStorage.getItem('newsmon.apiKey')")).isEqualTo(KEY);

		browser.findElement(By.id("sub-name")).sendKeys("Kakapo watch");
		browser.findElement(By.id("sub-query")).sendKeys(word);
		browser.findElement(By.cssSelector("input[name='sub-lang'][value='en']")).click();
		browser.findElement(By.cssSelector("#sub-form button[type='submit']")).click();
		new WebDriverWait(browser, WAIT)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sub-status"), "Kakapo watch"));
		WebElement subscription = new WebDriverWait(browser, WAIT).until(ExpectedConditions
			.presenceOfElementLocated(By.xpath("//ul[@id='subscriptions']/li[h3='Kakapo watch']")));
		String id = subscription.getDomAttribute("data-id");
		assertThat(subscription.findElement(By.cssSelector("a.atom")).getDomAttribute("href"))
			.endsWith("/api/subscriptions/" + id + "/feed");
		new WebDriverWait(browser, WAIT)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-state"), "Kakapo watch"));

		// a new article arrives through Kafka and shows without a reload, as text
		String articleId = "live-" + RUN;
		publish(liveArticle(articleId,
				"<img src=x onerror=\"document.body.dataset.pwned='live'\">Kakapo chicks " + word));
		WebElement live = new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#live li.hit[data-id='" + articleId + "']")));
		assertThat(live.findElement(By.cssSelector(".hit-title")).getText()).startsWith("<img src=x").endsWith(word);
		assertThat(browser.findElements(By.cssSelector("#live img"))).isEmpty();
		assertThat(script(browser, "return document.body.dataset.pwned || null")).isNull();
		assertThat(browser.findElement(By.id("live")).getDomAttribute("aria-live")).isEqualTo("polite");
		script(browser, "document.getElementById('live').scrollIntoView({block: 'center'})");
		this.chromium.screenshot("live");

		subscription = browser.findElement(By.cssSelector("#subscriptions li[data-id='" + id + "']"));
		subscription.findElement(By.cssSelector(".show-deliveries")).click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until((driver) -> {
			driver.findElement(By.cssSelector("#subscriptions li[data-id='" + id + "'] .show-deliveries")).click();
			return driver.findElement(By.cssSelector("#subscriptions li[data-id='" + id + "'] .deliveries"))
				.getText()
				.contains("Kakapo chicks");
		});
		this.chromium.screenshot("subscriptions");
		// long unbroken feed text wraps inside its panel
		assertThat(((Number) script(browser,
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
			.longValue()).isLessThanOrEqualTo(0);

		browser.findElement(By.cssSelector("#subscriptions li[data-id='" + id + "'] .delete")).click();
		browser.switchTo().alert().accept();
		new WebDriverWait(browser, WAIT).until(
				(driver) -> driver.findElements(By.cssSelector("#subscriptions li[data-id='" + id + "']")).isEmpty());
		HttpResponse<String> list = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/subscriptions"))
				.header("Authorization", "Bearer " + KEY)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(list.body()).doesNotContain(id);
		browser.findElement(By.id("forget-key")).click();
	}

	@Test
	void takesTheReadmeScreenshot() throws Exception {
		WebDriver browser = open(
				"/?q=missile%20%7C%20%E3%83%9F%E3%82%B5%E3%82%A4%E3%83%AB%20%7C%20%EB%AF%B8%EC%82%AC%EC%9D%BC");
		new WebDriverWait(browser, WAIT)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline .uplot canvas")));
		new WebDriverWait(browser, WAIT)
			.until((driver) -> !driver.findElements(By.cssSelector("#rising li button")).isEmpty());
		this.chromium.screenshot("web");
	}

	private WebDriver open(String path) {
		WebDriver browser = this.chromium.driver();
		browser.get("http://localhost:" + this.port + path);
		new WebDriverWait(browser, WAIT)
			.until((driver) -> "true".equals(script(driver, "return document.body.dataset.ready || null")));
		return browser;
	}

	private static void waitForSearch(WebDriver browser) {
		// a search first sets the status to "Searching…" and then to its result
		new WebDriverWait(browser, WAIT).until((driver) -> {
			String busy = driver.findElement(By.id("results")).getDomAttribute("aria-busy");
			String status = driver.findElement(By.id("status")).getText();
			return busy == null && !status.contains("Searching");
		});
	}

	private static List<String> hitIds(WebDriver browser) {
		return browser.findElements(By.cssSelector("#results > li.hit"))
			.stream()
			.map((hit) -> hit.getDomAttribute("data-id"))
			.toList();
	}

	private static Object script(WebDriver browser, String script) {
		return ((JavascriptExecutor) browser).executeScript(script);
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private void publish(ArticleAnalyzed article) throws Exception {
		if (this.producer == null) {
			Properties properties = kafkaProperties();
			properties.put(ProducerConfig.ACKS_CONFIG, "all");
			this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
		}
		this.producer
			.send(new ProducerRecord<>(ARTICLES, article.article().articleId(), json.writeValueAsBytes(article)))
			.get();
	}

	private static ArticleAnalyzed liveArticle(String id, String title) {
		Instant now = Instant.now();
		ArticleFetched article = new ArticleFetched(1, id, "https://example.org/web/" + id, "feed-web", "Live Wire",
				title, "A summary that arrived while the page was open.", "", null, List.of(), "en", now, now, "",
				List.of());
		return new ArticleAnalyzed(1, article, "en", List.of(), List.of(), 0L, "story-" + id, now);
	}

	private static Properties kafkaProperties() {
		String servers = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
		assertThat(servers).as("KAFKA_BOOTSTRAP_SERVERS must point at the test infrastructure").isNotBlank();
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
		return properties;
	}

	private static List<ArticleAnalyzed> articles(Instant now) throws IOException {
		List<ArticleAnalyzed> articles = new ArrayList<>();
		for (String[] row : rows("web/articles.tsv")) {
			String id = row[0];
			Instant published = now.minus(Duration.ofHours(Long.parseLong(row[3])));
			String url = id.equals("hostile-2") ? "javascript:alert(3)" : "https://example.org/web/" + id;
			ArticleFetched article = new ArticleFetched(1, id, url, "feed-web", row[2], row[6], row[7], "", null,
					List.of(), row[1], published, published, "", List.of());
			List<ArticleAnalyzed.TopicTag> topics = Arrays.stream(row[5].split(","))
				.map(String::strip)
				.filter((tag) -> !tag.isEmpty())
				.map((tag) -> tag.split(":"))
				.map((tag) -> new ArticleAnalyzed.TopicTag(tag[0], Double.parseDouble(tag[1]), List.of()))
				.toList();
			articles.add(new ArticleAnalyzed(1, article, row[1], topics, List.of(), 0L, row[4], now));
		}
		return articles;
	}

	private static List<String[]> rows(String resource) throws IOException {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.map((line) -> line.split("\t"))
				.toList();
		}
	}

	private static void elasticsearch(String method, String path) throws Exception {
		String elasticsearch = System.getenv("ELASTICSEARCH_URL");
		assertThat(elasticsearch).as("ELASTICSEARCH_URL must point at the test infrastructure").isNotBlank();
		http.send(HttpRequest.newBuilder(URI.create(elasticsearch + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.discarding());
	}

}
