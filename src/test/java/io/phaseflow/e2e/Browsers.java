package io.phaseflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through ChromeDriver, quiet (no updates, sync or
 * background traffic), for the browser tests.
 */
final class Browsers {

	private Browsers() {
	}

	/** A new headless Chromium with these arguments besides the usual ones. */
	static ChromeDriver headless(String... arguments) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BrowserAvailable.CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run");
		options.addArguments(arguments);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(BrowserAvailable.CHROMEDRIVER.toFile())
			.build();
		return new ChromeDriver(service, options);
	}

	/** Saves what the browser shows as a PNG file. */
	static Path screenshot(WebDriver browser, Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			return Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
