package io.phaseflow.event;

import java.util.List;

/**
 * Events read from the log in one go, and where the next read starts.
 *
 * @param events the events, in the order asked for
 * @param nextAfterId the id after which the next read continues when this one stopped at
 * its row or byte limit (more may follow), or null when it reached the end
 */
public record EventSlice(List<OrchestrationEvent> events, Long nextAfterId) {
}
