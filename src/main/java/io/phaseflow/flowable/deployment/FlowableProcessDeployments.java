package io.phaseflow.flowable.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.phaseflow.flowable.CalledPhases;
import io.phaseflow.workflow.ConfigProblem;
import io.phaseflow.workflow.DeploymentRejected;
import io.phaseflow.workflow.WorkflowEngine;
import io.phaseflow.workflow.deployment.DeploymentFile;
import io.phaseflow.workflow.deployment.DeploymentInProgress;
import io.phaseflow.workflow.deployment.ProcessDeployments;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.lock.LockManager;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.DeploymentBuilder;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ProcessInstance;

import org.springframework.stereotype.Component;

/**
 * {@link ProcessDeployments} on Flowable's repository: a version is one deployment named
 * {@value ProcessDeployments#NAME} whose category records where it came from; running
 * sessions are the instances of the session process, by business key. Deployments take a
 * lock kept in the database, so instances sharing it deploy one at a time.
 */
@Component
class FlowableProcessDeployments implements ProcessDeployments {

	private static final String LOCK = "phaseflowDeploymentLock";

	private static final Duration LOCK_WAIT = Duration.ofMinutes(3);

	private static final Duration LOCK_POLL = Duration.ofMillis(200);

	/**
	 * A lock older than this was left by an instance that died while deploying (a
	 * deployment takes seconds); it is taken over.
	 */
	private static final Duration LOCK_ABANDONED_AFTER = Duration.ofMinutes(2);

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final BpmnInspector inspector;

	private final String latestSessionProcessSql;

	FlowableProcessDeployments(RepositoryService repository, RuntimeService runtime, ManagementService management,
			BpmnInspector inspector) {
		this.repository = repository;
		this.runtime = runtime;
		this.management = management;
		this.inspector = inspector;
		this.latestSessionProcessSql = "SELECT * FROM " + management.getTableName(ProcessDefinition.class)
				+ " WHERE KEY_ = #{key} AND (TENANT_ID_ = '' OR TENANT_ID_ IS NULL) ORDER BY VERSION_ DESC";
	}

	/**
	 * The deployment of the session process's latest version (without a tenant, as
	 * Phaseflow deploys it). Asked once per transaction that uses the workflow, so one
	 * plain query rather than Flowable's query builder, whose SQL is assembled on every
	 * call.
	 */
	@Override
	public Optional<String> activeDeploymentId() {
		return this.repository.createNativeProcessDefinitionQuery()
			.sql(this.latestSessionProcessSql)
			.parameter("key", WorkflowEngine.SESSION_PROCESS)
			.listPage(0, 1)
			.stream()
			.findFirst()
			.map(ProcessDefinition::getDeploymentId);
	}

	@Override
	public List<DeploymentFile> files(String deploymentId) {
		try {
			return deployedFiles(deploymentId).stream()
				.map((name) -> new DeploymentFile(name, read(deploymentId, name)))
				.toList();
		}
		catch (FlowableObjectNotFoundException ex) {
			return List.of();
		}
	}

	@Override
	public Optional<DeploymentFile> file(String deploymentId, String name) {
		try {
			return this.repository.getDeploymentResourceNames(deploymentId).contains(name)
					? Optional.of(new DeploymentFile(name, read(deploymentId, name))) : Optional.empty();
		}
		catch (FlowableObjectNotFoundException ex) {
			return Optional.empty();
		}
	}

	@Override
	public Optional<String> latestFrom(String source) {
		return this.repository.createDeploymentQuery()
			.deploymentName(NAME)
			.deploymentCategory(source)
			.orderByDeploymentTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.map(Deployment::getId);
	}

	@Override
	public ProcessFileReport inspect(DeploymentFile file) {
		return this.inspector.inspect(file);
	}

