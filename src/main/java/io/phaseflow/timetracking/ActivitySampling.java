package io.phaseflow.timetracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.event.Sampling;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which activity reports also become {@code orchestration.activity.logged} events
 * (activity logs are frequent, so they can be switched off or sampled). A task's
 * {@code agent_config} ({@code emit_activity_logs}, {@code activity_sample_rate})
 * overrides the settings. Sampling is deterministic ({@link Sampling}), counting a
 * session's reports. Every report is kept as a work item either way.
 *
 * @param emitActivityLogs whether activity reports become events at all
 * @param activitySampleRate the fraction of reports that do (0 to 1)
 */
@ConfigurationProperties("phaseflow.events")
@Validated
public record ActivitySampling(@DefaultValue("true") boolean emitActivityLogs,
		@DecimalMin("0") @DecimalMax("1") @DefaultValue("1.0") double activitySampleRate) {

	/**
	 * Whether the n-th report (from 1) of a session of a task with this agent_config is
	 * emitted.
	 */
	boolean emits(long n, ObjectNode agentConfig) {
		JsonNode emit = (agentConfig != null) ? agentConfig.get("emit_activity_logs") : null;
		JsonNode rate = (agentConfig != null) ? agentConfig.get("activity_sample_rate") : null;
		boolean enabled = (emit != null && emit.isBoolean()) ? emit.booleanValue() : this.emitActivityLogs;
		double fraction = (rate != null && rate.isNumber()) ? Math.max(0, Math.min(1, rate.doubleValue()))
				: this.activitySampleRate;
		return enabled && Sampling.keeps(n, fraction);
	}

}
