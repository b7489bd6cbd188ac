package io.phaseflow.task;

/**
 * Which tasks to list; null members match everything.
 */
public record TaskFilter(String sprintCode, TaskStatus status, Priority priority) {
}
