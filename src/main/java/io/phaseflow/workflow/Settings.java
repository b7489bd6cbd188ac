package io.phaseflow.workflow;

import java.time.Duration;

/**
 * The {@code settings} block of {@code workflow.yaml}.
 *
 * @param allowPhaseSkip whether a PM's transition may move a session forward past the
 * next phase (an agent's completion always goes to the next one; moving back is always
 * allowed)
 * @param allowUserOverride whether overrides of failed validations may be requested at
 * all (each phase's {@link OverridePolicy} refines this)
 * @param requireArtifactValidation whether required artifacts are checked on phase
 * completion
 * @param syncFilesOnPhaseComplete whether markdown files are rendered after every phase
 * @param syncFilesOnClose whether markdown files are rendered when a session closes
 * @param staleAfter how long a phase may go without progress before the session is
 * reported stale
 * @param taskStatus how a session moves its task and sprint along
 * @param requireDependenciesCompleted whether agent init on a task refuses while a task
 * it depends on ({@code metadata.depends_on}) is not completed; otherwise it warns
 */
public record Settings(boolean allowPhaseSkip, boolean allowUserOverride, boolean requireArtifactValidation,
		boolean syncFilesOnPhaseComplete, boolean syncFilesOnClose, Duration staleAfter, TaskStatusRules taskStatus,
		boolean requireDependenciesCompleted) {

	/** The values used for any setting the file leaves out. */
	public static final Settings DEFAULTS = new Settings(false, true, true, true, true, Duration.ofHours(4),
			TaskStatusRules.DEFAULTS, false);

}
