package io.phaseflow.workflow.deployment;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.phaseflow.workflow.ConfigProblem;
import io.phaseflow.workflow.DeploymentRejected;
import io.phaseflow.workflow.WorkflowConfigInvalid;
import io.phaseflow.workflow.WorkflowConfigLoader;
import io.phaseflow.workflow.WorkflowDefinition;
import io.phaseflow.workflow.WorkflowEngine;
import io.phaseflow.workflow.deployment.ProcessDeployments.ProcessFileReport;
import io.phaseflow.workflow.deployment.ProcessDeployments.SessionProcessVersion;

/**
 * Checks a new version before it is deployed and collects every problem: each process
 * file parses and passes the engine's rules, exactly one file defines the session
 * process, {@code workflow.yaml} loads, the phases the session process calls and the
 * configured phases match exactly, and every phase a running session's version calls
 * stays configured (so those sessions can finish). Together these refuse dropping a phase
 * from the process while sessions still use it: the version would be consistent only
 * until they end.
 */
final class DeploymentCheck {

	private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

	private final Function<DeploymentFile, ProcessFileReport> inspector;

	private final WorkflowConfigLoader loader;

	private final List<ConfigProblem> problems;

	/**
	 * A check that reports the problems found earlier (e.g. badly named uploads) together
	 * with its own.
	 */
	DeploymentCheck(Function<DeploymentFile, ProcessFileReport> inspector, WorkflowConfigLoader loader,
			List<ConfigProblem> earlier) {
		this.inspector = inspector;
		this.loader = loader;
		this.problems = new ArrayList<>(earlier);
	}

	/**
	 * The files of the new version: the base's process files, replaced or joined by the
	 * new ones (a base file goes when a new file defines one of its processes), and the
	 * workflow file.
	 * @param base the process files of the version the new one builds on
	 * @param processes the new or changed process files
	 * @param workflow the new version's {@code workflow.yaml}
	 * @param versions the deployed versions of the session process, with their running
	 * sessions
	 * @throws DeploymentRejected listing every problem found
	 */
	List<DeploymentFile> check(List<DeploymentFile> base, List<DeploymentFile> processes, DeploymentFile workflow,
			List<SessionProcessVersion> versions) {
		Map<String, ProcessFileReport> reports = new LinkedHashMap<>();
		processes.forEach((file) -> reports.put(file.name(), report(file)));
		List<DeploymentFile> files = new ArrayList<>(processes);
		Set<String> newKeys = new LinkedHashSet<>();
		reports.values().forEach((report) -> newKeys.addAll(report.processKeys()));
		for (DeploymentFile file : base) {
			if (!reports.containsKey(file.name())) {
				ProcessFileReport report = report(file);
				if (report.processKeys().stream().noneMatch(newKeys::contains)) {
					reports.put(file.name(), report);
					files.add(file);
				}
			}
		}
		duplicateKeys(reports.values());
		ProcessFileReport session = sessionProcess(reports.values());
		WorkflowDefinition definition = workflow(workflow);
		if (session != null && definition != null) {
			phases(session, workflow.name(), definition, versions);
		}
		if (!this.problems.isEmpty()) {
			throw new DeploymentRejected(this.problems);
		}
		files.add(workflow);
		return files;
	}

	/**
	 * The file's deployment name for an uploaded process file, or a problem when its name
	 * is not a plain {@code *.bpmn20.xml} name.
	 */
	static String processFileName(String uploadedName, List<ConfigProblem> problems) {
		String name = (uploadedName != null) ? uploadedName.replaceFirst("^.*[/\\\\]", "") : "";
		if (!name.endsWith(ProcessDeployments.PROCESS_SUFFIX) || !FILE_NAME.matcher(name).matches()) {
			problems.add(new ConfigProblem(name.isEmpty() ? "bpmn" : name, 0, "",
					"must be a process file with a plain name ending in " + ProcessDeployments.PROCESS_SUFFIX));
			return null;
		}
		return ProcessDeployments.PROCESS_FOLDER + name;
	}

	private ProcessFileReport report(DeploymentFile file) {
		ProcessFileReport report = this.inspector.apply(file);
		this.problems.addAll(report.problems());
		return report;
	}

	private void duplicateKeys(Iterable<ProcessFileReport> reports) {
		Map<String, String> definedBy = new LinkedHashMap<>();
		for (ProcessFileReport report : reports) {
			for (String key : report.processKeys()) {
				String other = definedBy.putIfAbsent(key, report.file());
				if (other != null) {
					this.problems.add(new ConfigProblem(report.file(), 0, key,
							"process " + key + " is defined by " + other + " as well"));
				}
			}
		}
	}

	private ProcessFileReport sessionProcess(Iterable<ProcessFileReport> reports) {
		boolean unreadable = false;
		for (ProcessFileReport report : reports) {
			if (report.definesSessionProcess()) {
				return report;
			}
			unreadable |= report.processKeys().isEmpty() && !report.problems().isEmpty();
		}
		if (!unreadable) {
			this.problems.add(new ConfigProblem("bpmn", 0, "",
					"no process file defines the session process " + WorkflowEngine.SESSION_PROCESS));
		}
		return null;
	}

	private WorkflowDefinition workflow(DeploymentFile workflow) {
		try {
			return this.loader.load(workflow.name(), new StringReader(workflow.text()));
		}
		catch (WorkflowConfigInvalid ex) {
			this.problems.addAll(ex.problems());
			return null;
		}
	}

	private void phases(ProcessFileReport session, String workflowFile, WorkflowDefinition definition,
			List<SessionProcessVersion> versions) {
		Map<String, List<SessionProcessVersion>> usedBy = new LinkedHashMap<>();
		for (SessionProcessVersion version : versions) {
			if (!version.runningSessions().isEmpty()) {
				version.calledPhases()
					.forEach((phase) -> usedBy.computeIfAbsent(phase, (key) -> new ArrayList<>()).add(version));
			}
		}
		// exactly, whatever runs today: a phase kept only for running sessions would
		// leave the process and workflow.yaml inconsistent once they end
		for (ConfigProblem problem : WorkflowConsistency.problems(session.file(), workflowFile, session.calledPhases(),
				definition.phaseIds(), Set.of())) {
			String phase = problem.path().substring("phases.".length());
			this.problems.add(usedBy.containsKey(phase) && !session.calledPhases().contains(phase) ? new ConfigProblem(
					problem.file(), problem.line(), problem.path(),
					problem.message() + "; running sessions still use it, so this version would leave the process and "
							+ workflowFile + " inconsistent once they end: keep the phase in both files until they"
							+ " have finished (or terminate them), then drop it from both")
					: problem);
		}
		usedBy.forEach((phase, using) -> {
			if (definition.phase(phase).isEmpty() && !session.calledPhases().contains(phase)) {
				this.problems.add(new ConfigProblem(workflowFile, 0, "phases." + phase, stillUsed(using)));
			}
		});
	}

	private static String stillUsed(List<SessionProcessVersion> versions) {
		List<String> sessions = versions.stream().flatMap((version) -> version.runningSessions().stream()).toList();
		List<String> numbers = versions.stream().map((version) -> String.valueOf(version.version())).toList();
		String shown = String.join(", ", sessions.subList(0, Math.min(5, sessions.size())))
				+ ((sessions.size() > 5) ? ", …" : "");
		return "is still used by " + sessions.size()
				+ ((sessions.size() == 1) ? " running session" : " running sessions") + " on version "
				+ String.join(", ", numbers) + " (" + shown + "); keep it configured until they finish";
	}

}
