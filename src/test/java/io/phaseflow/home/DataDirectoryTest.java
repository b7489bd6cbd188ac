package io.phaseflow.home;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTest {

	@TempDir
	Path temp;

	@Test
	void anExistingDataDirectoryAndItsFilesBecomeOwnerOnly() throws Exception {
		Path data = Files.createDirectory(this.temp.resolve("data"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		Path database = Files.createFile(data.resolve("phaseflow.mv.db"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));

		Path script = Files.createFile(data.resolve("backup.sh"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

		DataDirectory.ownerOnly(data);

		assertThat(Files.getPosixFilePermissions(data)).isEqualTo(DataDirectory.FOLDER);
		assertThat(Files.getPosixFilePermissions(database)).isEqualTo(DataDirectory.FILE);
		assertThat(Files.getPosixFilePermissions(script)).as("an operator's file keeps its mode")
			.isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	@Test
	void aMissingDataDirectoryIsCreatedOwnerOnly() throws Exception {
		Path data = this.temp.resolve("new/data");

		DataDirectory.ownerOnly(data);

		assertThat(Files.getPosixFilePermissions(data)).isEqualTo(DataDirectory.FOLDER);
	}

}
