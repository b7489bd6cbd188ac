package io.phaseflow.workflow;

import java.util.List;
import java.util.stream.Stream;

/**
 * The artifacts of a phase.
 *
 * @param required artifacts that must be present before the phase completes
 * @param optional artifacts that are welcome but not checked
 */
public record Artifacts(List<ArtifactSpec> required, List<ArtifactSpec> optional) {

	/** No artifacts at all. */
	public static final Artifacts NONE = new Artifacts(List.of(), List.of());

	public Artifacts {
		required = List.copyOf(required);
		optional = List.copyOf(optional);
	}

	/** Required artifacts first, then optional ones. */
	public List<ArtifactSpec> all() {
		return Stream.concat(this.required.stream(), this.optional.stream()).toList();
	}

}
