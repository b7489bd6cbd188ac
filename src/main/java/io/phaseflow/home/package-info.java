/**
 * Phaseflow's home: the editable folders (processes, forms, templates, workflow) and the
 * data directory.
 */
package io.phaseflow.home;
