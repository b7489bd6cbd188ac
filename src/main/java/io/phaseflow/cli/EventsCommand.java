package io.phaseflow.cli;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.client.ApiAnswer;
import io.phaseflow.client.Json;
import io.phaseflow.client.PhaseflowClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code phaseflow events [--follow]}: the event log, oldest first, of the active session
 * (or all of it). {@code --follow} reads the server's live stream
 * ({@code /events/stream}) when it has one, and otherwise polls.
 */
@Command(name = "events", description = "The event log of the active session (or --all), oldest first.")
class EventsCommand implements Callable<Integer> {

	private final Terminal terminal;

	@Option(names = "--all", description = "Every event, not only the active session's.")
	boolean all;

	@Option(names = "--session", paramLabel = "<key>", description = "Another session's events.")
	String session;

	@Option(names = "--type", paramLabel = "<event_type>", description = "Only events of this type.")
	String type;

	@Option(names = "--after", paramLabel = "<id>", defaultValue = "0", description = "Only events after this id.")
	long after;

	@Option(names = "--limit", paramLabel = "<n>", defaultValue = "100", description = "Events per page (1-1000).")
	int limit;

	@Option(names = { "-f", "--follow" }, description = "Keep printing new events as they happen.")
	boolean follow;

	@Option(names = "--interval", paramLabel = "<seconds>", defaultValue = "2",
			description = "With --follow, how often to poll when the server has no live stream.")
	double interval;

	@Option(names = "--count", paramLabel = "<n>", description = "With --follow, stop after this many events.")
	Integer count;

	private int printed;

	EventsCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() throws InterruptedException {
		Map<String, String> filters = new LinkedHashMap<>();
		if (!this.all) {
			filters.put("session_key", (this.session != null) ? this.session : this.terminal.session().sessionKey());
		}
		filters.put("event_type", this.type);
		if (!this.follow) {
			filters.put("after_id", String.valueOf(this.after));
			filters.put("limit", String.valueOf(this.limit));
			return this.terminal.show(this.terminal.client().events(filters),
					(page) -> page.path("data").forEach(this::print));
		}
		long last = stream(filters, this.after);
		return poll(filters, last);
	}

	/** Follows the live stream while the server keeps it open; the last id seen. */
	private long stream(Map<String, String> filters, long from) {
		Map<String, String> query = new LinkedHashMap<>(filters);
		query.put("after_id", String.valueOf(from));
		long last = from;
		try (PhaseflowClient.EventStream response = this.terminal.client().eventStream(query)) {
			if (response.status() != 200) {
				return from;
			}
			Stream<String> lines = response.lines();
			StringBuilder data = new StringBuilder();
			for (Iterator<String> it = lines.iterator(); it.hasNext() && !done();) {
				String line = it.next();
				if (line.startsWith("data:")) {
					data.append(line.substring(5).strip());
				}
				else if (line.isEmpty() && data.length() > 0) {
					JsonNode event = Json.parseOrNull(data.toString());
					data.setLength(0);
					if (event != null && event.path("id").asLong() > last) {
						last = event.path("id").asLong();
						print(event);
					}
				}
			}
		}
		return last;
	}

	private int poll(Map<String, String> filters, long from) throws InterruptedException {
		long last = from;
		Duration pause = Duration.ofMillis((long) (this.interval * 1000));
		while (!done()) {
			Map<String, String> query = new LinkedHashMap<>(filters);
			query.put("after_id", String.valueOf(last));
			query.put("limit", String.valueOf(this.limit));
			ApiAnswer page = this.terminal.require(this.terminal.client().events(query));
			for (JsonNode event : page.body().path("data")) {
				if (done()) {
					break;
				}
				last = event.path("id").asLong();
				print(event);
			}
			if (page.body().path("next_after_id").isNull() && !done()) {
				Thread.sleep(pause.toMillis());
			}
		}
		return 0;
	}

	private boolean done() {
		return this.count != null && this.printed >= this.count;
	}

	private void print(JsonNode event) {
		this.printed++;
		if (this.terminal.json()) {
			this.terminal.out.println(Json.write(event));
			return;
		}
		String entity = event.path("entity_type").asText() + ":" + event.path("entity_code").asText("");
		this.terminal.out.printf("#%-6s %s  %-44s %s%s%n", event.path("id").asText(), event.path("emitted_at").asText(),
				event.path("event_type").asText(), entity,
				event.hasNonNull("session_key") ? "  " + event.get("session_key").asText() : "");
	}

}
