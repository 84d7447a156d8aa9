package org.village.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The sign-in check gives one answer for a wrong password, whoever the name belongs to, and always runs bcrypt
 * once, also for names that belong to nobody, so that neither the answer nor its time tells which names exist.
 */
class SignInAnswersTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final String hash = bcrypt.encode("lantern-by-the-sea");
    private final UserDetailsService users = name -> switch (name) {
        case "real.parent" -> new VillageUser(1, "real.parent", "Real", java.util.Set.of("PARENT"), 1L, true, 0, hash);
        case "switched.off" -> new VillageUser(2, "switched.off", "Off", java.util.Set.of("PARENT"), 1L, false, 0, hash);
        default -> throw new UsernameNotFoundException("unknown");
    };
    private final org.springframework.security.authentication.dao.DaoAuthenticationProvider provider =
            new SecurityConfig().authenticationProvider(users, counting);

    @Test
    void aWrongPasswordGetsTheSameAnswerForARealAnUnknownAndASwitchedOffName() {
        for (String name : new String[] {"real.parent", "nobody.at.all", "switched.off"}) {
            bcryptChecks.set(0);
            assertThatThrownBy(() -> provider.authenticate(attempt(name, "not-the-password")))
                    .as(name).isExactlyInstanceOf(BadCredentialsException.class);
            assertThat(bcryptChecks).as("bcrypt runs once for " + name).hasValue(1);
        }
    }

    @Test
    void onlyTheRightPasswordLearnsThatAnAccountIsSwitchedOff() {
        assertThatThrownBy(() -> provider.authenticate(attempt("switched.off", "lantern-by-the-sea")))
                .isInstanceOf(DisabledException.class);
        assertThat(provider.authenticate(attempt("real.parent", "lantern-by-the-sea")).getPrincipal())
                .isInstanceOf(VillageUser.class);
    }

    private static UsernamePasswordAuthenticationToken attempt(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }
}
