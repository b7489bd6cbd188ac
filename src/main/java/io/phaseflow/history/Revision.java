package io.phaseflow.history;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An entity's content as a snapshot together with its SHA-256 content hash.
 */
public record Revision(ObjectNode snapshot, String hash) {
}
