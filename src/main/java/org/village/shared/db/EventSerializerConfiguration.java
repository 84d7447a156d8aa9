package org.village.shared.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event publication registry's serializer with its {@code JsonMapper} looked up once instead of for each event
 * (decision 102). Spring Modulith's auto-configured {@code JacksonEventSerializer} asks the bean factory for the
 * mapper ({@code ObjectProvider.getIfAvailable}) every time it writes or reads an event; under contended booking that
 * lookup cost more of the booking call's CPU than writing the JSON itself. Modulith's event classes are on the class
 * path at run time only, so the serializer is wrapped (a proxy of its own interfaces) rather than replaced: its
 * {@code serialize} and {@code deserialize} do what Modulith's do (the same calls on the same mapper: the
 * application's {@code JsonMapper} when there is one, else Modulith's default), with the mapper found once.
 */
@Configuration(proxyBeanMethods = false)
class EventSerializerConfiguration {

    static final String MODULITH_SERIALIZER = "org.springframework.modulith.events.jackson.JacksonEventSerializer";

    @Bean
    static BeanPostProcessor eventSerializerWithMapperOnce(ObjectProvider<JsonMapper> mapper,
                                                          ObjectProvider<ApplicationContext> context) {
        var once = SingletonSupplier.of(() -> mapper.getIfAvailable(() -> JsonMapper.builder()
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModules(context.getObject().getBeansOfType(JacksonModule.class).values())
                .build()));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!bean.getClass().getName().equals(MODULITH_SERIALIZER)) {
                    return bean;
                }
                InvocationHandler handler = (proxy, method, args) -> {
                    if (method.getName().equals("serialize") && args != null && args.length == 1) {
                        return once.obtain().writeValueAsString(args[0]);
                    }
                    if (method.getName().equals("deserialize") && args != null && args.length == 2
                            && args[1] instanceof Class<?> type) {
                        return once.obtain().readerFor(type).readValue(args[0].toString());
                    }
                    try {
                        return method.invoke(bean, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                };
                return Proxy.newProxyInstance(bean.getClass().getClassLoader(), bean.getClass().getInterfaces(),
                        handler);
            }
        };
    }
}
