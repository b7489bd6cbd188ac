package io.phaseflow.workflow.deployment;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.event.EntityType;
import io.phaseflow.event.EventLog;
import io.phaseflow.event.EventTypes;
import io.phaseflow.event.NewEvent;
import io.phaseflow.home.PhaseflowHome;
import io.phaseflow.workflow.ConfigProblem;
import io.phaseflow.workflow.DeploymentRejected;
import io.phaseflow.workflow.WorkflowConfigLoader;
import io.phaseflow.workflow.WorkflowConfiguration;
import io.phaseflow.workflow.deployment.ProcessDeployments.DeploymentSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deploys new versions of the processes and {@code workflow.yaml}, uploaded or from the
 * working copy. Every version is checked first ({@link DeploymentCheck}); a refused one
 * changes nothing. A version is deployed whole (every process file plus its
 * {@code workflow.yaml}), so it is complete on its own, and
 * {@code orchestration.workflow.deployed} is logged in the same transaction. New sessions
 * start on the new version; running sessions finish on theirs.
 */
@Service
public class WorkflowDeployer {

	static final String DEPLOYED = EventTypes.WORKFLOW_DEPLOYED;

	private static final Logger log = LoggerFactory.getLogger(WorkflowDeployer.class);

	private final ProcessDeployments deployments;

	private final WorkflowConfigLoader loader;

	private final PhaseflowHome home;

	private final EventLog events;

	private final JsonDocuments json;

	private final TransactionTemplate transaction;

