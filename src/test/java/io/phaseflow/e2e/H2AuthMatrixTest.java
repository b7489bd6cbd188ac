package io.phaseflow.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, for every endpoint: one table says which role each endpoint needs,
 * every endpoint the server maps must have a row (so a new one cannot be forgotten), and
 * each row is called as anonymous, AGENT, PM, REVIEWER, ADMIN and with a revoked token.
 * Anonymous callers get 401 (except on public endpoints), a revoked token 401 everywhere,
 * callers without the role 403, callers with it anything but 401/403 — all as
 * problem+json where refused, and never a 5xx.
 */
class H2AuthMatrixTest extends ApiTestSupport {

	/** Who may call an endpoint. */
	enum Need {

		PUBLIC, ANY, AGENT, PM, REVIEWER, ADMIN, PM_AGENT_REVIEWER;

		boolean allows(String role) {
			return switch (this) {
				case PUBLIC, ANY -> true;
				case PM_AGENT_REVIEWER -> !role.isEmpty();
				default -> role.equals("ADMIN") || role.equals(name());
			};
		}

	}

	record Row(String method, String path, Need need) {
	}

	/** The specification: every endpoint and the role it needs. */
	static final List<Row> TABLE = List.of(
	// @formatter:off
			row("GET", "/api/orchestration/sprints", Need.ANY),
			row("POST", "/api/orchestration/sprints", Need.PM),
			row("GET", "/api/orchestration/sprints/{code}", Need.ANY),
			row("PATCH", "/api/orchestration/sprints/{code}", Need.PM),
			row("GET", "/api/orchestration/sprints/{code}/history", Need.ANY),
			row("POST", "/api/orchestration/sprints/{code}/sync", Need.PM),
			row("GET", "/api/orchestration/tasks", Need.ANY),
			row("POST", "/api/orchestration/tasks", Need.PM),
			row("GET", "/api/orchestration/tasks/{code}", Need.ANY),
			row("PATCH", "/api/orchestration/tasks/{code}", Need.PM),
			row("GET", "/api/orchestration/tasks/{code}/history", Need.ANY),
			row("POST", "/api/orchestration/tasks/{code}/sync", Need.PM),
			row("POST", "/api/orchestration/tasks/{code}/import", Need.PM),
			row("POST", "/api/orchestration/tasks/{code}/rollback", Need.PM),
			row("POST", "/api/orchestration/sprints/{code}/rollback", Need.PM),
			row("GET", "/api/orchestration/sync/status", Need.ANY),
			row("GET", "/api/orchestration/agents", Need.ANY),
			row("POST", "/api/orchestration/agents", Need.PM),
			row("GET", "/api/orchestration/agents/{reference}", Need.ANY),
			row("GET", "/api/orchestration/events", Need.ANY),
			row("GET", "/api/orchestration/events/session/{sessionKey}", Need.ANY),
			row("GET", "/api/orchestration/events/stream", Need.ANY),
			row("GET", "/api/orchestration/context/search", Need.ANY),
			row("POST", "/api/orchestration/admin/events/archive", Need.ADMIN),
			row("GET", "/api/orchestration/admin/tokens", Need.ADMIN),
			row("POST", "/api/orchestration/admin/tokens", Need.ADMIN),
			row("DELETE", "/api/orchestration/admin/tokens/{id}", Need.ADMIN),
			row("GET", "/api/orchestration/pm-tools/status-report", Need.ANY),
			row("POST", "/api/orchestration/pm-tools/task-status", Need.AGENT),
			row("POST", "/api/orchestration/pm-tools/bug-report", Need.PM_AGENT_REVIEWER),
			row("POST", "/api/orchestration/pm-tools/adr", Need.PM),
			row("POST", "/api/orchestration/agent/init", Need.AGENT),
			row("GET", "/api/orchestration/sessions", Need.ANY),
			row("POST", "/api/orchestration/sessions", Need.AGENT),
			row("GET", "/api/orchestration/sessions/{key}", Need.ANY),
			row("GET", "/api/orchestration/sessions/{key}/context", Need.ANY),
			row("GET", "/api/orchestration/sessions/{key}/diagram", Need.ANY),
			row("GET", "/api/orchestration/sessions/{key}/artifacts", Need.ANY),
			row("POST", "/api/orchestration/sessions/{key}/artifacts", Need.AGENT),
			row("GET", "/api/orchestration/sessions/{key}/artifacts/{name}", Need.ANY),
			row("GET", "/api/orchestration/sessions/{key}/artifacts/{name}/draft", Need.ANY),
			row("POST", "/api/orchestration/sessions/{key}/phase-complete", Need.AGENT),
			row("POST", "/api/orchestration/sessions/{key}/pause", Need.AGENT),
			row("POST", "/api/orchestration/sessions/{key}/resume", Need.AGENT),
			row("POST", "/api/orchestration/sessions/{key}/end", Need.AGENT),
			row("POST", "/api/orchestration/sessions/{key}/terminate", Need.AGENT),
			row("POST", "/api/orchestration/sessions/{key}/fail", Need.AGENT),
			row("POST", "/api/orchestration/sessions/{key}/transition", Need.PM),
			row("POST", "/api/orchestration/sessions/{key}/activity", Need.AGENT),
			row("GET", "/api/orchestration/sessions/{key}/iterations", Need.ANY),
			row("POST", "/api/orchestration/sessions/{key}/iterations", Need.AGENT),
			row("PATCH", "/api/orchestration/sessions/{key}/iterations/{number}", Need.AGENT),
			row("GET", "/api/orchestration/sessions/{key}/task-status", Need.ANY),
			row("GET", "/api/orchestration/sessions/{key}/notes", Need.ANY),
			row("POST", "/api/orchestration/sessions/{key}/notes", Need.AGENT),
			row("GET", "/api/orchestration/overrides", Need.REVIEWER),
			row("POST", "/api/orchestration/overrides/{id}/decision", Need.REVIEWER),
			row("GET", "/api/orchestration/workflow", Need.ANY),
			row("GET", "/api/orchestration/workflow/deployments", Need.ANY),
			row("POST", "/api/orchestration/workflow/deployments", Need.ADMIN),
			row("GET", "/api/orchestration/workflow/deployments/{id}", Need.ANY),
			row("GET", "/actuator/health", Need.PUBLIC),
			row("GET", "/actuator/info", Need.PUBLIC),
			row("GET", "/actuator/metrics", Need.ADMIN),
			row("GET", "/v3/api-docs", Need.PUBLIC),
			row("GET", "/error", Need.PUBLIC),
			row("GET", "/process-api/runtime/tasks", Need.ANY),
			row("POST", "/process-api/query/tasks", Need.ANY),
			row("GET", "/process-api/form/form-data", Need.ANY),
			row("GET", "/process-api/repository/process-definitions", Need.ANY),
			row("GET", "/process-api/repository/deployments", Need.ADMIN),
			row("GET", "/process-api/runtime/process-instances", Need.ADMIN),
			row("GET", "/process-api/history/historic-process-instances", Need.ADMIN),
			row("GET", "/process-api/history/historic-task-instances", Need.ANY),
			row("GET", "/process-api/history/historic-detail", Need.ADMIN),
			row("GET", "/process-api/runtime/tasks/{id}/form", Need.ANY),
			row("GET", "/process-api/management/engine", Need.ADMIN),
			row("GET", "/process-api/management/jobs", Need.ADMIN),
			row("GET", "/process-api/identity/users", Need.ADMIN),
			row("POST", "/process-api/identity/groups", Need.ADMIN));
	// @formatter:on

