package io.phaseflow.common;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The one way Phaseflow reads YAML files: SnakeYAML with {@link SafeConstructor} (no Java
 * objects from the file), duplicate and recursive keys refused, and bounds on aliases,
 * nesting and size, so a hostile file cannot blow up memory.
 */
public final class SafeYaml {

	private static final int MAX_ALIASES = 10;

	private static final int MAX_NESTING = 20;

	private static final int MAX_CODE_POINTS = 1024 * 1024;

	private SafeYaml() {
	}

	/** A new parser (SnakeYAML's {@link Yaml} is not thread-safe). */
	public static Yaml create() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setAllowRecursiveKeys(false);
		options.setMaxAliasesForCollections(MAX_ALIASES);
		options.setNestingDepthLimit(MAX_NESTING);
		options.setCodePointLimit(MAX_CODE_POINTS);
		return new Yaml(new SafeConstructor(options));
	}

}
