package io.phaseflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server as a process of its own, started as people start it (the
 * {@code bin/phaseflow} launcher, which runs the jar unpacked with its class-data
 * archive) or with {@code java -jar}, on a free port, with the heap it is given; how long
 * it took until {@code /actuator/health} answered UP.
 */
final class BenchServer implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

	private final Process process;

	private final int port;

	private final Path log;

	private final Duration startUp;

	private BenchServer(Process process, int port, Path log, Duration startUp) {
		this.process = process;
		this.port = port;
		this.log = log;
		this.startUp = startUp;
	}

	/**
	 * How the server is started: the launcher with its cache, {@code java -jar} (launcher
	 * null), or a main class on a class path (jar null).
	 *
	 * @param launcher {@code bin/phaseflow}, or null
	 * @param cache the launcher's {@code PHASEFLOW_CACHE}
	 * @param jar the packaged server
	 * @param classPath with {@code mainClass}, instead of a jar
	 * @param mainClass the class whose {@code main} starts it
	 */
	record Start(Path launcher, Path cache, Path jar, String classPath, String mainClass) {

		Start(Path launcher, Path cache, Path jar) {
			this(launcher, cache, jar, null, null);
		}

		Start javaJar() {
			return new Start(null, null, this.jar);
		}

		static Start mainClass(String classPath, String mainClass) {
			return new Start(null, null, null, classPath, mainClass);
		}

	}

	/** Starts the server in {@code workDir} and waits until it is healthy. */
	static BenchServer start(Start how, Path workDir, String name, String heap, List<String> jvmArgs, List<String> args)
			throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> javaOptions = new ArrayList<>(List.of("-Xmx" + heap));
		javaOptions.addAll(jvmArgs);
		List<String> command = new ArrayList<>();
		if (how.launcher() != null) {
			command.addAll(List.of(how.launcher().toString(), "server"));
		}
		else {
			command.add(javaBinary());
			command.addAll(javaOptions);
			command.addAll((how.jar() != null) ? List.of("-jar", how.jar().toString())
					: List.of("-cp", how.classPath(), how.mainClass()));
		}
		command.addAll(List.of("--server.port=" + port, "--logging.level.root=warn"));
		command.addAll(args);
		Path log = workDir.resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		if (how.launcher() != null) {
			builder.environment().put("PHASEFLOW_JAR", how.jar().toString());
			builder.environment().put("PHASEFLOW_CACHE", how.cache().toString());
			builder.environment().put("PHASEFLOW_JAVA_OPTS", String.join(" ", javaOptions));
			builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		}
		long started = System.nanoTime();
		Process process = builder.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		URI health = URI.create("http://localhost:" + port + "/actuator/health");
		long deadline = started + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " stopped while starting; see " + log);
			}
			try {
				HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(health).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200 && answer.body().contains("UP")) {
					return new BenchServer(process, port, log, Duration.ofNanos(System.nanoTime() - started));
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			sleep(20);
		}
		process.destroyForcibly();
		throw new IllegalStateException(name + " did not become healthy; see " + log);
	}

	static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	Duration startUp() {
		return this.startUp;
	}

	/**
	 * The heap in use right now, in MiB (from {@code jcmd GC.heap_info}); -1 if unknown.
	 */
	long heapUsedMib() {
		try {
			Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
					Long.toString(this.process.pid()), "GC.heap_info")
				.redirectErrorStream(true)
				.start();
			String out = new String(jcmd.getInputStream().readAllBytes());
			jcmd.waitFor(10, TimeUnit.SECONDS);
			Matcher used = HEAP_USED.matcher(out);
			return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** The server's process id, for its CPU ({@link SteadyState#cpu}). */
	long pid() {
		return this.process.pid();
	}

	/** The process's resident memory in MiB (Linux), -1 if unknown. */
	long residentMib() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
				}
			}
		}
		catch (IOException | UncheckedIOException | NumberFormatException ex) {
			// not Linux, or gone
		}
		return -1;
	}

	/** Whether the log holds an OutOfMemoryError or an ERROR line. */
	List<String> errorsInLog() throws IOException {
		return Files.readAllLines(this.log)
			.stream()
			.filter((line) -> line.contains("OutOfMemoryError") || line.contains(" ERROR "))
			.limit(20)
			.toList();
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
