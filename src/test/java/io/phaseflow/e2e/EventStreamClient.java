package io.phaseflow.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a server-sent event stream line by line, as a browser's {@code EventSource} does,
 * on a thread of its own; the test takes the messages with bounded waits.
 */
final class EventStreamClient implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final Message END = new Message(null, null, null, null);

	private final HttpResponse<InputStream> response;

	private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();

	private final String errorBody;

	private EventStreamClient(HttpResponse<InputStream> response) throws IOException {
		this.response = response;
		if (response.statusCode() != 200) {
			try (InputStream body = response.body()) {
				this.errorBody = new String(body.readAllBytes(), StandardCharsets.UTF_8);
			}
			return;
		}
		this.errorBody = null;
		Thread reader = new Thread(this::read, "event-stream-client");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Opens the stream at {@code url} with the given token (null for none) and headers.
	 */
	static EventStreamClient open(String url, String token, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/event-stream")
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		try {
			return new EventStreamClient(HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
				.get(20, TimeUnit.SECONDS));
		}
		catch (Exception ex) {
			throw new IllegalStateException("The stream at " + url + " did not answer", ex);
		}
	}

	int status() {
		return this.response.statusCode();
	}

	String header(String name) {
		return this.response.headers().firstValue(name).orElse(null);
	}

	/** The body of a refused stream (a problem). */
	JsonNode problem() {
		return ApiClient.parse(this.errorBody);
	}

	/** The next event (comments skipped), or null when none came within the time. */
	Message next(Duration within) throws InterruptedException {
		return poll(within, false);
	}

	/** The next comment line (a heartbeat), or null when none came within the time. */
	String nextComment(Duration within) throws InterruptedException {
		Message comment = poll(within, true);
		return (comment != null) ? comment.comment() : null;
	}

	private Message poll(Duration within, boolean comment) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (true) {
			Message message = this.messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (message == null || ended(message)) {
				return null;
			}
			if ((message.comment() != null) == comment) {
				return message;
			}
		}
	}

	/**
	 * Whether the server ended the stream within the time (events and comments before the
	 * end are skipped).
	 */
	boolean ended(Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (true) {
			Message message = this.messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (message == null) {
				return false;
			}
			if (ended(message)) {
				return true;
			}
		}
	}

	/** Whether the message marks the end of the stream (which then stays marked). */
	private boolean ended(Message message) {
		if (message == END) {
			this.messages.add(END);
			return true;
		}
		return false;
	}

	@Override
	public void close() {
		if (this.errorBody == null) {
			try {
				this.response.body().close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.response.body(), StandardCharsets.UTF_8))) {
			String id = null;
			String event = null;
			StringBuilder data = null;
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.isEmpty()) {
					if (data != null) {
						this.messages.add(new Message(id, event, data.toString(), null));
					}
					id = null;
					event = null;
					data = null;
				}
				else if (line.startsWith(":")) {
					this.messages.add(new Message(null, null, null, line.substring(1).strip()));
				}
				else {
					int colon = line.indexOf(':');
					String field = (colon < 0) ? line : line.substring(0, colon);
					String value = (colon < 0) ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
					switch (field) {
						case "id" -> id = value;
						case "event" -> event = value;
						case "data" ->
							data = (data == null) ? new StringBuilder(value) : data.append('\n').append(value);
						default -> {
						}
					}
				}
			}
		}
		catch (IOException ex) {
			// the stream was closed
		}
		finally {
			this.messages.add(END);
		}
	}

	/** One message: an event ({@code id}, {@code event}, {@code data}) or a comment. */
	record Message(String id, String event, String data, String comment) {

		long eventId() {
			return Long.parseLong(this.id);
		}

		JsonNode json() {
			return ApiClient.parse(this.data);
		}

	}

}
