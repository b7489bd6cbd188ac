package io.phaseflow.security;

import io.phaseflow.api.ProblemResponses;
import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Who may open which web page. The pages under {@code /ui} sign in with a form where the
 * user pastes their API token, and keep the login in a session cookie; forms carry a CSRF
 * token. Anonymous visitors are sent to the login page, users without the role get a 403
 * page. The API keeps its own stateless bearer-token chain ({@link SecurityConfig}).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfig {

	/** The login page; also where the login form posts the token. */
	static final String LOGIN = "/ui/login";

	/**
	 * Pages load styles, scripts and images from this server only, and no other site may
	 * frame them or receive their forms.
	 */
	private static final String CONTENT_POLICY = "default-src 'self'; img-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain pages(HttpSecurity http, TokenIssuer tokens, ProblemResponses problems) throws Exception {
		http.securityMatcher("/ui/**", "/")
			.addFilterAfter(new PageTokenCheck(tokens, problems), SecurityContextHolderFilter.class)
			.authenticationManager(new ProviderManager(new TokenLogin(tokens)))
			.formLogin((login) -> login.loginPage(LOGIN)
				.passwordParameter("token")
				.defaultSuccessUrl("/ui")
				.failureUrl(LOGIN + "?error")
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/ui/logout").logoutSuccessUrl(LOGIN + "?logout"))
			.exceptionHandling((handling) -> handling.accessDeniedPage("/ui/forbidden"))
			.headers((headers) -> headers.contentSecurityPolicy((policy) -> policy.policyDirectives(CONTENT_POLICY)))
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.FORWARD)
				.permitAll()
				.requestMatchers("/", "/ui/assets/**", "/ui/forbidden")
				.permitAll()
				.requestMatchers("/ui/overrides", "/ui/overrides/**")
				.hasRole(Role.REVIEWER.name())
				.requestMatchers(HttpMethod.POST, "/ui/tasks/*/rollback")
				.hasRole(Role.PM.name())
				.anyRequest()
				.authenticated());
		return http.build();
	}

	/** Signs in with the API token pasted into the login form's {@code token} field. */
	private record TokenLogin(TokenIssuer tokens) implements AuthenticationProvider {

		@Override
		public Authentication authenticate(Authentication authentication) {
			Object secret = authentication.getCredentials();
			UserDetails user;
			try {
				user = this.tokens.user((secret != null) ? secret.toString().trim() : "");
			}
			catch (UsernameNotFoundException ex) {
				throw new BadCredentialsException("Unknown or revoked token");
			}
			return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
