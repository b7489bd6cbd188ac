package io.phaseflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.home.PhaseflowProperties;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running server on a random port, with its first-start ADMIN token and helpers to
 * issue tokens of other roles. Subclasses run on H2 by default, or on PostgreSQL with
 * {@link PostgresTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class ApiTestSupport {

	static final String API = "/api/orchestration";

	@LocalServerPort
	int port;

	@Autowired
	PhaseflowProperties properties;

	/** A client holding the ADMIN token written at first start. */
	ApiClient admin;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory("phaseflow-test-data");
		registry.add("phaseflow.data-dir", dataDir::toString);
		registry.add("phaseflow.files.root", () -> dataDir.resolve("delegation").toString());
		registry.add("phaseflow.events.emit-file-syncs", () -> "true");
		registry.add("phaseflow.files.adr-dir", () -> dataDir.resolve("adr").toString());
	}

	@BeforeEach
	void connect() throws IOException {
		String token = Files.readString(this.properties.dataDir().resolve("admin.token")).trim();
		this.admin = new ApiClient("http://localhost:" + this.port, token);
	}

	/**
	 * A client with a fresh token of the given roles, issued by the admin. An AGENT token
	 * without PM or ADMIN is issued for a new agent ({@link ApiClient#agentId()}).
	 */
	ApiClient clientWith(String... roles) {
		return clientNamed(unique("token"), roles);
	}

	/** The secret of a fresh token of the given roles, issued by the admin. */
	String tokenWith(String... roles) {
		return clientWith(roles).token();
	}

	/**
	 * A client with a fresh token of the given name (the caller's name in events and in
	 * the process engine) and roles.
	 */
	ApiClient clientNamed(String name, String... roles) {
		boolean agentOnly = List.of(roles).contains("AGENT") && !List.of(roles).contains("PM")
				&& !List.of(roles).contains("ADMIN");
		return agentOnly ? clientFor(newAgent(this.admin), name, roles) : this.admin.as(issue(name, null, roles));
	}

	/** A client with a fresh token of the given roles, issued for the given agent. */
	ApiClient clientFor(long agentId, String... roles) {
		return clientFor(agentId, unique("token"), roles);
	}

	private ApiClient clientFor(long agentId, String name, String... roles) {
		return this.admin.as(issue(name, agentId, roles), agentId);
	}

	private String issue(String name, Long agentId, String... roles) {
		String body = "{\"name\": \"" + name + "\", \"roles\": [\"" + String.join("\", \"", roles) + "\"]"
				+ ((agentId != null) ? ", \"agent_id\": " + agentId : "") + "}";
		ApiClient.Response issued = this.admin.post(API + "/admin/tokens", body);
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		return issued.json().get("token").asText();
	}

	/** A new agent profile, created through the given PM's client; its id. */
	long newAgent(ApiClient pm) {
		ApiClient.Response created = pm.post(API + "/agents", "{\"handle\": \"" + unique("agent") + "\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** A code no other test uses. */
	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String resource(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Events about one entity, oldest first. */
	JsonNode eventsOf(String entityType, String code) {
		ApiClient.Response events = this.admin.get(API + "/events?entity_type=" + entityType + "&entity_code=" + code);
		assertThat(events.status()).as(events.toString()).isEqualTo(200);
		return events.json().get("data");
	}

	/** The total number of events in the log. */
	int eventCount() {
		int count = 0;
		long after = 0;
		while (true) {
			JsonNode page = this.admin.get(API + "/events?limit=1000&after_id=" + after).json();
			count += page.get("data").size();
			if (page.get("next_after_id").isNull()) {
				return count;
			}
			after = page.get("next_after_id").asLong();
		}
	}

	/** The latest event of the type in a page of events; fails when there is none. */
	static JsonNode lastOf(JsonNode events, String type) {
		JsonNode last = null;
		for (JsonNode event : events) {
			if (event.get("event_type").asText().equals(type)) {
				last = event;
			}
		}
		assertThat(last).as(type + " in " + events).isNotNull();
		return last;
	}

	ApiClient.Response createSprint(ApiClient client, String code) {
		return client.post(API + "/sprints", "{\"sprint_code\": \"" + code + "\", \"title\": \"Sprint " + code + "\"}");
	}

	ApiClient.Response createTask(ApiClient client, String code, String extraJson) {
		return client.post(API + "/tasks", "{\"task_code\": \"" + code + "\", \"title\": \"Task " + code + "\""
				+ ((extraJson != null) ? ", " + extraJson : "") + "}");
	}

}
