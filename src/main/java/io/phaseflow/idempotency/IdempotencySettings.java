package io.phaseflow.idempotency;

import io.phaseflow.api.ProblemResponses;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code Idempotency-Key} on every POST of Phaseflow's API and Flowable's, after
 * authentication (keys belong to the caller).
 */
@Configuration(proxyBeanMethods = false)
class IdempotencySettings {

	/**
	 * Runs after Spring Security's filters, and around the transaction Flowable's REST
	 * API requests run in.
	 */
	static final int ORDER = 0;

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys, ProblemResponses problems,
			PlatformTransactionManager transactions) {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
				new IdempotencyFilter(keys, problems, transactions));
		registration.addUrlPatterns("/api/*", "/process-api/*");
		registration.setName("idempotencyKeys");
		registration.setOrder(ORDER);
		return registration;
	}

}
