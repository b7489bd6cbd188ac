package io.phaseflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

import io.phaseflow.common.CodeAlreadyTaken;
import io.phaseflow.home.PhaseflowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * On the first start against an empty database, issues an ADMIN token, prints it once and
 * writes it to {@code <data-dir>/admin.token} (mode 600) for the CLI.
 */
@Component
class AdminTokenBootstrap implements ApplicationRunner {

	static final String NAME = "admin";

	private static final Logger log = LoggerFactory.getLogger(AdminTokenBootstrap.class);

	private final TokenIssuer tokens;

	private final PhaseflowProperties properties;

	AdminTokenBootstrap(TokenIssuer tokens, PhaseflowProperties properties) {
		this.tokens = tokens;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!this.tokens.noneIssued()) {
			return;
		}
		IssuedToken issued;
		try {
			issued = this.tokens.issue(NAME, EnumSet.of(Role.ADMIN), null, "bootstrap");
		}
		catch (CodeAlreadyTaken | DuplicateKeyException ex) {
			return;
		}
		Path file = write(this.properties.dataDir().resolve("admin.token"), issued.secret());
		System.out.printf("%n  Phaseflow: first start on an empty database.%n  ADMIN token (shown once): %s%n"
				+ "  Also written to %s (mode 600).%n%n", issued.secret(), file.toAbsolutePath());
		log.info("Issued the first ADMIN token and wrote it to {}", file.toAbsolutePath());
	}

	private static Path write(Path file, String secret) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".admin", ".token",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(temp, secret + System.lineSeparator(), StandardCharsets.UTF_8);
		return Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
