package io.phaseflow.event;

import java.io.IOException;

/**
 * Where a stream's events go (the web layer's server-sent events).
 */
public interface EventSink {

	void send(OrchestrationEvent event) throws IOException;

	/** Keeps an idle connection open, and fails when the client went away. */
	void heartbeat() throws IOException;

	/** Ends the stream. */
	void close();

}
