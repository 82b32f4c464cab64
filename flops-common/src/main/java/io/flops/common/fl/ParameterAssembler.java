package io.flops.common.fl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Collects the {@link ParameterChunk}s of one message back into a flat float32 array. */
public final class ParameterAssembler {

  private final float[] values;
  private long received;

  /**
   * @param count the number of floats announced by the message the chunks belong to
   */
  public ParameterAssembler(long count) {
    if (count < 0 || count > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("Cannot receive " + count + " parameters");
    }
    this.values = new float[(int) count];
  }

  /**
   * Copies one chunk into place.
   *
   * @throws IllegalArgumentException if the chunk is not whole floats or reaches past the end
   */
  public void accept(ParameterChunk chunk) {
    int bytes = chunk.getData().size();
    if (bytes % Float.BYTES != 0) {
      throw new IllegalArgumentException(
          "Parameter chunk of " + bytes + " bytes is not a whole number of float32 values");
    }
    int count = bytes / Float.BYTES;
    long offset = chunk.getOffset();
    if (offset < 0 || offset + count > values.length) {
      throw new IllegalArgumentException(
          "Parameter chunk at "
              + offset
              + " with "
              + count
              + " values reaches past the "
              + values.length
              + " announced");
    }
    int at = (int) offset;
    ByteBuffer carry = null;
    for (ByteBuffer piece : chunk.getData().asReadOnlyByteBufferList()) {
      piece.order(ByteOrder.LITTLE_ENDIAN);
      if (carry != null) {
        while (carry.hasRemaining() && piece.hasRemaining()) {
          carry.put(piece.get());
        }
        if (carry.hasRemaining()) {
          continue;
        }
        values[at++] = carry.flip().getFloat();
        carry = null;
      }
      int whole = piece.remaining() / Float.BYTES;
      piece.asFloatBuffer().get(values, at, whole);
      at += whole;
      piece.position(piece.position() + whole * Float.BYTES);
      if (piece.hasRemaining()) {
        carry = ByteBuffer.allocate(Float.BYTES).order(ByteOrder.LITTLE_ENDIAN).put(piece);
      }
    }
    received += count;
  }

  /** Whether every announced value has arrived. */
  public boolean isComplete() {
    return received >= values.length;
  }

  /** The assembled array (valid once {@link #isComplete}). */
  public float[] values() {
    return values;
  }
}
