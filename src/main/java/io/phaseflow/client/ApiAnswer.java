package io.phaseflow.client;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The server's answer to one request: status, the JSON body (problem+json for errors) and
 * its text as received.
 */
public record ApiAnswer(int status, JsonNode body, String text) {

	public ApiAnswer {
		body = (body != null) ? body : MissingNode.getInstance();
	}

	public boolean ok() {
		return this.status >= 200 && this.status < 300;
	}

	/**
	 * The command-line exit code for this answer: 0 ok, 2 refused as invalid (422, or 400
	 * for malformed input), 3 conflict (409), 4 not found (404), 5 token refused (401,
	 * 403), 6 server failure (5xx, worth a retry), 1 anything else.
	 */
	public int exitCode() {
		if (ok()) {
			return 0;
		}
		if (this.status >= 500 && this.status < 600) {
			return ServerUnreachable.EXIT_CODE;
		}
		return switch (this.status) {
			case 400, 422 -> 2;
			case 409 -> 3;
			case 404 -> 4;
			case 401, 403 -> 5;
			default -> 1;
		};
	}

	/** The answer's {@code instructions} block (missing when it has none). */
	public JsonNode instructions() {
		return this.body.path("instructions");
	}

	/** A problem's detail (else its title, else the status). */
	public String message() {
		String detail = this.body.path("detail").asText("");
		if (!detail.isBlank()) {
			return detail;
		}
		String title = this.body.path("title").asText("");
		return title.isBlank() ? "HTTP " + this.status : title;
	}

	/** A problem's per-field errors, as {@code field: message}. */
	public List<String> errors() {
		return fieldMessages(this.body.path("errors"));
	}

	/** A refused phase's warnings, as {@code field: message}. */
	public List<String> warnings() {
		return fieldMessages(this.body.path("warnings"));
	}

	private static List<String> fieldMessages(JsonNode list) {
		List<String> lines = new ArrayList<>();
		for (JsonNode error : list) {
			String field = error.path("field").asText("");
			String message = error.path("message").asText("");
			lines.add(field.isBlank() ? message : field + ": " + message);
		}
		return lines;
	}

}
