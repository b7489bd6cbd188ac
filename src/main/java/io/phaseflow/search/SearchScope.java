package io.phaseflow.search;

import io.phaseflow.common.WireValue;

/**
 * How much a search looks at: one session, one task (with its sessions), one sprint (with
 * its tasks and their sessions) or the whole project.
 */
public enum SearchScope implements WireValue {

	SESSION, TASK, SPRINT, PROJECT;

}
