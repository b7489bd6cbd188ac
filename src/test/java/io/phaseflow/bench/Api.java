package io.phaseflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small HTTP client for the benchmark: bearer token, JSON bodies, and every call's time
 * recorded under a name when a {@link Latencies} is given.
 */
final class Api {

	static final String API = "/api/orchestration";

	static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	private final String token;

	private final Latencies latencies;

	Api(String base, String token, Latencies latencies) {
		this.base = base;
		this.token = token;
		this.latencies = latencies;
	}

	Api as(String token) {
		return new Api(this.base, token, this.latencies);
	}

	Api recordingTo(Latencies latencies) {
		return new Api(this.base, this.token, latencies);
	}

	/** GET; the answer's JSON, or a failure when the status is not 2xx. */
	JsonNode get(String call, String path) {
		return send(call, "GET", path, null);
	}

	/**
	 * POST with a JSON body; the answer's JSON, or a failure when the status is not 2xx.
	 */
	JsonNode post(String call, String path, String body) {
		return send(call, "POST", path, body);
	}

	/**
	 * POST with a JSON body, for the answer's status only: a failure when it is not 2xx.
	 * The answer is read but not parsed, so that the load generator, which shares the
	 * machine with the server, spends as little CPU as it can.
	 */
	void call(String call, String path, String body) {
		exchange(call, "POST", path, body);
	}

	private JsonNode send(String call, String method, String path, String body) {
		String answer = exchange(call, method, path, body);
		try {
			return answer.isEmpty() ? JSON.nullNode() : JSON.readTree(answer);
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + ": not JSON", ex);
		}
	}

	private String exchange(String call, String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + this.token)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		long started = System.nanoTime();
		HttpResponse<String> answer;
		try {
			answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		long nanos = System.nanoTime() - started;
		if (answer.statusCode() / 100 != 2) {
			throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": "
					+ answer.body().substring(0, Math.min(answer.body().length(), 500)));
		}
		if (this.latencies != null) {
			this.latencies.record(call, nanos);
		}
		return answer.body();
	}

	static String quote(String text) {
		try {
			return JSON.writeValueAsString(text);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
