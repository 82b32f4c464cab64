package io.flops.common.fl;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * Splits a flat float32 parameter array into {@link ParameterChunk}s of little-endian bytes, the
 * wire form of parameters in the FL protocol.
 */
public final class ParameterChunks {

  /** The chunk size used unless configured otherwise: 1 MiB. */
  public static final int DEFAULT_CHUNK_BYTES = 1 << 20;

  /** The smallest and largest chunk sizes the protocol allows. */
  public static final int MIN_CHUNK_BYTES = 1 << 20;

  public static final int MAX_CHUNK_BYTES = 4 << 20;

  private ParameterChunks() {}

  /**
   * Calls {@code sink} with the chunks of {@code parameters} for instruction {@code instructionId},
   * in order. An empty array gives no chunk.
   *
   * @throws IllegalArgumentException if {@code chunkBytes} is outside 1–4 MiB
   */
  public static void split(
      long instructionId, float[] parameters, int chunkBytes, Consumer<ParameterChunk> sink) {
    if (chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) {
      throw new IllegalArgumentException(
          "Parameter chunk size must be between 1 and 4 MiB, was " + chunkBytes + " bytes");
    }
    int floatsPerChunk = chunkBytes / Float.BYTES;
    for (int offset = 0; offset < parameters.length; offset += floatsPerChunk) {
      int count = Math.min(floatsPerChunk, parameters.length - offset);
      sink.accept(
          ParameterChunk.newBuilder()
              .setInstructionId(instructionId)
              .setOffset(offset)
              .setData(encode(parameters, offset, count))
              .build());
    }
  }

  /** {@code count} floats of {@code values} from {@code offset} as little-endian bytes. */
  static ByteString encode(float[] values, int offset, int count) {
    ByteBuffer buffer = ByteBuffer.allocate(count * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values, offset, count);
    return UnsafeByteOperations.unsafeWrap(buffer.array());
  }
}
