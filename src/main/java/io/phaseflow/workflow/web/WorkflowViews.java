package io.phaseflow.workflow.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.phaseflow.workflow.Artifacts;
import io.phaseflow.workflow.ConfigProblem;
import io.phaseflow.workflow.OverridePolicy;
import io.phaseflow.workflow.PhaseConfig;
import io.phaseflow.workflow.Settings;
import io.phaseflow.workflow.TaskStatusRules;
import io.phaseflow.workflow.Validation;
import io.phaseflow.workflow.WorkflowDefinition;
import io.phaseflow.workflow.deployment.ProcessDeployments;
import io.phaseflow.workflow.deployment.ProcessDeployments.DeployedProcess;
import io.phaseflow.workflow.deployment.ProcessDeployments.DeploymentSummary;
import io.phaseflow.workflow.deployment.ProcessDeployments.SessionProcessVersion;
import io.phaseflow.workflow.deployment.Workflows;
import io.phaseflow.workflow.deployment.WorkingCopyWatch;

import org.springframework.stereotype.Component;

/**
 * The wire shapes of the workflow API: the active phase configuration, the deployed
 * versions with the sessions running on them, deployments and deployment problems.
 */
@Component
class WorkflowViews {

	private final Workflows workflows;

	private final ProcessDeployments deployments;

	private final WorkingCopyWatch watch;

	WorkflowViews(Workflows workflows, ProcessDeployments deployments, WorkingCopyWatch watch) {
		this.workflows = workflows;
		this.deployments = deployments;
		this.watch = watch;
	}

	Overview overview() {
		List<SessionProcessVersion> versions = this.deployments.sessionProcessVersions();
		Map<String, DeploymentSummary> byId = byId(this.deployments.deployments());
		Optional<SessionProcessVersion> active = versions.stream().findFirst();
		WorkflowDefinition workflow = this.workflows.active();
		return new Overview(active.map(SessionProcessVersion::version).orElse(null),
				active.map(SessionProcessVersion::deploymentId).orElse(null), settings(workflow.settings()),
				workflow.phases().stream().map(WorkflowViews::phase).toList(),
				versions.stream().map((version) -> version(version, byId.get(version.deploymentId()), active)).toList(),
				watch());
	}

	List<Deployment> deployments() {
		List<SessionProcessVersion> versions = this.deployments.sessionProcessVersions();
		return this.deployments.deployments().stream().map((summary) -> deployment(summary, versions)).toList();
	}

	Optional<Deployment> deployment(String id) {
		return this.deployments.deployments()
			.stream()
			.filter((summary) -> summary.id().equals(id))
			.findFirst()
			.map((summary) -> deployment(summary, this.deployments.sessionProcessVersions()));
	}

	Deployment deployment(DeploymentSummary summary, List<SessionProcessVersion> versions) {
		Optional<SessionProcessVersion> version = versions.stream()
			.filter((candidate) -> candidate.deploymentId().equals(summary.id()))
			.findFirst();
		boolean active = !versions.isEmpty() && versions.get(0).deploymentId().equals(summary.id());
		return new Deployment(summary.id(), summary.name(), summary.source(), summary.deployedAt(),
				summary.sessionProcessVersion().orElse(null), summary.files(), summary.processes(), active,
				running(version.map(SessionProcessVersion::runningSessions).orElse(List.of())));
	}

	private static Version version(SessionProcessVersion version, DeploymentSummary deployment,
			Optional<SessionProcessVersion> active) {
		return new Version(version.version(), version.deploymentId(), version.deployedAt(),
				(deployment != null) ? deployment.source() : null,
				(deployment != null) ? deployment.files() : List.of(), version.calledPhases(),
				active.map((latest) -> latest.deploymentId().equals(version.deploymentId())).orElse(false),
				running(version.runningSessions()));
	}

