package io.phaseflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Phaseflow: governed, observable, recoverable work sessions for AI agents and humans.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PhaseflowApplication {

	public static void main(String[] args) {
		SpringApplication.run(PhaseflowApplication.class, args);
	}

}
