package io.flops.dataserver.server;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The ML data server's local knobs ({@code flops.dataserver.*}); where it keeps its data is its
 * launch record, {@link io.flops.common.launch.DataServerLaunch}.
 *
 * @param host the address the Arrow Flight endpoint binds to
 * @param port the Arrow Flight port ({@code FLOPS_PORT_11027}, default 11027; 0 for a free port)
 * @param shutdownGrace how long running calls may finish when the server stops
 */
@Validated
@ConfigurationProperties(prefix = "flops.dataserver")
public record DataServerProperties(
    @NotBlank String host, @Min(0) @Max(65535) int port, @NotNull Duration shutdownGrace) {}
