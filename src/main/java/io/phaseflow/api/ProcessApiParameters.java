package io.phaseflow.api;

import java.io.IOException;
import java.util.Map;

import io.phaseflow.common.Drafts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a {@code /process-api} query parameter with a control character (400): Flowable
 * passes parameters to its queries as they are, and PostgreSQL fails on a NUL in a text,
 * which would answer 500. No value Flowable stores has one.
 */
@Configuration(proxyBeanMethods = false)
class ProcessApiParameters {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> processApiParameterCheck(ProblemResponses problems) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
					for (String value : parameter.getValue()) {
						if (Drafts.CONTROL.matcher(parameter.getKey()).find() || Drafts.CONTROL.matcher(value).find()) {
							problems.write(request, response, HttpStatus.BAD_REQUEST, "Bad request",
									"must not contain control characters", parameter.getKey());
							return;
						}
					}
				}
				chain.doFilter(request, response);
			}

		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/process-api/*");
		registration.setName("processApiParameterCheck");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

}
