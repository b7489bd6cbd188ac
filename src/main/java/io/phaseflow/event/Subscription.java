package io.phaseflow.event;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's stream: what it asked for, how far it got ({@code cursor}: every matching
 * event up to that id has been sent) and what is waiting to be sent. Sending happens on a
 * delivery thread, one batch at a time, so a slow client holds up nobody else; a client
 * that falls too far behind reads what it missed from the log instead of from memory.
 */
public final class Subscription {

	private static final Logger log = LoggerFactory.getLogger(Subscription.class);

	/** Queued items beyond which the queue becomes one catch-up from the log. */
	private static final int MAX_QUEUED = 64;

	private static final int PAGE = 500;

	private final EventQuery filter;

	private final String owner;

	private final EventSink sink;

	private final EventLog events;

	private final Executor delivery;

	private final Consumer<Subscription> onClose;

	private final Deque<Item> queue = new ArrayDeque<>();

	private long cursor;

	private boolean draining;

	private boolean closed;

	Subscription(EventQuery filter, long cursor, String owner, EventSink sink, EventLog events, Executor delivery,
			Consumer<Subscription> onClose) {
		this.filter = filter;
		this.owner = owner;
		this.cursor = cursor;
		this.sink = sink;
		this.events = events;
		this.delivery = delivery;
		this.onClose = onClose;
	}

	/** The name of the token that opened the stream. */
	String owner() {
		return this.owner;
	}

	/**
	 * Ends the stream (the client went away, its token was revoked, or the server stops).
	 */
	public void cancel() {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			this.queue.clear();
		}
		this.onClose.accept(this);
		this.sink.close();
	}

	/** Events released after {@code from} up to {@code to}, all of them in id order. */
	void released(long from, long to, List<OrchestrationEvent> released) {
		offer(new Item(from, to, released));
	}

	/** Catches up from the log to {@code to}, if the cursor is behind it. */
	void catchUp(long to) {
		offer(new Item(-1, to, null));
	}

	void heartbeat() {
		synchronized (this) {
			if (!this.queue.isEmpty()) {
				return;
			}
		}
		offer(Item.HEARTBEAT);
	}

	private void offer(Item item) {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			if (this.queue.size() >= MAX_QUEUED) {
				long to = Math.max(item.to, this.queue.stream().mapToLong(Item::to).max().orElse(-1));
				this.queue.clear();
				this.queue.add(new Item(-1, to, null));
			}
			else {
				this.queue.add(item);
			}
			if (this.draining) {
				return;
			}
			this.draining = true;
		}
		try {
			this.delivery.execute(this::drain);
		}
		catch (RejectedExecutionException ex) {
			synchronized (this) {
				this.draining = false;
			}
			cancel();
		}
	}

	private void drain() {
		while (true) {
			Item item;
			synchronized (this) {
				item = this.queue.poll();
				if (item == null || this.closed) {
					this.draining = false;
					return;
				}
			}
			try {
				deliver(item);
			}
			catch (Exception ex) {
				log.debug("An event stream ended: {}", ex.toString());
				synchronized (this) {
					this.draining = false;
				}
				cancel();
				return;
			}
		}
	}

	private void deliver(Item item) throws Exception {
		if (item == Item.HEARTBEAT) {
			this.sink.heartbeat();
		}
		else if (item.to <= this.cursor) {
			return;
		}
		else if (item.events == null || this.cursor < item.from) {
			readUpTo(item.to);
		}
		else {
			for (OrchestrationEvent event : item.events) {
				if (event.id() > this.cursor && this.filter.matches(event)) {
					this.sink.send(event);
				}
			}
			this.cursor = item.to;
		}
	}

	private void readUpTo(long to) throws Exception {
		while (this.cursor < to) {
			EventSlice page = this.events.find(this.filter.page(this.cursor, PAGE), to);
			for (OrchestrationEvent event : page.events()) {
				this.sink.send(event);
			}
			this.cursor = (page.nextAfterId() != null) ? page.nextAfterId() : to;
		}
	}

	/**
	 * Released events ({@code events} set), a catch-up from the log ({@code events}
	 * null), or a heartbeat.
	 */
	private record Item(long from, long to, List<OrchestrationEvent> events) {

		static final Item HEARTBEAT = new Item(-1, -1, null);

	}

}
