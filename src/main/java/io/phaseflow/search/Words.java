package io.phaseflow.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits text into words exactly as the PostgreSQL side of the search does (migration V8:
 * ASCII punctuation becomes a space, then the {@code simple} text search configuration):
 * a word is a run of letters, digits and combining marks, compared in lower case. Both
 * databases therefore find the same words in the same text.
 */
final class Words {

	/** How much of each text is searched, in characters (code points). */
	static final int SEARCHED_LENGTH = 100_000;

	/** PostgreSQL does not index words of this many bytes or more. */
	private static final int MAX_WORD_BYTES = 2047;

	private Words() {
	}

	/** The searched part of a text: its first {@link #SEARCHED_LENGTH} characters. */
	static String searched(String text) {
		if (text == null) {
			return "";
		}
		if (text.length() <= SEARCHED_LENGTH || text.codePointCount(0, text.length()) <= SEARCHED_LENGTH) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, SEARCHED_LENGTH));
	}

	/** The words of a text, in order, as lexemes (lower case). */
	static List<String> lexemes(String text) {
		List<String> lexemes = new ArrayList<>();
		for (Span span : spans(text)) {
			lexemes.add(span.lexeme());
		}
		return lexemes;
	}

	/** Where the words of a text are, with their lexemes. */
	static List<Span> spans(String text) {
		List<Span> spans = new ArrayList<>();
		int start = -1;
		int i = 0;
		while (i <= text.length()) {
			int codePoint = (i < text.length()) ? text.codePointAt(i) : ' ';
			if (isWordCharacter(codePoint)) {
				if (start < 0) {
					start = i;
				}
			}
			else if (start >= 0) {
				String word = text.substring(start, i);
				if (word.getBytes(StandardCharsets.UTF_8).length < MAX_WORD_BYTES) {
					spans.add(new Span(start, i, lexeme(word)));
				}
				start = -1;
			}
			i += Character.charCount(codePoint);
		}
		return spans;
	}

	/** A word in lower case, one character at a time (as PostgreSQL lowers it). */
	static String lexeme(String word) {
		StringBuilder lower = new StringBuilder(word.length());
		word.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
		return lower.toString();
	}

	/**
	 * Letters, digits and combining marks; everything else (spaces, punctuation, symbols,
	 * emoji) separates words.
	 */
	static boolean isWordCharacter(int codePoint) {
		if (codePoint < 0x80) {
			return Character.isLetterOrDigit(codePoint);
		}
		int type = Character.getType(codePoint);
		return Character.isAlphabetic(codePoint) || Character.isDigit(codePoint) || type == Character.NON_SPACING_MARK
				|| type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
	}

	/** Compares lexemes as PostgreSQL orders them: by their UTF-8 bytes. */
	static int compare(String a, String b) {
		return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

	/** A word of a text: from {@code start} (inclusive) to {@code end} (exclusive). */
	record Span(int start, int end, String lexeme) {
	}

}
