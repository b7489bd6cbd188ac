package io.phaseflow.event;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Event archiving ({@code phaseflow.events.archive}): when old events move from the event
 * log to the archive.
 *
 * @param retention events older than this move to the archive
 * @param highPriorities the task priorities whose events are kept longer
 * @param highPriorityRetention how long their events are kept; empty keeps them forever
 * @param batchSize how many events one transaction moves
 * @param cron when the scheduled run starts ({@code -} for never)
 */
@ConfigurationProperties("phaseflow.events.archive")
@Validated
public record ArchiveProperties(@NotNull @DefaultValue("P90D") Duration retention, @NotNull @DefaultValue( {
		"P0", "P1" }) List<String> highPriorities, Duration highPriorityRetention,
		@Min(1) @Max(100_000) @DefaultValue("1000") int batchSize, @NotNull @DefaultValue("0 17 3 * * *") String cron){
}
