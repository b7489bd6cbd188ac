package io.phaseflow.memory;

import io.phaseflow.common.WireValue;

/**
 * What a session note is: an {@code update} is progress on the task's context, a
 * {@code note} a remark or finding.
 */
public enum NoteKind implements WireValue {

	UPDATE, NOTE;

}
