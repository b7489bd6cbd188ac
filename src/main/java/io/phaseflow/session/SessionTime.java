package io.phaseflow.session;

import java.util.Map;

/**
 * The time worked in a session: paused time and time waiting for an override decision are
 * not counted.
 *
 * @param activeMinutes this session's active time
 * @param byPhase this session's active time per phase, in the order the phases came
 * @param estimateMinutes the task's estimate, if it has one
 * @param remainingMinutes the estimate less the task's active time (never below zero), if
 * the task has an estimate
 * @param overEstimate whether the task's active time exceeds its estimate
 * @param taskActiveMinutes the task's active time over all its sessions, this one
 * included
 */
public record SessionTime(long activeMinutes, Map<String, Long> byPhase, Integer estimateMinutes, Long remainingMinutes,
		boolean overEstimate, long taskActiveMinutes) {

}
