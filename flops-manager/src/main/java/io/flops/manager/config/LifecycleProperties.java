package io.flops.manager.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.validation.annotation.Validated;

/** How the manager drives projects ({@code flops.lifecycle.*}). */
@Validated
@ConfigurationProperties(prefix = "flops.lifecycle")
public class LifecycleProperties {

  /** How often the manager asks the orchestrator about the services of running projects. */
  @NotNull private Duration statusPollInterval = Duration.ofSeconds(5);

  /** How long a failed service may stay failed before the project fails (its MQTT event wins). */
  @NotNull private Duration failureGrace = Duration.ofSeconds(5);

  /**
   * How long a project's observer keeps running after the project ended, so its page and event
   * stream stay reachable (the manager keeps its own copy of the events anyway); 0 stops it at
   * once.
   */
  @NotNull private Duration observerGrace = Duration.ofMinutes(10);

  /**
   * Threads that apply events to projects (never the MQTT client's thread): one event of a project
   * at a time, in arrival order.
   */
  @Min(1)
  private int workerThreads = 4;

  /**
   * Threads that run the lifecycle's actions (Git look-ups, deployments, clean-ups): one action of
   * a project at a time, in order; while they work, events of every project are still applied.
   */
  @Min(1)
  private int actionThreads = 8;

  /** Largest request body the API accepts, in bytes (larger: 413). */
  @Min(1024)
  private long maxBodyBytes = 1_048_576;

  /** Timeout of Git and registry look-ups. */
  @NotNull private Duration lookupTimeout = Duration.ofSeconds(20);

  /**
   * Simulated learner nodes whose data servers the manager starts once at startup with the local
   * orchestrator (one data-server instance per node); 0: none (they run elsewhere).
   */
  @Min(0)
  private int simulatedNodes = 2;

  /**
   * How long a running inference server may take to answer {@code /ping} at its public address;
   * after that the project completes with the URL anyway (the manager may not reach user networks).
   */
  @NotNull private Duration inferenceReadyTimeout = Duration.ofMinutes(2);

  /** How long a project may wait in each state before it fails. */
  @Valid @NotNull @NestedConfigurationProperty private Deadlines deadlines = new Deadlines();

  /**
   * How often a project's training may be started again from its aggregator's checkpoint after the
   * aggregator was lost (crashed, killed, or gone with a restarted manager); 0: never, the project
   * fails instead.
   */
  @Min(0)
  private int trainingRestarts = 2;

  public int getTrainingRestarts() {
    return trainingRestarts;
  }

  public void setTrainingRestarts(int trainingRestarts) {
    this.trainingRestarts = trainingRestarts;
  }

  public Deadlines getDeadlines() {
    return deadlines;
  }

  public void setDeadlines(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  public Duration getInferenceReadyTimeout() {
    return inferenceReadyTimeout;
  }

  public void setInferenceReadyTimeout(Duration inferenceReadyTimeout) {
    this.inferenceReadyTimeout = inferenceReadyTimeout;
  }

  public int getSimulatedNodes() {
    return simulatedNodes;
  }

  public void setSimulatedNodes(int simulatedNodes) {
    this.simulatedNodes = simulatedNodes;
  }

  public Duration getStatusPollInterval() {
    return statusPollInterval;
  }

  public void setStatusPollInterval(Duration statusPollInterval) {
    this.statusPollInterval = statusPollInterval;
  }

  public Duration getObserverGrace() {
    return observerGrace;
  }

  public void setObserverGrace(Duration observerGrace) {
    this.observerGrace = observerGrace;
  }

  public Duration getFailureGrace() {
    return failureGrace;
  }

  public void setFailureGrace(Duration failureGrace) {
    this.failureGrace = failureGrace;
  }

  public int getWorkerThreads() {
    return workerThreads;
  }

  public void setWorkerThreads(int workerThreads) {
    this.workerThreads = workerThreads;
  }

  public int getActionThreads() {
    return actionThreads;
  }

  public void setActionThreads(int actionThreads) {
    this.actionThreads = actionThreads;
  }

  public long getMaxBodyBytes() {
    return maxBodyBytes;
  }

  public void setMaxBodyBytes(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  public Duration getLookupTimeout() {
    return lookupTimeout;
  }

  public void setLookupTimeout(Duration lookupTimeout) {
    this.lookupTimeout = lookupTimeout;
  }
}
