package io.phaseflow.bench.stack;

import java.util.HashMap;
import java.util.Map;

import io.phaseflow.flowable.FlowableWorkflowEngine;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

import org.springframework.context.annotation.Profile;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The session process over HTTP with nothing of Phaseflow's: the benchmark's baseline for
 * what the frameworks cost a lifecycle (Tomcat, Spring MVC and its JSON, Spring's
 * transactions, Flowable's engine as Spring Boot configures it), between bare Flowable
 * in-process and Phaseflow's server. It does what the bare-Flowable baseline does, one
 * request per step and one transaction per request, as the server does: start the session
 * process, then complete the agent's task of each phase, found by the server's query. No
 * authentication, no answer beyond an id, none of Phaseflow's tables.
 */
@RestController
@Profile(FrameworkStack.PROFILE)
class StackSessions {

	private static final String WORK = "workOnPhase";

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final TransactionTemplate transactions;

	private final String waitingTaskSql;

	StackSessions(RuntimeService runtime, TaskService tasks, ManagementService management,
			TransactionTemplate transactions) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.transactions = transactions;
		this.waitingTaskSql = FlowableWorkflowEngine.waitingTaskSql(management);
	}

	/** Starts a session's process: {@code {"session_key": …, "agent": …}}. */
	@PostMapping("/stack/sessions")
	Map<String, String> start(@RequestBody Map<String, String> request) {
		String agent = request.get("agent");
		return as(agent, () -> {
			Map<String, Object> variables = new HashMap<>();
			variables.put("sessionKey", request.get("session_key"));
			variables.put("agentAssignee", agent);
			variables.put("staleAfter", "PT4H");
			String id = this.runtime.createProcessInstanceBuilder()
				.processDefinitionKey("agentTaskSession")
				.businessKey(request.get("session_key"))
				.variables(variables)
				.start()
				.getId();
			return Map.of("id", id);
		});
	}

	/**
	 * Completes the agent's task of the running phase: {@code {"agent": …}}; QA passed,
	 * no override, as the benchmark's lifecycles send.
	 */
	@PostMapping("/stack/sessions/{id}/complete")
	Map<String, String> complete(@PathVariable String id, @RequestBody Map<String, String> request) {
		return as(request.get("agent"), () -> {
			Task task = this.tasks.createNativeTaskQuery()
				.sql(this.waitingTaskSql)
				.parameter("session", id)
				.parameter("work", WORK)
				.parameter("approve", "approveOverride")
				.list()
				.stream()
				.filter((waiting) -> WORK.equals(waiting.getTaskDefinitionKey()))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("Session process " + id + " waits for no work"));
			Map<String, Object> variables = new HashMap<>();
			variables.put("overrideRequested", false);
			variables.put("overrideReason", null);
			variables.put("qaStatus", "qa_passed");
			this.tasks.complete(task.getId(), variables);
			return Map.of("completed", task.getId());
		});
	}

	/** In one transaction, Flowable's authenticated user being {@code agent}. */
	private Map<String, String> as(String agent, java.util.function.Supplier<Map<String, String>> work) {
		Authentication.setAuthenticatedUserId(agent);
		try {
			return this.transactions.execute((status) -> work.get());
		}
		finally {
			Authentication.setAuthenticatedUserId(null);
		}
	}

}
