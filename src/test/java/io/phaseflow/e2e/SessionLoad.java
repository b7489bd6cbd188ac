package io.phaseflow.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions driven from several client threads, every write with an
 * {@code Idempotency-Key}; what was acknowledged (2xx) is recorded with its answer. A
 * thread stops at its first failed request (the server went away) or unexpected answer.
 */
final class SessionLoad {

	static final String API = ApiTestSupport.API;

	static final List<String> PHASES = List.of("intake", "research", "plan", "execute", "review", "close");

	static final List<String> ARTIFACTS = List.of("TASK.md", "CONTEXT.md", "PLAN.md", "CHANGES.md", "REVIEW.md",
			"SUMMARY.md");

	/**
	 * One acknowledged write.
	 *
	 * @param kind task, session, artifact, phase or end
	 * @param task the task's code
	 * @param session the session's key (null for a task)
	 * @param phase the phase completed (phase), or the artifact's name (artifact)
	 * @param token the caller's token
	 * @param path the request's path
	 * @param body the request's body
	 * @param key its Idempotency-Key
	 * @param answer the answer
	 */
	record Ack(String kind, String task, String session, String phase, String token, String path, String body,
			String key, ApiClient.Response answer) {

	}

	final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());

	/** Every task code a thread tried to create, acknowledged or not. */
	final List<String> tasks = Collections.synchronizedList(new ArrayList<>());

	/** Answers that were neither 2xx nor a lost connection. */
	final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

	final AtomicBoolean stop = new AtomicBoolean();

	final String pmToken;

	final String agentToken;

	private final long agentId;

	SessionLoad(String pmToken, String agentToken, long agentId) {
		this.pmToken = pmToken;
		this.agentToken = agentToken;
		this.agentId = agentId;
	}

	/** Runs sessions against {@code base} until stopped or the server is gone. */
	Thread thread(String base, String name) {
		Thread thread = new Thread(() -> {
			try {
				while (!this.stop.get()) {
					oneSession(base);
				}
			}
			catch (RuntimeException ex) {
				// the server was killed under this request: nothing was acknowledged
			}
		}, name);
		thread.setDaemon(true);
		return thread;
	}

	private void oneSession(String base) {
		String task = ApiTestSupport.unique("crash");
		this.tasks.add(task);
		write(base, "task", task, null, null, this.pmToken, API + "/tasks", "{\"task_code\": \"" + task
				+ "\", \"title\": \"Task " + task
				+ "\", \"description\": \"Build it\", \"metadata\": {\"acceptance_criteria\": [\"it works\"]}}");
		String key = write(base, "session", task, null, null, this.agentToken, API + "/sessions",
				"{\"task_code\": \"" + task + "\", \"agent_id\": " + this.agentId + "}")
			.json()
			.get("session_key")
			.asText();
		for (int i = 0; i < PHASES.size(); i++) {
			String phase = PHASES.get(i);
			String artifact = ARTIFACTS.get(i);
			write(base, "artifact", task, key, artifact, this.agentToken, API + "/sessions/" + key + "/artifacts",
					"{\"name\": \"" + artifact + "\", \"content\": \"# " + artifact + " of " + key + "\\n\"}");
			if (phase.equals("close")) {
				write(base, "end", task, key, phase, this.agentToken, API + "/sessions/" + key + "/end", "{}");
			}
			else {
				write(base, "phase", task, key, phase, this.agentToken, API + "/sessions/" + key + "/phase-complete",
						completion(phase));
			}
		}
	}

	static String completion(String phase) {
		return phase.equals("review") ? "{\"phase\": \"review\", \"qa_status\": \"qa_passed\"}"
				: "{\"phase\": \"" + phase + "\"}";
	}

	private ApiClient.Response write(String base, String kind, String task, String session, String phase, String token,
			String path, String body) {
		String key = UUID.randomUUID().toString();
		ApiClient.Response answer = new ApiClient(base, token).withHeader(IdempotencyTests.KEY, key).post(path, body);
		if (answer.status() / 100 != 2) {
			this.unexpected.add(kind + " " + path + ": " + answer);
			throw new IllegalStateException(answer.toString());
		}
		this.acks.add(new Ack(kind, task, session, phase, token, path, body, key, answer));
		return answer;
	}

	/**
	 * Walks a session on from wherever it is to its end, without idempotency keys.
	 */
	static void finish(ApiClient agent, String key) {
		for (int guard = 0; guard < PHASES.size(); guard++) {
			JsonNode session = agent.get(API + "/sessions/" + key).json();
			if (!session.get("status").asText().equals("running")) {
				break;
			}
			String phase = session.get("current_phase").asText();
			String artifact = ARTIFACTS.get(PHASES.indexOf(phase));
			ApiClient.Response put = agent.post(API + "/sessions/" + key + "/artifacts",
					"{\"name\": \"" + artifact + "\", \"content\": \"# " + artifact + " after the restart\\n\"}");
			assertThat(put.status()).as(put.toString()).isEqualTo(201);
			ApiClient.Response moved = phase.equals("close") ? agent.post(API + "/sessions/" + key + "/end", "{}")
					: agent.post(API + "/sessions/" + key + "/phase-complete", completion(phase));
			assertThat(moved.status()).as(key + " " + phase + ": " + moved).isEqualTo(200);
		}
		assertThat(agent.get(API + "/sessions/" + key).json().get("status").asText()).as(key).isEqualTo("completed");
	}

	/** Every event of the session, oldest first. */
	static List<JsonNode> events(ApiClient client, String key) {
		List<JsonNode> events = new ArrayList<>();
		long after = 0;
		while (true) {
			ApiClient.Response page = client
				.get(API + "/events?session_key=" + key + "&limit=1000" + ((after > 0) ? "&after_id=" + after : ""));
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			page.json().get("data").forEach(events::add);
			if (page.json().get("next_after_id").isNull()) {
				return events;
			}
			after = page.json().get("next_after_id").asLong();
		}
	}

	static long count(List<JsonNode> events, String type) {
		return events.stream().filter((e) -> e.get("event_type").asText().equals(type)).count();
	}

	/**
	 * The session's record, its process instance in Flowable and its event log agree: a
	 * running session's phase process is in the phase the session names and waits where
	 * it says; every phase before it started and ended once, the current one started once
	 * and has not ended; an ended session has no process left running.
	 */
	static void assertConsistent(ApiClient admin, String key) {
		JsonNode session = admin.get(API + "/sessions/" + key).json();
		String status = session.get("status").asText();
		String processInstance = session.get("process_instance_id").asText();
		List<JsonNode> events = events(admin, key);
		if (status.equals("running")) {
			String phase = session.get("current_phase").asText();
			JsonNode children = admin
				.get("/process-api/runtime/process-instances?superProcessInstanceId=" + processInstance)
				.json()
				.get("data");
			assertThat(children).as(key + ": one phase process").hasSize(1);
			String child = children.get(0).get("id").asText();
			assertThat(admin.get("/process-api/runtime/process-instances/" + child + "/variables/phase")
				.json()
				.get("value")
				.asText()).as(key + ": Flowable's phase").isEqualTo(phase);
			JsonNode tasks = admin.get("/process-api/runtime/tasks?processInstanceId=" + child).json().get("data");
			assertThat(tasks).as(key + ": one open user task").hasSize(1);
			assertThat(tasks.get(0).get("taskDefinitionKey").asText()).as(key + ": waiting_for")
				.isEqualTo(session.get("waiting_for").asText().equals("agent") ? "workOnPhase" : "approveOverride");
			String lastStart = events.stream()
				.map((e) -> e.get("event_type").asText())
				.filter((t) -> t.matches("orchestration\\.phase\\.[a-z]+\\.start"))
				.reduce((a, b) -> b)
				.orElseThrow();
			assertThat(lastStart).as(key + ": the last phase start event")
				.isEqualTo("orchestration.phase." + phase + ".start");
			int current = PHASES.indexOf(phase);
			for (int i = 0; i <= current; i++) {
				String p = PHASES.get(i);
				assertThat(count(events, "orchestration.phase." + p + ".start")).as(key + " " + p + " started")
					.isEqualTo(1);
				assertThat(count(events, "orchestration.phase." + p + ".end")).as(key + " " + p + " ended")
					.isEqualTo((i < current) ? 1 : 0);
			}
		}
		else {
			assertThat(status).as(key).isEqualTo("completed");
			assertThat(admin.get("/process-api/runtime/process-instances/" + processInstance).status())
				.as(key + ": an ended session's process has ended")
				.isEqualTo(404);
			for (String p : PHASES) {
				assertThat(count(events, "orchestration.phase." + p + ".start")).as(key + " " + p).isEqualTo(1);
			}
			assertThat(count(events, "orchestration.session.completed")).as(key).isEqualTo(1);
		}
	}

}
