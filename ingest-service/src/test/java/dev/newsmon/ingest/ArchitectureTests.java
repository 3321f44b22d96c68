package dev.newsmon.ingest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Foreign models stay at their edge: Rome in the parser, Kafka in messaging, and the
 * domain packages free of Spring.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.newsmon.ingest");

	@Test
	void romeOnlyInTheParser() {
		noClasses().that()
			.resideOutsideOfPackage("..parser..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.rometools..")
			.check(this.classes);
	}

	@Test
	void kafkaOnlyInMessaging() {
		noClasses().that()
			.resideOutsideOfPackage("..messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
			.check(this.classes);
	}

	@Test
	void domainPackagesArePlainJava() {
		noClasses().that()
			.resideInAnyPackage("..article..", "..parser..", "..processor..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..")
			.check(this.classes);
	}

}
