package io.phaseflow.files;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a task's TASK.md is written besides the session's steps and the sync endpoints. A
 * task's {@code agent_config} ({@code auto_sync}, {@code sync_on_complete}) overrides
 * either.
 *
 * @param autoSync write it after every change of the task
 * @param syncOnComplete write it when the task becomes completed
 */
@ConfigurationProperties("phaseflow.file-sync")
public record FileSyncProperties(@DefaultValue("false") boolean autoSync,
		@DefaultValue("true") boolean syncOnComplete) {
}
