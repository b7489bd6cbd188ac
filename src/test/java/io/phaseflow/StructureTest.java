package io.phaseflow;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the architecture honest: Flowable stays inside one package, capabilities depend
 * on each other without cycles, and the command line stays a client that starts without
 * Spring.
 */
class StructureTest {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.phaseflow");

	@Test
	void onlyTheFlowablePackageDependsOnFlowable() {
		noClasses().that()
			.resideOutsideOfPackage("io.phaseflow.flowable..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.flowable..")
			.because("the engine is an adapter behind our own ports (STYLE.md)")
			.check(this.classes);
	}

	@Test
	void featuresDoNotReachIntoEachOthersWebLayers() {
		noClasses().that()
			.resideOutsideOfPackage("..web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.phaseflow..web..")
			.check(this.classes);
	}

	@Test
	void theCommandLineAndTheMcpServerAreClientsThatStartWithoutSpring() {
		String[] client = { "io.phaseflow.cli..", "io.phaseflow.client..", "io.phaseflow.mcp.." };
		noClasses().that()
			.resideInAnyPackage(client)
			.should()
			.dependOnClassesThat(resideInAPackage("org.springframework..")
				.or(resideInAPackage("io.phaseflow..").and(resideOutsideOfPackages(client))))
			.because("commands talk to the server over HTTP and start in well under a second")
			.check(this.classes);
	}

	@Test
	void capabilitiesDependOnEachOtherWithoutCycles() {
		slices().matching("io.phaseflow.(*)..").should().beFreeOfCycles().check(this.classes);
	}

}
