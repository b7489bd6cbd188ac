package io.phaseflow.timetracking;

import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActivitySamplingTest {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void aRateEmitsTheFirstReportAndThenExactlyThatFraction() {
		ActivitySampling tenth = new ActivitySampling(true, 0.1);
		assertThat(LongStream.rangeClosed(1, 30).filter((n) -> tenth.emits(n, null)).toArray()).containsExactly(1, 11,
				21);
		ActivitySampling third = new ActivitySampling(true, 1.0 / 3);
		assertThat(LongStream.rangeClosed(1, 300).filter((n) -> third.emits(n, null)).count()).isEqualTo(100);
		ActivitySampling all = new ActivitySampling(true, 1.0);
		assertThat(LongStream.rangeClosed(1, 50).allMatch((n) -> all.emits(n, null))).isTrue();
		ActivitySampling none = new ActivitySampling(true, 0.0);
		assertThat(LongStream.rangeClosed(1, 50).noneMatch((n) -> none.emits(n, null))).isTrue();
	}

	@Test
	void aTasksAgentConfigOverridesTheSettings() {
		ActivitySampling off = new ActivitySampling(false, 0.1);
		ObjectNode full = this.json.createObjectNode().put("emit_activity_logs", true).put("activity_sample_rate", 1.0);
		assertThat(off.emits(1, null)).isFalse();
		assertThat(LongStream.rangeClosed(1, 20).allMatch((n) -> off.emits(n, full))).isTrue();
		ObjectNode quiet = this.json.createObjectNode().put("emit_activity_logs", false);
		assertThat(new ActivitySampling(true, 1.0).emits(1, quiet)).isFalse();
		ObjectNode half = this.json.createObjectNode().put("activity_sample_rate", 0.5);
		assertThat(LongStream.rangeClosed(1, 6).filter((n) -> new ActivitySampling(true, 1.0).emits(n, half)).toArray())
			.containsExactly(1, 3, 5);
	}

}
