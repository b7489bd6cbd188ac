/**
 * Building blocks shared by every feature: codes, content hashes, JSON documents and
 * domain exceptions.
 */
package io.phaseflow.common;
