package io.phaseflow.common;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
		Enum<?> constant = Constants.BY_WIRE_FORM.get(type).get(value.trim().toLowerCase(Locale.ROOT));
		if (constant == null) {
			throw new IllegalArgumentException("No " + type.getSimpleName() + " '" + value + "'");
		}
		return type.cast(constant);
	}

	/**
	 * Each enumeration's constants by their wire form in lower case, worked out once per
	 * enumeration: every row read and every parameter parsed looks one up.
	 */
	final class Constants {

		private static final ClassValue<Map<String, Enum<?>>> BY_WIRE_FORM = new ClassValue<>() {
			@Override
			protected Map<String, Enum<?>> computeValue(Class<?> type) {
				Map<String, Enum<?>> constants = new HashMap<>();
				for (Object constant : type.getEnumConstants()) {
					constants.putIfAbsent(of((Enum<?>) constant).toLowerCase(Locale.ROOT), (Enum<?>) constant);
				}
				return Map.copyOf(constants);
			}
		};

		private Constants() {
		}

	}

}
