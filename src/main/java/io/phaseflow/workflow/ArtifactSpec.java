package io.phaseflow.workflow;

/**
 * An artifact a phase asks for.
 *
 * @param name the artifact's file name, e.g. {@code TASK.md}
 * @param template the FreeMarker template that renders a draft, e.g. {@code TASK.md.ftl};
 * {@code null} when there is none
 */
public record ArtifactSpec(String name, String template) {
}
