package io.flops.common.fl;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.Detachable;
import io.grpc.HasByteBuffer;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The FL protocol's message parsing: a parameter chunk's bytes are never copied between the socket
 * and their bulk decoding into floats. Where the transport lends its buffers ({@link Detachable}
 * and {@link HasByteBuffer}, as Netty's does), the message is parsed with aliasing straight from
 * them and the buffers stay lent until {@link #release} — which the stream observers of {@link
 * FlWire} call as soon as a message was handled (its chunk decoded). Otherwise the message is read
 * into one array of its exact size and parsed with aliasing from that.
 *
 * <p>Only {@code ParameterChunk.data} aliases the buffers (every other field is a number or a
 * string, which parsing copies), and no handler keeps a chunk beyond its {@code onNext}. gRPC
 * parses a message and hands it to {@code onNext} on the same thread, one after the other, so the
 * lent buffers are kept per thread: at most one message's per thread, whatever happens.
 */
final class WireMarshaller<T extends Message> implements MethodDescriptor.Marshaller<T> {

  private final MethodDescriptor.Marshaller<T> writer;
  private final Parser<T> parser;
  private final ThreadLocal<InputStream> lent = new ThreadLocal<>();

  WireMarshaller(T defaultInstance, Parser<T> parser) {
    this.writer = ProtoUtils.marshaller(defaultInstance);
    this.parser = parser;
  }

  @Override
  public InputStream stream(T value) {
    return writer.stream(value);
  }

  @Override
  public T parse(InputStream stream) {
    release();
    try {
      if (stream instanceof Detachable detachable
          && stream instanceof HasByteBuffer buffers
          && buffers.byteBufferSupported()) {
        return parseLent(detachable.detach());
      }
      return parse(CodedInputStream.newInstance(readAll(stream)));
    } catch (InvalidProtocolBufferException e) {
      throw Status.INTERNAL.withDescription("Invalid FL message").withCause(e).asRuntimeException();
    } catch (IOException e) {
      throw Status.INTERNAL
          .withDescription("Cannot read FL message")
          .withCause(e)
          .asRuntimeException();
    }
  }

  /** Gives back the transport buffers of the last message parsed on this thread, if any. */
  void release() {
    InputStream buffers = lent.get();
    if (buffers != null) {
      lent.remove();
      try {
        buffers.close();
      } catch (IOException ignored) {
        // releasing a transport buffer does not fail
      }
    }
  }

  /** Parses from the transport's own buffers, which stay lent until {@link #release}. */
  private T parseLent(InputStream detached) throws IOException {
    boolean keep = false;
    try {
      int size = detached.available();
      detached.mark(size);
      List<ByteString> pieces = new ArrayList<>();
      while (detached.available() > 0) {
        ByteBuffer piece = ((HasByteBuffer) detached).getByteBuffer();
        if (piece == null) {
          break;
        }
        int length = piece.remaining();
        pieces.add(UnsafeByteOperations.unsafeWrap(piece));
        detached.skipNBytes(length);
      }
      detached.reset();
      T message = parse(ByteString.copyFrom(pieces).newCodedInput());
      lent.set(detached);
      keep = true;
      return message;
    } finally {
      if (!keep) {
        detached.close();
      }
    }
  }

  private T parse(CodedInputStream input) throws InvalidProtocolBufferException {
    input.enableAliasing(true);
    input.setSizeLimit(Integer.MAX_VALUE);
    return parser.parseFrom(input);
  }

  private static byte[] readAll(InputStream stream) throws IOException {
    if (stream instanceof KnownLength) {
      byte[] bytes = new byte[stream.available()];
      int read = stream.readNBytes(bytes, 0, bytes.length);
      if (read == bytes.length && stream.read() == -1) {
        return bytes;
      }
      throw new IOException("FL message shorter or longer than announced");
    }
    return stream.readAllBytes();
  }
}
