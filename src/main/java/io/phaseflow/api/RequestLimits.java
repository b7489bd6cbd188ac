package io.phaseflow.api;

import java.io.IOException;

import io.phaseflow.common.Limits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code phaseflow.limits.max-request-size} with 413,
 * before anything reads it: by its {@code Content-Length}, or while it is read when the
 * length is not given (chunked).
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> requestSizeLimit(Limits limits, ProblemResponses problems) {
		long max = limits.maxRequestSize().toBytes();
		OncePerRequestFilter filter = new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (request.getContentLengthLong() > max) {
					problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
							"The request body is larger than " + limits.maxRequestSize() + " bytes", null);
					return;
				}
				try {
					chain.doFilter(new Bounded(request, max), response);
				}
				catch (BodyTooLarge ex) {
					if (response.isCommitted()) {
						throw ex;
					}
					response.reset();
					problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
							ex.getMessage(), null);
				}
			}

		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/api/*", "/process-api/*");
		registration.setName("requestSizeLimit");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** A body read beyond the limit: 413. */
	static final class BodyTooLarge extends IOException {

		BodyTooLarge(long max) {
			super("The request body is larger than " + max + " bytes");
		}

	}

	/** The request, whose body fails once more than the limit has been read. */
	private static final class Bounded extends HttpServletRequestWrapper {

		private final long max;

		Bounded(HttpServletRequest request, long max) {
			super(request);
			this.max = max;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int next = in.read();
					count((next >= 0) ? 1 : 0);
					return next;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int count = in.read(buffer, offset, length);
					count(Math.max(count, 0));
					return count;
				}

				private void count(int bytes) throws BodyTooLarge {
					this.read += bytes;
					if (this.read > Bounded.this.max) {
						throw new BodyTooLarge(Bounded.this.max);
					}
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}

			};
		}

	}

}
