package io.phaseflow.api;

import java.util.List;

/**
 * A list answer: {@code {"data": [...]}}.
 */
public record Page<T>(List<T> data) {
}
