package io.flops.common.sla;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

/**
 * A request for mock data providers ({@code POST /api/flops/mocks}), as in the original plus the
 * partitioner fields of {@link MockDataConfiguration}.
 *
 * @param customerId {@code customerID} (also {@code customer_id}), default {@code Admin}
 * @param mockDataConfiguration what to push, default all defaults
 */
public record MockDataSla(
    @JsonProperty("customerID")
        @JsonAlias("customer_id")
        @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}",
            message = "must be 1-64 letters, digits, '_', '.' or '-'")
        String customerId,
    @JsonProperty("mock_data_configuration") @Valid MockDataConfiguration mockDataConfiguration) {

  public MockDataSla {
    customerId = customerId == null ? ProjectSla.DEFAULT_CUSTOMER : customerId;
    mockDataConfiguration =
        mockDataConfiguration == null ? MockDataConfiguration.defaults() : mockDataConfiguration;
  }
}
