package io.phaseflow.workflow.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.phaseflow.api.Page;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.workflow.DeploymentRejected;
import io.phaseflow.workflow.deployment.DeploymentFile;
import io.phaseflow.workflow.deployment.ProcessDeployments.DeploymentSummary;
import io.phaseflow.workflow.deployment.WorkflowDeployer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The workflow: the active phase configuration, the deployed versions with the sessions
 * running on them, and validated redeploys of the processes and {@code workflow.yaml}.
 */
@RestController
@RequestMapping("/api/orchestration/workflow")
@Tag(name = "Workflow")
class WorkflowController {

	private static final String DEPLOYMENTS = "/api/orchestration/workflow/deployments/";

	private final WorkflowViews views;

	private final WorkflowDeployer deployer;

	WorkflowController(WorkflowViews views, WorkflowDeployer deployer) {
		this.views = views;
		this.deployer = deployer;
	}

	@GetMapping
	@Operation(summary = "The active phase configuration and every deployed version with its running sessions")
	WorkflowViews.Overview overview() {
		return this.views.overview();
	}

	@GetMapping("/deployments")
	@Operation(summary = "Every deployment, newest first")
	Page<WorkflowViews.Deployment> deployments() {
		return new Page<>(this.views.deployments());
	}

	@GetMapping("/deployments/{id}")
	@Operation(summary = "One deployment")
	WorkflowViews.Deployment deployment(@PathVariable("id") String id) {
		return this.views.deployment(id).orElseThrow(() -> new EntityNotFound("deployment", id));
	}

	@PostMapping(path = "/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Check and deploy a new version: parts bpmn (*.bpmn20.xml, repeatable) and workflow "
			+ "(workflow.yaml); files not given are kept from the active version. ADMIN only")
	ResponseEntity<WorkflowViews.Deployment> deploy(
			@RequestPart(name = "bpmn", required = false) List<MultipartFile> bpmn,
			@RequestPart(name = "workflow", required = false) MultipartFile workflow) {
		List<DeploymentFile> processes = (bpmn != null) ? bpmn.stream().map(WorkflowController::file).toList()
				: List.of();
		DeploymentSummary deployed = this.deployer.deployUpload(processes,
				Optional.ofNullable(workflow).map(WorkflowController::file));
		return ResponseEntity.created(URI.create(DEPLOYMENTS + deployed.id()))
			.body(this.views.deployment(deployed.id()).orElseThrow());
	}

	@ExceptionHandler(DeploymentRejected.class)
	ProblemDetail rejected(DeploymentRejected ex) {
		return DeploymentRefusals.problem(ex);
	}

	private static DeploymentFile file(MultipartFile part) {
		try {
			return new DeploymentFile(String.valueOf(part.getOriginalFilename()), part.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded " + part.getName(), ex);
		}
	}

}
