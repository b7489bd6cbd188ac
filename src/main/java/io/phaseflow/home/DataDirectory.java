package io.phaseflow.home;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Keeps {@code phaseflow.data-dir} owner-only, as {@code admin.token} is: the folder 0700
 * and its files 0600, for the H2 database holds every token's hash and all the work. The
 * folder is made so before the database is first opened; H2 creates its files with the
 * process's umask, so they are set to 0600 at every start (the folder already keeps other
 * users out of files H2 creates later).
 */
@Configuration(proxyBeanMethods = false)
class DataDirectory {

	private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

	static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	/** Runs when the DataSource is built, before anything connects to it. */
	@Bean
	static BeanPostProcessor ownerOnlyDataDirectoryBeforeTheDatabaseOpens(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof DataSource) {
					ownerOnly(Binder.get(environment).bind("phaseflow.data-dir", Path.class).orElse(Path.of("data")));
				}
				return bean;
			}
		};
	}

	@Bean
	ApplicationListener<ApplicationStartedEvent> ownerOnlyDataFilesOnceStarted(PhaseflowProperties properties) {
		return (started) -> ownerOnly(properties.dataDir());
	}

	/**
	 * Creates the folder owner-only if it is missing and makes it owner-only, with the
	 * files Phaseflow keeps there (the admin token, H2's database files); other files an
	 * operator put there keep their modes. On a file system without POSIX permissions,
	 * does nothing.
	 */
	static void ownerOnly(Path folder) {
		if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return;
		}
		try {
			if (!Files.isDirectory(folder)) {
				Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
			}
			Files.setPosixFilePermissions(folder, FOLDER);
			List<Path> files;
			try (var stream = Files.list(folder)) {
				files = stream.filter((file) -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
					.filter((file) -> isOurs(file.getFileName().toString()))
					.toList();
			}
			for (Path file : files) {
				Files.setPosixFilePermissions(file, FILE);
			}
		}
		catch (IOException ex) {
			log.warn("Could not make the data directory {} owner-only (0700, files 0600)", folder.toAbsolutePath(), ex);
		}
	}

	private static boolean isOurs(String name) {
		return name.equals("admin.token") || name.endsWith(".db") || name.contains(".mv.db")
				|| name.endsWith(".trace.db") || name.endsWith(".lock.db") || name.endsWith(".tempFile");
	}

}
