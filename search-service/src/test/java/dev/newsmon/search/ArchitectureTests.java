package dev.newsmon.search;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Foreign models stay at their edges (STYLE.md, principle 4).
 */
@AnalyzeClasses(packages = "dev.newsmon.search", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule elasticsearchOnlyInIndexingQueryAlertAndTimeline = noClasses().that()
		.resideOutsideOfPackages("..search.indexing..", "..search.query..", "..search.alert..", "..search.timeline..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("co.elastic..");

	@ArchTest
	static final ArchRule kafkaOnlyInMessaging = noClasses().that()
		.resideOutsideOfPackages("..search.messaging..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

	@ArchTest
	static final ArchRule luceneOnlyInCjkAndMatching = noClasses().that()
		.resideOutsideOfPackages("..search.cjk..", "..search.alert.matching..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.apache.lucene..");

	@ArchTest
	static final ArchRule romeOnlyInAlert = noClasses().that()
		.resideOutsideOfPackages("..search.alert..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.rometools..");

}
