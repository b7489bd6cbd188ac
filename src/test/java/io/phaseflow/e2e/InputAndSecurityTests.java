package io.phaseflow.e2e;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets a clear 4xx problem+json and changes nothing; tokens and roles guard
 * every call.
 */
abstract class InputAndSecurityTests extends ApiTestSupport {

	@Test
	void badInputIsRefusedWithAProblemAndChangesNothing() {
		ApiClient pm = clientWith("PM");
		String sprint = unique("bad");
		String task = unique("bad-task");
		assertThat(createSprint(pm, sprint).status()).isEqualTo(201);
		assertThat(createTask(pm, task, null).status()).isEqualTo(201);
		int events = eventCount();

		refused(pm.post(API + "/tasks", "{\"task_code\": \"x\", \"title\": "), 400, null);
		refused(pm.post(API + "/tasks", "[1, 2]"), 400, null);
		refused(pm.post(API + "/tasks", ""), 400, null);
		refused(pm.post(API + "/tasks", "{\"task_code\": \"x1\", \"title\": 5}"), 400, "title");
		refused(pm.post(API + "/tasks", "{\"task_code\": \"x1\", \"title\": \"t\", \"estimate_minutes\": \"ten\"}"),
				400, "estimate_minutes");
		refused(pm.post(API + "/tasks", "{\"task_code\": \"x1\", \"title\": \"t\", \"metadata\": \"notes\"}"), 400,
				"metadata");
		refused(pm.post(API + "/tasks", "{\"task_code\": \"x1\", \"title\": \"t\", \"prority\": \"P1\"}"), 400,
				"prority");
		refused(pm.post(API + "/tasks", "{\"task_code\": \"x1\", \"title\": \"t\", \"status\": \"done\"}"), 422,
				"status");
		refused(pm.post(API + "/tasks", "{\"task_code\": \"x1\", \"title\": \"t\", \"priority\": \"P9\"}"), 422,
				"priority");
		refused(pm.post(API + "/tasks", "{\"task_code\": \"x1\"}"), 422, "title");
		refused(pm.post(API + "/tasks", "{\"task_code\": \"x1\", \"title\": \"two\\n## lines\"}"), 422, "title");
		refused(pm.post(API + "/tasks", "{\"task_code\": \"../../etc/passwd\", \"title\": \"t\"}"), 422, "task_code");
		refused(pm.post(API + "/tasks", "{\"task_code\": \"a/b\", \"title\": \"t\"}"), 422, "task_code");
		refused(pm.post(API + "/tasks", "{\"task_code\": \"x1\", \"title\": \"t\", \"estimate_minutes\": -5}"), 422,
				"estimate_minutes");
		refused(pm.post(API + "/tasks",
				"{\"task_code\": \"x1\", \"title\": \"t\", \"sprint_code\": \"nope-" + sprint + "\"}"), 422,
				"sprint_code");
		refused(pm.post(API + "/tasks", "{\"task_code\": \"x1\", \"title\": \"t\", \"sprint_id\": 987654321}"), 422,
				"sprint_id");
		refused(pm.post(API + "/tasks", "{\"task_code\": \"" + task.toUpperCase() + "\", \"title\": \"t\"}"), 409,
				"task_code");
		refused(createSprint(pm, sprint), 409, "sprint_code");
		refused(pm.patch(API + "/tasks/" + task, "{\"task_code\": \"other\"}"), 422, "task_code");
		refused(pm.patch(API + "/tasks/" + task, "{\"title\": null}"), 422, "title");
		refused(pm.patch(API + "/tasks/" + task, "{\"priority\": \"urgent\"}"), 422, "priority");
		refused(pm.patch(API + "/sprints/" + sprint, "{\"status\": \"finished\"}"), 422, "status");
		refused(pm.patch(API + "/sprints/" + sprint, "{\"sprint_code\": \"renamed\"}"), 422, "sprint_code");
		refused(pm.get(API + "/tasks/no-such-task"), 404, null);
		refused(pm.patch(API + "/tasks/no-such-task", "{\"title\": \"x\"}"), 404, null);
		refused(pm.get(API + "/sprints/no-such-sprint"), 404, null);
		refused(pm.get(API + "/tasks/..%2F..%2Fetc"), 400, null);
		refused(pm.get(API + "/pm-tools/status-report?sprint_code=no-such-sprint"), 404, null);
		refused(pm.get(API + "/pm-tools/status-report"), 400, "sprint_code");
		refused(pm.get(API + "/tasks?status=finished"), 400, "status");
		refused(pm.get(API + "/events?limit=0"), 400, "limit");
		refused(pm.get(API + "/events?limit=abc"), 400, "limit");
		refused(pm.get(API + "/events?entity_type=planet"), 400, "entity_type");
		refused(pm.withHeader("X-Correlation-Id", "bad id with spaces").get(API + "/tasks"), 400, "X-Correlation-Id");
		refused(pm.send("PUT", API + "/tasks/" + task, "{}"), 405, null);
		refused(pm.post(API + "/agents", "{\"handle\": \"12345\"}"), 422, "handle");

		refused(pm.post(API + "/tasks", "{\"task_code\": \"x1\", \"title\": \"t\", \"estimate_minutes\": 99999999999}"),
				400, null);
		refused(pm.post(API + "/tasks", "{\"task_code\": \"x1\", \"title\": \"t\", \"sprint_id\": 1.5}"), 400,
				"sprint_id");
		refused(pm.post(API + "/tasks", "{\"task_code\": \"x1\", \"title\": \"" + "t".repeat(501) + "\"}"), 422,
				"title");
		refused(pm.post(API + "/tasks", "{\"task_code\": \"" + "x".repeat(101) + "\", \"title\": \"t\"}"), 422,
				"task_code");
		refused(pm.post(API + "/tasks", "{\"task_code\": \"x1\", \"title\": \"nul\\u0000byte\"}"), 422, "title");
		refused(pm.post(API + "/tasks",
				"{\"task_code\": \"x1\", \"title\": \"t\", \"metadata\": {\"k\": \"nul\\u0000byte\"}}"), 422,
				"metadata");
		refused(pm.post(API + "/tasks", "{\"task_code\": \"x1\", \"title\": \"t\", \"metadata\": "
				+ "{\"a\":".repeat(2000) + "1" + "}".repeat(2000) + "}"), 400, null);
		refused(pm.get(API + "/tasks/%C3%BCmlaut"), 400, null);
		refused(pm.get(API + "/events?after_id=-1"), 400, "after_id");
		refused(pm.get(API + "/events?limit=99999999999"), 400, "limit");
		refused(pm.withHeader("X-Correlation-Id", "c".repeat(101)).get(API + "/tasks"), 400, "X-Correlation-Id");
		refused(pm.send("POST", API + "/tasks", "<task/>"), 400, null);

		assertThat(eventCount()).as("no refused request wrote an event").isEqualTo(events);
		assertThat(pm.get(API + "/tasks/" + task).json().get("title").asText()).isEqualTo("Task " + task);
	}

