package io.phaseflow.client;

import java.net.ConnectException;
import java.net.URI;

/**
 * The server did not answer: not running, wrong {@code PHASEFLOW_URL}, or the connection
 * broke.
 */
public class ServerUnreachable extends RuntimeException {

	/**
	 * The command line's exit code for a server that did not answer or failed (5xx): the
	 * one failure a script may simply retry.
	 */
	public static final int EXIT_CODE = 6;

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
