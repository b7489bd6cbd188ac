package io.phaseflow.bench.stack;

import io.phaseflow.flowable.EngineBaseline;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The benchmark's baseline for a start: the frameworks Phaseflow's server is built on, as
 * its jar packs them (Spring Boot with every auto-configuration that class path brings:
 * Tomcat, Spring MVC and Security, Actuator, Flowable's engine and REST API, springdoc,
 * FreeMarker, the pool), configured by the server's own {@code application.yml}, with
 * none of Phaseflow's beans and none of its migrations (the benchmark turns Flyway off).
 * The two BPMN files in the jar's {@code processes/} are deployed by Flowable's own
 * auto-deployment as the engine starts. The benchmark starts it from the launcher's
 * unpacked jar with a class-data archive of its own, as the launcher starts the server,
 * and its start ends when {@code /actuator/health} answers UP, as the server's does.
 * <p>
 * It is also the baseline for a lifecycle over HTTP ({@link StackSessions}): for that,
 * the engine has the server's processing settings and the beans the processes' delegate
 * expressions name are the bare-Flowable baseline's ({@link BaselineSession}).
 * <p>
 * It lies in the test classes, under the server's package, so the server's component scan
 * in the test suite finds it too: there its profile, which only {@link #main} makes
 * active, leaves it out.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@Profile(FrameworkStack.PROFILE)
// by name: its jar, made by the benchmark, has no directory entries to scan
@Import(StackSessions.class)
public class FrameworkStack {

	static final String PROFILE = "framework-stack";

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(FrameworkStack.class);
		application.setAdditionalProfiles(PROFILE);
		application.run(args);
	}

	/**
	 * The engine as the server's {@code EngineSettings} and the bare-Flowable baseline
	 * have it, with the baselines' delegates.
	 */
	@Bean
	EngineConfigurationConfigurer<SpringProcessEngineConfiguration> engineSettings() {
		return (engine) -> {
			EngineBaseline.configure(engine);
			engine.setBeans(BaselineSession.delegates());
		};
	}

	/** Health answers anyone, as the server's does; the rest is Spring Boot's default. */
	@Bean
	SecurityFilterChain health(HttpSecurity http) throws Exception {
		return http.securityMatcher("/actuator/health")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

}
