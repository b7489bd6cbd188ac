package io.phaseflow.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that stands still until a test moves it on, so that the server's timestamps
 * (sessions, events, time tracking) are what the test says. Import
 * {@link TestClock.Config} to give the server this clock.
 */
final class TestClock extends Clock {

	private final AtomicReference<Instant> now;

	TestClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	/** Moves the clock on. */
	void advance(Duration duration) {
		this.now.updateAndGet((instant) -> instant.plus(duration));
	}

	void advanceMinutes(long minutes) {
		advance(Duration.ofMinutes(minutes));
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The test clock runs in UTC");
	}

	/** The server's clock is a {@link TestClock} starting at the current minute. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
		}

	}

}
