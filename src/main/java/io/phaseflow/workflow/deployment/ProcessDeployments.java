package io.phaseflow.workflow.deployment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.phaseflow.workflow.ConfigProblem;
import io.phaseflow.workflow.DeploymentRejected;
import io.phaseflow.workflow.WorkflowEngine;

/**
 * The deployed versions of the session processes, each deployment carrying its
 * {@code workflow.yaml}, as the process engine keeps them (shared by every instance on
 * one database). Implemented by the Flowable adapter; callers never see Flowable types.
 */
public interface ProcessDeployments {

	/**
	 * The name of Phaseflow's deployments, and the code its
	 * {@code orchestration.workflow.deployed} events carry.
	 */
	String NAME = "phaseflow";

	/** Where process files live, in the working copy and within a deployment. */
	String PROCESS_FOLDER = "processes/";

	/** How process file names end. */
	String PROCESS_SUFFIX = ".bpmn20.xml";

	/** The name of the phase configuration within a deployment. */
	String WORKFLOW_FILE = "workflow/workflow.yaml";

	/** Deployments made from the working copy ({@code phaseflow.home}). */
	String FROM_WORKING_COPY = "working-copy";

	/** Deployments uploaded through the API. */
	String FROM_UPLOAD = "upload";

	/**
	 * The deployment new sessions start on: that of the latest session process; empty
	 * before anything is deployed.
	 */
	Optional<String> activeDeploymentId();

	/** The files of a deployment, by name. */
	List<DeploymentFile> files(String deploymentId);

	/** One file of a deployment, if it has it. */
	Optional<DeploymentFile> file(String deploymentId, String name);

	/** The latest deployment made from the given source, if any. */
	Optional<String> latestFrom(String source);

	/**
	 * Parses and checks one BPMN file as a deployment would, without deploying it: the
	 * XML and the engine's validation rules (no script tasks), service tasks and
	 * listeners calling existing delegate beans, and the phases the session process
	 * calls.
	 */
	ProcessFileReport inspect(DeploymentFile file);

	/**
	 * Every version of the session process, newest first, with the sessions running on
	 * it.
	 */
	List<SessionProcessVersion> sessionProcessVersions();

	/** All deployments, newest first. */
	List<DeploymentSummary> deployments();

	/**
	 * Deploys the files as one new deployment, inside the caller's transaction. Every
	 * process file was {@link #inspect inspected} without a problem first, so the engine
	 * does not check its XML and rules a second time.
	 * @param source {@link #FROM_WORKING_COPY} or {@link #FROM_UPLOAD}
	 * @throws DeploymentRejected if the engine refuses the files
	 */
	DeploymentSummary deploy(String source, List<DeploymentFile> files);

	/**
	 * Runs {@code work} while holding the deployment lock that all instances sharing the
	 * database take, so that checking and deploying a version is not interleaved with
	 * another deployment.
	 */
	<T> T exclusively(Supplier<T> work);

	/**
	 * What one BPMN file holds and what is wrong with it.
	 *
	 * @param file the file's name within the deployment
	 * @param processKeys the ids of the processes it defines
	 * @param definesSessionProcess whether it defines the session process
	 * ({@link WorkflowEngine#SESSION_PROCESS})
	 * @param calledPhases the phases the session process calls, in the diagram's order;
	 * empty when the file does not define it
	 * @param problems every problem found; empty when the file can be deployed
	 */
	record ProcessFileReport(String file, List<String> processKeys, boolean definesSessionProcess,
			List<String> calledPhases, List<ConfigProblem> problems) {

		public ProcessFileReport {
			processKeys = List.copyOf(processKeys);
			calledPhases = List.copyOf(calledPhases);
			problems = List.copyOf(problems);
		}

	}

	/**
	 * One version of the session process.
	 *
	 * @param version the process definition's version (1, 2, …)
	 * @param deploymentId the deployment it came with
	 * @param deployedAt when it was deployed
	 * @param calledPhases the phases it calls
	 * @param runningSessions the keys of the sessions whose process runs on this version
	 */
	record SessionProcessVersion(int version, String deploymentId, Instant deployedAt, List<String> calledPhases,
			List<String> runningSessions) {

		public SessionProcessVersion {
			calledPhases = List.copyOf(calledPhases);
			runningSessions = List.copyOf(runningSessions);
		}

	}

	/**
	 * One deployment.
	 *
	 * @param id the deployment id
	 * @param name the deployment's name
	 * @param source {@link #FROM_WORKING_COPY}, {@link #FROM_UPLOAD}, or null for
	 * deployments Phaseflow did not make
	 * @param deployedAt when it was deployed
	 * @param files the names of its files
	 * @param processes the process versions it defines
	 */
	record DeploymentSummary(String id, String name, String source, Instant deployedAt, List<String> files,
			List<DeployedProcess> processes) {

		public DeploymentSummary {
			files = List.copyOf(files);
			processes = List.copyOf(processes);
		}

		/** The version of the session process this deployment defines, if it does. */
		public Optional<Integer> sessionProcessVersion() {
			return this.processes.stream()
				.filter((process) -> WorkflowEngine.SESSION_PROCESS.equals(process.key()))
				.map(DeployedProcess::version)
				.findFirst();
		}

	}

	/**
	 * A process definition of a deployment.
	 *
	 * @param key the process id, e.g. {@code agentTaskSession}
	 * @param version its version
	 */
	record DeployedProcess(String key, int version) {
	}

}
