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
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Iterator;

/**
 * The baseline: plain gRPC server streaming of raw byte chunks over loopback, no protocol around
 * them: protobuf {@code BytesValue} messages of {@code chunkBytes}, the same wire form as the
 * protocol's chunks without anything around them.
 */
final class RawBytesStreaming {

  private static final MethodDescriptor<BytesValue, BytesValue> PULL =
      MethodDescriptor.<BytesValue, BytesValue>newBuilder()
          .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
          .setFullMethodName("flops.bench.Raw/Pull")
          .setRequestMarshaller(ProtoUtils.marshaller(BytesValue.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(BytesValue.getDefaultInstance()))
          .build();

  private RawBytesStreaming() {}

  /** Best MB/s over {@code repetitions} pulls of {@code totalBytes}. */
  static double megabytesPerSecond(long totalBytes, int chunkBytes, int repetitions)
      throws IOException, InterruptedException {
    BytesValue chunk =
        BytesValue.newBuilder()
            .setValue(UnsafeByteOperations.unsafeWrap(new byte[chunkBytes]))
            .build();
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
        Iterator<BytesValue> chunks =
            ClientCalls.blockingServerStreamingCall(
                channel, PULL, CallOptions.DEFAULT, BytesValue.getDefaultInstance());
        while (chunks.hasNext()) {
          received += chunks.next().getValue().size();
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
