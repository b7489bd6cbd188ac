package io.phaseflow.flowable.processapi;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs every changing request to Flowable's REST API ({@code /process-api}) in one
 * transaction, as Phaseflow's own API runs each call: the access check can lock the
 * session before the engine reads the task, and a request answered with an error changes
 * nothing.
 */
@Configuration(proxyBeanMethods = false)
class ProcessApiTransactions {

	/** Inside the idempotency-key filter, which may hold the transaction already. */
	private static final int AFTER_IDEMPOTENCY_KEYS = 10;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> processApiTransactionFilter(
			PlatformTransactionManager transactionManager) {
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		OncePerRequestFilter filter = new OncePerRequestFilter() {

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
						|| "OPTIONS".equals(request.getMethod());
			}

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Exception failure = transactions.execute((status) -> {
					try {
						chain.doFilter(request, response);
					}
					catch (IOException | ServletException | RuntimeException ex) {
						status.setRollbackOnly();
						return ex;
					}
					if (response.getStatus() >= 400) {
						status.setRollbackOnly();
					}
					return null;
				});
				if (failure instanceof IOException io) {
					throw io;
				}
				if (failure instanceof ServletException servlet) {
					throw servlet;
				}
				if (failure instanceof RuntimeException runtime) {
					throw runtime;
				}
			}

		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/process-api/*");
		registration.setName("processApiTransactions");
		registration.setOrder(AFTER_IDEMPOTENCY_KEYS);
		return registration;
	}

}
