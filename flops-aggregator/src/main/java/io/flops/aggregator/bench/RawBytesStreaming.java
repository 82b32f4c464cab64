package io.flops.aggregator.bench;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Iterator;

/**
 * The baseline: plain gRPC server streaming of raw byte chunks over loopback, no protocol around
 * them. Measures MB/s for {@code bytes} split into {@code chunkBytes} messages.
 */
final class RawBytesStreaming {

  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private static final MethodDescriptor<byte[], byte[]> PULL =
      MethodDescriptor.<byte[], byte[]>newBuilder()
          .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
          .setFullMethodName("flops.bench.Raw/Pull")
          .setRequestMarshaller(BYTES)
          .setResponseMarshaller(BYTES)
          .build();

  private RawBytesStreaming() {}

  /** Best MB/s over {@code repetitions} pulls of {@code totalBytes}. */
  static double megabytesPerSecond(long totalBytes, int chunkBytes, int repetitions)
      throws IOException, InterruptedException {
    byte[] chunk = new byte[chunkBytes];
    ServerServiceDefinition service =
        ServerServiceDefinition.builder("flops.bench.Raw")
            .addMethod(
                PULL,
                ServerCalls.asyncServerStreamingCall(
                    (request, responses) -> {
                      for (long sent = 0; sent < totalBytes; sent += chunkBytes) {
                        responses.onNext(chunk);
                      }
                      responses.onCompleted();
                    }))
            .build();
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(service)
            .maxInboundMessageSize(2 * chunkBytes)
            .build()
            .start();
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort())
            .usePlaintext()
            .maxInboundMessageSize(2 * chunkBytes)
            .build();
    try {
      double best = 0;
      for (int r = 0; r < repetitions + 1; r++) {
        long started = System.nanoTime();
        long received = 0;
        Iterator<byte[]> chunks =
            ClientCalls.blockingServerStreamingCall(
                channel, PULL, io.grpc.CallOptions.DEFAULT, new byte[0]);
        while (chunks.hasNext()) {
          received += chunks.next().length;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (r > 0) {
          best = Math.max(best, received / 1e6 / seconds);
        }
      }
      return best;
    } finally {
      channel.shutdownNow();
      server.shutdownNow();
    }
  }
}
