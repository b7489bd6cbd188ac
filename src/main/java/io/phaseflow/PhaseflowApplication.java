package io.phaseflow;

import io.phaseflow.cli.PhaseflowCli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Phaseflow: governed, observable, recoverable work sessions for AI agents and humans.
 */
@SpringBootApplication
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
