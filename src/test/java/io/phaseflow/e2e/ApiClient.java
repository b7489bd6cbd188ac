package io.phaseflow.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small HTTP client for end-to-end tests: real requests to the running server. It
 * follows no redirects.
 */
final class ApiClient {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	/**
	 * How long a request may wait for its answer's headers: a server that never answers
	 * fails the test instead of holding up the build.
	 */
	static final Duration ANSWER_WITHIN = Duration.ofMinutes(2);

	private final HttpClient http;

	private final String base;

	private final String token;

	private final Map<String, String> headers;

	private final Long agentId;

	ApiClient(String base, String token) {
		this(base, token, Map.of(), HttpClient.newHttpClient(), null);
	}

	private ApiClient(String base, String token, Map<String, String> headers, HttpClient http, Long agentId) {
		this.base = base;
		this.token = token;
		this.headers = headers;
		this.http = http;
		this.agentId = agentId;
	}

	/** The same client with another bearer token (null for none). */
	ApiClient as(String otherToken) {
		return new ApiClient(this.base, otherToken, this.headers, this.http, null);
	}

	/** The same client with another bearer token, issued for the given agent. */
	ApiClient as(String otherToken, long tokenAgentId) {
		return new ApiClient(this.base, otherToken, this.headers, this.http, tokenAgentId);
	}

	/** The agent this client's token acts for; fails for a token issued for no agent. */
	long agentId() {
		if (this.agentId == null) {
			throw new IllegalStateException("This client's token was issued for no agent");
		}
		return this.agentId;
	}

	/** The bearer token this client sends. */
	String token() {
		return this.token;
	}

	/**
	 * A client without a bearer token that keeps the cookies it is given, as a browser
	 * does.
	 */
	ApiClient withCookies() {
		return new ApiClient(this.base, null, this.headers,
				HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), null);
	}

	/** The same client sending one more header on every request. */
	ApiClient withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.headers);
		more.put(name, value);
		return new ApiClient(this.base, this.token, more, this.http, this.agentId);
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

	Response put(String path, String body) {
		return send("PUT", path, body);
	}

	Response delete(String path) {
		return send("DELETE", path, null);
	}

	/**
	 * Opens a GET whose body may never end (an event stream) and answers with its status
	 * and headers, and the body only when it is a refusal.
	 */
	Response openStream(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(ANSWER_WITHIN).GET();
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		try {
			HttpResponse<InputStream> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				String text = (response.statusCode() >= 400) ? new String(body.readAllBytes(), StandardCharsets.UTF_8)
						: "";
				return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
						response.headers().map(), text);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Posts a form, as a browser does ({@code application/x-www-form-urlencoded}). */
	Response postForm(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send("POST", path, HttpRequest.BodyPublishers.ofString(body), "application/x-www-form-urlencoded");
	}

	Response send(String method, String path, String body) {
		return send(method, path,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody(),
				(body != null) ? "application/json" : null);
	}

	/** Sends a body with the given content type (null for none). */
	Response send(String method, String path, String body, String contentType) {
		return send(method, path,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody(),
				contentType);
	}

	/** POSTs {@code multipart/form-data} with the given file parts. */
	Response postFiles(String path, List<FilePart> parts) {
		String boundary = "phaseflow-" + UUID.randomUUID();
		StringBuilder body = new StringBuilder();
		for (FilePart part : parts) {
			body.append("--")
				.append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"")
				.append(part.name())
				.append("\"; filename=\"")
				.append(part.fileName())
				.append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.append(part.content())
				.append("\r\n");
		}
		body.append("--").append(boundary).append("--\r\n");
		return send("POST", path, HttpRequest.BodyPublishers.ofString(body.toString()),
				"multipart/form-data; boundary=" + boundary);
	}

	private Response send(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(ANSWER_WITHIN)
			.method(method, body);
		if (contentType != null) {
			request.header("Content-Type", contentType);
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

	/** A string as a JSON string literal. */
	static String quote(String value) {
		try {
			return MAPPER.writeValueAsString(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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

	/** One file of a multipart request: the part's name, the file's name and its text. */
	record FilePart(String name, String fileName, String content) {
	}

	record Response(int status, String contentType, Map<String, List<String>> headers, String body) {

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
