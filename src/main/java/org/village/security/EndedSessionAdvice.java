package org.village.security;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.support.ClassFilters;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationClassFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;

/**
 * The service layer's own check (decision 035): every call to one of Village's services made for a session
 * whose account has since been switched off or changed is refused with {@link SessionEndedException}, before
 * method security and before any transaction starts. The web filter and Vaadin's check end such sessions
 * first; this holds wherever a call comes from (push, background work, a future API). The check is made on the
 * outermost service call of a thread only; services it calls in turn run within that call's check.
 */
@Configuration(proxyBeanMethods = false)
class EndedSessionAdvice {

    /**
     * Set while a checked call runs on this thread: the services it calls in turn are not checked again (one
     * primary-key read per call from outside, not one per service passed through; a chat message passed five).
     */
    private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor endedSessionAdvisor(ObjectProvider<SessionStamps> stamps) {
        ClassFilter villageServices = ClassFilters.intersection(new AnnotationClassFilter(Service.class, true),
                type -> type.getName().startsWith("org.village.") && !UserDetailsService.class.isAssignableFrom(type));
        MethodInterceptor check = invocation -> {
            if (INSIDE.get() != null) {
                return invocation.proceed(); // the outermost call of this thread already checked
            }
            stamps.getObject().require();
            INSIDE.set(Boolean.TRUE);
            try {
                return invocation.proceed();
            } finally {
                INSIDE.remove();
            }
        };
        var advisor = new DefaultPointcutAdvisor(new ComposablePointcut(villageServices), check);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }
}
