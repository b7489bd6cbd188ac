package io.phaseflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables browser tests when Debian's Chromium and ChromeDriver are installed and bpmn-js
 * is in {@code src/test/modeler/node_modules}; fails them when something is missing and
 * {@code PHASEFLOW_REQUIRE_BROWSER=1}.
 */
class BrowserAvailable implements ExecutionCondition {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path MODELER = Path.of("src/test/modeler");

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM + " (apt-get install chromium)"
				: !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER + " (apt-get install chromium-driver)"
						: !Files.isDirectory(MODELER.resolve("node_modules/bpmn-js"))
								? "bpmn-js (npm ci in " + MODELER + ")" : null;
		if (missing == null) {
			return ConditionEvaluationResult.enabled("Chromium, ChromeDriver and bpmn-js are here");
		}
		if ("1".equals(System.getenv("PHASEFLOW_REQUIRE_BROWSER"))) {
			throw new IllegalStateException("PHASEFLOW_REQUIRE_BROWSER=1 but " + missing + " is missing");
		}
		return ConditionEvaluationResult.disabled(missing + " is missing; skipped");
	}

}
