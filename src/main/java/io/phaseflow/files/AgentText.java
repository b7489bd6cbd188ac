package io.phaseflow.files;

import java.util.regex.Pattern;

/**
 * Text an agent wrote (completion notes, session notes), made safe to stand in a markdown
 * file Phaseflow renders. Every block a markdown line can open (a heading, a setext
 * underline, a fence, an HTML block or comment, a quote, a list, a thematic break, a link
 * definition) but an ordered list item starts with ASCII punctuation after at most three
 * spaces, and an ordered list item's marker ({@code 1.}, {@code 1)}) is punctuation after
 * digits, and CommonMark reads a backslash before such a character as the character
 * itself: so each line's first character is escaped when it is punctuation, and the text
 * reads as it was written but can never open a section of the file or swallow the ones
 * after it.
 */
final class AgentText {

	/** The first visible character of a line, when it is ASCII punctuation. */
	private static final Pattern PUNCTUATION_AT_LINE_START = Pattern.compile("(?m)^([ \\t]*)(\\p{Punct})");

	/**
	 * An ordered list item's marker at a line's start (digits, then {@code .} or
	 * {@code )}), the one block opener that starts with a digit.
	 */
	private static final Pattern ORDERED_ITEM_AT_LINE_START = Pattern.compile("(?m)^([ \\t]*\\d{1,9})([.)])");

	/** CommonMark's line endings besides {@code \n}: a lone CR ends a line too. */
	private static final Pattern CARRIAGE_RETURN = Pattern.compile("\\r\\n?");

	private AgentText() {
	}

	/**
	 * The text with its line endings made {@code \n} and each line's opening punctuation
	 * escaped.
	 */
	static String escape(String text) {
		String lines = CARRIAGE_RETURN.matcher(text).replaceAll("\n");
		String unordered = ORDERED_ITEM_AT_LINE_START.matcher(lines).replaceAll("$1\\\\$2");
		return PUNCTUATION_AT_LINE_START.matcher(unordered).replaceAll("$1\\\\$2");
	}

	/** The text on one line, for a list item. */
	static String oneLine(String text) {
		return text.replaceAll("[\\r\\n]+", " ");
	}

}
