package dev.orchwiz.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.core.Authentication;

/**
 * Signs in with an emailed link: the token is consumed (so it works once), and the proven address signs in, or signs
 * up when the node's policy lets it.
 */
class EmailLinkAuthenticationProvider implements AuthenticationProvider {

    static final String NEW_USER_DETAIL = "newUser";

    private final OneTimeTokenService tokens;
    private final AccountEnrollment enrollment;

    EmailLinkAuthenticationProvider(OneTimeTokenService tokens, AccountEnrollment enrollment) {
        this.tokens = tokens;
        this.enrollment = enrollment;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OneTimeToken token = tokens.consume((OneTimeTokenAuthenticationToken) authentication);
        if (token == null) {
            throw new BadCredentialsException("This sign-in link was already used, has expired, or never existed");
        }
        AccountEnrollment.Enrolled enrolled = enrollment.signIn(token.getUsername());
        SignedInUser user = SignedInUser.of(enrolled.account());
        OneTimeTokenAuthenticationToken signedIn =
                OneTimeTokenAuthenticationToken.authenticated(user, user.getAuthorities());
        signedIn.setDetails(enrolled.newUser() ? NEW_USER_DETAIL : null);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OneTimeTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
