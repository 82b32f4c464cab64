package io.flops.aggregator.server;

import io.flops.common.fl.AggregatorMessage;
import io.flops.common.fl.Instruction;
import io.flops.common.fl.ParameterChunk;
import io.flops.common.fl.ParameterChunks;
import java.util.ArrayList;
import java.util.List;

/**
 * An instruction with its parameters encoded once into little-endian bytes, and its messages built
 * once over views of that buffer: the same messages go to every learner of a round, each stream
 * taking them as its flow control allows, and nothing is copied per learner but gRPC's framing.
 */
public final class OutgoingInstruction {

  private final Instruction instruction;
  private final List<AggregatorMessage> messages;
  private final long parameterBytes;

  public OutgoingInstruction(Instruction instruction, float[] parameters, int chunkBytes) {
    this.instruction = instruction.toBuilder().setParameterCount(parameters.length).build();
    this.parameterBytes = (long) parameters.length * Float.BYTES;
    List<ParameterChunk> chunks =
        ParameterChunks.chunks(
            instruction.getInstructionId(), ParameterChunks.encode(parameters), chunkBytes);
    List<AggregatorMessage> all = new ArrayList<>(chunks.size() + 1);
    all.add(AggregatorMessage.newBuilder().setInstruction(this.instruction).build());
    chunks.forEach(chunk -> all.add(AggregatorMessage.newBuilder().setChunk(chunk).build()));
    this.messages = List.copyOf(all);
  }

  public Instruction instruction() {
    return instruction;
  }

  /** The instruction message followed by its chunks. */
  public List<AggregatorMessage> messages() {
    return messages;
  }

  /** The bytes of parameters it carries to each learner. */
  public long parameterBytes() {
    return parameterBytes;
  }
}
