package io.phaseflow.web;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.phaseflow.agent.Agent;
import io.phaseflow.agent.AgentRegistry;

/**
 * How the pages write times, durations and agents: UTC to the second, durations in their
 * two largest units, agents by handle.
 */
final class Formats {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT);

	private Formats() {
	}

	/** {@code 2025-01-31 14:05:09 UTC}, or an empty text for no time. */
	static String at(OffsetDateTime time) {
		return (time != null) ? AT.format(time.withOffsetSameInstant(ZoneOffset.UTC)) : "";
	}

	static String at(Instant time) {
		return (time != null) ? at(time.atOffset(ZoneOffset.UTC)) : "";
	}

	/** {@code 2 d 3 h}, {@code 1 h 05 min}, {@code 4 min 09 s} or {@code 12 s}. */
	static String duration(Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		if (seconds >= 86_400) {
			return (seconds / 86_400) + " d " + (seconds % 86_400 / 3600) + " h";
		}
		if (seconds >= 3600) {
			return (seconds / 3600) + " h " + String.format(Locale.ROOT, "%02d", seconds % 3600 / 60) + " min";
		}
		if (seconds >= 60) {
			return (seconds / 60) + " min " + String.format(Locale.ROOT, "%02d", seconds % 60) + " s";
		}
		return seconds + " s";
	}

	/** How long ago the time was, as {@link #duration(Duration)} writes it. */
	static String since(OffsetDateTime time, OffsetDateTime now) {
		return (time != null) ? duration(Duration.between(time, now)) : "";
	}

	/** The agent's handle, {@code #id} if it is unknown, or null for no agent. */
	static String agent(AgentRegistry agents, Long id) {
		return (id != null) ? agents.find(id).map(Agent::handle).orElse("#" + id) : null;
	}

}
