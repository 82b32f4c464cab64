package io.flops.manager.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Images of FLOps' own services that the manager deploys ({@code flops.images.*}). */
@Validated
@ConfigurationProperties(prefix = "flops.images")
public class ImagesProperties {

  /** The project observer. */
  @NotBlank private String observer = "flops/observer:0.1.0-SNAPSHOT";

  /** The image builder (fl-actors and trained-model plans). */
  @NotBlank private String builder = "flops/builder:0.1.0-SNAPSHOT";

  /** The ML data server, which also runs the mock data provider. */
  @NotBlank private String dataserver = "flops/dataserver:0.1.0-SNAPSHOT";

  /** The JRE base the builder puts under learner, aggregator and inference images. */
  @NotBlank private String jreBase = "eclipse-temurin:17-jre";

  public String getObserver() {
    return observer;
  }

  public void setObserver(String observer) {
    this.observer = observer;
  }

  public String getBuilder() {
    return builder;
  }

  public void setBuilder(String builder) {
    this.builder = builder;
  }

  public String getDataserver() {
    return dataserver;
  }

  public void setDataserver(String dataserver) {
    this.dataserver = dataserver;
  }

  public String getJreBase() {
    return jreBase;
  }

  public void setJreBase(String jreBase) {
    this.jreBase = jreBase;
  }
}
