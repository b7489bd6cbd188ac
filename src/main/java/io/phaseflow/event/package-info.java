/**
 * The append-only event log: every change writes its event in the change's own
 * transaction.
 */
package io.phaseflow.event;
