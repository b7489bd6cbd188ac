package io.phaseflow.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The non-interrupting timer of "Work on phase": when it fires, the session is reported
 * stale (and listed as such on the sessions page) and the agent can still complete the
 * phase. The timer's job is run through Flowable's management API instead of waiting
 * {@code stale_after}.
 */
class H2StaleSessionTest extends WebPageSupport {

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Test
	void aPhaseWithoutProgressReportsTheSessionStaleAndKeepsItsPlace() {
		ApiClient pm = clientWith("PM");
		long agentId = pm.post(API + "/agents", "{\"handle\": \"" + unique("sleepy") + "\"}").json().get("id").asLong();
		ApiClient agent = clientFor(agentId, "AGENT");
		String task = unique("stale");
		createTask(pm, task, "\"description\": \"d\"");
		JsonNode session = agent
			.post(API + "/sessions", "{\"task_code\": \"" + task + "\", \"agent_id\": " + agentId + "}")
			.json();
		String key = session.get("session_key").asText();
		String phaseInstance = this.runtime.createProcessInstanceQuery()
			.superProcessInstanceId(session.get("process_instance_id").asText())
			.singleResult()
			.getId();

		List<Job> timers = this.management.createTimerJobQuery().processInstanceId(phaseInstance).list();
		assertThat(timers).hasSize(1);
		assertThat(timers.get(0).getDuedate()).as("due after stale_after (PT4H)")
			.isAfter(Date.from(Instant.now().plus(Duration.ofHours(3))));
		agent.post(API + "/sessions/" + key + "/pause", null);
		assertThat(
				this.runtime.createProcessInstanceQuery().processInstanceId(phaseInstance).singleResult().isSuspended())
			.as("pausing suspends the running phase too")
			.isTrue();
		assertThat(this.management.createTimerJobQuery().processInstanceId(phaseInstance).count())
			.as("a paused session's timer does not fire")
			.isZero();
		agent.post(API + "/sessions/" + key + "/resume", null);
		timers = this.management.createTimerJobQuery().processInstanceId(phaseInstance).list();
		assertThat(timers).hasSize(1);
		Job executable = this.management.moveTimerToExecutableJob(timers.get(0).getId());
		this.management.executeJob(executable.getId());

		JsonNode timeline = agent.get(API + "/events/session/" + key).json().get("data");
		assertThat(timeline).extracting((e) -> e.get("event_type").asText()).contains("orchestration.session.stale");
		ApiClient pages = signedIn(tokenWith("PM"));
		assertThat(staleOnThePage(pages)).contains(key);
		JsonNode after = agent.get(API + "/sessions/" + key).json();
		assertThat(after.get("current_phase").asText()).isEqualTo("intake");
		assertThat(after.get("waiting_for").asText()).isEqualTo("agent");
		assertThat(agent.post(API + "/sessions/" + key + "/artifacts", "{\"name\": \"TASK.md\", \"content\": \"# t\"}")
			.status()).isEqualTo(201);
		assertThat(agent.post(API + "/sessions/" + key + "/phase-complete", "{}").status()).isEqualTo(200);
		assertThat(staleOnThePage(pages)).as("stale no longer: its next phase began").doesNotContain(key);
	}

	/** The stale group of the sessions page. */
	private static String staleOnThePage(ApiClient pages) {
		String page = pages.get("/ui/sessions").body();
		return page.substring(page.indexOf("id=\"stale-title\""), page.indexOf("id=\"running-title\""));
	}

}
