package io.flops.benchmarks.fl;

import com.google.protobuf.BytesValue;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The floor of a round's communication: a server sends one message of a model's bytes to each of
 * {@code streams} gRPC bidirectional streams (one connection each) and waits until every client has
 * echoed it back — the bytes of a round with no protocol, no decoding and no aggregation around
 * them.
 */
final class RawRounds {

  private static final MethodDescriptor<BytesValue, BytesValue> ECHO =
      MethodDescriptor.<BytesValue, BytesValue>newBuilder()
          .setType(MethodDescriptor.MethodType.BIDI_STREAMING)
          .setFullMethodName("flops.bench.Raw/Echo")
          .setRequestMarshaller(ProtoUtils.marshaller(BytesValue.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(BytesValue.getDefaultInstance()))
          .build();

  private RawRounds() {}

  /**
   * Mean milliseconds per round over {@code rounds} rounds after {@code warmup} unmeasured ones.
   */
  static double millisPerRound(int streams, int bytes, int warmup, int rounds)
      throws IOException, InterruptedException {
    BytesValue model =
        BytesValue.newBuilder().setValue(UnsafeByteOperations.unsafeWrap(new byte[bytes])).build();
    List<StreamObserver<BytesValue>> clients = new ArrayList<>();
    CountDownLatch connected = new CountDownLatch(streams);
    Semaphore echoes = new Semaphore(0);
    ServerServiceDefinition service =
        ServerServiceDefinition.builder("flops.bench.Raw")
            .addMethod(
                ECHO,
                ServerCalls.asyncBidiStreamingCall(
                    responses -> {
                      synchronized (clients) {
                        clients.add(responses);
                      }
                      connected.countDown();
                      return new Echoes(echoes);
                    }))
            .build();
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(service)
            .maxInboundMessageSize(2 * bytes)
            .build()
            .start();
    List<ManagedChannel> channels = new ArrayList<>();
    try {
      for (int k = 0; k < streams; k++) {
        ManagedChannel channel =
            ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort())
                .usePlaintext()
                .maxInboundMessageSize(2 * bytes)
                .build();
        channels.add(channel);
        EchoingClient client = new EchoingClient();
        client.requests =
            ClientCalls.asyncBidiStreamingCall(channel.newCall(ECHO, CallOptions.DEFAULT), client);
      }
      if (!connected.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("raw gRPC clients did not connect");
      }
      long started = 0;
      for (int r = 0; r < warmup + rounds; r++) {
        if (r == warmup) {
          started = System.nanoTime();
        }
        for (StreamObserver<BytesValue> client : clients) {
          client.onNext(model);
        }
        echoes.acquire(streams);
      }
      return (System.nanoTime() - started) / 1e6 / rounds;
    } finally {
      channels.forEach(ManagedChannel::shutdownNow);
      server.shutdownNow();
    }
  }

  /** The server's side of a stream: counts each echo. */
  private record Echoes(Semaphore echoes) implements StreamObserver<BytesValue> {
    @Override
    public void onNext(BytesValue value) {
      echoes.release();
    }

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {}
  }

  /** A client that sends back every message it receives. */
  private static final class EchoingClient implements StreamObserver<BytesValue> {
    private volatile StreamObserver<BytesValue> requests;

    @Override
    public void onNext(BytesValue value) {
      requests.onNext(value);
    }

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {}
  }
}
