package org.village.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void shortCommonAndNamedPasswordsAreRefusedWithAReason() {
        assertThat(policy.problem("")).hasValueSatisfying(m -> assertThat(m).contains("choose a password"));
        assertThat(policy.problem("abc12")).hasValueSatisfying(m -> assertThat(m).contains("at least 8"));
        assertThat(policy.problem("password1")).hasValueSatisfying(m -> assertThat(m).contains("easy to guess"));
        assertThat(policy.problem("Iloveyou1")).hasValueSatisfying(m -> assertThat(m).contains("easy to guess"));
        assertThat(policy.problem("x".repeat(129))).hasValueSatisfying(m -> assertThat(m).contains("up to 128"));
        assertThat(policy.problem("robin-the-great", "parent.b", "Robin")).hasValueSatisfying(m -> assertThat(m).contains("name"));
    }

    @Test
    void aLongUnusualPasswordIsFine() {
        assertThat(policy.problem("lantern-by-the-sea", "carer.kim", "Bluebell")).isEmpty();
    }
}
