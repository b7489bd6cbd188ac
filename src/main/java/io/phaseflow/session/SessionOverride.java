package io.phaseflow.session;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.phaseflow.common.FieldError;

/**
 * The session's latest override request, as its agent follows it: while a reviewer
 * decides, its id, what was missing and who decides; once decided, the decision with the
 * reviewer's comment.
 *
 * @param id the override's id while it is pending ({@code POST /overrides/{id}/decision})
 * @param status {@code pending}, {@code approved} or {@code rejected}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionOverride(String id, String phase, String status, String reason, List<FieldError> errors,
		List<String> candidateGroups, OffsetDateTime requestedAt, String decidedBy, String comment,
		OffsetDateTime decidedAt) {

	/** Pending. */
	public static final String PENDING = "pending";

	/** Approved by a reviewer. */
	public static final String APPROVED = "approved";

	/** Rejected by a reviewer: the agent works on the phase. */
	public static final String REJECTED = "rejected";

}
