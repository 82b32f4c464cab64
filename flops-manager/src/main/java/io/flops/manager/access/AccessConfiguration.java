package io.flops.manager.access;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Gives controller methods the request's {@link Caller} as a parameter; the JWT issuer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JwtProperties.class)
public class AccessConfiguration implements WebMvcConfigurer {

  /** The OpenID Connect issuer's tokens, when {@code flops.access.jwt.*} names one. */
  @Bean
  JwtCallers jwtCallers(JwtProperties properties) {
    return JwtCallers.of(properties);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerResolver());
  }

  /** The {@link Caller} the {@link AccessFilter} found; the admin when none ran (tests). */
  static final class CallerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(
        MethodParameter parameter,
        ModelAndViewContainer mav,
        NativeWebRequest request,
        WebDataBinderFactory binders) {
      Object caller = request.getAttribute(AccessFilter.CALLER, RequestAttributes.SCOPE_REQUEST);
      if (caller instanceof Caller known) {
        return known;
      }
      throw new IllegalStateException("No caller: the access filter did not run for this request");
    }
  }
}
