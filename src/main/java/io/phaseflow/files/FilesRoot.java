package io.phaseflow.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The folder of the markdown mirror, read and written without following symbolic links
 * below it: a link there (planted by anyone who can write to the folder) could otherwise
 * lead a read to a secret or a write, even the creation of a folder, out of the root. The
 * root itself may be a link; it is configuration.
 */
final class FilesRoot {

	private final Path root;

	private final Path configured;

	FilesRoot(Path configured) {
		this.configured = configured.normalize();
		this.root = configured.toAbsolutePath().normalize();
	}

	Path path() {
		return this.root;
	}

	/**
	 * The path as configured, e.g. {@code delegation/tasks/x/TASK.md}, for answers and
	 * events.
	 */
	String shown(Path path) {
		return this.configured.resolve(this.root.relativize(path)).toString();
	}

	/**
	 * @throws SymbolicLinkRefused when the path, or a folder on the way to it from the
	 * root, is a symbolic link
	 * @throws IllegalStateException when the path is not under the root
	 */
	void refuseLinks(Path path) {
		Path normalized = path.toAbsolutePath().normalize();
		if (!normalized.startsWith(this.root) || normalized.equals(this.root)) {
			throw new IllegalStateException("Refusing to use a path outside " + this.root + ": " + path);
		}
		Path current = this.root;
		for (Path name : this.root.relativize(normalized)) {
			current = current.resolve(name);
			if (Files.isSymbolicLink(current)) {
				throw new SymbolicLinkRefused(shown(current));
			}
		}
	}

	/**
	 * Creates the folder and the missing ones above it, each a folder of its own, never
	 * through a link.
	 */
	void createFolders(Path folder) throws IOException {
		refuseLinks(folder);
		Path current = this.root;
		Files.createDirectories(current);
		for (Path name : this.root.relativize(folder.toAbsolutePath().normalize())) {
			current = current.resolve(name);
			if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
				Files.createDirectory(current);
			}
		}
	}

	/** Whether the path is a regular file reached without a link. */
	boolean isRegularFile(Path file) {
		return noLinkOnTheWay(file) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
	}

	/** Whether the path is a folder reached without a link. */
	boolean isDirectory(Path folder) {
		return noLinkOnTheWay(folder) && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS);
	}

	private boolean noLinkOnTheWay(Path path) {
		try {
			refuseLinks(path);
			return true;
		}
		catch (SymbolicLinkRefused ex) {
			return false;
		}
	}

	/**
	 * The file's text, opened without following a link.
	 * @throws SymbolicLinkRefused when the file or a folder on the way is a link
	 */
	String read(Path file) {
		refuseLinks(file);
		try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + shown(file), ex);
		}
	}

}
