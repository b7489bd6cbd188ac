package io.phaseflow.files;

/**
 * One mirrored file and how it compares with the database.
 *
 * @param state {@code in_sync}; {@code edited} (the file was changed by hand since it was
 * written); {@code stale} (the database changed since the file was written);
 * {@code orphan} (no such sprint or task)
 */
public record Drift(String path, String entityType, String code, String state, String fileHash, String databaseHash) {

	public boolean drifted() {
		return !"in_sync".equals(this.state);
	}

}
