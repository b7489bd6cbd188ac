package io.phaseflow.client;

import java.net.ConnectException;
import java.net.URI;

/**
 * The server did not answer: not running, wrong {@code PHASEFLOW_URL}, or the connection
 * broke.
 */
public class ServerUnreachable extends RuntimeException {

	public ServerUnreachable(URI base, Exception cause) {
		super("Cannot reach the Phaseflow server at " + base + " (" + describe(cause) + "); start it with "
				+ "`java -jar phaseflow.jar` or set PHASEFLOW_URL", cause);
	}

	private static String describe(Exception cause) {
		if (cause instanceof ConnectException) {
			return "connection refused";
		}
		String message = cause.getMessage();
		return (message != null && !message.isBlank()) ? message : cause.getClass().getSimpleName();
	}

}