	static final List<String> ROLES = List.of("AGENT", "PM", "REVIEWER", "ADMIN");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private static Row row(String method, String path, Need need) {
		return new Row(method, path, need);
	}

	@Test
	void everyEndpointOfTheApiHasARow() {
		Set<String> mapped = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, ?> mapping : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = mapping.getKey();
			for (String path : info.getPatternValues()) {
				if (path.startsWith("/api/")) {
					info.getMethodsCondition().getMethods().forEach((method) -> mapped.add(method.name() + " " + path));
				}
			}
		}
		Set<String> specified = new TreeSet<>();
		TABLE.forEach((row) -> specified.add(row.method() + " " + row.path()));
		mapped.removeAll(specified);
		assertThat(mapped).as("endpoints without a row in the table").isEmpty();
	}

	@Test
	void everyRowAnswersEveryCallerAsSpecified() {
		ApiClient revoked = revokedClient();
		ApiClient anonymous = this.admin.as(null);
		Map<String, ApiClient> callers = new LinkedHashMap<>();
		// ADMIN is the first-start token: a second active ADMIN token would outlive this
		// test in the shared context and let another test revoke the last real admin
		ROLES.forEach((role) -> callers.put(role, role.equals("ADMIN") ? this.admin : clientWith(role)));
		List<String> wrong = new ArrayList<>();
		for (Row row : TABLE) {
			String path = row.path().replaceAll("\\{[^}]+}", "no-such-thing");
			String body = switch (row.method()) {
				case "POST", "PATCH" -> "{}";
				default -> null;
			};
			check(wrong, row, "anonymous", call(anonymous, row.method(), path, body), row.need() == Need.PUBLIC);
			check(wrong, row, "revoked", call(revoked, row.method(), path, body), false);
			callers.forEach((role, caller) -> check(wrong, row, role, call(caller, row.method(), path, body),
					row.need().allows(role)));
		}
		assertThat(wrong).as("answers that break the table").isEmpty();
	}

	/**
	 * Beyond roles, an AGENT token acts only for its own agent: every call that names an
	 * agent is refused (403, naming {@code agent_id}) when it names another, and changes
	 * nothing.
	 */
	@Test
	void everyCallThatNamesAnAgentIsRefusedForAnotherAgent() {
		ApiClient agent = clientWith("AGENT");
		long other = clientWith("AGENT").agentId();
		ApiClient pm = clientWith("PM");
		String task = unique("matrix");
		assertThat(createTask(pm, task, "\"description\": \"d\"").status()).isEqualTo(201);
		String sprint = unique("matrix");
		assertThat(createSprint(pm, sprint).status()).isEqualTo(201);
		String key = agent.post(API + "/sessions", "{\"task_code\": \"" + task + "\"}")
			.json()
			.get("session_key")
			.asText();
		List<List<String>> calls = List.of(
				List.of(API + "/agent/init",
						"{\"entity_type\": \"task\", \"entity_code\": \"" + task + "\", \"agent_id\": " + other + "}"),
				List.of(API + "/agent/init",
						"{\"entity_type\": \"sprint\", \"entity_code\": \"" + sprint + "\", \"agent_id\": " + other
								+ "}"),
				List.of(API + "/sessions", "{\"task_code\": \"" + task + "\", \"agent_id\": " + other + "}"),
				List.of(API + "/sessions/" + key + "/resume", "{\"agent_id\": " + other + "}"),
				List.of(API + "/pm-tools/task-status",
						"{\"task_code\": \"" + task + "\", \"status\": \"blocked\", \"agent_id\": " + other + "}"));
		calls.forEach((call) -> InputAndSecurityTests.refused(agent.post(call.get(0), call.get(1)), 403, "agent_id"));
		JsonNode session = agent.get(API + "/sessions/" + key).json();
		assertThat(session.get("agent_id").asLong()).isEqualTo(agent.agentId());
		assertThat(pm.get(API + "/tasks/" + task).json().get("status").asText()).isNotEqualTo("blocked");
	}

	/**
	 * The answer to one call; an event stream that opens is read no further than its
	 * status.
	 */
	private static ApiClient.Response call(ApiClient client, String method, String path, String body) {
		return path.endsWith("/events/stream") ? client.openStream(path) : client.send(method, path, body);
	}

	private static void check(List<String> wrong, Row row, String caller, ApiClient.Response answer, boolean allowed) {
		int status = answer.status();
		String where = row.method() + " " + row.path() + " as " + caller + ": " + status;
		if (status >= 500) {
			wrong.add(where + " (a server error)");
		}
		else if (allowed && (status == 401 || status == 403)) {
			wrong.add(where + " (should be allowed)");
		}
		else if (!allowed) {
			int expected = (caller.equals("anonymous") || caller.equals("revoked")) ? 401 : 403;
			if (status != expected) {
				wrong.add(where + " (expected " + expected + ")");
			}
			else if (!answer.isProblem()) {
				wrong.add(where + " (not problem+json)");
			}
		}
	}

	private ApiClient revokedClient() {
		ApiClient.Response issued = this.admin.post(API + "/admin/tokens",
				"{\"name\": \"" + unique("revoked") + "\", \"roles\": [\"ADMIN\"]}");
		ApiClient revoked = this.admin.as(issued.json().get("token").asText());
		assertThat(this.admin.delete(API + "/admin/tokens/" + issued.json().get("id").asText()).status()).isIn(200,
				204);
		return revoked;
	}

}
