package io.flops.common.fl;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.stub.CallStreamObserver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamSenderTest {

  /** A stream that is ready only when the test says so. */
  private static final class GatedStream extends CallStreamObserver<String> {
    final List<String> sent = new ArrayList<>();
    boolean ready;
    boolean completed;
    Runnable onReady;

    @Override
    public boolean isReady() {
      return ready;
    }

    @Override
    public void setOnReadyHandler(Runnable handler) {
      onReady = handler;
    }

    @Override
    public void onNext(String value) {
      sent.add(value);
    }

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {
      completed = true;
    }

    @Override
    public void disableAutoInboundFlowControl() {}

    @Override
    public void request(int count) {}

    @Override
    public void setMessageCompression(boolean enable) {}

    void becomeReady() {
      ready = true;
      onReady.run();
    }
  }

  @Test
  void queuesWhileTheStreamIsNotReadyAndSendsInOrderOnceItIs() {
    GatedStream stream = new GatedStream();
    StreamSender<String> sender = new StreamSender<>(stream);

    assertThat(sender.send(List.of("instruction", "chunk-1", "chunk-2"))).isTrue();
    sender.complete();

    assertThat(stream.sent).isEmpty();
    assertThat(sender.hasQueued()).isTrue();
    stream.becomeReady();
    assertThat(stream.sent).containsExactly("instruction", "chunk-1", "chunk-2");
    assertThat(stream.completed).isTrue();
    assertThat(sender.send("late")).isFalse();
  }

  @Test
  void aHeartbeatOvertakesQueuedChunksButNotTheOneBeingSent() {
    GatedStream stream = new GatedStream();
    StreamSender<String> sender = new StreamSender<>(stream);
    stream.ready = true;
    sender.send("first");
    stream.ready = false;
    sender.send(List.of("chunk-1", "chunk-2"));

    sender.sendFirst("heartbeat");
    stream.becomeReady();

    assertThat(stream.sent).containsExactly("first", "heartbeat", "chunk-1", "chunk-2");
  }
}