	@Test
	void edgesTheHostileInputSuiteFoundAreProblemsNotServerErrors() {
		ApiClient admin = this.admin;
		refused(admin.post(API + "/sessions/no-such-session/notes",
				"{\"kind\": \"note\", \"text\": \"a\", \"kind\": \"update\"}"), 400, null);
		refused(admin.post(API + "/tasks", "{\"task_code\": \"x1\", \"title\": \"t\", \"title\": \"u\"}"), 400, null);
		refused(admin.get("/process-api/runtime/tasks?start=abc"), 400, null);
		refused(admin.get("/process-api/runtime/tasks?priority=%7B%7B7*7%7D%7D"), 400, null);
		refused(admin.get("/process-api/repository/process-definitions?size=%C3%BCmlaut"), 400, null);
		refused(admin.get("/actuator/health?line%0D%0AX-Injected%3A+1=1"), 400, null);
		refused(admin.postFiles(API + "/workflow/deployments",
				List.of(new ApiClient.FilePart("bpmn", "a\u0000b.bpmn20.xml", "<definitions/>"))), 400, null);
		refused(admin.get(API + "/tasks/a%00b"), 400, null);
		refused(admin.get(API + "/sessions/..%5C..%5Cwindows%5Cwin.ini"), 400, null);
		// a null where a list takes an element
		SessionDriver sessions = SessionDriver.with(clientWith("PM"), clientWith("AGENT"));
		String key = sessions.awaitingOverrideApproval("nulls").get("session_key").asText();
		String task = admin
			.post("/process-api/query/tasks",
					"{\"processInstanceVariables\": [{\"name\": " + "\"sessionKey\", \"value\": \"" + key
							+ "\", \"operation\": \"equals\", \"type\": \"string\"}]}")
			.json()
			.at("/data/0/id")
			.asText();
		refused(admin.post("/process-api/runtime/tasks/" + task, "{\"action\": \"complete\", \"variables\": [null]}"),
				400, null);
		refused(admin.post("/process-api/form/form-data", "{\"taskId\": \"" + task + "\", \"properties\": [null]}"),
				400, null);
		refused(admin.post("/process-api/query/tasks", "{\"processInstanceVariables\": [null]}"), 400, null);
		refused(admin.post("/process-api/query/tasks", "{\"taskVariables\": [null]}"), 400, null);
		refused(admin.post(API + "/sessions/" + key + "/phase-complete", "{\"artifacts\": [null]}"), 400, null);
		refused(admin.post(API + "/sessions/" + key + "/end", "{\"force\": true, \"artifacts\": [null]}"), 400, null);
		refused(admin.post(API + "/admin/tokens", "{\"name\": \"zz\", \"roles\": [null]}"), 400, null);
		assertThat(sessions.session(key).get("status").asText()).isEqualTo("awaiting_override");
	}

