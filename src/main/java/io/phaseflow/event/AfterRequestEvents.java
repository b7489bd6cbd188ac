package io.phaseflow.event;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Events about a request that outlive it: the record of a refused request, whose own
 * transaction rolls back. They are written once the request's transactions have ended, in
 * a transaction of their own, so that recording a refusal never holds a second database
 * connection while the request's first is open (a burst of refusals would otherwise drain
 * the pool). Outside a request they are written at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AfterRequestEvents extends OncePerRequestFilter {

	private static final String PENDING = AfterRequestEvents.class.getName() + ".pending";

	private final EventLog events;

	private final TransactionTemplate transactions;

	AfterRequestEvents(EventLog events, PlatformTransactionManager transactionManager) {
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Appends the event once the current request has ended, or now when there is none.
	 * Its payload should name the actor: the caller is no longer known then.
	 */
	public void append(NewEvent event) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getRequest().getAttribute(PENDING) instanceof List<?> pending) {
			@SuppressWarnings("unchecked")
			List<NewEvent> list = (List<NewEvent>) pending;
			list.add(event);
			return;
		}
		this.transactions.executeWithoutResult((status) -> this.events.append(event));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<NewEvent> pending = new ArrayList<>();
		request.setAttribute(PENDING, pending);
		try {
			chain.doFilter(request, response);
		}
		finally {
			request.removeAttribute(PENDING);
			if (!pending.isEmpty()) {
				this.transactions.executeWithoutResult((status) -> pending.forEach(this.events::append));
			}
		}
	}

}
