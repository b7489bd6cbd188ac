package io.phaseflow.workflow;

import java.util.Locale;

/**
 * Whether an override of a failed phase validation needs a reviewer's approval.
 */
public enum Approval {

	/** The override takes effect at once and is logged. */
	NONE,

	/** A member of the phase's candidate groups must approve the override. */
	REQUIRED;

	/** The name used in {@code workflow.yaml}. */
	public String yamlName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The approval written as {@code name} in {@code workflow.yaml}, or {@code null}. */
	static Approval fromYamlName(String name) {
		for (Approval approval : values()) {
			if (approval.yamlName().equals(name)) {
				return approval;
			}
		}
		return null;
	}

}
