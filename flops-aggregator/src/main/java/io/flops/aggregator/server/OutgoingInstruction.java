package io.flops.aggregator.server;

import io.flops.common.fl.AggregatorMessage;
import io.flops.common.fl.EncodedChunks;
import io.flops.common.fl.Instruction;
import java.util.AbstractList;
import java.util.List;

/**
 * An instruction with its parameters, as messages shared by every learner of a round: the
 * instruction message, then its chunks, each encoded into little-endian bytes once — when the first
 * stream is ready for it ({@link EncodedChunks}) — and sent to every learner as the same message,
 * so nothing is copied per learner but gRPC's framing. The parameters must not change meanwhile.
 */
public final class OutgoingInstruction {

  private final Instruction instruction;
  private final AggregatorMessage first;
  private final List<AggregatorMessage> chunks;
  private final long parameterBytes;

  public OutgoingInstruction(Instruction instruction, float[] parameters, int chunkBytes) {
    this.instruction = instruction.toBuilder().setParameterCount(parameters.length).build();
    this.parameterBytes = (long) parameters.length * Float.BYTES;
    this.first = AggregatorMessage.newBuilder().setInstruction(this.instruction).build();
    this.chunks =
        new EncodedChunks<>(
            instruction.getInstructionId(),
            parameters,
            chunkBytes,
            chunk -> AggregatorMessage.newBuilder().setChunk(chunk).build());
  }

  public Instruction instruction() {
    return instruction;
  }

  /** The instruction message followed by its chunks. */
  public List<AggregatorMessage> messages() {
    return new AbstractList<>() {
      @Override
      public AggregatorMessage get(int index) {
        return index == 0 ? first : chunks.get(index - 1);
      }

      @Override
      public int size() {
        return chunks.size() + 1;
      }
    };
  }

  /** The bytes of parameters it carries to each learner. */
  public long parameterBytes() {
    return parameterBytes;
  }
}
