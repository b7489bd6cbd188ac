package io.phaseflow.event;

import io.phaseflow.common.WireValue;

/**
 * What an event (or a version) is about.
 */
public enum EntityType implements WireValue {

	SPRINT, TASK, SESSION, AGENT, FILE, WORKFLOW, TOKEN;

}
