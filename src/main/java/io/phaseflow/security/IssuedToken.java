package io.phaseflow.security;

/**
 * A newly issued token together with its secret, which is shown this once and never
 * again.
 */
public record IssuedToken(ApiToken token, String secret) {
}
