package io.phaseflow.event.web;

import java.io.IOException;
import java.util.function.Function;

import io.phaseflow.event.EventQuery;
import io.phaseflow.event.EventSink;
import io.phaseflow.event.EventStreams;
import io.phaseflow.event.OrchestrationEvent;
import io.phaseflow.event.Subscription;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * Writes a stream's events as server-sent events, by default as the API's stream does:
 * {@code id} the event's id, {@code event} its type, {@code data} the event as
 * {@code GET /events} shows it. The web pages' stream writes fewer, shorter ones.
 */
public final class SseEventSink implements EventSink {

	/** How long a client waits before it reconnects after the stream ends. */
	private static final long RECONNECT_MILLIS = 2000;

	private final SseEmitter emitter;

	private final Function<OrchestrationEvent, SseEventBuilder> writer;

	private SseEventSink(SseEmitter emitter, Function<OrchestrationEvent, SseEventBuilder> writer) {
		this.emitter = emitter;
		this.writer = writer;
	}

	/**
	 * Opens a stream of the events matching the filter (see
	 * {@link EventStreams#subscribe}), each written by {@code writer}, which leaves out
	 * an event by answering null.
	 */
	public static SseEmitter open(EventStreams streams, EventQuery filter, Long afterId, String owner,
			long timeoutMillis, Function<OrchestrationEvent, SseEventBuilder> writer) throws IOException {
		SseEmitter emitter = new SseEmitter(timeoutMillis);
		emitter.send(SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("stream open"));
		Subscription subscription = streams.subscribe(filter, afterId, owner, new SseEventSink(emitter, writer));
		emitter.onCompletion(subscription::cancel);
		emitter.onError((ex) -> subscription.cancel());
		emitter.onTimeout(subscription::cancel);
		return emitter;
	}

	/** The event as the API's stream writes it. */
	static SseEventBuilder asIs(OrchestrationEvent event) {
		return SseEmitter.event()
			.id(Long.toString(event.id()))
			.name(event.eventType())
			.data(event, MediaType.APPLICATION_JSON);
	}

	@Override
	public void send(OrchestrationEvent event) throws IOException {
		SseEventBuilder written = this.writer.apply(event);
		if (written != null) {
			this.emitter.send(written);
		}
	}

	@Override
	public void heartbeat() throws IOException {
		this.emitter.send(SseEmitter.event().comment("heartbeat"));
	}

	@Override
	public void close() {
		try {
			this.emitter.complete();
		}
		catch (IllegalStateException ex) {
			// the container ended the request already, after the client went away
		}
	}

}
