package io.phaseflow.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers Flowable's identity resources ({@code /process-api/identity/*}) with a 404
 * problem: Phaseflow runs Flowable without its user store (callers are Phaseflow's
 * tokens), so those resources have nothing behind them and would fail with a 500. The
 * security chain runs first, so a caller who is not an ADMIN still gets 401 or 403.
 */
@Configuration(proxyBeanMethods = false)
class ProcessApiIdentity {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> processApiIdentityFilter(ProblemResponses problems) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws IOException {
				problems.write(request, response, HttpStatus.NOT_FOUND, "Not found",
						"Flowable's users and groups are not kept here: callers are Phaseflow's tokens "
								+ "(GET /api/orchestration/admin/tokens), their roles the groups",
						null);
			}

		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/process-api/identity", "/process-api/identity/*");
		registration.setName("processApiIdentity");
		return registration;
	}

}
