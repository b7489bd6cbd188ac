package io.phaseflow.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of RFC 7386, appendix A, and the guarantee that inputs stay untouched.
 */
class MergePatchTest {

	private final ObjectMapper mapper = new ObjectMapper();

	@Test
	void rfc7386Examples() throws Exception {
		assertPatch("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
		assertPatch("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}");
		assertPatch("{\"a\":\"b\"}", "{\"a\":null}", "{}");
		assertPatch("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}");
		assertPatch("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
		assertPatch("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}");
		assertPatch("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}");
		assertPatch("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}");
		assertPatch("[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]");
		assertPatch("{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]");
		assertPatch("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}");
		assertPatch("[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}");
		assertPatch("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}");
	}

	@Test
	void neitherInputIsModified() throws Exception {
		JsonNode target = this.mapper.readTree("{\"a\":{\"b\":1}}");
		JsonNode patch = this.mapper.readTree("{\"a\":{\"b\":null,\"c\":2}}");
		MergePatch.apply(target, patch);
		assertThat(target.toString()).isEqualTo("{\"a\":{\"b\":1}}");
		assertThat(patch.toString()).isEqualTo("{\"a\":{\"b\":null,\"c\":2}}");
	}

	private void assertPatch(String target, String patch, String result) throws Exception {
		assertThat(MergePatch.apply(this.mapper.readTree(target), this.mapper.readTree(patch)))
			.isEqualTo(this.mapper.readTree(result));
	}

}