	WorkflowDeployer(ProcessDeployments deployments, WorkflowConfigLoader loader, PhaseflowHome home, EventLog events,
			JsonDocuments json, PlatformTransactionManager transactions) {
		this.deployments = deployments;
		this.loader = loader;
		this.home = home;
		this.events = events;
		this.json = json;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Deploys uploaded process files (named as uploaded) and, optionally, a new
	 * {@code workflow.yaml} on top of the active version: an uploaded file replaces the
	 * active version's file of the same name or process, the others are kept.
	 * @throws DeploymentRejected listing every problem; nothing was deployed
	 */
	public DeploymentSummary deployUpload(List<DeploymentFile> processes, Optional<DeploymentFile> workflow) {
		List<ConfigProblem> problems = new ArrayList<>();
		List<DeploymentFile> named = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (DeploymentFile file : processes) {
			String name = DeploymentCheck.processFileName(file.name(), problems);
			if (name != null && !seen.add(name)) {
				problems.add(new ConfigProblem(name, 0, "", "is uploaded more than once"));
			}
			else if (name != null) {
				named.add(new DeploymentFile(name, file.content()));
			}
		}
		if (processes.isEmpty() && workflow.isEmpty()) {
			throw new DeploymentRejected(
					List.of(new ConfigProblem("bpmn", 0, "", "give at least one process file or a workflow file")));
		}
		return this.deployments.exclusively(() -> {
			Optional<String> active = this.deployments.activeDeploymentId();
			List<DeploymentFile> base = active.map(this::processFiles).orElse(List.of());
			DeploymentFile yaml = workflow
				.map((file) -> new DeploymentFile(ProcessDeployments.WORKFLOW_FILE, file.content()))
				.orElseGet(() -> active.flatMap((id) -> this.deployments.file(id, ProcessDeployments.WORKFLOW_FILE))
					.orElseGet(this::workingCopyWorkflow));
			return deploy(ProcessDeployments.FROM_UPLOAD, base, named, yaml, problems);
		});
	}

	/**
	 * Deploys the working copy ({@code processes/*.bpmn20.xml} and
	 * {@code workflow/workflow.yaml} of {@code phaseflow.home}, packaged files where it
	 * has none) unless it is what was deployed already.
	 * @param sinceLastWorkingCopy compare with the last deployment made from the working
	 * copy (at start: a version uploaded since then stays active) rather than with the
	 * active version (a file saved in the working copy)
	 * @return the new deployment, or empty when the working copy is unchanged
	 * @throws DeploymentRejected listing every problem; nothing was deployed
	 */
	public Optional<DeploymentSummary> deployWorkingCopy(boolean sinceLastWorkingCopy) {
		return this.deployments.exclusively(() -> {
			List<DeploymentFile> processes = workingCopyProcesses();
			DeploymentFile yaml = workingCopyWorkflow();
			Optional<String> reference = sinceLastWorkingCopy
					? this.deployments.latestFrom(ProcessDeployments.FROM_WORKING_COPY)
					: this.deployments.activeDeploymentId();
			List<DeploymentFile> files = new ArrayList<>(processes);
			files.add(yaml);
			if (reference.isPresent()
					&& new HashSet<>(this.deployments.files(reference.get())).equals(new HashSet<>(files))) {
				return Optional.empty();
			}
			return Optional.of(deploy(ProcessDeployments.FROM_WORKING_COPY, List.of(), processes, yaml, List.of()));
		});
	}

	private DeploymentSummary deploy(String source, List<DeploymentFile> base, List<DeploymentFile> processes,
			DeploymentFile yaml, List<ConfigProblem> earlier) {
		List<DeploymentFile> files = new DeploymentCheck(this.deployments::inspect, this.loader, earlier).check(base,
				processes, yaml, this.deployments.sessionProcessVersions());
		DeploymentSummary deployed = this.transaction.execute((status) -> {
			DeploymentSummary summary = this.deployments.deploy(source, files);
			this.events.append(event(summary, yaml));
			return summary;
		});
		log.info("Deployed version {} of the session process ({}, from {}): {}",
				deployed.sessionProcessVersion().orElse(null), deployed.id(), source, deployed.files());
		return deployed;
	}

	private NewEvent event(DeploymentSummary summary, DeploymentFile yaml) {
		ObjectNode payload = this.json.newObject().put("deployment_id", summary.id()).put("source", summary.source());
		summary.sessionProcessVersion().ifPresent((version) -> payload.put("version", version));
		summary.files().forEach(payload.putArray("files")::add);
		ArrayNode processes = payload.putArray("processes");
		summary.processes()
			.forEach((process) -> processes.addObject().put("key", process.key()).put("version", process.version()));
		this.loader.load(yaml.name(), new StringReader(yaml.text()))
			.phaseIds()
			.forEach(payload.putArray("phases")::add);
		return new NewEvent(DEPLOYED, EntityType.WORKFLOW,
				summary.sessionProcessVersion().map(Long::valueOf).orElse(null), ProcessDeployments.NAME, null, null,
				payload, null);
	}

	/** The process files of a deployment, named {@code processes/<file>}. */
	private List<DeploymentFile> processFiles(String deploymentId) {
		return this.deployments.files(deploymentId)
			.stream()
			.filter((file) -> file.name().endsWith(ProcessDeployments.PROCESS_SUFFIX))
			.map((file) -> new DeploymentFile(
					ProcessDeployments.PROCESS_FOLDER + file.name().replaceFirst("^.*[/\\\\]", ""), file.content()))
			.toList();
	}

	private List<DeploymentFile> workingCopyProcesses() {
		return this.home.files("processes", ProcessDeployments.PROCESS_SUFFIX)
			.stream()
			.map((resource) -> new DeploymentFile(ProcessDeployments.PROCESS_FOLDER + resource.getFilename(),
					read(resource)))
			.toList();
	}

	private DeploymentFile workingCopyWorkflow() {
		Resource resource = this.home.file(WorkflowConfiguration.FOLDER, WorkflowConfiguration.FILE)
			.orElseThrow(() -> new DeploymentRejected(List.of(new ConfigProblem(ProcessDeployments.WORKFLOW_FILE, 0, "",
					"not found, neither in the working copy nor in the application"))));
		return new DeploymentFile(ProcessDeployments.WORKFLOW_FILE, read(resource));
	}

	private static byte[] read(Resource resource) {
		try {
			return resource.getContentAsByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + resource, ex);
		}
	}

}
