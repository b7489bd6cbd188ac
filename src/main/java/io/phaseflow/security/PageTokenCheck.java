package io.phaseflow.security;

import java.io.IOException;

import io.phaseflow.api.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a signed-in page session's token on every request, so that revoking a token
 * signs its page sessions out at once, on every instance: the session is dropped, a page
 * request goes to the login page, and a form post is refused (401) before it changes
 * anything. The login itself lives in the session; the token's state lives in the
 * database, which every instance reads.
 */
final class PageTokenCheck extends OncePerRequestFilter {

	private final TokenIssuer tokens;

	private final ProblemResponses problems;

	PageTokenCheck(TokenIssuer tokens, ProblemResponses problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	/** Styles and scripts are public: no query of the token for each of them. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/ui/assets/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication login = SecurityContextHolder.getContext().getAuthentication();
		if (!(login instanceof UsernamePasswordAuthenticationToken) || !login.isAuthenticated()
				|| this.tokens.isActive(login.getName())) {
			chain.doFilter(request, response);
			return;
		}
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		if (HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod())) {
			response.sendRedirect(request.getContextPath() + WebSecurityConfig.LOGIN + "?error");
			return;
		}
		this.problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
				"The token this page session signed in with has been revoked; sign in again with an active token",
				null);
	}

}
