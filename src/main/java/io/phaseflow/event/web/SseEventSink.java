package io.phaseflow.event.web;

import java.io.IOException;

import io.phaseflow.event.EventSink;
import io.phaseflow.event.OrchestrationEvent;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Writes a stream's events as server-sent events: {@code id} the event's id,
 * {@code event} its type, {@code data} the event as {@code GET /events} shows it.
 */
final class SseEventSink implements EventSink {

	private final SseEmitter emitter;

	SseEventSink(SseEmitter emitter) {
		this.emitter = emitter;
	}

	@Override
	public void send(OrchestrationEvent event) throws IOException {
		this.emitter.send(SseEmitter.event()
			.id(Long.toString(event.id()))
			.name(event.eventType())
			.data(event, MediaType.APPLICATION_JSON));
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
