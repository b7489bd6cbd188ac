package io.phaseflow;

import io.phaseflow.cli.PhaseflowCli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Phaseflow: governed, observable, recoverable work sessions for AI agents and humans.
 * Callers authenticate with Phaseflow's tokens alone, so Spring Boot's in-memory user
 * (and the password it would print at every start) is left out.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class PhaseflowApplication {

	/**
	 * Runs a {@code phaseflow} command (see {@link PhaseflowCli}) without starting
	 * Spring, or, with no arguments, {@code server} or Spring Boot's {@code --} options,
	 * the server.
	 */
	public static void main(String[] args) {
		if (PhaseflowCli.isCommand(args)) {
			PhaseflowCli.main(args);
			return;
		}
		SpringApplication.run(PhaseflowApplication.class, PhaseflowCli.serverArgs(args));
	}

}
