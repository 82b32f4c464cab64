package io.flops.aggregator.server;

import io.flops.common.fl.AggregatorMessage;
import io.flops.common.fl.Instruction;
import io.flops.common.fl.ParameterChunks;
import java.util.ArrayList;
import java.util.List;

/**
 * An instruction with its parameters already encoded into chunk messages, so the same bytes go to
 * every learner of a round without encoding them again.
 */
public final class OutgoingInstruction {

  private final Instruction instruction;
  private final List<AggregatorMessage> messages = new ArrayList<>();

  public OutgoingInstruction(Instruction instruction, float[] parameters, int chunkBytes) {
    this.instruction = instruction.toBuilder().setParameterCount(parameters.length).build();
    messages.add(AggregatorMessage.newBuilder().setInstruction(this.instruction).build());
    ParameterChunks.split(
        instruction.getInstructionId(),
        parameters,
        chunkBytes,
        chunk -> messages.add(AggregatorMessage.newBuilder().setChunk(chunk).build()));
  }

  public Instruction instruction() {
    return instruction;
  }

  /** The instruction message followed by its chunks. */
  public List<AggregatorMessage> messages() {
    return messages;
  }
}
