package io.phaseflow.workflow;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Rejects every tag other than the plain YAML types, so that nothing in the file can ask
 * for an object to be built, and refuses merge keys ({@code <<}).
 */
final class TagCheck {

	private static final Set<Tag> PLAIN = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP,
			Tag.MAP, Tag.SEQ);

	private final Problems problems;

	private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());

	TagCheck(Problems problems) {
		this.problems = problems;
	}

	void check(Node node, String path) {
		if (!this.seen.add(node)) {
			return;
		}
		if (Tag.MERGE.equals(node.getTag())) {
			this.problems.add(node, path, "merge keys (<<) are not supported");
		}
		else if (!PLAIN.contains(node.getTag())) {
			this.problems.add(node, path, "tag " + node.getTag() + " is not allowed");
		}
		if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				String key = (tuple.getKeyNode() instanceof ScalarNode scalar) ? scalar.getValue() : "?";
				check(tuple.getKeyNode(), path);
				check(tuple.getValueNode(), path.isEmpty() ? key : path + "." + key);
			}
		}
		else if (node instanceof SequenceNode sequence) {
			for (int i = 0; i < sequence.getValue().size(); i++) {
				check(sequence.getValue().get(i), path + "[" + i + "]");
			}
		}
	}

}
