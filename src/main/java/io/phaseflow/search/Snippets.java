package io.phaseflow.search;

import java.util.List;
import java.util.Set;

/**
 * The text around a result's first match, matched words marked as {@code **word**}, on
 * one line. Made from the same text on both databases, so snippets do not depend on the
 * database.
 */
final class Snippets {

	private static final int BEFORE = 60;

	private static final int LENGTH = 220;

	private static final String CUT = "…";

	private Snippets() {
	}

	static String of(SearchText text, Set<String> terms) {
		String body = text.body();
		List<Words.Span> spans = Words.spans(body);
		Words.Span first = spans.stream().filter((span) -> terms.contains(span.lexeme())).findFirst().orElse(null);
		if (first == null) {
			return window(text.heading(), Words.spans(text.heading()), 0, terms);
		}
		return window(body, spans, Math.max(0, first.start() - BEFORE), terms);
	}

	private static String window(String text, List<Words.Span> spans, int from, Set<String> terms) {
		int start = (from == 0) ? 0 : boundary(text,
				spans.stream().mapToInt(Words.Span::start).filter((s) -> s >= from).findFirst().orElse(from));
		int limit = boundary(text, Math.min(text.length(), start + LENGTH));
		int end = (limit == text.length()) ? limit
				: spans.stream()
					.filter((span) -> span.start() >= start && span.end() <= limit)
					.mapToInt(Words.Span::end)
					.max()
					.orElse(limit);
		StringBuilder snippet = new StringBuilder((start > 0) ? CUT : "");
		int at = start;
		for (Words.Span span : spans) {
			if (span.start() >= start && span.end() <= end && terms.contains(span.lexeme())) {
				snippet.append(text, at, span.start()).append("**").append(text, span.start(), span.end()).append("**");
				at = span.end();
			}
		}
		snippet.append(text, at, end).append((end < text.length()) ? CUT : "");
		return snippet.toString().replaceAll("\\s+", " ").strip();
	}

	/** The index itself, or the one before it when it would split a surrogate pair. */
	private static int boundary(String text, int index) {
		return (index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))) ? index - 1 : index;
	}

}
