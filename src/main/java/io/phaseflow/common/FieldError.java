package io.phaseflow.common;

/**
 * One problem with one field of a request, as reported in a problem+json body.
 */
public record FieldError(String field, String message) {
}
