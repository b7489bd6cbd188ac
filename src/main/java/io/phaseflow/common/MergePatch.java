package io.phaseflow.common;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7386): members of the patch replace those of the target, objects
 * merge recursively, and {@code null} removes a member.
 */
public final class MergePatch {

	private MergePatch() {
	}

	/** Returns the target with the patch applied; neither argument is modified. */
	public static JsonNode apply(JsonNode target, JsonNode patch) {
		if (!(patch instanceof ObjectNode patchObject)) {
			return patch.deepCopy();
		}
		ObjectNode result = (target instanceof ObjectNode targetObject) ? targetObject.deepCopy()
				: patchObject.objectNode();
		for (Map.Entry<String, JsonNode> member : patchObject.properties()) {
			if (member.getValue().isNull()) {
				result.remove(member.getKey());
			}
			else {
				result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
			}
		}
		return result;
	}

}
