package io.phaseflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small HTTP client for end-to-end tests: real requests to the running server.
 */
final class ApiClient {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String token;

	private final Map<String, String> headers;

	ApiClient(String base, String token) {
		this(base, token, Map.of());
	}

	private ApiClient(String base, String token, Map<String, String> headers) {
		this.base = base;
		this.token = token;
		this.headers = headers;
	}

	/** The same client with another bearer token (null for none). */
	ApiClient as(String otherToken) {
		return new ApiClient(this.base, otherToken, this.headers);
	}

	/** The same client sending one more header on every request. */
	ApiClient withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.headers);
		more.put(name, value);
		return new ApiClient(this.base, this.token, more);
	}

	Response get(String path) {
		return send("GET", path, null);
	}

	Response post(String path, String body) {
		return send("POST", path, body);
	}

	Response patch(String path, String body) {
		return send("PATCH", path, body);
	}

	Response delete(String path) {
		return send("DELETE", path, null);
	}

	Response send(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		this.headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode parse(String json) {
		try {
			return MAPPER.readTree(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Response(int status, String contentType, Map<String, java.util.List<String>> headers, String body) {

		JsonNode json() {
			return parse(this.body);
		}

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((e) -> e.getKey().equalsIgnoreCase(name))
				.map((e) -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		boolean isProblem() {
			return this.contentType.startsWith("application/problem+json");
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
