package io.phaseflow.search;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The H2 side of the search splits words and ranks as PostgreSQL does. The expected ranks
 * are what PostgreSQL 15 answers for {@code ts_rank(search_vector(heading, body,
 * document), plainto_tsquery('simple', words))} (migration V8).
 */
class RankTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void punctuationSeparatesWordsAndCaseDoesNotMatter() {
		assertThat(Words.lexemes("TASK.md phase-complete orchestration.task.created foo_bar it's")).containsExactly(
				"task", "md", "phase", "complete", "orchestration", "task", "created", "foo", "bar", "it", "s");
		assertThat(Words.lexemes("Größe ÉCOLE café x—y emoji😀here 日本語 a½b")).containsExactly("größe", "école", "café",
				"x", "y", "emoji", "here", "日本語", "a", "b");
		assertThat(Words.lexemes("&|!:*() '\"; --")).isEmpty();
	}

	@Test
	void jsonStringsComeInTheOrderPostgresKeepsKeys() throws Exception {
		String strings = SearchText
			.strings(JSON.readTree("{\"zz\": \"last\", \"a\": [\"first\", {\"b\": \"second\"}], \"n\": 5}"));
		assertThat(strings).isEqualTo("first second last");
	}

	@Test
	void ranksAsPostgresDoes() throws Exception {
		assertThat(rank("Add search", "Build the search page", "search")).isEqualTo(0.6231253f);
		assertThat(rank("Fix login", "search search search", "search")).isEqualTo(0.082745634f);
		assertThat(rank("Fix login", "the search box, search", "search")).isEqualTo(0.075990885f);
		assertThat(rank("Fix login", "search box", "search box")).isEqualTo(0.09910322f);
		assertThat(rank("Fix login", "search for a way to get a box", "search box")).isEqualTo(0.07614762f);
		SearchText event = SearchText.of("orchestration.task.created", null,
				JSON.readTree("{\"zz\": \"Login\", \"a\": [\"x\", {\"b\": \"login\"}], \"n\": 5}"));
		assertThat(Rank.of(event, terms("login task"))).isEqualTo(0.5163322f);
	}

	@Test
	void everyWordMustBeThere() {
		assertThat(Rank.of(SearchText.of("Fix login", "the search box", null), terms("search page"))).isNull();
	}

	@Test
	void snippetsMarkTheMatchesAroundTheFirstOne() {
		String body = "intro ".repeat(40) + "the Invoice total, then more text about invoices and the invoice again "
				+ "tail ".repeat(60);
		String snippet = Snippets.of(SearchText.of("Title", body, null), Set.of("invoice"));
		assertThat(snippet).startsWith("…intro")
			.contains("the **Invoice** total")
			.contains("the **invoice** again")
			.endsWith("…")
			.doesNotContain("**invoices**");
		assertThat(Snippets.of(SearchText.of("Invoice rules", "nothing here", null), Set.of("invoice")))
			.isEqualTo("**Invoice** rules");
	}

	private static Float rank(String heading, String body, String words) {
		return Rank.of(SearchText.of(heading, body, null), terms(words));
	}

	private static SortedSet<String> terms(String words) {
		SortedSet<String> terms = new TreeSet<>(Words::compare);
		terms.addAll(Words.lexemes(words));
		return terms;
	}

}
