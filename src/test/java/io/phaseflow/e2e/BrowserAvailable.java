package io.phaseflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables browser tests when Debian's Chromium and ChromeDriver are installed; fails them
 * when something is missing and {@code PHASEFLOW_REQUIRE_BROWSER=1}.
 */
class BrowserAvailable implements ExecutionCondition {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String missing = missing();
		if (missing == null) {
			return ConditionEvaluationResult.enabled("Everything the browser tests need is here");
		}
		if ("1".equals(System.getenv("PHASEFLOW_REQUIRE_BROWSER"))) {
			throw new IllegalStateException("PHASEFLOW_REQUIRE_BROWSER=1 but " + missing + " is missing");
		}
		return ConditionEvaluationResult.disabled(missing + " is missing; skipped");
	}

	/** What the tests need and is not here, or null. */
	String missing() {
		return !Files.isExecutable(CHROMIUM) ? CHROMIUM + " (apt-get install chromium)"
				: !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER + " (apt-get install chromium-driver)" : null;
	}

}
