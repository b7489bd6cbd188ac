package io.phaseflow.workflow.deployment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the working copy's process files are deployed.
 *
 * @param watch whether a file saved in the working copy's {@code processes/} or
 * {@code workflow/workflow.yaml} is deployed at once (through the same checks as an
 * upload)
 * @param watchQuietPeriod how long the files must stay unchanged before they are
 * deployed, so that saving several files deploys them together
 */
@ConfigurationProperties("phaseflow.processes")
public record ProcessesProperties(@DefaultValue("false") boolean watch,
		@DefaultValue("500ms") Duration watchQuietPeriod) {
}
