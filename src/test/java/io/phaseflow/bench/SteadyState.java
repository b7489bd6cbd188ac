package io.phaseflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Warming a JVM up until its just-in-time compiler has done most of its work: a server
 * with Phaseflow's code paths keeps HotSpot's compiler threads busy for a minute or more
 * of load on two cores (a quarter of the server's CPU, 30 s into the load), so a fixed
 * short warm-up measures a server still being compiled, and one far more than a bare
 * engine, whose code is a fraction of it. The CPU of a process's threads is read from
 * Linux's {@code /proc/<pid>/task}.
 */
final class SteadyState {

	/**
	 * The compiler's share of a step's CPU below which the process counts as warm.
	 */
	static final double WARM_COMPILER_SHARE = 0.05;

	private static final Duration STEP = Duration.ofSeconds(10);

	private SteadyState() {
	}

	/** A piece of work that runs for about the given time. */
	interface Work {

		void run(Duration time) throws Exception;

	}

	/**
	 * CPU a process has used so far, in seconds.
	 *
	 * @param total all its threads
	 * @param compiler its JIT compiler threads ({@code C1/C2 CompilerThread})
	 */
	record Cpu(double total, double compiler) {

		Cpu minus(Cpu earlier) {
			return new Cpu(this.total - earlier.total, this.compiler - earlier.compiler);
		}

		Cpu plus(Cpu more) {
			return new Cpu(this.total + more.total, this.compiler + more.compiler);
		}

		/**
		 * The compiler's share of the total; 0 when nothing was used or it is unknown.
		 */
		double compilerShare() {
			return (this.total > 0) ? this.compiler / this.total : 0;
		}

	}

	/**
	 * The CPU the process has used so far (threads that ended included) and its compiler
	 * threads' part; zeros where /proc is not there.
	 */
	static Cpu cpu(long pid) {
		Path process = Path.of("/proc", Long.toString(pid));
		double compiler = 0;
		try (Stream<Path> threads = Files.list(process.resolve("task"))) {
			for (Path thread : threads.toList()) {
				try {
					if (Files.readString(thread.resolve("comm")).matches("C\\d CompilerThre.*\\s*")) {
						compiler += seconds(thread.resolve("stat"));
					}
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended while we read
				}
			}
			return new Cpu(seconds(process.resolve("stat")), compiler);
		}
		catch (IOException | RuntimeException ex) {
			return new Cpu(0, 0);
		}
	}

	/** User and system time from a {@code stat} file of /proc. */
	private static double seconds(Path stat) throws IOException {
		String line = Files.readString(stat);
		String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
		// after the name: utime is field 14 and stime 15, in 1/100 s
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
	}

	/**
	 * Runs {@code work} in steps of ten seconds for at least {@code min}, then until the
	 * compiler used less than {@link #WARM_COMPILER_SHARE} of the process's CPU in a
	 * step, or {@code max} has passed.
	 * @return how long it ran, and the compiler's share in its last step
	 */
	static Warmed warmUp(long pid, Duration min, Duration max, Work work, Consumer<String> progress) throws Exception {
		long start = System.nanoTime();
		if (max.compareTo(STEP) < 0) {
			work.run(max);
			return new Warmed(Duration.ofNanos(System.nanoTime() - start), -1);
		}
		double share;
		Duration elapsed;
		do {
			Cpu before = cpu(pid);
			work.run(STEP);
			share = cpu(pid).minus(before).compilerShare();
			elapsed = Duration.ofNanos(System.nanoTime() - start);
			progress.accept("warming up: %d s, JIT compiler %.0f %% of the CPU in the last %d s"
				.formatted(elapsed.toSeconds(), share * 100, STEP.toSeconds()));
		}
		while (elapsed.compareTo(max) < 0 && (elapsed.compareTo(min) < 0 || share >= WARM_COMPILER_SHARE));
		return new Warmed(elapsed, share);
	}

	/**
	 * @param time how long the warm-up ran
	 * @param compilerShare the compiler's share of the CPU in its last step (-1 if not
	 * measured)
	 */
	record Warmed(Duration time, double compilerShare) {
	}

}
