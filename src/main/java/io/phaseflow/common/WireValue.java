package io.phaseflow.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enumeration whose constants travel in lower case ({@code in_progress},
 * {@code sprint}) in JSON, query parameters and database columns.
 */
public interface WireValue {

	/** The constant's name, as every enum has. */
	String name();

	/** How the constant is written on the wire and in the database. */
	@JsonValue
	default String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The wire form of any constant: {@link #value()} for a WireValue, else its name. */
	static String of(Enum<?> constant) {
		return (constant instanceof WireValue wire) ? wire.value() : constant.name();
	}

	/** The wire forms of all constants of an enumeration, comma separated. */
	static String allOf(Class<?> type) {
		return Arrays.stream(type.getEnumConstants()).map((c) -> of((Enum<?>) c)).collect(Collectors.joining(", "));
	}

	/**
	 * The constant whose wire form is {@code value}, ignoring case.
	 * @throws IllegalArgumentException if there is none
	 */
	static <E extends Enum<E>> E parse(Class<E> type, String value) {
		return Arrays.stream(type.getEnumConstants())
			.filter((constant) -> of(constant).equalsIgnoreCase(value.trim()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No " + type.getSimpleName() + " '" + value + "'"));
	}

}
