package io.phaseflow.event;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.phaseflow.security.TokenIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Live event streams. One poller per instance reads the event log (so events written by
 * any instance sharing the database are streamed), releases them in id order through an
 * {@link EventTail}, and hands them to every open {@link Subscription}; a subscription
 * that starts behind (a resumed stream) first reads what it missed from the log.
 */
@Component
public class EventStreams implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

	private static final int BATCH = 500;

	private final EventLog events;

	private final OpenTransactions transactions;

	private final EventStreamProperties properties;

	private final Clock clock;

	private final TokenIssuer tokens;

	private final Object lock = new Object();

	private final List<Subscription> subscriptions = new ArrayList<>();

	private ScheduledExecutorService poller;

	private ExecutorService delivery;

	private EventTail tail;

	/** The highest id handed to the subscriptions (guarded by {@code lock}). */
	private long watermark;

	private volatile boolean running;

	EventStreams(EventLog events, OpenTransactions transactions, EventStreamProperties properties, Clock clock,
			TokenIssuer tokens) {
		this.events = events;
		this.tokens = tokens;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Opens a stream of the events matching the filter: those after {@code afterId}, or,
	 * when it is null, those released from now on.
	 * @param owner the name of the caller's token; the stream ends once it is revoked
	 * @throws TooManyStreams when this instance serves as many streams as it may
	 * @throws TooManyStreamsOfToken when the token holds as many streams as one may
	 */
	public Subscription subscribe(EventQuery filter, Long afterId, String owner, EventSink sink) {
		Subscription subscription;
		long released;
		synchronized (this.lock) {
			if (!this.running) {
				throw new TooManyStreams("The event stream is not running on this instance");
			}
			if (this.subscriptions.size() >= this.properties.maxStreams()) {
				throw new TooManyStreams("This instance already serves " + this.properties.maxStreams()
						+ " event streams; retry later or on another instance");
			}
			if (this.subscriptions.stream().filter((open) -> open.owner().equals(owner)).count() >= this.properties
				.maxStreamsPerToken()) {
				throw new TooManyStreamsOfToken(this.properties.maxStreamsPerToken());
			}
			released = this.watermark;
			subscription = new Subscription(filter, (afterId != null) ? afterId : released, owner, sink, this.events,
					this.delivery, this::remove);
			this.subscriptions.add(subscription);
		}
		subscription.catchUp(released);
		return subscription;
	}

	/** How many streams are open on this instance. */
	public int openStreams() {
		synchronized (this.lock) {
			return this.subscriptions.size();
		}
	}

	private void remove(Subscription subscription) {
		synchronized (this.lock) {
			this.subscriptions.remove(subscription);
		}
	}

	private void poll() {
		try {
			boolean more = true;
			while (more && this.running) {
				OpenTransactions.Reading reading = this.tail.waiting() ? this.transactions.read() : null;
				long from = this.tail.released();
				EventSlice fetched = this.events.find(new EventQuery(null, null, null, null, null, from, BATCH));
				List<OrchestrationEvent> released = this.tail.advance(fetched.events(), this.clock.instant(), reading);
				if (!released.isEmpty()) {
					publish(from, this.tail.released(), released);
				}
				more = fetched.nextAfterId() != null && !released.isEmpty();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Reading the event log for the event streams failed; trying again", ex);
		}
	}

	private void publish(long from, long to, List<OrchestrationEvent> released) {
		List<Subscription> targets;
		synchronized (this.lock) {
			this.watermark = to;
			targets = List.copyOf(this.subscriptions);
		}
		targets.forEach((subscription) -> subscription.released(from, to, released));
	}

	/**
	 * Ends the streams whose tokens are no longer active: revoked here or on another
	 * instance sharing the database.
	 */
	private void checkTokens() {
		try {
			List<Subscription> open;
			synchronized (this.lock) {
				open = List.copyOf(this.subscriptions);
			}
			if (open.isEmpty()) {
				return;
			}
			Set<String> active = this.tokens
				.activeAmong(open.stream().map(Subscription::owner).collect(Collectors.toSet()));
			open.stream()
				.filter((subscription) -> !active.contains(subscription.owner()))
				.forEach(Subscription::cancel);
		}
		catch (RuntimeException ex) {
			log.warn("Checking the tokens of the event streams failed; trying again", ex);
		}
	}

	private void heartbeat() {
		List<Subscription> targets;
		synchronized (this.lock) {
			targets = List.copyOf(this.subscriptions);
		}
		targets.forEach(Subscription::heartbeat);
	}

	@Override
	public void start() {
		long last = this.events.lastId();
		this.tail = new EventTail(last, this.properties.grace(), this.properties.maxWait());
		this.poller = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("event-stream-poller-"));
		this.delivery = Executors.newCachedThreadPool(new CustomizableThreadFactory("event-stream-"));
		synchronized (this.lock) {
			this.watermark = last;
			this.running = true;
		}
		long poll = this.properties.pollInterval().toMillis();
		long heartbeat = this.properties.heartbeat().toMillis();
		this.poller.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
		this.poller.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
		long tokenCheck = this.properties.tokenCheck().toMillis();
		this.poller.scheduleWithFixedDelay(this::checkTokens, tokenCheck, tokenCheck, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		List<Subscription> open;
		synchronized (this.lock) {
			this.running = false;
			open = List.copyOf(this.subscriptions);
		}
		this.poller.shutdownNow();
		open.forEach(Subscription::cancel);
		this.delivery.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
