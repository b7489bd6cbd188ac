package io.phaseflow.task;

/**
 * What a list of many tasks shows of each (a status report's line): no description, no
 * metadata, nothing to parse.
 */
public record TaskLine(String taskCode, String title, TaskStatus status, Priority priority, Integer estimateMinutes) {
}
