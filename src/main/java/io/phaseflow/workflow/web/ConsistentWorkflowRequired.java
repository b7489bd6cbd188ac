package io.phaseflow.workflow.web;

import io.phaseflow.workflow.deployment.WorkflowConsistency;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * While the active version is inconsistent (deployed by an older run), the calls that
 * start a session or move one through its phases are refused with 503 naming the fix;
 * reading, notes, artifacts, pausing, ending and terminating sessions, and deploying a
 * fixed version, go on as before.
 */
@Component
class ConsistentWorkflowRequired implements HandlerInterceptor, WebMvcConfigurer {

	private final WorkflowConsistency consistency;

	ConsistentWorkflowRequired(WorkflowConsistency consistency) {
		this.consistency = consistency;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this)
			.addPathPatterns("/api/orchestration/agent/init", "/api/orchestration/sessions",
					"/api/orchestration/sessions/*/phase-complete", "/api/orchestration/sessions/*/resume",
					"/api/orchestration/overrides/*/decision");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (HttpMethod.POST.matches(request.getMethod())) {
			this.consistency.requireConsistent();
		}
		return true;
	}

}
