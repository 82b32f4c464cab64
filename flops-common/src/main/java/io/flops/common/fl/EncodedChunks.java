package io.flops.common.fl;

import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.AbstractList;
import java.util.function.Function;

/**
 * The messages carrying a parameter array's chunks, each encoded the first time a stream asks for
 * it and kept for the others: sending starts after the first chunk is encoded rather than the whole
 * array, encoding overlaps with the network, and a broadcast still encodes every chunk once. The
 * array must not change while the messages are in use.
 *
 * @param <M> the message a chunk travels in
 */
public final class EncodedChunks<M> extends AbstractList<M> {

  private final long instructionId;
  private final float[] values;
  private final int step;
  private final Function<ParameterChunk, M> wrap;
  private final Object[] encoded;

  /**
   * @throws IllegalArgumentException if {@code chunkBytes} is outside 1–4 MiB
   */
  public EncodedChunks(
      long instructionId, float[] values, int chunkBytes, Function<ParameterChunk, M> wrap) {
    ParameterChunks.requireChunkSize(chunkBytes);
    this.instructionId = instructionId;
    this.values = values;
    this.step = chunkBytes / Float.BYTES;
    this.wrap = wrap;
    this.encoded = new Object[(values.length + step - 1) / step];
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized M get(int index) {
    if (encoded[index] == null) {
      int from = index * step;
      int count = Math.min(step, values.length - from);
      ByteBuffer bytes = ByteBuffer.allocate(count * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asFloatBuffer().put(values, from, count);
      encoded[index] =
          wrap.apply(
              ParameterChunk.newBuilder()
                  .setInstructionId(instructionId)
                  .setOffset(from)
                  .setData(UnsafeByteOperations.unsafeWrap(bytes))
                  .build());
    }
    return (M) encoded[index];
  }

  @Override
  public int size() {
    return encoded.length;
  }
}
