package org.village.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.village.security.internal.UserAccountRepository;

@Service
class VillageUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    VillageUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        var a = accounts.findByUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        return new VillageUser(a.getId(), a.getUsername(), a.getDisplayName(), a.getRoles(), a.getFamilyId(),
                a.isEnabled(), a.getSecurityStamp(), a.getPasswordHash());
    }
}
