package io.phaseflow.bench.stack;

import java.util.List;

import io.phaseflow.flowable.EngineSettings;
import io.phaseflow.flowable.SameDeploymentCalls;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.parse.BpmnParseHandler;
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
 * the beans the processes' delegate expressions name are here, as no-ops (the phase check
 * writes what a valid phase's does), and the engine has the settings the server's and the
 * bare-Flowable baseline's have (one INSERT per entity, the JDK's {@code DatatypeFactory}
 * named, calls resolved within their deployment).
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

	private static final JavaDelegate NOTHING = (execution) -> {
	};

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(FrameworkStack.class);
		application.setAdditionalProfiles(PROFILE);
		application.run(args);
	}

	/** As the server's {@code EngineSettings} and the bare-Flowable baseline set them. */
	@Bean
	EngineConfigurationConfigurer<SpringProcessEngineConfiguration> engineSettings() {
		return (engine) -> {
			EngineSettings.nameDatatypeFactory();
			engine.setEnableSafeBpmnXml(true);
			engine.setPreBpmnParseHandlers(List.<BpmnParseHandler>of(new SameDeploymentCalls()));
			engine.setBulkInsertEnabled(false);
		};
	}

	@Bean
	JavaDelegate checkPhaseDelegate() {
		return (execution) -> {
			execution.setVariable("phaseCheck", "valid");
			execution.setVariable("overrideCandidateGroups", "");
		};
	}

	@Bean
	JavaDelegate enterPhaseDelegate() {
		return NOTHING;
	}

	@Bean
	JavaDelegate leavePhaseDelegate() {
		return NOTHING;
	}

	@Bean
	JavaDelegate logOverrideDelegate() {
		return NOTHING;
	}

	@Bean
	JavaDelegate rejectOverrideDelegate() {
		return NOTHING;
	}

	@Bean
	JavaDelegate markStaleDelegate() {
		return NOTHING;
	}

	@Bean
	JavaDelegate startIterationDelegate() {
		return NOTHING;
	}

	@Bean
	JavaDelegate completeSessionDelegate() {
		return NOTHING;
	}

	/** Health answers anyone, as the server's does; the rest is Spring Boot's default. */
	@Bean
	SecurityFilterChain health(HttpSecurity http) throws Exception {
		return http.securityMatcher("/actuator/health")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

}
