package io.phaseflow.security;

import java.io.IOException;
import java.io.UncheckedIOException;
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

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start against an empty database, issues an ADMIN token, prints it once and
 * writes it to {@code <data-dir>/admin.token} (mode 600) for the CLI. It happens before
 * the server takes requests, so the file is there once {@code /actuator/health} answers;
 * and the token is committed only once the file is written, so a start that dies in
 * between leaves no token that nobody has (the next start issues one).
 */
@Component
class AdminTokenBootstrap implements SmartInitializingSingleton {

	static final String NAME = "admin";

	private static final Logger log = LoggerFactory.getLogger(AdminTokenBootstrap.class);

	private final TokenIssuer tokens;

	private final PhaseflowProperties properties;

	private final TransactionTemplate transactions;

	AdminTokenBootstrap(TokenIssuer tokens, PhaseflowProperties properties, PlatformTransactionManager transactions) {
		this.tokens = tokens;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	public void afterSingletonsInstantiated() {
		Path file = this.properties.dataDir().resolve("admin.token");
		IssuedToken issued;
		try {
			issued = this.transactions.execute((status) -> {
				if (!this.tokens.noneIssued()) {
					return null;
				}
				IssuedToken token = this.tokens.issue(NAME, EnumSet.of(Role.ADMIN), null, "bootstrap");
				write(file, token.secret());
				return token;
			});
		}
		catch (CodeAlreadyTaken | DuplicateKeyException ex) {
			return; // another instance on the same database issued it
		}
		if (issued == null) {
			return;
		}
		System.out.printf("%n  Phaseflow: first start on an empty database.%n  ADMIN token (shown once): %s%n"
				+ "  Also written to %s (mode 600).%n%n", issued.secret(), file.toAbsolutePath());
		log.info("Issued the first ADMIN token and wrote it to {}", file.toAbsolutePath());
	}

	private static void write(Path file, String secret) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".admin", ".token",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(temp, secret + System.lineSeparator(), StandardCharsets.UTF_8);
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the first ADMIN token to " + file.toAbsolutePath(), ex);
		}
	}

}
