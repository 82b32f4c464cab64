package io.flops.manager.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.launch.InferenceLaunch;
import io.flops.common.launch.ObserverLaunch;
import io.flops.common.launch.TlsLaunch;
import io.flops.common.orchestration.Locality;
import io.flops.common.orchestration.ServiceAddress;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.common.sla.SlaJson;
import io.flops.common.tls.ParticipantAuthority;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.ImagesProperties;
import io.flops.manager.config.TrackingProperties;
import io.flops.manager.mqtt.BrokerIdentities;
import io.flops.manager.mqtt.EventKeys;
import io.flops.manager.mqtt.MqttEndpoint;
import io.flops.manager.mqtt.ServiceLaunches;
import io.flops.manager.nodes.DataServerCertificates;
import io.flops.manager.nodes.DataServerTokens;
import io.flops.manager.nodes.NodeDirectory;
import io.flops.manager.project.DeployedService;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectImages;
import io.flops.manager.project.ServiceRole;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The observer and the inference server get a certificate and the inference server a token only
 * when the manager is configured so, and never anything of the authority's key.
 */
class WebServerSpecsTest {

  @TempDir Path dataDir;

  private final EventKeys keys = new EventKeys(new byte[32]);
  private final ServiceLaunches launches =
      new ServiceLaunches(
          new MqttEndpoint("tcp://127.0.0.1:1883", "tcp://10.0.0.1:9027", "flops", "mqtt-pw"),
          new BrokerIdentities(keys),
          keys);

  private ServiceSpecs specs(WebServers web) {
    FlopsProperties flops = new FlopsProperties();
    flops.setDataDir(dataDir);
    return new ServiceSpecs(
        flops,
        new ImagesProperties(),
        new TrackingProperties(),
        launches,
        ParticipantCertificates.PLAINTEXT,
        new DataServerTokens("reader-t", "writer-t", "admin-t"),
        DataServerCertificates.PLAINTEXT,
        Locality.CLUSTER,
        new NodeDirectory(),
        new TrainingCheckpoints(dataDir, Locality.CLUSTER, false),
        web);
  }

  private ParticipantAuthority authority() {
    return ParticipantAuthority.in(dataDir.resolve("ca"));
  }

  private static Project project() {
    String sla =
        """
        {"customerID": "acme", "ml_model_flavor": "dl4j",
         "ml_repo_url": "https://host/group/repo.git"}
        """;
    Project project =
        Project.accept(
            "p1", SlaJson.readProject(sla.getBytes(StandardCharsets.UTF_8)), Instant.EPOCH);
    project.setImages(new ProjectImages("c", "l", "a", false, "reg/acme/trained_model:run-1"));
    return project;
  }

  /** What the inference server reads: the image's model directory and what the manager adds. */
  private static InferenceLaunch inferenceLaunch(ServiceSpec spec) {
    Map<String, String> environment = new HashMap<>(spec.environment());
    environment.put(InferenceLaunch.Variable.MODEL_DIR.envName(), "/app/model");
    return InferenceLaunch.fromEnvironment(environment);
  }

  @Test
  void byDefaultBothServeHttpAndPredictionsAreOpen() {
    ServiceSpecs specs = specs(WebServers.plain(launches));

    InferenceLaunch inference = inferenceLaunch(specs.inferenceServer(project(), "app"));
    ObserverLaunch observer =
        ObserverLaunch.fromEnvironment(specs.observer(project(), "app").environment());

    assertThat(inference.token()).isEmpty();
    assertThat(inference.tls()).isEqualTo(TlsLaunch.NONE);
    assertThat(observer.tls()).isEqualTo(TlsLaunch.NONE);
    assertThat(specs.inferenceServer(project(), "app").environment())
        .doesNotContainKeys("FLOPS_INFERENCE_TOKEN", "FLOPS_TLS_CERTIFICATE");
    assertThat(specs.webServers().url(new ServiceAddress("10.0.0.3", Map.of(8080, 8080)), 8080))
        .isEqualTo("http://10.0.0.3:8080");
    assertThat(specs.webServers().inferenceToken("p1")).isEmpty();
  }

