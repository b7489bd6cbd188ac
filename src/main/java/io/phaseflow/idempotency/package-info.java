/**
 * Idempotent retries: a POST sent again with the same {@code Idempotency-Key} replays the
 * first answer and changes nothing.
 */
package io.phaseflow.idempotency;
