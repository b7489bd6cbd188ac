package io.phaseflow.common;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sprint and task codes: short, file-system safe names. Codes are case-insensitive and
 * stored in lower case, so nothing path-like ever reaches the database or the disk.
 */
public final class Codes {

	/** The shape of a code, matched case-insensitively. */
	public static final String PATTERN = "[a-zA-Z0-9][a-zA-Z0-9._-]{0,99}";

	/** What a caller is told when a code does not fit {@link #PATTERN}. */
	public static final String RULE = "must be 1-100 characters of letters, digits, '.', '_' or '-', starting with a letter or digit";

	private static final Pattern COMPILED = Pattern.compile(PATTERN);

	private Codes() {
	}

	public static boolean isValid(String code) {
		return code != null && COMPILED.matcher(code).matches();
	}

	/**
	 * Returns the canonical (lower-case) form of a code.
	 * @throws InvalidParameter if the code does not fit {@link #PATTERN}
	 */
	public static String normalize(String field, String code) {
		if (!isValid(code)) {
			throw new InvalidParameter(field, RULE);
		}
		return code.toLowerCase(Locale.ROOT);
	}

	/**
	 * The id a reference of digits only stands for, where a path takes a code or an id:
	 * callers look the reference up as a code first, so an all-digit code keeps naming
	 * its own entity.
	 */
	public static Optional<Long> id(String reference) {
		return (reference != null && reference.matches("[0-9]{1,18}")) ? Optional.of(Long.parseLong(reference))
				: Optional.empty();
	}

	/** Like {@link #normalize(String, String)} but lets {@code null} through. */
	public static String normalizeOptional(String field, String code) {
		return (code != null) ? normalize(field, code) : null;
	}

}
