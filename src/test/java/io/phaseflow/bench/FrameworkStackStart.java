package io.phaseflow.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import io.phaseflow.bench.stack.FrameworkStack;

/**
 * The baseline for a start ({@link FrameworkStack}: the server's frameworks and
 * configuration without Phaseflow), started as the launcher starts the server: from the
 * launcher's unpacked copy of the server jar, the baseline's one class in a jar of its
 * own beside it, with a class-data archive trained the way the launcher trains the
 * server's (a start on an in-memory database, stopped once the context is refreshed).
 */
final class FrameworkStackStart {

	private final BenchServer.Start start;

	private final List<String> jvmArgs;

	private FrameworkStackStart(BenchServer.Start start, List<String> jvmArgs) {
		this.start = start;
		this.jvmArgs = jvmArgs;
	}

	/**
	 * Makes the baseline's jar and trains its class-data archive, in {@code out}; needs
	 * the launcher to have unpacked {@code jar} into {@code launcherCache} already.
	 */
	static FrameworkStackStart prepare(Path out, Path launcherCache, Path jar, String heap) throws Exception {
		Path unpacked;
		try (Stream<Path> builds = Files.list(launcherCache)) {
			unpacked = builds.map((build) -> build.resolve(jar.getFileName()))
				.filter(Files::isRegularFile)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"the launcher has not unpacked " + jar + " into " + launcherCache));
		}
		Files.createDirectories(out);
		String classPath = unpacked + File.pathSeparator + stackJar(out.resolve("framework-stack.jar"));
		Path archive = out.resolve("framework-stack.jsa");
		Files.deleteIfExists(archive);
		List<String> training = new ArrayList<>(List.of(BenchServer.javaBinary(), "-Xmx" + heap,
				"-XX:ArchiveClassesAtExit=" + archive, "-Xlog:disable", "-Dspring.context.exit=onRefresh", "-cp",
				classPath, FrameworkStack.class.getName(), "--server.port=0", "--logging.level.root=off",
				"--spring.datasource.url=jdbc:h2:mem:framework-stack-training;DB_CLOSE_DELAY=-1",
				"--spring.datasource.username=sa", "--spring.datasource.password="));
		training.addAll(args(List.of()));
		Path log = out.resolve("framework-stack-training.log");
		Process process = new ProcessBuilder(training).directory(out.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!process.waitFor(300, TimeUnit.SECONDS) || !Files.isRegularFile(archive)) {
			process.destroyForcibly();
			throw new IllegalStateException("the framework stack's class-data archive was not written; see " + log);
		}
		return new FrameworkStackStart(BenchServer.Start.mainClass(classPath, FrameworkStack.class.getName()),
				List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
	}

	/**
	 * Starts the baseline on a database until its health is UP, and stops it.
	 * @param databaseArgs the server's arguments for that database
	 * @param empty whether the database is empty: then, as the server does on an empty
	 * database, the engine creates its tables without its schema lock (on PostgreSQL that
	 * lock's table does not exist yet)
	 * @return seconds until UP
	 */
	double startAndStop(Path work, String name, String heap, List<String> databaseArgs, boolean empty)
			throws IOException {
		List<String> args = args(databaseArgs);
		if (empty) {
			args.add("--flowable.use-lock-for-database-schema-update=false");
		}
		try (BenchServer stack = BenchServer.start(this.start, work, name, heap, this.jvmArgs, args)) {
			return stack.startUp().toMillis() / 1000.0;
		}
	}

	/**
	 * Starts the baseline on an empty database and leaves it running: for the lifecycle
	 * over HTTP ({@code StackSessions}).
	 */
	BenchServer start(Path work, String name, String heap, List<String> databaseArgs) throws IOException {
		List<String> args = args(databaseArgs);
		args.add("--flowable.use-lock-for-database-schema-update=false");
		return BenchServer.start(this.start, work, name, heap, this.jvmArgs, args);
	}

	/** Phaseflow's migrations stay out: Flyway is off. */
	private static List<String> args(List<String> databaseArgs) {
		List<String> args = new ArrayList<>(databaseArgs);
		args.add("--spring.flyway.enabled=false");
		return args;
	}

	/**
	 * The baseline's classes (its package of the test classes) in a jar: CDS archives no
	 * directory.
	 */
	private static Path stackJar(Path jar) throws IOException, URISyntaxException {
		Path classes = Path.of(FrameworkStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path stackPackage = classes.resolve(FrameworkStack.class.getPackageName().replace('.', '/'));
		try (OutputStream file = Files.newOutputStream(jar);
				JarOutputStream out = new JarOutputStream(file);
				Stream<Path> entries = Files.list(stackPackage)) {
			for (Path entry : entries.filter((path) -> path.toString().endsWith(".class")).sorted().toList()) {
				out.putNextEntry(new JarEntry(classes.relativize(entry).toString().replace('\\', '/')));
				Files.copy(entry, out);
				out.closeEntry();
			}
		}
		return jar;
	}

}