	@Override
	public List<SessionProcessVersion> sessionProcessVersions() {
		Map<String, Deployment> deployments = this.repository.createDeploymentQuery()
			.list()
			.stream()
			.collect(Collectors.toMap(Deployment::getId, Function.identity()));
		Map<String, List<String>> running = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(WorkflowEngine.SESSION_PROCESS)
			.list()
			.stream()
			.collect(Collectors.groupingBy(ProcessInstance::getProcessDefinitionId,
					Collectors.mapping(ProcessInstance::getBusinessKey, Collectors.toList())));
		return this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(WorkflowEngine.SESSION_PROCESS)
			.orderByProcessDefinitionVersion()
			.desc()
			.list()
			.stream()
			// A version deployed since the deployments were read shows on the next read.
			.filter((definition) -> deployments.containsKey(definition.getDeploymentId()))
			.map((definition) -> new SessionProcessVersion(definition.getVersion(), definition.getDeploymentId(),
					deployments.get(definition.getDeploymentId()).getDeploymentTime().toInstant(),
					CalledPhases.of(this.repository.getBpmnModel(definition.getId())
						.getProcessById(WorkflowEngine.SESSION_PROCESS), (activity) -> {
						}),
					running.getOrDefault(definition.getId(), List.of()).stream().sorted().toList()))
			.toList();
	}

	@Override
	public List<DeploymentSummary> deployments() {
		Map<String, List<DeployedProcess>> processes = this.repository.createProcessDefinitionQuery()
			.list()
			.stream()
			.collect(Collectors.groupingBy(ProcessDefinition::getDeploymentId,
					Collectors.mapping(
							(definition) -> new DeployedProcess(definition.getKey(), definition.getVersion()),
							Collectors.toList())));
		return this.repository.createDeploymentQuery()
			.orderByDeploymentTime()
			.desc()
			.list()
			.stream()
			.map((deployment) -> summary(deployment, processes.getOrDefault(deployment.getId(), List.of())))
			.toList();
	}

	@Override
	public DeploymentSummary deploy(String source, List<DeploymentFile> files) {
		// inspected already (BpmnInspector): the same schema and rules, run once
		DeploymentBuilder builder = this.repository.createDeployment()
			.name(NAME)
			.category(source)
			.disableSchemaValidation()
			.disableBpmnValidation();
		files.forEach((file) -> builder.addBytes(file.name(), file.content()));
		Deployment deployment;
		try {
			deployment = builder.deploy();
		}
		catch (FlowableException ex) {
			throw new DeploymentRejected(List
				.of(new ConfigProblem(NAME, 0, "", "the process engine refused the deployment: " + ex.getMessage())));
		}
		return summary(deployment,
				this.repository.createProcessDefinitionQuery()
					.deploymentId(deployment.getId())
					.list()
					.stream()
					.map((definition) -> new DeployedProcess(definition.getKey(), definition.getVersion()))
					.toList());
	}

	@Override
	public <T> T exclusively(Supplier<T> work) {
		LockManager lock = this.management.getLockManager(LOCK);
		long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
		while (!lock.acquireLock(LOCK_ABANDONED_AFTER)) {
			if (System.nanoTime() > deadline) {
				throw new DeploymentInProgress();
			}
			try {
				Thread.sleep(LOCK_POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new DeploymentInProgress();
			}
		}
		try {
			return work.get();
		}
		finally {
			lock.releaseLock();
		}
	}

	private DeploymentSummary summary(Deployment deployment, List<DeployedProcess> processes) {
		return new DeploymentSummary(deployment.getId(), deployment.getName(),
				NAME.equals(deployment.getName()) ? deployment.getCategory() : null,
				deployment.getDeploymentTime().toInstant(), deployedFiles(deployment.getId()),
				processes.stream().sorted(Comparator.comparing(DeployedProcess::key)).toList());
	}

	/**
	 * The names of the files deployed, by name: process files and {@code workflow.yaml},
	 * without the diagram images the engine adds.
	 */
	private List<String> deployedFiles(String deploymentId) {
		return this.repository.getDeploymentResourceNames(deploymentId)
			.stream()
			.filter((name) -> name.endsWith(PROCESS_SUFFIX) || name.endsWith(".bpmn") || name.equals(WORKFLOW_FILE))
			.sorted()
			.toList();
	}

	private byte[] read(String deploymentId, String name) {
		try (InputStream in = this.repository.getResourceAsStream(deploymentId, name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + name + " of deployment " + deploymentId, ex);
		}
	}

}
