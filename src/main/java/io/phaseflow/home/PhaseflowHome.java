package io.phaseflow.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Finds the files of the editable folders. A file in the working copy
 * ({@code phaseflow.home}) takes precedence over the one packaged in the jar, so an
 * edited BPMN, template or {@code workflow.yaml} takes effect without a rebuild.
 */
@Component
public class PhaseflowHome {

	/** The editable folders, packaged in the jar and overridable in the working copy. */
	public static final List<String> FOLDERS = List.of("processes", "forms", "templates", "workflow");

	private final Path home;

	private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	public PhaseflowHome(PhaseflowProperties properties) {
		this.home = properties.home().toAbsolutePath().normalize();
	}

	/** One file of a folder, from the working copy if it is there, else from the jar. */
	public Optional<Resource> file(String folder, String name) {
		checkFolder(folder);
		Path local = this.home.resolve(folder).resolve(name).normalize();
		if (local.startsWith(this.home.resolve(folder)) && Files.isRegularFile(local)) {
			return Optional.of(new FileSystemResource(local));
		}
		Resource packaged = this.resolver.getResource("classpath:" + folder + "/" + name);
		return packaged.exists() ? Optional.of(packaged) : Optional.empty();
	}

	/**
	 * All files of a folder whose names end with {@code suffix}, by name; a working-copy
	 * file replaces the packaged file of the same name.
	 */
	public List<Resource> files(String folder, String suffix) {
		checkFolder(folder);
		Map<String, Resource> byName = new LinkedHashMap<>();
		try {
			Arrays.stream(this.resolver.getResources("classpath*:" + folder + "/*" + suffix))
				.forEach((resource) -> byName.put(resource.getFilename(), resource));
			Path local = this.home.resolve(folder);
			if (Files.isDirectory(local)) {
				try (var stream = Files.list(local)) {
					stream.filter((path) -> path.getFileName().toString().endsWith(suffix))
						.filter(Files::isRegularFile)
						.sorted()
						.forEach((path) -> byName.put(path.getFileName().toString(), new FileSystemResource(path)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + folder + "/", ex);
		}
		return List.copyOf(byName.values());
	}

	/** Where a file of the working copy would be (whether or not it exists). */
	public Path localPath(String folder, String name) {
		checkFolder(folder);
		return this.home.resolve(folder).resolve(name);
	}

	private static void checkFolder(String folder) {
		if (!FOLDERS.contains(folder)) {
			throw new IllegalArgumentException("Not an editable folder: " + folder);
		}
	}

}
