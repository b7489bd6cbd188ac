package io.phaseflow.workflow;

/**
 * What an agent hands the process when it completes its work on a phase.
 *
 * @param overrideRequested whether it asks to move on although the phase's check fails
 * @param overrideReason why, when it asks
 * @param qaStatus the review's outcome ({@code qa_passed} or {@code qa_failed}) where the
 * phase decides QA; null for every other phase
 */
public record WorkDone(boolean overrideRequested, String overrideReason, String qaStatus) {
}
