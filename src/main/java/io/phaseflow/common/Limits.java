package io.phaseflow.common;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much one caller may make the server read, store or send at once.
 *
 * @param maxRequestSize the largest request body the API reads (413 beyond)
 * @param maxFieldSize the largest free-text or JSON field an agent may send (activity
 * {@code details}, notes, metadata), counted in UTF-8 bytes of its JSON (422 beyond,
 * naming the field); far above what a real agent writes, low enough that one report
 * cannot fill a page of events
 * @param maxEventPageSize how many bytes of event payloads one read of the event log
 * holds: a page of {@code GET /events} ends early (with {@code next_after_id}) once it
 * holds this much, however many rows were asked for
 */
@ConfigurationProperties("phaseflow.limits")
@Validated
public record Limits(@NotNull @DefaultValue("2MB") DataSize maxRequestSize,
		@NotNull @DefaultValue("64KB") DataSize maxFieldSize, @NotNull @DefaultValue("4MB") DataSize maxEventPageSize) {

	/** The limits when nothing is configured. */
	public static Limits defaults() {
		return new Limits(DataSize.ofMegabytes(2), DataSize.ofKilobytes(64), DataSize.ofMegabytes(4));
	}

}
