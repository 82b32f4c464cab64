package io.flops.benchmarks.transfer;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Raw gRPC streaming of {@code bytes} chunks (the way FL parameters travel), on the same Netty
 * transport Arrow Flight uses: a server stream (download) and a client stream (upload).
 */
final class GrpcBytesStream implements AutoCloseable {

  private static final MethodDescriptor.Marshaller<BytesValue> BYTES =
      ProtoUtils.marshaller(BytesValue.getDefaultInstance());
  private static final MethodDescriptor<BytesValue, BytesValue> DOWNLOAD =
      MethodDescriptor.<BytesValue, BytesValue>newBuilder()
          .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
          .setFullMethodName("flops.bench.Bytes/Download")
          .setRequestMarshaller(BYTES)
          .setResponseMarshaller(BYTES)
          .build();
  private static final MethodDescriptor<BytesValue, BytesValue> UPLOAD =
      MethodDescriptor.<BytesValue, BytesValue>newBuilder()
          .setType(MethodDescriptor.MethodType.CLIENT_STREAMING)
          .setFullMethodName("flops.bench.Bytes/Upload")
          .setRequestMarshaller(BYTES)
          .setResponseMarshaller(BYTES)
          .build();

  private final Server server;
  private final ManagedChannel channel;
  private final ByteString chunk;

  GrpcBytesStream(int chunkBytes) throws IOException {
    chunk = UnsafeByteOperations.unsafeWrap(new byte[chunkBytes]);
    ServerServiceDefinition service =
        ServerServiceDefinition.builder("flops.bench.Bytes")
            .addMethod(DOWNLOAD, ServerCalls.asyncServerStreamingCall(this::download))
            .addMethod(UPLOAD, ServerCalls.asyncClientStreamingCall(GrpcBytesStream::upload))
            .build();
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(service)
            .build()
            .start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
  }

  /** Streams {@code total} bytes from server to client; returns the bytes received. */
  long download(long total) {
    BytesValue request = BytesValue.of(ByteString.copyFromUtf8(Long.toString(total)));
    Iterator<BytesValue> chunks =
        ClientCalls.blockingServerStreamingCall(
            channel, DOWNLOAD, io.grpc.CallOptions.DEFAULT, request);
    long received = 0;
    while (chunks.hasNext()) {
      received += chunks.next().getValue().size();
    }
    return received;
  }

  /** Streams {@code total} bytes from client to server; returns the bytes the server counted. */
  long upload(long total) throws Exception {
    CompletableFuture<Long> counted = new CompletableFuture<>();
    StreamObserver<BytesValue> requests =
        ClientCalls.asyncClientStreamingCall(
            channel.newCall(UPLOAD, io.grpc.CallOptions.DEFAULT),
            new StreamObserver<>() {
              @Override
              public void onNext(BytesValue value) {
                counted.complete(Long.parseLong(value.getValue().toStringUtf8()));
              }

              @Override
              public void onError(Throwable t) {
                counted.completeExceptionally(t);
              }

              @Override
              public void onCompleted() {}
            });
    for (long sent = 0; sent < total; sent += chunk.size()) {
      requests.onNext(chunkOf(total - sent));
    }
    requests.onCompleted();
    return counted.get(5, TimeUnit.MINUTES);
  }

  private void download(BytesValue request, StreamObserver<BytesValue> responses) {
    long total = Long.parseLong(request.getValue().toStringUtf8());
    for (long sent = 0; sent < total; sent += chunk.size()) {
      responses.onNext(chunkOf(total - sent));
    }
    responses.onCompleted();
  }

  private BytesValue chunkOf(long remaining) {
    return BytesValue.of(remaining >= chunk.size() ? chunk : chunk.substring(0, (int) remaining));
  }

  private static StreamObserver<BytesValue> upload(StreamObserver<BytesValue> response) {
    return new StreamObserver<>() {
      private long received;

      @Override
      public void onNext(BytesValue value) {
        received += value.getValue().size();
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {
        response.onNext(BytesValue.of(ByteString.copyFromUtf8(Long.toString(received))));
        response.onCompleted();
      }
    };
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
