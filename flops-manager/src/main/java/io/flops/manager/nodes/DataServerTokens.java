package io.flops.manager.nodes;

import io.flops.manager.config.DataServersProperties;
import io.flops.manager.mqtt.EventKeys;

/**
 * The tokens of the learner nodes' data servers ({@code io.flops.dataclient.DataAccess}): learners
 * get the reader token, mock-data providers the writer token, the manager keeps the admin token;
 * the data servers the manager starts get all three. Configured ({@link DataServersProperties}) or
 * derived from the installation secret, so they survive a restart of the manager.
 *
 * @param reader lists and reads data sets
 * @param writer also puts data sets
 * @param admin also drops data sets
 */
public record DataServerTokens(String reader, String writer, String admin) {

  /** The configured tokens, or when none are configured, the ones derived from {@code keys}. */
  public static DataServerTokens of(DataServersProperties configured, EventKeys keys) {
    boolean given =
        !configured.getReaderToken().isBlank()
            || !configured.getWriterToken().isBlank()
            || !configured.getAdminToken().isBlank();
    if (given) {
      return new DataServerTokens(
          configured.getReaderToken(), configured.getWriterToken(), configured.getAdminToken());
    }
    return new DataServerTokens(
        keys.derive("flops-data:reader"),
        keys.derive("flops-data:writer"),
        keys.derive("flops-data:admin"));
  }

  /** Leaves out the tokens. */
  @Override
  public String toString() {
    return "DataServerTokens[reader, writer, admin]";
  }
}
