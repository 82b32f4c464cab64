package io.flops.tracking.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlflow.tracking.creds.MlflowHostCreds;

/** The credentials mlflow-client gets: FLOps' own, else MLflow's standard variables. */
class MlflowServerSettingsTest {

  private static final Map<String, String> STANDARD =
      Map.of(
          "MLFLOW_TRACKING_TOKEN", "std-token",
          "MLFLOW_TRACKING_USERNAME", "std-user",
          "MLFLOW_TRACKING_PASSWORD", "std-pw");

  @Test
  void aTokenIsSentAsBearerAndWinsOverAUser() {
    MlflowHostCreds creds =
        MlflowServerSettings.of("http://mlflow:5000/", "tok", "ada", "pw").hostCreds();
    assertThat(creds.getHost()).isEqualTo("http://mlflow:5000");
    assertThat(creds.getToken()).isEqualTo("tok");
    assertThat(creds.getUsername()).isNull();
  }

  @Test
  void flopsCredentialsWinOverTheStandardVariables() {
    MlflowHostCreds creds =
        MlflowServerSettings.of("http://mlflow:5000", "", "ada", "pw")
            .withStandardCredentials(STANDARD)
            .hostCreds();
    assertThat(creds.getUsername()).isEqualTo("ada");
    assertThat(creds.getPassword()).isEqualTo("pw");
    assertThat(creds.getToken()).isNull();
  }

  @Test
  void withoutFlopsCredentialsTheStandardVariablesAreUsed() {
    MlflowServerSettings settings =
        MlflowServerSettings.of("http://mlflow:5000", "", "", "").withStandardCredentials(STANDARD);
    assertThat(settings.hostCreds().getToken()).isEqualTo("std-token");
    MlflowHostCreds basic =
        MlflowServerSettings.of("http://mlflow:5000", "", "", "")
            .withStandardCredentials(
                Map.of("MLFLOW_TRACKING_USERNAME", "u", "MLFLOW_TRACKING_PASSWORD", "p"))
            .hostCreds();
    assertThat(basic.getUsername()).isEqualTo("u");
    assertThat(basic.getPassword()).isEqualTo("p");
    assertThat(settings.toString()).doesNotContain("std-token").contains("credentials=set");
  }

  @Test
  void noCredentialsAtAllSendNone() {
    MlflowHostCreds creds =
        MlflowServerSettings.of("http://mlflow:5000", "", "", "")
            .withStandardCredentials(Map.of())
            .hostCreds();
    assertThat(creds.getToken()).isNull();
    assertThat(creds.getUsername()).isNull();
  }
}
