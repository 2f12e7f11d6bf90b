package dev.beacon.it;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/**
 * An application's own login, the kind the console's guide allows beside a {@code <security-constraint>}: the user a
 * request names in the header {@value #USER_HEADER}, or a browser in the cookie {@value #USER_COOKIE}, is logged in,
 * and the one named {@value #OPERATOR} holds the console's role ({@value #ROLE}). Deployed by the console's tests alone.
 */
@WebFilter("/beacon-console/*")
public class OperatorLogin extends HttpFilter {

    static final String USER_HEADER = "X-Test-User";
    static final String USER_COOKIE = "test-user";
    static final String OPERATOR = "operator";
    static final String ROLE = "beacon-operator";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String user = userOf(request);
        chain.doFilter(user == null ? request : new LoggedIn(request, user), response);
    }

    private static String userOf(HttpServletRequest request) {
        String user = request.getHeader(USER_HEADER);
        if (user == null && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (cookie.getName().equals(USER_COOKIE)) {
                    user = cookie.getValue();
                }
            }
        }
        return user;
    }

    private static final class LoggedIn extends HttpServletRequestWrapper {
        private final String user;

        LoggedIn(HttpServletRequest request, String user) {
            super(request);
            this.user = user;
        }

        @Override
        public Principal getUserPrincipal() {
            return () -> user;
        }

        @Override
        public String getRemoteUser() {
            return user;
        }

        @Override
        public boolean isUserInRole(String role) {
            return OPERATOR.equals(user) && ROLE.equals(role);
        }
    }
}
