package io.phaseflow.idempotency;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long an {@code Idempotency-Key} is remembered.
 *
 * @param ttl after this time a key is forgotten and may be used for a new request
 */
@ConfigurationProperties("phaseflow.idempotency")
@Validated
public record IdempotencyProperties(@NotNull @DefaultValue("PT24H") Duration ttl) {
}
