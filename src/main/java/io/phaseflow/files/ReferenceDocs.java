package io.phaseflow.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.phaseflow.task.TaskLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A task's reference docs ({@code metadata.context}) as agent init hands them over: web
 * addresses are listed, files under the files root are inlined up to
 * {@code phaseflow.files.reference-doc-limit} each and {@code reference-docs-total-limit}
 * together. A file is read like every other file of the root: never through a symbolic
 * link, never outside it. A missing or refused file is listed as such rather than failing
 * the init.
 */
@Component
public class ReferenceDocs {

	private static final Logger log = LoggerFactory.getLogger(ReferenceDocs.class);

	private final FilesRoot root;

	private final int limit;

	private final int totalLimit;

	ReferenceDocs(FilesProperties properties) {
		this.root = new FilesRoot(properties.root());
		this.limit = (int) Math.min(Integer.MAX_VALUE, properties.referenceDocLimit().toBytes());
		this.totalLimit = (int) Math.min(Integer.MAX_VALUE, properties.referenceDocsTotalLimit().toBytes());
	}

	/** The reference docs, in the order given. */
	public List<ReferenceDoc> of(List<String> entries) {
		List<ReferenceDoc> docs = new ArrayList<>();
		int left = this.totalLimit;
		for (String entry : entries) {
			if (TaskLinks.isUrl(entry)) {
				docs.add(new ReferenceDoc(entry, null, null, null, null, null, null));
				continue;
			}
			ReferenceDoc doc = read(entry, Math.min(this.limit, left));
			if (doc.content() != null) {
				left -= doc.content().getBytes(StandardCharsets.UTF_8).length;
			}
			docs.add(doc);
		}
		return docs;
	}

	private ReferenceDoc read(String entry, int room) {
		Path file = this.root.path().resolve(entry).normalize();
		try {
			this.root.refuseLinks(file);
		}
		catch (SymbolicLinkRefused ex) {
			return refused(entry, "is a symbolic link");
		}
		catch (IllegalStateException ex) {
			return refused(entry, "is not under the files root");
		}
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			return new ReferenceDoc(null, entry, null, null, null, true, null);
		}
		try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
			long size = Files.size(file);
			byte[] head = in.readNBytes((int) Math.min(size, room));
			boolean truncated = head.length < size;
			int end = truncated ? wholeCharacters(head) : head.length;
			return new ReferenceDoc(null, entry, new String(head, 0, end, StandardCharsets.UTF_8), truncated, size,
					null, null);
		}
		catch (IOException ex) {
			log.warn("Could not read reference doc {}: {}", entry, ex.getMessage());
			return refused(entry, "could not be read");
		}
	}

	/**
	 * How many of the bytes make whole UTF-8 characters: a limit may cut the last one,
	 * which is then left out rather than shown as a broken character.
	 */
	static int wholeCharacters(byte[] bytes) {
		int start = bytes.length - 1;
		while (start > 0 && (bytes[start] & 0xC0) == 0x80) {
			start--;
		}
		if (start < 0) {
			return 0;
		}
		int lead = bytes[start] & 0xFF;
		int length = (lead < 0x80) ? 1 : (lead >= 0xF0) ? 4 : (lead >= 0xE0) ? 3 : 2;
		return (start + length <= bytes.length) ? bytes.length : start;
	}

	private static ReferenceDoc refused(String entry, String why) {
		return new ReferenceDoc(null, entry, null, null, null, null, why);
	}

	/**
	 * One reference doc: a {@code url}, or a {@code path} with its {@code content} (the
	 * first bytes, {@code truncated} when there are more, of {@code bytes} in all), or
	 * {@code missing}, or {@code refused} with the reason.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ReferenceDoc(String url, String path, String content, Boolean truncated, Long bytes, Boolean missing,
			String refused) {
	}

}