	@Test
	void oversizedRequestsAreRefusedBeforeTheyAreRead() throws Exception {
		ApiClient pm = clientWith("PM");
		String code = ApiTestSupport.unique("big");
		String huge = "{\"task_code\": \"" + code + "\", \"title\": \"Big\", \"description\": \""
				+ "x".repeat(3_000_000) + "\"}";
		refused(pm.post(API + "/tasks", huge), 413, null);

		HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + API + "/tasks"))
			.header("Authorization", "Bearer " + tokenWith("PM"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
			.build();
		HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as("a chunked body without a length is counted as it is read").isEqualTo(413);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(pm.get(API + "/tasks/" + code).status()).isEqualTo(404);

		ApiClient admin = this.admin;
		refused(admin.postFiles(API + "/workflow/deployments",
				List.of(new ApiClient.FilePart("bpmn", "huge.bpmn20.xml", "<x/>" + " ".repeat(1_100_000)))), 413, null);
		refused(pm.get(API + "/events?limit=100000"), 400, "limit");
	}

	@Test
	void listsOfTasksSprintsAndAgentsComeInPagesOfOneToAThousand() {
		ApiClient pm = clientWith("PM");
		for (String list : List.of("/tasks", "/sprints", "/agents")) {
			refused(pm.get(API + list + "?limit=0"), 400, "limit");
			refused(pm.get(API + list + "?limit=1001"), 400, "limit");
			refused(pm.get(API + list + "?limit=abc"), 400, "limit");
			refused(pm.get(API + list + "?limit=99999999999"), 400, "limit");
			refused(pm.get(API + list + "?after_id=-1"), 400, "after_id");
			refused(pm.get(API + list + "?after_id=abc"), 400, "after_id");
			assertThat(pm.get(API + list + "?limit=1000&after_id=0").status()).isEqualTo(200);
		}
	}

	@Test
	void anArtifactHasAMaximumSize() {
		SessionDriver sessions = SessionDriver.with(clientWith("PM"), clientWith("AGENT"));
		String key = sessions.start(sessions.readyTask(), 201).get("session_key").asText();
		ApiClient.Response tooLong = sessions.agent()
			.post(API + "/sessions/" + key + "/artifacts",
					"{\"name\": \"TASK.md\", \"content\": \"" + "y".repeat(500_001) + "\"}");
		refused(tooLong, 422, "content");
		assertThat(sessions.agent().get(API + "/sessions/" + key + "/artifacts").json().get("data")).isEmpty();
	}

	@Test
	void agentsAreRegisteredAndFoundByIdOrHandle() {
		ApiClient pm = clientWith("PM");
		String handle = unique("claude");
		ApiClient.Response registered = pm.post(API + "/agents",
				"{\"handle\": \"" + handle + "\", \"name\": \"Claude\", \"capabilities\": [\"java\", \"sql\"]}");
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		long id = registered.json().get("id").asLong();
		assertThat(registered.json().get("kind").asText()).isEqualTo("ai");
		assertThat(pm.get(API + "/agents/" + id).json().get("handle").asText()).isEqualTo(handle);
		assertThat(pm.get(API + "/agents/" + handle).json().get("id").asLong()).isEqualTo(id);
		assertThat(pm.get(API + "/agents/" + handle).json().get("capabilities")).hasSize(2);
		refused(pm.post(API + "/agents", "{\"handle\": \"" + handle + "\"}"), 409, "handle");
		refused(pm.post(API + "/agents", "{\"handle\": \"x-" + handle + "\", \"kind\": \"robot\"}"), 422, "kind");
	}

	@Test
	void callersNeedAValidTokenAndTheRightRole() {
		ApiClient anonymous = this.admin.as(null);
		refused(anonymous.get(API + "/tasks"), 401, null);
		assertThat(anonymous.get(API + "/tasks").header("WWW-Authenticate")).isEqualTo("Bearer");
		refused(anonymous.post(API + "/sprints", "{}"), 401, null);
		refused(this.admin.as("pf_not-a-real-token").get(API + "/tasks"), 401, null);

		ApiClient agent = clientWith("AGENT");
		ApiClient reviewer = clientWith("REVIEWER");
		assertThat(agent.get(API + "/tasks").status()).isEqualTo(200);
		refused(createSprint(agent, unique("agent-sprint")), 403, null);
		refused(createTask(reviewer, unique("reviewer-task"), null), 403, null);
		refused(agent.post(API + "/admin/tokens", "{\"name\": \"sneaky\", \"roles\": [\"ADMIN\"]}"), 403, null);
		refused(clientWith("PM").get(API + "/admin/tokens"), 403, null);
		assertThat(createSprint(clientWith("PM", "REVIEWER"), unique("two-roles")).status()).isEqualTo(201);
		assertThat(createSprint(this.admin, unique("admin-sprint")).status()).as("ADMIN holds every role")
			.isEqualTo(201);
	}

	@Test
	void healthInfoAndApiDocsArePublic() {
		ApiClient anonymous = this.admin.as(null);
		ApiClient.Response health = anonymous.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asText()).isEqualTo("UP");
		assertThat(anonymous.get("/actuator/info").status()).isEqualTo(200);
		ApiClient.Response docs = anonymous.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().at("/paths").has(API + "/tasks/{code}")).isTrue();
		assertThat(docs.json().at("/components/securitySchemes/bearer-token/scheme").asText()).isEqualTo("bearer");
		assertThat(docs.body()).as("the documented fields are the wire's snake_case names")
			.contains("\"sprint_code\"")
			.doesNotContain("\"sprintCode\"");
		assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
		refused(anonymous.get("/actuator/metrics"), 401, null);
		assertThat(this.admin.get("/actuator/metrics").status()).isEqualTo(200);
	}

	@Test
	void theFirstAdminTokenIsWrittenPrivatelyAndTokensCanBeRevoked() throws Exception {
		Path file = this.properties.dataDir().resolve("admin.token");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

		ApiClient.Response issued = this.admin.post(API + "/admin/tokens",
				"{\"name\": \"" + unique("ci") + "\", \"roles\": [\"PM\"]}");
		assertThat(issued.status()).isEqualTo(201);
		String secret = issued.json().get("token").asText();
		long id = issued.json().get("id").asLong();
		ApiClient ci = this.admin.as(secret);
		assertThat(ci.get(API + "/sprints").status()).isEqualTo(200);

		JsonNode listed = this.admin.get(API + "/admin/tokens").json().get("data");
		assertThat(listed.toString()).doesNotContain(secret);

		assertThat(this.admin.delete(API + "/admin/tokens/" + id).json().get("revoked_at").isNull()).isFalse();
		refused(ci.get(API + "/sprints"), 401, null);
		refused(this.admin.delete(API + "/admin/tokens/987654321"), 404, null);

		long adminId = 0;
		for (JsonNode token : listed) {
			if (token.get("name").asText().equals("admin")) {
				adminId = token.get("id").asLong();
			}
		}
		refused(this.admin.delete(API + "/admin/tokens/" + adminId), 409, null);
		refused(this.admin.post(API + "/admin/tokens", "{\"name\": \"admin\", \"roles\": [\"PM\"]}"), 409, "name");
		refused(this.admin.post(API + "/admin/tokens", "{\"name\": \"x\", \"roles\": [\"ROOT\"]}"), 422, "roles[0]");
	}

	static void refused(ApiClient.Response response, int status, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.isProblem()).as("problem+json: " + response.contentType()).isTrue();
		JsonNode problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asText()).isNotBlank();
		assertThat(problem.has("errors")).as("errors member: " + problem).isTrue();
		assertThat(response.body()).doesNotContain("Exception", "at io.phaseflow", "SQL");
		if (field != null) {
			assertThat(problem.get("errors")).extracting((e) -> e.get("field").asText()).contains(field);
		}
	}

}
