package io.phaseflow.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a test class against a real PostgreSQL server in a fresh schema (see
 * {@link FreshPostgresSchema}). Skipped when no server answers, unless
 * {@code PHASEFLOW_REQUIRE_PG=1}, which turns a missing server into a failure.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailable.class)
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = FreshPostgresSchema.class)
@interface PostgresTest {

}
