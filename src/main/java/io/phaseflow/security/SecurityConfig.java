package io.phaseflow.security;

import io.phaseflow.api.ProblemResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationProvider;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. Every API call, Phaseflow's and Flowable's ({@code /process-api}),
 * needs a bearer token; health, info and the API docs are public. Anonymous callers get
 * 401, callers without the role 403, both as problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	private static final String API = "/api/orchestration";

	/**
	 * Flowable's REST API: task work for the task's people (checked further per task by
	 * the engine adapter), everything else for ADMIN.
	 */
	private static final String PROCESS_API = "/process-api";

	@Bean
	SecurityFilterChain api(HttpSecurity http, TokenIssuer tokens, ProblemResponses problems) throws Exception {
		AuthenticationEntryPoint unauthenticated = (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Bearer");
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
					"A valid bearer token is required", null);
		};
		AccessDeniedHandler forbidden = (request, response, ex) -> problems.write(request, response,
				HttpStatus.FORBIDDEN, "Forbidden", "Your token's roles do not allow this", null);
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.addFilterBefore(bearerTokens(tokens, unauthenticated), BasicAuthenticationFilter.class)
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
				.permitAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				.requestMatchers(API + "/admin/**", "/actuator/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.POST, API + "/workflow", API + "/workflow/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers(API + "/overrides", API + "/overrides/**")
				.hasRole(Role.REVIEWER.name())
				// moving a session between phases overrides its agent's progress: a PM's
				// call
				.requestMatchers(HttpMethod.POST, API + "/sessions/*/transition")
				.hasRole(Role.PM.name())
				.requestMatchers(HttpMethod.POST, API + "/sessions", API + "/sessions/**", API + "/agent/init",
						API + "/pm-tools/task-status")
				.hasRole(Role.AGENT.name())
				.requestMatchers(HttpMethod.POST, API + "/pm-tools/bug-report")
				.hasAnyRole(Role.PM.name(), Role.AGENT.name(), Role.REVIEWER.name())
				.requestMatchers(HttpMethod.POST, API + "/pm-tools/adr")
				.hasRole(Role.PM.name())
				.requestMatchers(HttpMethod.POST, API + "/sprints", API + "/sprints/**", API + "/tasks",
						API + "/tasks/**", API + "/agents")
				.hasRole(Role.PM.name())
				.requestMatchers(HttpMethod.PATCH, API + "/sessions/**")
				.hasRole(Role.AGENT.name())
				.requestMatchers(HttpMethod.PATCH, API + "/sprints/**", API + "/tasks/**")
				.hasRole(Role.PM.name())
				.requestMatchers(PROCESS_API + "/runtime/tasks", PROCESS_API + "/runtime/tasks/**",
						PROCESS_API + "/query/tasks", PROCESS_API + "/form/form-data")
				.authenticated()
				.requestMatchers(HttpMethod.GET, PROCESS_API + "/repository/process-definitions",
						PROCESS_API + "/repository/process-definitions/**")
				.authenticated()
				// reading history: which tasks and instances a caller may read is checked
				// per task by the access rules of io.phaseflow.flowable.processapi
				.requestMatchers(HttpMethod.GET, PROCESS_API + "/history/**")
				.authenticated()
				.requestMatchers(HttpMethod.POST, PROCESS_API + "/query/historic-task-instances",
						PROCESS_API + "/query/historic-activity-instances", PROCESS_API + "/query/historic-detail",
						PROCESS_API + "/query/historic-variable-instances")
				.authenticated()
				.requestMatchers(PROCESS_API, PROCESS_API + "/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.GET, API + "/**")
				.authenticated()
				.anyRequest()
				.authenticated());
		return http.build();
	}

	/**
	 * Request patterns are paths within the application, whichever servlet serves them:
	 * Flowable's REST API runs in a servlet of its own beside Spring MVC's.
	 */
	@Bean
	static PathPatternRequestMatcherBuilderFactoryBean pathPatterns() {
		return new PathPatternRequestMatcherBuilderFactoryBean();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.PM.name(), Role.REVIEWER.name(), Role.AGENT.name())
			.build();
	}

	private static AuthenticationFilter bearerTokens(TokenIssuer tokens, AuthenticationEntryPoint unauthenticated) {
		PreAuthenticatedAuthenticationProvider provider = new PreAuthenticatedAuthenticationProvider();
		provider.setPreAuthenticatedUserDetailsService(
				(authentication) -> tokens.user((String) authentication.getPrincipal()));
		AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(provider), (request) -> {
			String header = request.getHeader("Authorization");
			if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return null;
			}
			return new PreAuthenticatedAuthenticationToken(header.substring(7).trim(), "");
		});
		filter.setSuccessHandler((request, response, authentication) -> {
		});
		filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(unauthenticated));
		return filter;
	}

}
