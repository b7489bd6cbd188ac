package io.phaseflow.event;

/**
 * Which transactions are open in the database, so that the event stream can tell a gap in
 * the event ids that a transaction may still fill from one it never will.
 */
interface OpenTransactions {

	/** The transactions open now. */
	Reading read();

	/** The open transactions at one moment. */
	interface Reading {

		/**
		 * Whether every transaction open at {@code earlier} has ended by this reading.
		 */
		boolean endedSince(Reading earlier);

	}

}
