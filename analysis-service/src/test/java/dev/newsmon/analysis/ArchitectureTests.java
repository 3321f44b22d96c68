package dev.newsmon.analysis;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries of the service.
 */
class ArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.newsmon.analysis");

	@Test
	void onlyMessagingTouchesKafka() {
		noClasses().that()
			.resideOutsideOfPackage("..messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
			.check(classes);
	}

	@Test
	void domainLogicIsPlainJava() {
		noClasses().that()
			.resideInAnyPackage("..tagging..", "..language..", "..story..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "jakarta..")
			.check(classes);
	}

}
