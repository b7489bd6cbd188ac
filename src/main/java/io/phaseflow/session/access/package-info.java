/**
 * Who may act on a session: a token acts as its own agent (PM and ADMIN tokens for any),
 * a session's writes are its owner's, and every refusal by these rules is recorded as an
 * event.
 */
package io.phaseflow.session.access;
