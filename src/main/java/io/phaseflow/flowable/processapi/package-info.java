/**
 * Flowable's REST API at {@code /process-api}, guarded: who may see or act on what, and
 * one transaction per changing request, so that nothing there skips a rule Phaseflow's
 * own API enforces.
 */
package io.phaseflow.flowable.processapi;
