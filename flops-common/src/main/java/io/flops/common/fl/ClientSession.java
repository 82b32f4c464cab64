package io.flops.common.fl;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream of a learner to its aggregator: registers, sends heartbeats, receives instructions
 * with their parameters and hands them to the {@link InstructionHandler} on a worker thread. {@link
 * #outcome} completes with {@link Finished} or exceptionally when the stream is lost.
 */
final class ClientSession implements ClientResponseObserver<LearnerMessage, AggregatorMessage> {

  private static final Logger log = LoggerFactory.getLogger(ClientSession.class);

  private final FlClientSettings settings;
  private final InstructionHandler handler;
  private final ExecutorService worker;
  private final CompletableFuture<Finished> outcome = new CompletableFuture<>();
  private StreamSender<LearnerMessage> sender;
  private ScheduledFuture<?> heartbeats;
  private volatile long lastHeard = System.currentTimeMillis();
  private final CompletableFuture<Void> welcome = new CompletableFuture<>();
  private Instruction pending;
  private ParameterAssembler assembler;

  ClientSession(FlClientSettings settings, InstructionHandler handler, ExecutorService worker) {
    this.settings = settings;
    this.handler = handler;
    this.worker = worker;
  }

  /** Opens the stream on {@code channel}, registers and starts the heartbeats. */
  void start(Channel channel, ScheduledExecutorService scheduler) {
    FlWire.join(channel, this);
    sender.send(
        LearnerMessage.newBuilder()
            .setRegister(
                Register.newBuilder()
                    .setName(settings.name())
                    .setProjectId(settings.projectId())
                    .addAllDataTags(settings.dataTags()))
            .build());
    long interval = settings.heartbeatInterval().toMillis();
    heartbeats =
        scheduler.scheduleAtFixedRate(this::beat, interval, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<LearnerMessage> requests) {
    sender = new StreamSender<>(requests);
  }

  CompletableFuture<Finished> outcome() {
    return outcome;
  }

  /** Completes when the aggregator accepted the registration, exceptionally if the stream ended. */
  CompletableFuture<Void> welcome() {
    return welcome;
  }

  boolean wasWelcomed() {
    return welcome.isDone() && !welcome.isCompletedExceptionally();
  }

  /** Sends a fatal failure and ends the stream. */
  void failFatally(String message) {
    sender.send(
        LearnerMessage.newBuilder()
            .setFailure(Failure.newBuilder().setFatal(true).setMessage(message))
            .build());
    sender.complete();
  }

  /** Drops the stream (cancels the call). */
  void abandon(String reason) {
    sender.fail(Status.CANCELLED.withDescription(reason).asRuntimeException());
    end(new IllegalStateException(reason));
  }

  @Override
  public void onNext(AggregatorMessage message) {
    lastHeard = System.currentTimeMillis();
    switch (message.getBodyCase()) {
      case WELCOME -> welcome.complete(null);
      case INSTRUCTION -> receive(message.getInstruction());
      case CHUNK -> receive(message.getChunk());
      case FINISHED -> {
        handler.finished(message.getFinished());
        outcome.complete(message.getFinished());
        stop();
        sender.complete();
      }
      default -> {}
    }
  }

  @Override
  public void onError(Throwable error) {
    end(error);
  }

  @Override
  public void onCompleted() {
    end(new IllegalStateException("The aggregator closed the stream"));
  }

  private void receive(Instruction instruction) {
    pending = instruction;
    assembler = new ParameterAssembler(instruction.getParameterCount());
    if (assembler.isComplete()) {
      dispatch();
    }
  }

  private void receive(ParameterChunk chunk) {
    if (pending == null || chunk.getInstructionId() != pending.getInstructionId()) {
      return;
    }
    assembler.accept(chunk);
    if (assembler.isComplete()) {
      dispatch();
    }
  }

  private void dispatch() {
    Instruction instruction = pending;
    float[] parameters = assembler.values();
    pending = null;
    assembler = null;
    InstructionReply reply = new InstructionReply(sender, settings.name(), settings.chunkBytes());
    worker.execute(() -> reply.answer(handler, instruction, parameters));
  }

  private void beat() {
    long silent = System.currentTimeMillis() - lastHeard;
    if (wasWelcomed() && silent > settings.livenessTimeout().toMillis()) {
      log.warn("Aggregator {} silent for {} ms; reconnecting", settings.target(), silent);
      abandon("aggregator silent for " + silent + " ms");
      return;
    }
    sender.sendFirst(
        LearnerMessage.newBuilder()
            .setHeartbeat(Heartbeat.newBuilder().setSentAtMs(System.currentTimeMillis()))
            .build());
  }

  private void end(Throwable error) {
    stop();
    welcome.completeExceptionally(error);
    outcome.completeExceptionally(error);
  }

  private void stop() {
    if (heartbeats != null) {
      heartbeats.cancel(false);
    }
  }
}
