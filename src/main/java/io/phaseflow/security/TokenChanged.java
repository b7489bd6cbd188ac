package io.phaseflow.security;

/**
 * A token was issued or revoked, published in the transaction of the change.
 *
 * @param token the token as it is now
 * @param issued true when it was issued, false when it was revoked
 */
public record TokenChanged(ApiToken token, boolean issued) {
}
