package io.flops.inference;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The inference server's local knobs ({@code flops.inference.*}, e.g. {@code
 * FLOPS_INFERENCE_MAX_BATCH_SIZE}). The model it serves is its launch record, {@link
 * io.flops.common.launch.InferenceLaunch} ({@code FLOPS_INFERENCE_MODEL_DIR}); the HTTP port is
 * {@code server.port}, bound to {@code FLOPS_PORT_8080} (default 8080).
 *
 * @param maxBatchSize the most rows one request may hold; larger requests are answered 413
 */
@Validated
@ConfigurationProperties(prefix = "flops.inference")
public record InferenceProperties(@DefaultValue("1000") @Min(1) int maxBatchSize) {}
