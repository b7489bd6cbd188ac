package io.phaseflow.api;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import io.phaseflow.common.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the caller's {@code X-Correlation-Id} (or makes one), exposes it to the events
 * written while handling the request and echoes it in the response.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

	/** The request and response header carrying the correlation id. */
	public static final String HEADER = "X-Correlation-Id";

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private final ProblemResponses problems;

	public CorrelationIdFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		if (given != null && !VALID.matcher(given).matches()) {
			this.problems.write(request, response, HttpStatus.BAD_REQUEST, "Bad request",
					HEADER + " must be 1-100 characters of letters, digits, '.', '_', ':' or '-'", HEADER);
			return;
		}
		String id = (given != null) ? given : UUID.randomUUID().toString();
		MDC.put(RequestContext.CORRELATION_ID, id);
		response.setHeader(HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RequestContext.CORRELATION_ID);
		}
	}

}
