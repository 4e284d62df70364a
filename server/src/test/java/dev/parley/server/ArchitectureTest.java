package dev.parley.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md. The Maven modules already make media and sip unable to
 * see each other; these rules hold the layering inside them and inside the server.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.parley");
  }

  @Test
  void theConferenceDomainKnowsNoSipCallLayerOrStorage() {
    ArchRule rule = noClasses().that().resideInAPackage("dev.parley.server.conference..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.parley.sip..", "dev.parley.server.call..", "dev.parley.server.app..",
            "dev.parley.server.store..", "dev.parley.server.api..", "java.sql..", "javax.sip..", "gov.nist..")
        .because("rooms must be testable with fakes; outer layers implement Leg and listen to events");
    rule.check(classes);
  }

  @Test
  void theApiSeesTheDomainNotTheCallLayerOrSip() {
    noClasses().that().resideInAPackage("dev.parley.server.api..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.parley.sip..", "dev.parley.server.call..", "dev.parley.server.app..", "javax.sip..", "gov.nist..")
        .because("the control plane observes and drives rooms; calls are the call layer's business")
        .check(classes);
  }

  @Test
  void onlyTheJainSipAdapterImportsTheSipStack() {
    noClasses().that().resideOutsideOfPackage("dev.parley.sip.jainsip..")
        .should().dependOnClassesThat().resideInAnyPackage("javax.sip..", "gov.nist..")
        .because("the SIP stack is an implementation detail behind dev.parley.sip")
        .check(classes);
  }

  @Test
  void theMixerIsArithmeticOnFramesOnly() {
    noClasses().that().resideInAPackage("dev.parley.media.mixer..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.parley.media.rtp..", "dev.parley.media.codec..", "dev.parley.media.jitter..",
            "dev.parley.media.engine..", "java.net..", "java.nio.channels..")
        .because("the mix kernel must be benchmarkable and testable without sockets or codecs")
        .check(classes);
  }

  @Test
  void mediaAndSipNeverSeeTheServer() {
    noClasses().that().resideInAnyPackage("dev.parley.media..", "dev.parley.sip..")
        .should().dependOnClassesThat().resideInAPackage("dev.parley.server..")
        .check(classes);
  }

  @Test
  void configAndRoutingAreValuesWithoutRuntimeDependencies() {
    noClasses().that().resideInAnyPackage("dev.parley.server.config..", "dev.parley.server.routing..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.parley.media..", "dev.parley.sip..", "dev.parley.server.call..",
            "dev.parley.server.conference..", "dev.parley.server.app..")
        .check(classes);
  }

  @Test
  void theStoreListensToConferenceEventsAndKnowsNoCallsSipOrMedia() {
    noClasses().that().resideInAPackage("dev.parley.server.store..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.parley.sip..", "dev.parley.server.call..", "dev.parley.server.app..", "dev.parley.server.api..",
            "dev.parley.media..")
        .because("billing records are written from conference events, off the media path")
        .check(classes);
  }

  @Test
  void schedulesAreValuesAndOneTimerKnowingNoCallsStorageOrMedia() {
    noClasses().that().resideInAPackage("dev.parley.server.schedule..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.parley.sip..", "dev.parley.server.call..", "dev.parley.server.app..", "dev.parley.server.api..",
            "dev.parley.server.store..", "dev.parley.server.conference..", "dev.parley.media..", "java.sql..")
        .because("the store keeps schedules, the call layer acts on them, the API edits them: all through this package")
        .check(classes);
  }

  @Test
  void theWebhookSignerIsSharedCodeThatKnowsNothingOfOurs() {
    noClasses().that().resideInAPackage("dev.parley.server.webhook..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.parley.media..", "dev.parley.sip..", "dev.parley.server.app..", "dev.parley.server.api..",
            "dev.parley.server.call..", "dev.parley.server.conference..", "dev.parley.server.config..",
            "dev.parley.server.routing..", "dev.parley.server.schedule..", "dev.parley.server.store..")
        .because("both the event webhooks (api) and the routing webhook (call) sign with it")
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.parley.(*).(*)..").should().beFreeOfCycles().check(classes);
  }
}
