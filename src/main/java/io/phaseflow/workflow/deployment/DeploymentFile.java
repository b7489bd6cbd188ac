package io.phaseflow.workflow.deployment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One file of a deployment.
 *
 * @param name the file's name within the deployment: {@code processes/<file>.bpmn20.xml}
 * or {@link ProcessDeployments#WORKFLOW_FILE}
 * @param content the file's bytes
 */
public record DeploymentFile(String name, byte[] content) {

	/** The content as UTF-8 text. */
	public String text() {
		return new String(this.content, StandardCharsets.UTF_8);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DeploymentFile file && this.name.equals(file.name)
				&& Arrays.equals(this.content, file.content);
	}

	@Override
	public int hashCode() {
		return 31 * this.name.hashCode() + Arrays.hashCode(this.content);
	}

	@Override
	public String toString() {
		return this.name + " (" + this.content.length + " bytes)";
	}

}
