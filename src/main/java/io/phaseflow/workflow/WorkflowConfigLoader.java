package io.phaseflow.workflow;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.phaseflow.common.SafeYaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Loads {@code workflow.yaml}: parses it into a YAML node tree (nothing is instantiated
 * from the file), then reads and validates the tree into a {@link WorkflowDefinition}.
 * Thread-safe.
 */
public class WorkflowConfigLoader {

	/** The label of the file when it has no better name. */
	public static final String DEFAULT_LABEL = "workflow/workflow.yaml";

	/**
	 * Loads a workflow definition.
	 * @param fileLabel how problems name the file, e.g. {@code workflow/workflow.yaml}
	 * @param reader the file's content
	 * @throws WorkflowConfigInvalid listing every problem found
	 */
	public WorkflowDefinition load(String fileLabel, Reader reader) {
		Problems problems = new Problems(fileLabel);
		Node root = compose(reader, problems);
		if (root != null) {
			new TagCheck(problems).check(root, "");
		}
		WorkflowDefinition definition = problems.isEmpty() ? new WorkflowReader(problems).read(root) : null;
		problems.throwIfAny();
		return definition;
	}

	/**
	 * Loads a workflow definition from a resource (UTF-8), labelled by
	 * {@link #label(Resource)}.
	 * @throws WorkflowConfigInvalid listing every problem found, or if the resource
	 * cannot be read
	 */
	public WorkflowDefinition load(Resource resource) {
		String label = label(resource);
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			return load(label, reader);
		}
		catch (IOException ex) {
			throw new WorkflowConfigInvalid(
					List.of(new ConfigProblem(label, 0, "", "cannot be read: " + ex.getMessage())));
		}
	}

	/**
	 * How problems name a resource: a file's path relative to the working directory when
	 * it lies below it, its absolute path otherwise; {@link #DEFAULT_LABEL} for the copy
	 * packaged in the application.
	 */
	public static String label(Resource resource) {
		if (resource instanceof FileSystemResource file) {
			Path path = file.getFile().toPath().toAbsolutePath().normalize();
			Path workingDirectory = Path.of("").toAbsolutePath();
			return path.startsWith(workingDirectory) ? workingDirectory.relativize(path).toString().replace('\\', '/')
					: path.toString();
		}
		return DEFAULT_LABEL;
	}

	private static Node compose(Reader reader, Problems problems) {
		try {
			Node root = SafeYaml.create().compose(reader);
			if (root == null) {
				problems.add(0, "", "is empty; it must define settings and phases");
			}
			return root;
		}
		catch (MarkedYAMLException ex) {
			syntaxError(ex, problems);
		}
		catch (YAMLException ex) {
			problems.add(0, "", "invalid YAML: " + ex.getMessage());
		}
		return null;
	}

	private static void syntaxError(MarkedYAMLException ex, Problems problems) {
		int line = Problems.lineOf((ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark());
		int contextLine = Problems.lineOf(ex.getContextMark());
		String context = (ex.getContext() != null) ? ex.getContext() + ": " : "";
		String started = (contextLine > 0 && contextLine != line) ? " (started at line " + contextLine + ")" : "";
		problems.add(line, "", "invalid YAML: " + context + ex.getProblem() + started);
	}

}
