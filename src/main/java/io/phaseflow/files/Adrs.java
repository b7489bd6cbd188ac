package io.phaseflow.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.phaseflow.common.Clocks;
import io.phaseflow.common.Drafts;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.RequestContext;
import io.phaseflow.event.EntityType;
import io.phaseflow.event.EventLog;
import io.phaseflow.event.EventTypes;
import io.phaseflow.event.NewEvent;
import io.phaseflow.render.Templates;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes architecture decision records ({@code ADR-NNN-<slug>.md}) from
 * {@code templates/ADR.md.ftl}. The number is one past the highest on disk and is
 * reserved atomically (a folder per number under {@value #RESERVED}) before the file is
 * written, so two ADRs never share one, also when written at once by servers sharing the
 * disk.
 */
@Service
public class Adrs {

	private static final String RESERVED = ".reserved-numbers";

	private static final Pattern NUMBERED = Pattern.compile("^ADR-(\\d+)-.*\\.md$");

	private static final Pattern OWN_PREFIX = Pattern.compile("^ADR-\\d+\\s*:\\s*", Pattern.CASE_INSENSITIVE);

	private final Path folder;

	private final Path configuredFolder;

	private final Templates templates;

	private final EventLog events;

	private final JsonDocuments json;

	private final Drafts drafts;

	private final Clock clock;

	Adrs(FilesProperties properties, Templates templates, EventLog events, JsonDocuments json, Drafts drafts,
			Clock clock) {
		this.configuredFolder = properties.adrDir().normalize();
		this.folder = properties.adrDir().toAbsolutePath().normalize();
		this.templates = templates;
		this.events = events;
		this.json = json;
		this.drafts = drafts;
		this.clock = clock;
	}

	/** Writes the ADR and returns its number and path. */
	@Transactional
	public Written write(AdrRequest request) {
		this.drafts.validate(request);
		String title = OWN_PREFIX.matcher(request.title().strip()).replaceFirst("");
		String slug = slug(title);
		try {
			Files.createDirectories(this.folder);
			Files.createDirectories(this.folder.resolve(RESERVED));
			for (int number = highest() + 1;; number++) {
				try {
					Files.createDirectory(this.folder.resolve(RESERVED).resolve(String.format("%03d", number)));
				}
				catch (FileAlreadyExistsException ex) {
					continue;
				}
				String name = String.format("ADR-%03d-%s.md", number, slug);
				Files.writeString(this.folder.resolve(name), render(number, title, request), StandardCharsets.UTF_8,
						StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
				String shown = this.configuredFolder.resolve(name).toString();
				this.events.append(NewEvent.about(EventTypes.FILE_SYNCED, EntityType.FILE, number,
						String.format("adr-%03d", number),
						this.json.newObject().put("file_path", shown).put("kind", "adr")));
				return new Written(number, shown);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write an ADR in " + this.folder, ex);
		}
	}

	private String render(int number, String title, AdrRequest request) {
		Map<String, Object> data = new HashMap<>();
		data.put("number", String.format("%03d", number));
		data.put("title", title);
		data.put("status", (request.status() != null) ? request.status() : "proposed");
		data.put("date", LocalDate.ofInstant(Clocks.now(this.clock).toInstant(), ZoneOffset.UTC).toString());
		data.put("author", RequestContext.actor());
		if (request.context() != null) {
			data.put("context", request.context());
		}
		if (request.decision() != null) {
			data.put("decision", request.decision());
		}
		if (request.consequences() != null) {
			data.put("consequences", request.consequences());
		}
		return this.templates.render("ADR.md.ftl", data);
	}

	private int highest() throws IOException {
		try (var files = Files.list(this.folder)) {
			return files.map((path) -> NUMBERED.matcher(path.getFileName().toString()))
				.filter(Matcher::matches)
				.mapToInt((match) -> Integer.parseInt(match.group(1)))
				.max()
				.orElse(0);
		}
	}

	/**
	 * Lower case, letters and digits joined by single dashes, at most 60 characters:
	 * never a path.
	 */
	static String slug(String title) {
		String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		slug = (slug.length() > 60) ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
		return slug.isEmpty() ? "decision" : slug;
	}

	/** A written ADR. */
	public record Written(int number, String path) {
	}

}