  @Test
  void withTheTokenRequiredTheInferenceServerGetsItsProjectsTokenAndTheObserverNone() {
    ServiceSpecs specs = specs(new WebServers(null, List.of(), true, launches));

    InferenceLaunch inference = inferenceLaunch(specs.inferenceServer(project(), "app"));

    assertThat(inference.token()).isEqualTo(launches.inferenceToken("p1")).isNotBlank();
    assertThat(inference.token()).isNotEqualTo(launches.inferenceToken("p2"));
    assertThat(inference.token()).isNotEqualTo(launches.observerReadToken("p1"));
    assertThat(specs.webServers().inferenceToken("p1")).contains(inference.token());
    assertThat(specs.observer(project(), "app").environment().values())
        .doesNotContain(inference.token());
  }

  @Test
  void theOwnerSeesTheInferenceTokenOnlyWhileTheServerIsDeployedAndOnlyWhenRequired() {
    WebServers required = new WebServers(null, List.of(), true, launches);
    Project project = project();

    assertThat(required.inferenceToken(project)).as("no inference server yet").isEmpty();
    project.addService(
        new DeployedService(
            ServiceRole.INFERENCE_SERVER, "d1", "trmodelp1", "reg/model", null, false));
    assertThat(required.inferenceToken(project)).contains(launches.inferenceToken("p1"));
    assertThat(WebServers.plain(launches).inferenceToken(project)).as("not required").isEmpty();
    project.markUndeployed("d1");
    assertThat(required.inferenceToken(project)).as("undeployed").isEmpty();
  }

  @Test
  void withWebTlsEachGetsItsOwnServerCertificateOfTheAuthorityAndNeverItsKey() throws Exception {
    ParticipantAuthority authority = authority();
    ServiceSpecs specs = specs(new WebServers(authority, List.of("203.0.113.9"), false, launches));
    ServiceSpec inferenceSpec = specs.inferenceServer(project(), "app");
    ServiceSpec observerSpec = specs.observer(project(), "app");

    TlsLaunch inference = inferenceLaunch(inferenceSpec).tls();
    TlsLaunch observer = ObserverLaunch.fromEnvironment(observerSpec.environment()).tls();

    assertThat(inference.isEnabled()).isTrue();
    assertThat(observer.isEnabled()).isTrue();
    assertThat(inference.privateKeyPem()).isNotEqualTo(observer.privateKeyPem());
    X509Certificate ca = certificate(authority.certificatePem());
    for (TlsLaunch tls : List.of(inference, observer)) {
      X509Certificate certificate = certificate(tls.certificatePem());
      certificate.verify(ca.getPublicKey());
      assertThat(certificate.getSubjectAlternativeNames())
          .extracting(name -> String.valueOf(name.get(1)))
          .contains("localhost", "127.0.0.1", "203.0.113.9");
    }
    String authorityKey = Files.readString(dataDir.resolve("ca").resolve("ca-key.pem"));
    String authorityKeyBody =
        authorityKey.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
    for (ServiceSpec spec : List.of(inferenceSpec, observerSpec)) {
      assertThat(spec.environment().values())
          .as(spec.name())
          .map(WebServerSpecsTest::decodedOrSame)
          .noneMatch(value -> value.contains(authorityKeyBody));
    }
    assertThat(specs.webServers().url(new ServiceAddress("10.0.0.3", Map.of(2727, 2727)), 2727))
        .isEqualTo("https://10.0.0.3:2727");
  }

  private static String decodedOrSame(String value) {
    try {
      return new String(Base64.getDecoder().decode(value), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException notBase64) {
      return value;
    }
  }

  private static X509Certificate certificate(String pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }
}
