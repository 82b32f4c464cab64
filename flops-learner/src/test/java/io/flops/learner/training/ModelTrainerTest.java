package io.flops.learner.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.fl.FatalLearnerException;
import io.flops.common.fl.Instruction;
import io.flops.common.fl.InstructionHandler.EvaluateAnswer;
import io.flops.common.fl.InstructionHandler.FitAnswer;
import io.flops.common.fl.InstructionKind;
import io.flops.mlapi.EvaluationResult;
import io.flops.mlapi.FitConfig;
import io.flops.mlapi.FitResult;
import io.flops.mlapi.ModelManager;
import io.flops.mlapi.ModelSignature;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {

  /** A one-parameter "model" that adds its epochs times the data to its parameter. */
  private static final class Adder implements ModelManager<Float> {
    float value;
    FitConfig lastConfig;

    @Override
    public String flavor() {
      return "test";
    }

    @Override
    public float[] getParameters() {
      return new float[] {value};
    }

    @Override
    public void setParameters(float[] parameters) {
      value = parameters[0];
    }

    @Override
    public FitResult fit(Float data, FitConfig config) {
      lastConfig = config;
      value += data * config.localEpochs();
      return new FitResult(7, Map.of("loss", 0.5));
    }

    @Override
    public EvaluationResult evaluate(Float data) {
      return new EvaluationResult(value, 0.25, 3, Map.of());
    }

    @Override
    public ModelSignature signature() {
      return new ModelSignature(new long[] {1}, "float32", List.of());
    }

    @Override
    public List<String> save(Path directory) {
      return List.of();
    }
  }

  @Test
  void fitStartsFromTheGlobalParametersAndPassesTheInstructionsConfig() {
    Adder model = new Adder();
    ModelTrainer<Float> trainer = new ModelTrainer<>(model, 2f);
    Instruction instruction =
        Instruction.newBuilder()
            .setKind(InstructionKind.FIT)
            .setRound(4)
            .setLocalEpochs(3)
            .setBatchSize(16)
            .putConfig("lr", "0.1")
            .build();

    FitAnswer answer = trainer.fit(new float[] {10f}, instruction);

    assertThat(answer.parameters()).containsExactly(16f);
    assertThat(answer.examples()).isEqualTo(7);
    assertThat(answer.metrics()).containsEntry("loss", 0.5);
    assertThat(model.lastConfig).isEqualTo(new FitConfig(4, 3, 16, Map.of("lr", "0.1")));
  }

  @Test
  void globalParametersOfAnotherSizeStopTheLearnerWithBothSizes() {
    ModelTrainer<Float> trainer = new ModelTrainer<>("learner-0", new Adder(), 2f);

    assertThatThrownBy(
            () ->
                trainer.fit(
                    new float[] {1f, 2f},
                    Instruction.newBuilder().setKind(InstructionKind.FIT).build()))
        .isInstanceOf(FatalLearnerException.class)
        .hasMessage(
            "model of learner learner-0 has 1 parameters, the global model 2 — do all learners"
                + " build the same model?");
  }

  @Test
  void evaluateUsesTheGivenParameters() {
    ModelTrainer<Float> trainer = new ModelTrainer<>(new Adder(), 2f);

    EvaluateAnswer answer =
        trainer.evaluate(
            new float[] {1.5f}, Instruction.newBuilder().setKind(InstructionKind.EVALUATE).build());

    assertThat(answer.loss()).isEqualTo(1.5);
    assertThat(answer.accuracy()).isEqualTo(0.25);
    assertThat(answer.examples()).isEqualTo(3);
  }
}
