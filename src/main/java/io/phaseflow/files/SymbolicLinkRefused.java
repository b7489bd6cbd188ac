package io.phaseflow.files;

import java.util.List;

import io.phaseflow.common.FieldError;
import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;

/**
 * A file or folder of the markdown mirror is a symbolic link, which Phaseflow neither
 * follows nor replaces (HTTP 409): it could lead a read or a write out of the files root.
 */
public class SymbolicLinkRefused extends PhaseflowException {

	SymbolicLinkRefused(String path) {
		super(Kind.CONFLICT,
				path + " is a symbolic link; Phaseflow never follows links under its files root "
						+ "(phaseflow.files.root): replace it with a regular file or folder",
				List.of(new FieldError(path, "is a symbolic link")));
	}

	@Override
	public String title() {
		return "Symbolic link refused";
	}

}
