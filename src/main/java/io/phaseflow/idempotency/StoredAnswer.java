package io.phaseflow.idempotency;

/**
 * The first answer to a request sent with an idempotency key.
 *
 * @param requestHash SHA-256 of the request's method, path, query and body
 * @param status the HTTP status
 * @param contentType the answer's content type, if any
 * @param location the answer's {@code Location} header, if any
 * @param body the answer's body
 */
record StoredAnswer(String requestHash, int status, String contentType, String location, String body) {
}
