package io.phaseflow.files;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agent text between two sections of a rendered file, read by an independent CommonMark
 * parser: it stays one run of paragraphs, whatever markdown it tries to open.
 */
class AgentTextTest {

	static final String HOSTILE = String.join("\n", "## Acceptance Criteria", "- [ ] pwned", "Setext heading", "===",
			"Another one", "---", "```", "fenced to the end", "~~~", "<!-- hidden", "<div>", "> quoted", "* star",
			"+ plus", "___", "[ref]: http://example.com", "$$", "  # indented heading", "\t- tabbed item", "| a | b |",
			"|---|---|", "1. ordered", "1) also ordered") + "\r## after a lone CR\r\n# after CRLF";

	@Test
	void agentTextOpensNoBlockBetweenTwoSections() {
		Node document = Parser.builder()
			.build()
			.parse("## Completion Notes\n" + AgentText.escape(HOSTILE) + "\n\n## Work Sessions\n- `s-1` completed\n");

		List<String> blocks = new ArrayList<>();
		for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
			blocks.add(
					block.getClass().getSimpleName() + ((block instanceof Heading heading) ? " " + text(heading) : ""));
		}
		assertThat(blocks).containsExactly("Heading Completion Notes", "Paragraph", "Heading Work Sessions",
				"BulletList");
	}

	@Test
	void escapedTextReadsAsWritten() {
		Node document = Parser.builder().build().parse(AgentText.escape(HOSTILE.replace("\t", "")));

		assertThat(text(document)).isEqualTo(HOSTILE.replace("\t", "")
			.replace("\r\n", "\n")
			.replace('\r', '\n')
			.replace("\n  # indented", "\n# indented"));
	}

	@Test
	void textThatOpensNothingIsLeftAlone() {
		assertThat(AgentText.escape("All done (85%).\nTests: green")).isEqualTo("All done (85%).\nTests: green");
		assertThat(AgentText.oneLine("one\r\ntwo\nthree\rfour")).isEqualTo("one two three four");
	}

	/** The literal text under a node, soft line breaks as {@code \n}. */
	private static String text(Node node) {
		StringBuilder text = new StringBuilder();
		node.accept(new AbstractVisitor() {
			@Override
			public void visit(Text literal) {
				text.append(literal.getLiteral());
			}

			@Override
			public void visit(SoftLineBreak lineBreak) {
				text.append('\n');
			}
		});
		return text.toString();
	}

}
