package io.phaseflow.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {

	private final ObjectMapper mapper = new ObjectMapper();

	@Test
	void keyOrderWhitespaceAndNullMembersDoNotChangeTheHash() throws Exception {
		JsonNode one = this.mapper.readTree("{\"b\": {\"y\": 1, \"x\": [2, 1]}, \"a\": \"t\", \"c\": null}");
		JsonNode two = this.mapper.readTree("{\"a\":\"t\",\"b\":{\"x\":[2,1],\"y\":1}}");
		assertThat(ContentHash.canonicalJson(one)).isEqualTo("{\"a\":\"t\",\"b\":{\"x\":[2,1],\"y\":1}}");
		assertThat(ContentHash.of(one)).isEqualTo(ContentHash.of(two)).matches("[0-9a-f]{64}");
	}

	@Test
	void anyChangeOfContentChangesTheHash() throws Exception {
		String base = ContentHash.of(this.mapper.readTree("{\"a\": [1, 2]}"));
		assertThat(ContentHash.of(this.mapper.readTree("{\"a\": [2, 1]}"))).isNotEqualTo(base);
		assertThat(ContentHash.of(this.mapper.readTree("{\"a\": [1, 2, 3]}"))).isNotEqualTo(base);
		assertThat(ContentHash.of(this.mapper.readTree("{\"a\": [\"1\", 2]}"))).isNotEqualTo(base);
	}

	@Test
	void theHashIsTheSha256OfTheCanonicalJson() {
		assertThat(ContentHash.sha256Hex("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

}
