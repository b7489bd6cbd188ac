package io.phaseflow.bench.stack;

import java.util.Map;
import java.util.function.Supplier;

import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;

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
 * in-process and Phaseflow's server. It does what the bare-Flowable baseline does
 * ({@link BaselineSession}), one request per step and one transaction per request, as the
 * server does. No authentication, no answer beyond an id, none of Phaseflow's tables.
 */
@RestController
@Profile(FrameworkStack.PROFILE)
class StackSessions {

	private final BaselineSession sessions;

	private final TransactionTemplate transactions;

	StackSessions(RuntimeService runtime, TaskService tasks, ManagementService management,
			TransactionTemplate transactions) {
		this.sessions = new BaselineSession(runtime, tasks, management);
		this.transactions = transactions;
	}

	/** Starts a session's process: {@code {"session_key": …, "agent": …}}. */
	@PostMapping("/stack/sessions")
	Map<String, String> start(@RequestBody Map<String, String> request) {
		String agent = request.get("agent");
		return as(agent, () -> Map.of("id", this.sessions.start(request.get("session_key"), agent)));
	}

	/** Completes the agent's task of the running phase: {@code {"agent": …}}. */
	@PostMapping("/stack/sessions/{id}/complete")
	Map<String, String> complete(@PathVariable String id, @RequestBody Map<String, String> request) {
		return as(request.get("agent"), () -> Map.of("completed", this.sessions.completeWork(id)));
	}

	/** In one transaction, Flowable's authenticated user being {@code agent}. */
	private Map<String, String> as(String agent, Supplier<Map<String, String>> work) {
		Authentication.setAuthenticatedUserId(agent);
		try {
			return this.transactions.execute((status) -> work.get());
		}
		finally {
			Authentication.setAuthenticatedUserId(null);
		}
	}

}
