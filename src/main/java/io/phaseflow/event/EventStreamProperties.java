package io.phaseflow.event;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The live event stream ({@code GET /events/stream}).
 *
 * @param pollInterval how often each instance reads new events from the log
 * @param grace how long a gap in the event ids is waited for at least, in case the
 * transaction holding the missing ids has yet to commit
 * @param maxWait how long a gap is waited for at most, however long the transactions that
 * were open when it appeared stay open
 * @param heartbeat how often an idle stream gets a comment line, which also notices
 * clients that went away
 * @param maxStreams how many streams one instance serves at once
 * @param timeout how long one stream stays open; clients then reconnect with
 * {@code Last-Event-ID}
 * @param maxStreamsPerToken how many streams one token holds at once on one instance, so
 * that one caller cannot take every stream
 * @param tokenCheck how often the tokens of the open streams are checked; a stream whose
 * token was revoked (on any instance) ends at the next check
 */
@ConfigurationProperties("phaseflow.events.stream")
@Validated
public record EventStreamProperties(@NotNull @DefaultValue("250ms") Duration pollInterval,
		@NotNull @DefaultValue("2s") Duration grace, @NotNull @DefaultValue("60s") Duration maxWait,
		@NotNull @DefaultValue("15s") Duration heartbeat, @Positive @DefaultValue("100") int maxStreams,
		@NotNull @DefaultValue("30m") Duration timeout, @Positive @DefaultValue("10") int maxStreamsPerToken,
		@NotNull @DefaultValue("1s") Duration tokenCheck) {
}
