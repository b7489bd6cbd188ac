package io.phaseflow.workflow.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.phaseflow.common.RequestContext;
import io.phaseflow.home.PhaseflowHome;
import io.phaseflow.workflow.ConfigProblem;
import io.phaseflow.workflow.DeploymentRejected;
import io.phaseflow.workflow.WorkflowConfiguration;
import io.phaseflow.workflow.deployment.ProcessDeployments.DeploymentSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * With {@code phaseflow.processes.watch=true}: watches the working copy's
 * {@code processes/} and {@code workflow/} folders and, once saved files have stayed
 * unchanged for the quiet period, deploys the working copy through the same checks as an
 * upload. A refused file is logged with all its problems and changes nothing.
 */
@Component
public class WorkingCopyWatch implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WorkingCopyWatch.class);

	private final WorkflowDeployer deployer;

	private final ProcessesProperties properties;

	private final Clock clock;

	private final List<Path> folders;

	private volatile WatchService watcher;

	private volatile Thread thread;

	private volatile Check lastCheck;

	private final WorkflowConsistency consistency;

	WorkingCopyWatch(WorkflowDeployer deployer, WorkflowConsistency consistency, PhaseflowHome home,
			ProcessesProperties properties, Clock clock) {
		this.deployer = deployer;
		this.consistency = consistency;
		this.properties = properties;
		this.clock = clock;
		this.folders = List.of(home.localPath("processes", "any" + ProcessDeployments.PROCESS_SUFFIX).getParent(),
				home.localPath(WorkflowConfiguration.FOLDER, WorkflowConfiguration.FILE).getParent());
	}

	/** Whether saved files are deployed at once. */
	public boolean enabled() {
		return this.properties.watch();
	}

	/**
	 * The outcome of the last deployment attempt after a saved file, if there was one.
	 */
	public Optional<Check> lastCheck() {
		return Optional.ofNullable(this.lastCheck);
	}

	@Override
	public void start() {
		if (!enabled()) {
			return;
		}
		try {
			WatchService service = FileSystems.getDefault().newWatchService();
			for (Path folder : this.folders) {
				if (Files.isDirectory(folder)) {
					folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
							StandardWatchEventKinds.ENTRY_DELETE);
				}
				else {
					log.warn("{} does not exist; files saved there later are not watched", folder);
				}
			}
			this.watcher = service;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not watch " + this.folders, ex);
		}
		Thread watching = new Thread(this::watch, "phaseflow-process-watch");
		watching.setDaemon(true);
		this.thread = watching;
		watching.start();
		log.info("Deploying process files and workflow.yaml saved in {}", this.folders);
	}

	@Override
	public void stop() {
		WatchService service = this.watcher;
		this.watcher = null;
		Thread watching = this.thread;
		this.thread = null;
		try {
			if (service != null) {
				service.close();
			}
			if (watching != null) {
				watching.interrupt();
				watching.join(TimeUnit.SECONDS.toMillis(5));
			}
		}
		catch (IOException ex) {
			log.debug("Could not close the file watcher", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.watcher != null;
	}

	private void watch() {
		WatchService service = this.watcher;
		long quiet = this.properties.watchQuietPeriod().toMillis();
		try {
			while (!Thread.currentThread().isInterrupted()) {
				boolean changed = relevant(service.take());
				WatchKey more;
				while ((more = service.poll(quiet, TimeUnit.MILLISECONDS)) != null) {
					changed |= relevant(more);
				}
				if (changed) {
					check();
				}
			}
		}
		catch (InterruptedException | ClosedWatchServiceException ex) {
			// stopped
		}
	}

	private static boolean relevant(WatchKey key) {
		boolean relevant = false;
		for (WatchEvent<?> event : key.pollEvents()) {
			String name = String.valueOf(event.context());
			relevant |= event.kind() == StandardWatchEventKinds.OVERFLOW
					|| name.endsWith(ProcessDeployments.PROCESS_SUFFIX) || name.equals(WorkflowConfiguration.FILE);
		}
		key.reset();
		return relevant;
	}

	private void check() {
		Instant now = this.clock.instant();
		try {
			Optional<DeploymentSummary> deployed = this.deployer.deployWorkingCopy(false);
			this.lastCheck = new Check(now, deployed.isPresent() ? Check.DEPLOYED : Check.UNCHANGED,
					deployed.map(DeploymentSummary::id).orElse(null), List.of());
			this.consistency.workingCopyRefused(List.of());
		}
		catch (DeploymentRejected ex) {
			log.warn("A file saved in the working copy was refused; nothing was deployed:\n{}",
					ex.problems().stream().map((problem) -> "    " + problem).collect(Collectors.joining("\n")));
			this.lastCheck = new Check(now, Check.REFUSED, null, ex.problems());
		}
		catch (RuntimeException ex) {
			log.error("Could not deploy the working copy", ex);
			this.lastCheck = new Check(now, Check.FAILED, null, List.of());
		}
		finally {
			MDC.remove(RequestContext.CORRELATION_ID);
		}
	}

	/**
	 * The outcome of deploying the working copy after a file was saved.
	 *
	 * @param checkedAt when
	 * @param outcome {@value #DEPLOYED}, {@value #UNCHANGED}, {@value #REFUSED} or
	 * {@value #FAILED}
	 * @param deploymentId the new deployment, when one was made
	 * @param problems why the files were refused
	 */
	public record Check(Instant checkedAt, String outcome, String deploymentId, List<ConfigProblem> problems) {

		public static final String DEPLOYED = "deployed";

		public static final String UNCHANGED = "unchanged";

		public static final String REFUSED = "refused";

		public static final String FAILED = "failed";

		public Check {
			problems = List.copyOf(problems);
		}

	}

}
