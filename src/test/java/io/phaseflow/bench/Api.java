package io.phaseflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * A small HTTP client for the benchmark: bearer token, JSON bodies, and every call's time
 * recorded under a name when a {@link Latencies} is given.
 */
final class Api {

	static final String API = "/api/orchestration";

	static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Apache's blocking client over pooled HTTP/1.1 connections: it spends less of the
	 * CPU that the load generator shares with the server than the JDK's asynchronous one
	 * (docs/BENCHMARKS.md). No retries, so a POST is sent once.
	 */
	private static final CloseableHttpClient HTTP = HttpClients.custom()
		.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
			.setMaxConnTotal(64)
			.setMaxConnPerRoute(64)
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.ofSeconds(5))
				.setSocketTimeout(Timeout.ofSeconds(60))
				.build())
			.build())
		.disableAutomaticRetries()
		.disableCookieManagement()
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
	 * POST with a JSON body, waiting for the answer up to {@code timeout} instead of the
	 * load's 60 s: for an operator's call that runs long (archiving the event log).
	 */
	JsonNode post(String call, String path, String body, Duration timeout) {
		HttpClientContext context = HttpClientContext.create();
		context.setRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build());
		return parse("POST", path, exchange(call, "POST", path, body, context));
	}

	/**
	 * POST with a JSON body, for the answer's status only: a failure when it is not 2xx.
	 * The answer is read but not parsed, so that the load generator, which shares the
	 * machine with the server, spends as little CPU as it can.
	 */
	void call(String call, String path, String body) {
		exchange(call, "POST", path, body, null);
	}

	private JsonNode send(String call, String method, String path, String body) {
		return parse(method, path, exchange(call, method, path, body, null));
	}

	private static JsonNode parse(String method, String path, String answer) {
		try {
			return answer.isEmpty() ? JSON.nullNode() : JSON.readTree(answer);
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + ": not JSON", ex);
		}
	}

	private String exchange(String call, String method, String path, String body, HttpClientContext context) {
		ClassicHttpRequest request = ClassicRequestBuilder.create(method)
			.setUri(this.base + path)
			.setHeader("Authorization", "Bearer " + this.token)
			.build();
		if (body != null) {
			request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
		}
		long started = System.nanoTime();
		Answer answer;
		try {
			answer = HTTP.execute(request, context,
					(response) -> new Answer(response.getCode(), (response.getEntity() != null)
							? EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8) : ""));
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + ": " + ex, ex);
		}
		long nanos = System.nanoTime() - started;
		if (answer.status() / 100 != 2) {
			throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ": "
					+ answer.body().substring(0, Math.min(answer.body().length(), 500)));
		}
		if (this.latencies != null) {
			this.latencies.record(call, nanos);
		}
		return answer.body();
	}

	private record Answer(int status, String body) {
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
