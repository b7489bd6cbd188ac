package io.phaseflow.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP proxy in front of the server that loses answers on request: it forwards a
 * request, lets the server do its work, and then closes the connection without a word, as
 * a network that drops the answer does. It can also stand for a failing server.
 */
final class LossyProxy implements AutoCloseable {

	/** Headers the JDK's client sets itself and refuses to be given. */
	private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "host", "expect", "upgrade");

	private final String target;

	private final HttpServer server;

	private final ExecutorService threads = Executors.newFixedThreadPool(4);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final List<Seen> seen = new CopyOnWriteArrayList<>();

	private final AtomicInteger answersToDrop = new AtomicInteger();

	private volatile String dropPathSuffix = "";

	private volatile int failWith;

	private LossyProxy(String target) throws IOException {
		this.target = target;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.threads);
		this.server.start();
	}

	/** A proxy for the server at {@code target}, e.g. {@code http://localhost:8080}. */
	static LossyProxy to(String target) {
		try {
			return new LossyProxy(target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Loses the answer to the next POST whose path ends with {@code suffix}. */
	void dropNextAnswerTo(String suffix) {
		this.dropPathSuffix = suffix;
		this.answersToDrop.set(1);
	}

	/** Answers every request with this status instead of forwarding it (0: forward). */
	void failWith(int status) {
		this.failWith = status;
	}

	/** The requests that came through, in order. */
	List<Seen> seen() {
		return List.copyOf(this.seen);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().toString();
			String method = exchange.getRequestMethod();
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.seen.add(new Seen(method, path, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
					new String(body, StandardCharsets.UTF_8)));
			if (this.failWith != 0) {
				answer(exchange, this.failWith, "application/problem+json",
						"{\"title\": \"Service Unavailable\", \"status\": " + this.failWith + "}");
				return;
			}
			HttpResponse<byte[]> response = forward(exchange, method, path, body);
			if ("POST".equals(method) && path.endsWith(this.dropPathSuffix)
					&& this.answersToDrop.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				// closing the exchange before any answer closes the connection
				return;
			}
			answer(exchange, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private HttpResponse<byte[]> forward(HttpExchange exchange, String method, String path, byte[] body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.target + path))
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body))
			.timeout(ApiClient.ANSWER_WITHIN);
		exchange.getRequestHeaders()
			.forEach((name, values) -> values.stream()
				.filter((value) -> !RESTRICTED.contains(name.toLowerCase()))
				.forEach((value) -> request.header(name, value)));
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
		answer(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
	}

	private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
		if (type != null) {
			exchange.getResponseHeaders().set("Content-Type", type);
		}
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	/** A request as the proxy saw it. */
	record Seen(String method, String path, String idempotencyKey, String body) {

	}

}