	private Watch watch() {
		Optional<WorkingCopyWatch.Check> last = this.watch.lastCheck();
		return new Watch(this.watch.enabled(), last.map(WorkingCopyWatch.Check::checkedAt).orElse(null),
				last.map(WorkingCopyWatch.Check::outcome).orElse(null),
				last.map(WorkingCopyWatch.Check::deploymentId).orElse(null),
				last.map((check) -> check.problems().stream().map(Problem::of).toList()).orElse(List.of()));
	}

	private static RunningSessions running(List<String> sessionKeys) {
		return new RunningSessions(sessionKeys.size(), sessionKeys);
	}

	private static Map<String, DeploymentSummary> byId(List<DeploymentSummary> summaries) {
		return summaries.stream().collect(Collectors.toMap(DeploymentSummary::id, Function.identity()));
	}

	private static SettingsView settings(Settings settings) {
		return new SettingsView(settings.allowPhaseSkip(), settings.allowUserOverride(),
				settings.requireArtifactValidation(), settings.syncFilesOnPhaseComplete(), settings.syncFilesOnClose(),
				settings.staleAfter().toString(), settings.taskStatus(), settings.requireDependenciesCompleted());
	}

	private static Phase phase(PhaseConfig phase) {
		return new Phase(phase.id(), phase.order(), phase.goal(), phase.description(), phase.artifacts(),
				phase.validation(), override(phase.override()), phase.events(), phase.nextStep());
	}

	private static OverrideView override(OverridePolicy policy) {
		boolean reviewed = policy.needsApproval();
		return new OverrideView(policy.allowed(), policy.approval().yamlName(), policy.candidateGroups(),
				reviewed ? policy.dueIn().toString() : null, reviewed ? policy.priority() : null);
	}

	/**
	 * The active workflow and every version of the session process.
	 *
	 * @param activeVersion the version new sessions start on
	 * @param activeDeploymentId its deployment
	 * @param settings the active workflow.yaml's settings
	 * @param phases its phases, in order
	 * @param versions every version, newest first, with the sessions running on it
	 * @param watch what the working-copy watch last did
	 */
	record Overview(Integer activeVersion, String activeDeploymentId, SettingsView settings, List<Phase> phases,
			List<Version> versions, Watch watch) {
	}

	record SettingsView(boolean allowPhaseSkip, boolean allowUserOverride, boolean requireArtifactValidation,
			boolean syncFilesOnPhaseComplete, boolean syncFilesOnClose, String staleAfter, TaskStatusRules taskStatus,
			boolean requireDependenciesCompleted) {
	}

	record Phase(String id, int order, String goal, String description, Artifacts artifacts, Validation validation,
			OverrideView override, List<String> events, String nextStep) {
	}

	/**
	 * A phase's override policy; {@code dueIn} and {@code priority} of the reviewer's
	 * task only where a reviewer decides.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record OverrideView(boolean allowed, String approval, List<String> candidateGroups, String dueIn,
			Integer priority) {
	}

	record Version(int version, String deploymentId, Instant deployedAt, String source, List<String> files,
			List<String> phases, boolean active, RunningSessions runningSessions) {
	}

	record RunningSessions(int count, List<String> sessionKeys) {
	}

	record Deployment(String deploymentId, String name, String source, Instant deployedAt, Integer version,
			List<String> files, List<DeployedProcess> processes, boolean active, RunningSessions runningSessions) {
	}

	record Watch(boolean enabled, Instant lastCheckedAt, String lastOutcome, String lastDeploymentId,
			List<Problem> lastProblems) {
	}

	/**
	 * One problem of a refused deployment.
	 *
	 * @param file the file, e.g. {@code processes/agent-task-session.bpmn20.xml}
	 * @param line the 1-based line, when known
	 * @param field the element id or {@code workflow.yaml} field, or the file when the
	 * problem concerns the file as a whole
	 * @param message what is wrong
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Problem(String file, Integer line, String field, String message) {

		static Problem of(ConfigProblem problem) {
			return new Problem(problem.file(), (problem.line() > 0) ? problem.line() : null,
					problem.path().isEmpty() ? problem.file() : problem.path(), problem.message());
		}

	}

}
