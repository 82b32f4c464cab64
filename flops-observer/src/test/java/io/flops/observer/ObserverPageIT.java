package io.flops.observer;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.events.ObserverEvent.Kind;
import io.flops.common.events.ObserverEvent.Level;
import io.flops.common.testsupport.ExternalServer;
import io.flops.common.testsupport.Mosquitto;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The observer page in headless Chromium follows a short scripted project live: its stage on the
 * timeline, one chart point per round, build steps, learners, errors and links.
 */
class ObserverPageIT {

  private static ExternalServer broker;
  @TempDir Path storage;
  @TempDir Path profile;
  private ChromeDriver browser;

  @BeforeAll
  static void startBroker() {
    broker = Mosquitto.start(Path.of("target/mosquitto-page-it"));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void startBrowser() {
    browser = HeadlessChromium.start(profile);
  }

  @AfterEach
  void stopBrowser() {
    browser.quit();
  }

  @Test
  void thePageFollowsAProjectFromAcceptedToDone() {
    String projectId = "p-page";
    try (RunningObserver observer =
            RunningObserver.start(projectId, Mosquitto.url(broker), storage);
        ProjectEvents project = new ProjectEvents(Mosquitto.url(broker), projectId)) {
      browser.get(observer.pageUrl());
      awaitText("connection", "live");

      project.state("", "ACCEPTED");
      project.state("ACCEPTED", "PREPARING");
      project.state("PREPARING", "BUILDING_IMAGES");
      buildStep(project, "clone", 1200);
      buildStep(project, "compile", 5400);
      project.state("BUILDING_IMAGES", "STARTING_TRAINING");
      project.publish(
          ProjectEvents.event(
              "tracking",
              "aggregator",
              Level.INFO,
              Kind.TRACKING,
              "Tracking rounds in MLflow",
              Map.of("tracking_url", "http://127.0.0.1:5000", "experiment_id", "7")));
      learner(project, "learner-1", "joined", Level.INFO, "learner-1 joined");
      learner(project, "learner-2", "joined", Level.INFO, "learner-2 joined");
      project.state("STARTING_TRAINING", "TRAINING");
      project.round(1, 2.1, 0.41);

      awaitText("state", "TRAINING");
      assertThat(stageStatuses()).containsExactly("done", "done", "current", "pending", "pending");
      awaitChartPoints(1);

      learner(
          project,
          "learner-3",
          "failed",
          Level.ERROR,
          "learner-3 failed: no data for tags [mnist] on data server 127.0.0.1:11027");
      project.round(2, 1.2, 0.72);
      project.round(3, 0.6, 0.88);
      project.state("TRAINING", "BUILDING_INFERENCE_IMAGE");
      project.state("BUILDING_INFERENCE_IMAGE", "DEPLOYING_INFERENCE");
      project.publish(
          ProjectEvents.event(
              "inference",
              "manager",
              Level.INFO,
              Kind.INFERENCE,
              "Inference server is ready",
              Map.of("url", "http://127.0.0.1:18080/invocations")));
      project.state("DEPLOYING_INFERENCE", "COMPLETED");

      awaitText("state", "COMPLETED");
      HeadlessChromium.screenshot(browser, Path.of("target/observer-page.png"));

      assertThat(stageStatuses()).containsExactly("done", "done", "done", "done", "done");
      assertThat(awaitChartPoints(3)).isEqualTo(List.of(3L, 3L));
      assertThat(browser.executeScript("return Chart.getChart('rounds-chart').data.labels"))
          .isEqualTo(List.of(1L, 2L, 3L));
      assertThat(columnTexts("rounds", 1)).containsExactly("2.1000", "1.2000", "0.6000");
      assertThat(columnTexts("rounds", 2)).containsExactly("0.4100", "0.7200", "0.8800");
      assertThat(columnTexts("build-steps", 1)).containsExactly("clone", "compile");
      assertThat(columnTexts("build-steps", 2)).containsExactly("1.2 s", "5.4 s");
      assertThat(columnTexts("learners", 1)).containsExactly("joined", "joined", "failed");
      WebElement errors = browser.findElement(By.id("errors-section"));
      assertThat(errors.isDisplayed()).isTrue();
      assertThat(errors.getText()).contains("learner-3 failed: no data for tags [mnist]");
      assertThat(browser.findElement(By.id("tracking-link")).getAttribute("href"))
          .isEqualTo("http://127.0.0.1:5000/#/experiments/7");
      assertThat(browser.findElement(By.id("inference-link")).getAttribute("href"))
          .isEqualTo("http://127.0.0.1:18080/invocations");
      assertThat(browser.findElements(By.cssSelector("#events tbody tr"))).hasSize(18);
    }
  }

  @Test
  void aFailedProjectShowsWhichComponentFailedAndWhy() {
    String projectId = "p-failed";
    try (RunningObserver observer =
            RunningObserver.start(projectId, Mosquitto.url(broker), storage);
        ProjectEvents project = new ProjectEvents(Mosquitto.url(broker), projectId)) {
      project.state("", "ACCEPTED");
      project.state("ACCEPTED", "PREPARING");
      project.state("PREPARING", "STARTING_TRAINING");
      project.state("STARTING_TRAINING", "TRAINING");
      project.round(1, 2.3, 0.35);
      String reason = "Aggregator failed: round 2 timed out after 60s with 1 of 2 learners";
      project.publish(
          ProjectEvents.event(
              "failed",
              "manager",
              Level.ERROR,
              Kind.STATE,
              "Project failed: " + reason,
              Map.of(
                  "from",
                  "TRAINING",
                  "to",
                  "FAILED",
                  "component",
                  "aggregator",
                  "reason",
                  reason)));

      browser.get(observer.pageUrl());
      awaitText("state", "FAILED");
      awaitChartPoints(1);
      HeadlessChromium.screenshot(browser, Path.of("target/observer-page-failed.png"));

      assertThat(stageStatuses())
          .containsExactly("done", "skipped", "failed", "pending", "pending");
      assertThat(browser.findElement(By.id("errors")).getText()).isEqualTo("aggregator: " + reason);
      assertThat(browser.findElement(By.cssSelector("#events tr.level-ERROR")).getText())
          .contains("Project failed: " + reason);
    }
  }

  private static void buildStep(ProjectEvents project, String step, long millis) {
    project.publish(
        ProjectEvents.event(
            "step-" + step,
            "builder",
            Level.INFO,
            Kind.BUILD_STEP,
            step + " done",
            Map.of("step", step, "duration_ms", millis)));
  }

  private static void learner(
      ProjectEvents project, String learner, String status, Level level, String message) {
    project.publish(
        ProjectEvents.event(
            learner + "-" + status,
            learner,
            level,
            Kind.LEARNER,
            message,
            Map.of("learner", learner, "status", status)));
  }

  private void awaitText(String id, String text) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(driver -> text.equals(driver.findElement(By.id(id)).getText()));
  }

  private Object awaitChartPoints(long points) {
    String script = "return Chart.getChart('rounds-chart').data.datasets.map(d => d.data.length)";
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(driver -> List.of(points, points).equals(browser.executeScript(script)));
    return browser.executeScript(script);
  }

  private List<String> stageStatuses() {
    return browser.findElements(By.cssSelector("#timeline li")).stream()
        .map(item -> item.getDomAttribute("data-status"))
        .toList();
  }

  private List<String> columnTexts(String tableId, int column) {
    return browser.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
        .map(row -> row.findElements(By.tagName("td")).get(column).getText())
        .toList();
  }
}
