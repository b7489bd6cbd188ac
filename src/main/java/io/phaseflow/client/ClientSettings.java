package io.phaseflow.client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the server is and which token to send, from the environment:
 * {@code PHASEFLOW_URL} (default {@code http://localhost:8080}) and
 * {@code PHASEFLOW_TOKEN}, else the token the server wrote at first start to
 * {@code <PHASEFLOW_DATA_DIR>/admin.token} (default {@code ./data}).
 *
 * @param tokenFile where the token was looked for when {@code PHASEFLOW_TOKEN} is not set
 */
public record ClientSettings(URI baseUrl, String token, Path tokenFile) {

	public static final String DEFAULT_URL = "http://localhost:8080";

	public static ClientSettings from(Map<String, String> env) {
		String url = env.getOrDefault("PHASEFLOW_URL", DEFAULT_URL).strip();
		URI base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
		String token = env.get("PHASEFLOW_TOKEN");
		if (token != null && !token.isBlank()) {
			return new ClientSettings(base, token.strip(), null);
		}
		Path file = Path.of(env.getOrDefault("PHASEFLOW_DATA_DIR", "data"), "admin.token");
		return new ClientSettings(base, read(file), file);
	}

	private static String read(Path file) {
		try {
			return Files.isReadable(file) ? Files.readString(file).strip() : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** How to give a token, for messages after a 401. */
	public String tokenHint() {
		return (this.tokenFile != null) ? "set PHASEFLOW_TOKEN or write the token to " + this.tokenFile
				: "PHASEFLOW_TOKEN holds a token the server does not accept";
	}

}
