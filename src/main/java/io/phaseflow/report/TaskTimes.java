package io.phaseflow.report;

import java.util.Map;

/**
 * The time worked on tasks, as the sessions that worked on them record it.
 */
public interface TaskTimes {

	/**
	 * The active minutes of each task of the sprint that had a session, by task code,
	 * over all its sessions (paused time and time waiting for an override decision not
	 * counted).
	 */
	Map<String, Long> activeMinutesOfSprint(String sprintCode);

}
