package org.village.layout;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.village.shared.Capability;

/**
 * After signing in, staff who take duty or moderate start on "Today" instead of the home page; parents, and anyone who
 * was on their way to another page (a saved request), land where they did before. Around Spring Security's sign-in:
 * when the answer to a POST to /login would send a signed-in member of staff to the home page, it sends them to
 * /today instead. Nothing else is touched.
 */
@Configuration(proxyBeanMethods = false)
class StaffLanding {

    static final Set<String> STAFF = Set.of(Capability.TAKE_DUTY.authority(), Capability.MODERATE.authority());

    @Bean
    static FilterRegistrationBean<OncePerRequestFilter> staffLandsOnToday() {
        var filter = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String home = request.getContextPath() + "/";
                chain.doFilter(request, new HttpServletResponseWrapper(response) {
                    @Override
                    public void sendRedirect(String location) throws IOException {
                        String path = location == null ? "" : location.replaceFirst(";jsessionid=[^?#]*", "");
                        super.sendRedirect(home.equals(path) && staff() ? home + "today" : location);
                    }
                });
            }
        };
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(filter);
        registration.setOrder(-1000); // around Spring Security's chain, which answers /login itself
        registration.addUrlPatterns("/login");
        return registration;
    }

    /** The person just signed in (the success handler runs with them in the security context). */
    static boolean staff() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(STAFF::contains);
    }
}
