package io.phaseflow.flowable.processapi;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.phaseflow.api.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.flowable.common.engine.api.FlowableForbiddenException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code GET /process-api/runtime/tasks/{id}/form} and {@code GET
 * /process-api/history/historic-task-instances/{id}/form} with {@link TaskFormResources},
 * before Flowable's resources would fail for want of a form engine. The security chain
 * runs first; the engine is looked up at the first request, as filters are made before
 * the database is migrated.
 */
@Configuration(proxyBeanMethods = false)
class TaskFormFilter {

	private static final Pattern FORM = Pattern
		.compile("/process-api/(?:runtime/tasks|history/historic-task-instances)/([^/]+)/form");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> processApiTaskFormFilter(ObjectProvider<TaskFormResources> forms,
			ProblemResponses problems) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return !"GET".equals(request.getMethod()) || !FORM.matcher(path(request)).matches();
			}

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Matcher form = FORM.matcher(path(request));
				if (!form.matches()) {
					chain.doFilter(request, response);
					return;
				}
				try {
					byte[] body = TaskFormResources.JSON.writeValueAsBytes(forms.getObject().form(form.group(1)));
					response.setContentType(MediaType.APPLICATION_JSON_VALUE);
					response.getOutputStream().write(body);
				}
				catch (FlowableObjectNotFoundException ex) {
					problems.write(request, response, HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), null);
				}
				catch (FlowableForbiddenException ex) {
					problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage(), null);
				}
			}

		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/process-api/runtime/tasks/*", "/process-api/history/historic-task-instances/*");
		registration.setName("processApiTaskForms");
		return registration;
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
