package io.phaseflow.files.web;

import io.phaseflow.files.AdrRequest;
import io.phaseflow.files.Adrs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Architecture decision records, written from the ADR template.
 */
@RestController
@RequestMapping("/api/orchestration/pm-tools")
@Tag(name = "PM tools")
class AdrController {

	private final Adrs adrs;

	AdrController(Adrs adrs) {
		this.adrs = adrs;
	}

	@PostMapping("/adr")
	@Operation(summary = "Write an architecture decision record ADR-NNN-<slug>.md from the ADR template")
	ResponseEntity<Adrs.Written> adr(@RequestBody AdrRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.adrs.write(request));
	}

}
