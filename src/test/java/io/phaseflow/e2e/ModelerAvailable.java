package io.phaseflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Enables the modeler test when, besides the browser, bpmn-js is in
 * {@code src/test/modeler/node_modules}.
 */
class ModelerAvailable extends BrowserAvailable {

	static final Path MODELER = Path.of("src/test/modeler");

	@Override
	String missing() {
		String browser = super.missing();
		if (browser != null) {
			return browser;
		}
		return !Files.isDirectory(MODELER.resolve("node_modules/bpmn-js")) ? "bpmn-js (npm ci in " + MODELER + ")"
				: null;
	}

}
