/**
 * Renders FreeMarker templates from {@code templates/} with data, safely: data is never a
 * template, and templates cannot reach Java classes.
 */
package io.phaseflow.render;
