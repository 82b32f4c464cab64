package io.flops.manager.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tokens of the learner nodes' data servers ({@code flops.data-servers.*}). Empty (the
 * default): derived from the installation secret, which is what the data servers this manager
 * starts are given. Set all three when the data servers are started by someone else (real nodes),
 * with the same values as their {@code FLOPS_DATASERVER_*_TOKEN}.
 */
@ConfigurationProperties(prefix = "flops.data-servers")
public class DataServersProperties {

  /** The token that lists and reads data sets; learners get it. */
  private String readerToken = "";

  /** The token that also puts data sets; mock-data providers get it. */
  private String writerToken = "";

  /** The token that also drops data sets; the manager keeps it. */
  private String adminToken = "";

  public String getReaderToken() {
    return readerToken;
  }

  public void setReaderToken(String readerToken) {
    this.readerToken = readerToken;
  }

  public String getWriterToken() {
    return writerToken;
  }

  public void setWriterToken(String writerToken) {
    this.writerToken = writerToken;
  }

  public String getAdminToken() {
    return adminToken;
  }

  public void setAdminToken(String adminToken) {
    this.adminToken = adminToken;
  }
}
