package io.flops.inference;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the inference server ({@code flops.inference.*}, e.g. {@code
 * FLOPS_INFERENCE_MODEL_DIR}). The HTTP port is {@code server.port}, bound to {@code
 * FLOPS_PORT_8080} (default 8080).
 *
 * @param modelDir the MLflow model directory to serve: the folder holding {@code MLmodel}
 * @param maxBatchSize the most rows one request may hold; larger requests are answered 413
 */
@Validated
@ConfigurationProperties(prefix = "flops.inference")
public record InferenceProperties(
    @NotNull(message = "set FLOPS_INFERENCE_MODEL_DIR to an MLflow model directory") Path modelDir,
    @DefaultValue("1000") @Min(1) int maxBatchSize) {}
