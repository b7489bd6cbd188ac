package io.phaseflow.agent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.phaseflow.common.Clocks;
import io.phaseflow.common.CodeAlreadyTaken;
import io.phaseflow.common.Codes;
import io.phaseflow.common.Drafts;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.PageQuery;
import io.phaseflow.common.WireValue;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers and finds agents ({@code agents} table).
 */
@Service
public class AgentRegistry {

	private final JdbcClient jdbc;

	private final JsonDocuments json;

	private final Drafts drafts;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	AgentRegistry(JdbcClient jdbc, JsonDocuments json, Drafts drafts, Clock clock,
			ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.jdbc = jdbc;
		this.json = json;
		this.drafts = drafts;
		this.clock = clock;
	}

	@Transactional
	public Agent register(AgentDraft draft) {
		this.drafts.validate(draft);
		String handle = Codes.normalize("handle", draft.handle());
		OffsetDateTime now = Clocks.now(this.clock);
		KeyHolder keys = new GeneratedKeyHolder();
		try {
			this.jdbc.sql("""
					INSERT INTO agents (handle, name, kind, capabilities, metadata, created_at, updated_at)
					VALUES (:handle, :name, :kind, CAST(:capabilities AS json_document),
					    CAST(:metadata AS json_document), :now, :now)
					""")
				.param("handle", handle)
				.param("name", (draft.name() != null) ? draft.name() : handle)
				.param("kind", ((draft.kind() != null) ? draft.kind() : AgentKind.AI).value())
				.param("capabilities",
						this.json.write((draft.capabilities() != null) ? draft.capabilities()
								: this.json.mapper().createArrayNode()))
				.param("metadata",
						this.json.write((draft.metadata() != null) ? draft.metadata() : this.json.newObject()))
				.param("now", now)
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new CodeAlreadyTaken("agent", "handle", handle);
		}
		Agent agent = find(keys.getKeyAs(Number.class).longValue()).orElseThrow();
		this.publisher.publishEvent(new AgentRegistered(agent));
		return agent;
	}

	/** Finds an agent by id (all digits) or by handle. */
	@Transactional(readOnly = true)
	public Agent get(String reference) {
		Optional<Agent> agent = reference.chars().allMatch(Character::isDigit) && reference.length() < 19
				? find(Long.parseLong(reference))
				: this.jdbc.sql("SELECT * FROM agents WHERE handle = :handle")
					.param("handle", Codes.normalize("agent", reference))
					.query(this::map)
					.optional();
		return agent.orElseThrow(() -> new EntityNotFound("agent", reference));
	}

	@Transactional(readOnly = true)
	public Optional<Agent> find(long id) {
		return this.jdbc.sql("SELECT * FROM agents WHERE id = :id").param("id", id).query(this::map).optional();
	}

	/**
	 * A page of the agents, and one more if another page follows (see {@code Page.of}).
	 */
	@Transactional(readOnly = true)
	public List<Agent> list(PageQuery page) {
		return this.jdbc.sql("SELECT * FROM agents WHERE 1 = 1" + page.sql("id"))
			.params(page.params())
			.query(this::map)
			.list();
	}

	private Agent map(ResultSet rs, int row) throws SQLException {
		return new Agent(rs.getLong("id"), rs.getString("handle"), rs.getString("name"),
				WireValue.parse(AgentKind.class, rs.getString("kind")), this.json.read(rs.getString("capabilities")),
				this.json.readObject(rs.getString("metadata")), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

}
