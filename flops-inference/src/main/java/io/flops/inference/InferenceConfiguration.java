package io.flops.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.common.launch.InferenceLaunch;
import io.flops.common.launch.LaunchEnvironment;
import io.flops.inference.dl4j.Dl4jModelLoader;
import io.flops.inference.model.LoadedModel;
import io.flops.inference.model.MlmodelReader;
import io.flops.inference.model.ModelDescription;
import io.flops.inference.model.ModelLoader;
import io.flops.inference.model.ModelLoaders;
import io.flops.inference.scoring.ModelMetadata;
import io.flops.inference.scoring.Scorer;
import io.flops.mlapi.ModelSignature;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** Reads the model directory at start, loads the model with the loader of its flavor. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InferenceProperties.class)
class InferenceConfiguration {

  private static final Logger log = LoggerFactory.getLogger(InferenceConfiguration.class);

  @Bean
  Dl4jModelLoader dl4jModelLoader() {
    return new Dl4jModelLoader();
  }

  @Bean
  ModelLoaders modelLoaders(List<ModelLoader> loaders) {
    return new ModelLoaders(loaders);
  }

  /** The model to serve (the trained-model image sets it; docs/services.md). */
  @Bean
  InferenceLaunch inferenceLaunch(ConfigurableEnvironment environment) {
    return InferenceLaunch.fromEnvironment(LaunchEnvironment.of(environment));
  }

  @Bean
  ModelDescription modelDescription(InferenceLaunch launch) {
    return MlmodelReader.read(launch.modelDir());
  }

  @Bean
  LoadedModel loadedModel(ModelLoaders loaders, ModelDescription description) {
    LoadedModel loaded = loaders.load(description);
    ModelSignature signature = loaded.model().signature();
    log.info(
        "Serving the {} model in {} (run {}): rows of shape {}, {} output classes",
        loaded.flavor(),
        description.directory().toAbsolutePath(),
        description.runId(),
        Arrays.toString(signature.inputShape()),
        signature.outputClasses().size());
    return loaded;
  }

  @Bean
  Scorer scorer(LoadedModel loaded, InferenceProperties properties, ObjectMapper json) {
    return new Scorer(loaded.model(), properties.maxBatchSize(), json);
  }

  @Bean
  ModelMetadata modelMetadata(
      ModelDescription description, LoadedModel loaded, InferenceProperties properties) {
    return ModelMetadata.of(
        description, loaded.flavor(), loaded.model().signature(), properties.maxBatchSize());
  }
}
