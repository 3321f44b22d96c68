package dev.newsmon.search.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's chromium, driven headless through Debian's chromedriver: both are named by
 * path so that Selenium never looks for, or downloads, a browser of its own.
 */
final class HeadlessChromium implements AutoCloseable {

	static final Path BROWSER = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final Path profile;

	private HeadlessChromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	static HeadlessChromium start(int width, int height) throws IOException {
		if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
			throw new IllegalStateException(
					"The browser tests need Debian's chromium at " + BROWSER + " and chromedriver at " + DRIVER
							+ "; install them with: apt-get install -y chromium chromium-driver");
		}
		Path profile = Files.createTempDirectory("newsmon-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-default-apps", "--lang=en-US", "--user-data-dir=" + profile,
				"--window-size=" + width + "," + height);
		// the console, to see Content-Security-Policy violations
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
		driver.manage().window().setSize(new Dimension(width, height));
		return new HeadlessChromium(driver, profile);
	}

	/**
	 * The browser console's messages since the last call.
	 * @return the messages
	 */
	List<String> console() {
		return this.driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
	}

	ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * Saves what the browser shows under {@code target/screenshots/} for review.
	 * @param name the file name without extension
	 * @return the file
	 */
	Path screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path file = SCREENSHOTS.resolve(name + ".png");
		Path taken = this.driver.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(taken, file, StandardCopyOption.REPLACE_EXISTING);
		return file;
	}

	/**
	 * Saves the whole page, not only the window, by growing the window to the page's
	 * height first.
	 */
	Path fullPageScreenshot(String name, int width) throws IOException {
		Object height = this.driver.executeScript("return document.documentElement.scrollHeight");
		Dimension before = this.driver.manage().window().getSize();
		this.driver.manage().window().setSize(new Dimension(width, ((Number) height).intValue() + 120));
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		finally {
			this.driver.manage().window().setSize(before);
		}
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			try (var files = Files.walk(this.profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

}
