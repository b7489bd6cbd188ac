/**
 * Bearer-token security: hashed API tokens with roles AGENT, PM, REVIEWER and ADMIN.
 */
package io.phaseflow.security;
