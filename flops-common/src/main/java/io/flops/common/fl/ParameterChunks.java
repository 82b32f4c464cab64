package io.flops.common.fl;

import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The wire form of parameters in the FL protocol: a flat float32 array as little-endian bytes, in
 * {@link ParameterChunk}s. The array is encoded once ({@link #encode}, one bulk copy); its chunks
 * are then views of that buffer ({@code UnsafeByteOperations.unsafeWrap} of slices), so sending the
 * same parameters to many learners copies nothing more than gRPC's own framing does.
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
    chunks(instructionId, encode(parameters), chunkBytes).forEach(sink);
  }

  /**
   * The chunks of {@code littleEndian} (as returned by {@link #encode}), each a view of it: the
   * buffer must not change while they are in use.
   *
   * @throws IllegalArgumentException if {@code chunkBytes} is outside 1–4 MiB
   */
  public static List<ParameterChunk> chunks(
      long instructionId, ByteBuffer littleEndian, int chunkBytes) {
    requireChunkSize(chunkBytes);
    int bytes = littleEndian.remaining();
    int step = chunkBytes - chunkBytes % Float.BYTES;
    List<ParameterChunk> chunks = new ArrayList<>(bytes / step + 1);
    for (int start = 0; start < bytes; start += step) {
      int length = Math.min(step, bytes - start);
      chunks.add(
          ParameterChunk.newBuilder()
              .setInstructionId(instructionId)
              .setOffset(start / Float.BYTES)
              .setData(
                  UnsafeByteOperations.unsafeWrap(
                      littleEndian.slice(littleEndian.position() + start, length)))
              .build());
    }
    return chunks;
  }

  /** {@code values} as little-endian float32 bytes, in one bulk copy. */
  public static ByteBuffer encode(float[] values) {
    ByteBuffer buffer =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return buffer;
  }

  static void requireChunkSize(int chunkBytes) {
    if (chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) {
      throw new IllegalArgumentException(
          "Parameter chunk size must be between 1 and 4 MiB, was " + chunkBytes + " bytes");
    }
  }
}
