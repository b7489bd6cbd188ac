package io.phaseflow.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * PostgreSQL's {@code ts_rank} (default weights, no normalization) of a query against
 * {@code search_vector(heading, body)}, computed in Java, so that H2 ranks what it finds
 * as PostgreSQL does. Heading words weigh 1.0 (weight A), body words 0.1 (weight D). A
 * word's positions follow {@code to_tsvector}'s rules: at most 255 per word, none past
 * 16383, the body's after the heading's.
 */
final class Rank {

	private static final int MAX_POSITION = 16383;

	private static final int MAX_POSITIONS_PER_PART = 255;

	private static final int MAX_POSITIONS = 256;

	private static final float HEADING_WEIGHT = 1.0f;

	private static final float BODY_WEIGHT = 0.1f;

	/** ∑ 1/i², the limit ts_rank divides by. */
	private static final double ZETA_2 = 1.64493406685;

	private Rank() {
	}

	/**
	 * The rank of the text for all the given lexemes (sorted by their bytes), or null
	 * when the text lacks one of them.
	 */
	static Float of(SearchText text, SortedSet<String> terms) {
		Map<String, List<Position>> heading = positions(Words.lexemes(text.heading()), HEADING_WEIGHT, null);
		int shift = heading.values().stream().flatMap(List::stream).mapToInt(Position::position).max().orElse(0);
		Map<String, List<Position>> body = positions(Words.lexemes(text.body()), BODY_WEIGHT, terms);
		List<List<Position>> found = new ArrayList<>();
		for (String term : terms) {
			List<Position> joined = concatenate(heading.get(term), body.get(term), shift);
			if (joined == null) {
				return null;
			}
			found.add(joined);
		}
		float rank = (found.size() < 2) ? rankAny(found) : rankAll(found);
		return (rank < 0) ? 1e-20f : rank;
	}

	/** {@code to_tsvector}: the positions of every lexeme (or only the wanted ones). */
	private static Map<String, List<Position>> positions(List<String> lexemes, float weight, SortedSet<String> wanted) {
		Map<String, List<Position>> positions = new HashMap<>();
		int position = 0;
		for (String lexeme : lexemes) {
			position++;
			if (wanted != null && !wanted.contains(lexeme)) {
				continue;
			}
			int limited = Math.min(position, MAX_POSITION);
			List<Position> list = positions.computeIfAbsent(lexeme, (key) -> new ArrayList<>());
			int last = list.isEmpty() ? -1 : list.get(list.size() - 1).position();
			if (list.size() < MAX_POSITIONS_PER_PART && last != MAX_POSITION && last != limited) {
				list.add(new Position(limited, weight));
			}
		}
		return positions;
	}

	/** {@code heading || body}: the body's positions come after the heading's. */
	private static List<Position> concatenate(List<Position> heading, List<Position> body, int shift) {
		if (heading == null && body == null) {
			return null;
		}
		List<Position> joined = (heading != null) ? new ArrayList<>(heading) : new ArrayList<>();
		if (body != null) {
			for (Position position : body) {
				if (joined.size() >= MAX_POSITIONS
						|| (!joined.isEmpty() && joined.get(joined.size() - 1).position() == MAX_POSITION)) {
					break;
				}
				joined.add(new Position(Math.min(position.position() + shift, MAX_POSITION), position.weight()));
			}
		}
		return joined;
	}

	/**
	 * ts_rank's {@code calc_rank_or}: each occurrence counts less than the one before.
	 */
	private static float rankAny(List<List<Position>> terms) {
		float rank = 0.0f;
		for (List<Position> positions : terms) {
			float sum = 0.0f;
			float maxWeight = -1.0f;
			int maxAt = 0;
			for (int j = 0; j < positions.size(); j++) {
				float weight = positions.get(j).weight();
				sum = sum + weight / ((j + 1) * (j + 1));
				if (weight > maxWeight) {
					maxWeight = weight;
					maxAt = j;
				}
			}
			rank = (float) (rank + (maxWeight + sum - maxWeight / ((maxAt + 1) * (maxAt + 1))) / ZETA_2);
		}
		return rank / terms.size();
	}

	/** ts_rank's {@code calc_rank_and}: the closer the words, the higher. */
	private static float rankAll(List<List<Position>> terms) {
		float rank = -1.0f;
		for (int i = 0; i < terms.size(); i++) {
			for (int k = 0; k < i; k++) {
				for (Position a : terms.get(i)) {
					for (Position b : terms.get(k)) {
						int distance = Math.abs(a.position() - b.position());
						if (distance != 0) {
							float weight = (float) Math.sqrt(a.weight() * b.weight() * wordDistance(distance));
							rank = (rank < 0) ? weight : (float) (1.0 - (1.0 - rank) * (1.0 - weight));
						}
					}
				}
			}
		}
		return rank;
	}

	private static float wordDistance(int distance) {
		if (distance > 100) {
			return 1e-30f;
		}
		return (float) (1.0 / (1.005 + 0.05 * Math.exp(((float) distance) / 1.5 - 2)));
	}

	private record Position(int position, float weight) {
	}

}
